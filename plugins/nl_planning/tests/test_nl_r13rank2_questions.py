"""A question whether something has happened to a thing ("has my parcel RX100200300GB left
the depot?"), on a registry of these tests' own (a parcel tracker, a parcel redirect, a
courier pick-up): the past participle says what happened, asked after the thing's state, no
topic the tracker's words must explain."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-03-26"
_TRACKING = r"^RX[0-9]{9}GB$"


class Ref(BaseModel):
    ref: str


class TrackIn(BaseModel):
    tracking_number: str = Field(pattern=_TRACKING, description="e.g. RX123456789GB")


@pf.capability(intent="Where a delivery is right now", tags=["parcels"])
async def track_parcel(inp: TrackIn) -> Ref:
    return Ref(ref="t")


class RedirectIn(BaseModel):
    tracking_number: str = Field(pattern=_TRACKING, description="e.g. RX123456789GB")
    option: Literal["neighbour", "depot", "safe_place"] = Field(description="where instead")


@pf.capability(intent="Send an incoming delivery somewhere else", tags=["parcels"])
async def redirect_parcel(inp: RedirectIn) -> Ref:
    return Ref(ref="r")


class PickupIn(BaseModel):
    postcode: str = Field(description="where to collect from")


@pf.capability(intent="A courier picks a package up from home", tags=["parcels"])
async def book_parcel_collection(inp: PickupIn) -> Ref:
    return Ref(ref="p")


class RoomIn(BaseModel):
    room: Literal["kitchen", "hallway", "bedroom"] = Field(description="which room")


@pf.capability(intent="Light up a room", tags=["lighting"])
async def turn_on_lights(inp: RoomIn) -> Ref:
    return Ref(ref="l")


class ItemIn(BaseModel):
    item: str = Field(description="what to buy")


@pf.capability(intent="Something to buy next time at the shops", tags=["shopping"])
async def add_to_shopping_list(inp: ItemIn) -> Ref:
    return Ref(ref="s")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [
        track_parcel,
        redirect_parcel,
        book_parcel_collection,
        turn_on_lights,
        add_to_shopping_list,
    ]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "has my parcel RX100200300GB left the depot?",
        "has RX100200300GB arrived yet?",
    ],
)
async def test_whether_it_happened_reads_its_state(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("track_parcel", {"tracking_number": "RX100200300GB"})
    ]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("has my report SR-1234567 been looked at", "look"),
        ("has my parcel RX100200300GB left the depot", "leave"),
        ("has the parcel been delivered", "deliver"),
    ],
)
def test_the_participle_is_what_is_asked(text: str, verb: str) -> None:
    # "been" is the auxiliary, not what happened
    words = [t for t in tokenize(text) if t.is_word or t.entity]
    action = request_action(words)
    assert action.verbs == (verb,)
    assert not action.explicit
