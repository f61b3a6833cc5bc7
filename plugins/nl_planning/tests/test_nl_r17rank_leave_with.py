"""A thing left with someone or somewhere ("leave RX482019374GB with a neighbour", "leave it at
the back door") is delivered there: "leave" then says nothing of quitting. Leaving a ride is
still leaving it. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-09-29"
_TRACKING = r"^[A-Z]{2}[0-9]{9}GB$"


class Done(BaseModel):
    ok: bool


class RedirectIn(BaseModel):
    tracking_number: str = Field(pattern=_TRACKING, description="e.g. RX123456789GB")
    option: Literal["neighbour", "safe_place", "locker", "depot"] = Field(
        description="where it should go instead"
    )
    details: str | None = Field(default=None, description="which neighbour, or the safe place")


@pf.capability(intent="Send an incoming delivery somewhere else", tags=["parcels", "delivery"])
async def redirect_parcel(inp: RedirectIn) -> Done:
    return Done(ok=True)


class LeaveRideIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-[0-9]{6}$", description="the trip, e.g. R-204118")


@pf.capability(intent="Give up a seat already taken on a shared trip", tags=["carpool"])
async def leave_ride(inp: LeaveRideIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [redirect_parcel, leave_ride])


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


@pytest.mark.parametrize("text", ["leave it with a neighbour", "leave the box at the back door"])
def test_a_thing_left_somewhere_is_delivered(text: str) -> None:
    assert "send" in _action(text).classes


def test_leaving_a_thing_one_is_on_still_leaves_it() -> None:
    assert "send" not in _action("leave ride R-220914").classes


async def test_the_parcel_goes_to_the_neighbour(node: pf.Node) -> None:
    steps = await plan_steps(node, "leave RX482019374GB with a neighbour", TODAY)
    assert steps == [
        {
            "capability": "redirect_parcel",
            "params": {"tracking_number": "RX482019374GB", "option": "neighbour"},
        }
    ]


async def test_the_ride_is_left(node: pf.Node) -> None:
    steps = await plan_steps(node, "leave ride R-220914", TODAY)
    assert steps == [{"capability": "leave_ride", "params": {"ride_id": "R-220914"}}]
