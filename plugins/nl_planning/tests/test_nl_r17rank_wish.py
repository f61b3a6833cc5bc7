"""A wish for a thing ("can we get a German-speaking guide at the Pergamon Museum ...") names
no action, as a bare phrase does not: a search whose free-text field swallowed its words whole,
none of them its own, does not explain it - the request is not a search for events. A wish
said in a capability's own words is still planned. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class Done(BaseModel):
    ok: bool


class FindEventIn(BaseModel):
    query: str = Field(description="artist, team or show to look for")
    city: str | None = Field(default=None, description="city where the event takes place")
    date: dt.date | None = Field(default=None, description="day of the event")


@pf.capability(intent="Search upcoming concerts, games and shows", tags=["ticketing", "events"])
async def find_event(inp: FindEventIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_event])


async def test_a_wish_swallowed_whole_is_no_search(node: pf.Node) -> None:
    text = "Can we get a German-speaking guide at the Pergamon Museum on the 3rd of October?"
    assert await is_refused(node, text, TODAY)


async def test_a_search_said_plainly_still_searches(node: pf.Node) -> None:
    steps = await plan_steps(node, "search for Arctic Monkeys concerts in Manchester", TODAY)
    assert [s["capability"] for s in steps] == ["find_event"]
