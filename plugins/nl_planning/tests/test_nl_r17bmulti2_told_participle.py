"""A thing's "'s" and a participle ("golf's rained off", "the match's called off") tells what
became of it: a statement that sets the scene of the requests beside it, not a request to
switch something off. On a registry of these tests' own (a tee booking, a bowling lane)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class CancelIn(BaseModel):
    booking_ref: str = Field(pattern=r"^GB-[0-9]{5}$", description="the tee booking, GB-40093")


class Done(BaseModel):
    ok: bool


@pf.capability(intent="Call off a booked round of golf", tags=["golf"])
async def cancel_tee_time(inp: CancelIn) -> Done:
    return Done(ok=True)


class LaneIn(BaseModel):
    date: dt.date = Field(description="day of the game")
    players: int = Field(ge=1, le=8, description="how many bowling")


@pf.capability(intent="Reserve a bowling lane", tags=["bowling"])
async def book_bowling_lane(inp: LaneIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [cancel_tee_time, book_bowling_lane])


@pytest.mark.parametrize(
    "text",
    [
        "Golf's rained off, cancel GB-11402 and book bowling for 4 on Saturday instead",
        "the round's called off, cancel GB-11402 and book bowling for 4 on Saturday",
    ],
)
async def test_what_became_of_a_thing_sets_the_scene(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["cancel_tee_time", "book_bowling_lane"]
    assert steps[1]["params"] == {"date": "2026-06-13", "players": 4}
