"""Free text and choices the planner read wrongly on round 9's probes: a place after the
preposition that names a required field though the capability's examples say the same word
("in the cellar"), the items of a terse list in the order of the fields ("report a leak:
steady, bathroom, today"; a field of prose takes the items that follow each other), a
one-word value written as two words ("black fly" for ``blackfly``), and the "all" of "at all"
that chooses no value ``all``; on registries of these tests' own (a landlord's repairs, an
allotment, a smart door lock and a family's fridge board)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday


class Ref(BaseModel):
    ref: str


class LeakIn(BaseModel):
    location: str = Field(description="where in the house")
    severity: Literal["drip", "steady", "burst"] = Field(description="how bad")
    seen_on: dt.date = Field(description="day it was noticed")


@pf.capability(
    intent="Tell the landlord about a leak",
    tags=["repairs"],
    examples=["a drip in the bathroom since yesterday", "burst pipe in the cellar today"],
)
async def report_leak(inp: LeakIn) -> Ref:
    return Ref(ref="l")


class BugIn(BaseModel):
    bug: Literal["greenfly", "slugs", "blackfly", "vine_weevils"] = Field(description="which pest")
    bed: str = Field(description="which bed of the allotment")


@pf.capability(intent="Pests found on the allotment", tags=["allotment"])
async def record_garden_pest(inp: BugIn) -> Ref:
    return Ref(ref="p")


class DoorLogIn(BaseModel):
    from_date: dt.date = Field(description="first day of the log")
    kind: Literal["all", "openings", "faults"] = Field(default="all", description="which entries")


@pf.capability(intent="History of the smart door lock", tags=["door", "history"])
async def get_door_log(inp: DoorLogIn) -> Ref:
    return Ref(ref="d")


class FridgeNoteIn(BaseModel):
    message: str = Field(description="what the note says")
    day: dt.date = Field(description="day it is for")


@pf.capability(intent="Pin a note on the family's fridge board", tags=["family"])
async def pin_fridge_note(inp: FridgeNoteIn) -> Ref:
    return Ref(ref="n")


@pytest.fixture
async def house(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [report_leak, record_garden_pest, get_door_log, pin_fridge_note],
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_a_place_the_examples_also_name(house: pf.Node) -> None:
    params = await _params(house, "a burst pipe in the cellar since yesterday")
    assert params == {"location": "cellar", "severity": "burst", "seen_on": "2026-10-07"}


async def test_the_items_of_a_terse_list(house: pf.Node) -> None:
    params = await _params(house, "report a leak: steady, bathroom, today")
    assert params == {"location": "bathroom", "severity": "steady", "seen_on": "2026-10-08"}


async def test_a_field_of_prose_takes_the_items_that_follow_each_other(house: pf.Node) -> None:
    params = await _params(house, "fridge note for Saturday, dentist, bring the card")
    assert params == {"day": "2026-10-10", "message": "dentist, bring the card"}


async def test_a_one_word_value_written_in_two(house: pf.Node) -> None:
    assert await _params(house, "black fly on bed 4") == {"bug": "blackfly", "bed": "4"}


async def test_at_all_chooses_no_value_all(house: pf.Node) -> None:
    params = await _params(house, "any faults on the door lock at all since Monday?")
    assert params == {"from_date": "2026-10-05", "kind": "faults"}
    params = await _params(house, "did the door open at all since Monday?")
    assert "kind" not in params  # the default, not a value the text chose
