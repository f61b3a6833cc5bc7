"""A question that opens with "any" and a thing ("any Arctic Monkeys gigs in Manchester?")
asks whether such a thing is there - to look it up, as "are there any ...?" does: every
capability that searches is tried for it, its words need not be the request's. "any more" or
"any chance" asks no such thing. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.existence import asked_existence

TODAY = "2026-03-26"


class Found(BaseModel):
    event_id: str


class FindEventIn(BaseModel):
    query: str = Field(description="artist, team or show to look for")
    city: str | None = Field(default=None, description="city where the event takes place")
    date: dt.date | None = Field(default=None, description="day of the event")


@pf.capability(intent="Search upcoming concerts, games and shows", tags=["ticketing", "events"])
async def find_event(inp: FindEventIn) -> Found:
    return Found(event_id="e-1")


@pytest.mark.parametrize(
    ("text", "at"),
    [("any arctic monkeys gigs in manchester", 1), ("any good sushi spots around", 1)],
)
def test_any_thing_asks_whether_it_is_there(text: str, at: int) -> None:
    assert asked_existence(text.split(), 0) == at


@pytest.mark.parametrize("text", ["any more of that", "any chance of a refund"])
def test_any_more_asks_no_such_thing(text: str) -> None:
    assert asked_existence(text.split(), 0) is None


async def test_the_thing_is_searched_for(module_node: pf.Node, register_module: Any) -> None:
    node = await planner_on(module_node, register_module, [find_event])
    steps = await plan_steps(node, "any Arctic Monkeys gigs in Manchester?", TODAY)
    assert [s["capability"] for s in steps] == ["find_event"]
