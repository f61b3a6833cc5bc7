"""What a clause asks beyond its verb's class: "how do I get *from* X to Y" is the way there,
"pause next Monday's meal kit" skips that one box, "give Tom a code until Sunday" gives a new
thing (it extends nothing held), "my package still hasn't arrived" asks where it is. On a
registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ref: str


class JourneyIn(BaseModel):
    origin: str = Field(description="station or address to leave from")
    destination: str = Field(description="station or address to go to")


@pf.capability(intent="Route planner for buses, trams and trains", tags=["transit"])
async def plan_journey(inp: JourneyIn) -> Done:
    return Done(ref="j-1")


class SkipIn(BaseModel):
    delivery_date: dt.date = Field(description="the delivery day to leave out")


@pf.capability(intent="Leave out one box of the recipe subscription", tags=["meal_kits"])
async def skip_meal_kit_delivery(inp: SkipIn) -> Done:
    return Done(ref="m-1")


class AlarmUserIn(BaseModel):
    name: str = Field(description="person's name")
    phone: str = Field(pattern=r"^\+[1-9]\d{7,14}$", description="mobile number, international")
    access: Literal["full", "arm_only", "temporary"] = Field(
        default="full", description="what the person's code may do"
    )
    expires_on: dt.date | None = Field(default=None, description="last day the code works")


@pf.capability(intent="Give someone their own code for the alarm", tags=["alarm", "users"])
async def add_alarm_user(inp: AlarmUserIn) -> Done:
    return Done(ref="a-1")


class TrackIn(BaseModel):
    tracking_number: str = Field(pattern=r"^[A-Z]{2}\d{9}GB$", description="e.g. RX123456789GB")


@pf.capability(intent="Where a delivery is right now", tags=["parcels", "delivery"])
async def track_parcel(inp: TrackIn) -> Done:
    return Done(ref="t-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [plan_journey, skip_meal_kit_delivery, add_alarm_user, track_parcel],
    )


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


def test_the_way_from_a_place_is_a_route() -> None:
    action = _action("how do I get from King's Cross to Heathrow")
    assert action.verbs == ("travel",) and "schedule" in action.classes


def test_pausing_one_days_thing_skips_it() -> None:
    assert "skip" in _action("pause next Monday's meal kit").classes
    assert "skip" not in _action("pause the meal kits from Monday until Friday").classes


def test_a_thing_not_yet_arrived_is_found() -> None:
    assert "retrieve" in _action("my package still hasn't arrived").classes
    assert "retrieve" not in _action("our bins weren't collected").classes


async def test_a_route_from_somewhere(node: pf.Node) -> None:
    steps = await plan_steps(node, "how do I get from King's Cross to Heathrow Terminal 5?", TODAY)
    assert steps == [
        {
            "capability": "plan_journey",
            "params": {"origin": "King's Cross", "destination": "Heathrow Terminal 5"},
        }
    ]


async def test_one_paused_box_is_skipped(node: pf.Node) -> None:
    steps = await plan_steps(node, "pause next Monday's meal kit", TODAY)
    assert steps == [
        {"capability": "skip_meal_kit_delivery", "params": {"delivery_date": "2026-06-15"}}
    ]


async def test_a_new_code_until_a_day_is_given(node: pf.Node) -> None:
    text = "Give our neighbour Tom Price a temporary code until Sunday, number +1 415 555 0142"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["add_alarm_user"]
    assert steps[0]["params"]["expires_on"] == "2026-06-14"


async def test_a_parcel_not_arrived_is_tracked(node: pf.Node) -> None:
    text = "My package still hasn't arrived, tracking number CP902211873GB"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [{"capability": "track_parcel", "params": {"tracking_number": "CP902211873GB"}}]
