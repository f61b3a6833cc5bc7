"""A part after a comma that opens with a preposition no part before it says ("a skip of rubble
at LS6 3HN, *on* the road outside") is told of the object before it - where it goes, when, how
- not a second object of the verb: one run, with the detail's values. Objects joined with the
same preposition ("for Friday and for Saturday") are still a run each. On a registry of these
tests' own (a skip quote, a table booking)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class QuoteIn(BaseModel):
    postcode: str = Field(
        pattern=r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$", description="where it goes"
    )
    waste: Literal["general", "garden", "rubble"] = Field(
        default="general", description="what will be thrown in"
    )
    on_road: bool = Field(default=False, description="on the street, so a council permit")


class Quote(BaseModel):
    quote_id: str


@pf.capability(intent="What a builder's skip would cost", tags=["skips"])
async def get_skip_quote(inp: QuoteIn) -> Quote:
    return Quote(quote_id="SQ-1")


class TableIn(BaseModel):
    date: dt.date = Field(description="day of the meal")
    guests: int = Field(ge=1, le=12, description="how many people")


class Booked(BaseModel):
    booking_id: str


@pf.capability(intent="Reserve a table at the restaurant", tags=["restaurant"])
async def book_table(inp: TableIn) -> Booked:
    return Booked(booking_id="T-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_skip_quote, book_table])


async def test_a_phrase_of_place_after_the_object_is_one_run(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "quote me for a skip of rubble at LS6 3HN, on the road outside", TODAY
    )
    assert [s["capability"] for s in steps] == ["get_skip_quote"]
    assert steps[0]["params"]["waste"] == "rubble"
    assert steps[0]["params"]["on_road"] is True


async def test_objects_with_the_same_preposition_are_a_run_each(node: pf.Node) -> None:
    steps = await plan_steps(node, "book a table for 4 on Friday and on Saturday", TODAY)
    assert [s["params"]["date"] for s in steps] == ["2026-06-12", "2026-06-13"]
