"""An intent that opens with a plural noun and where the things are ("Calls in the phone log
over a period", "Messages on the team board ...") names what the capability reads: the noun is
no verb of what it does (it calls no one), so a question counting them reaches it, on a registry
of these tests' own (a phone log, a team board)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class Period(BaseModel):
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")


class Count(BaseModel):
    count: int


@pf.capability(intent="Calls in the phone log over a period", tags=["phone", "log"])
async def get_call_log(inp: Period) -> Count:
    return Count(count=12)


class CallIn(BaseModel):
    number: str = Field(pattern=r"^\+?[0-9 ]{7,15}$", description="who to ring")


@pf.capability(intent="Ring a number from the desk phone", tags=["phone"])
async def place_call(inp: CallIn) -> Count:
    return Count(count=1)


@pf.capability(intent="Messages on the team board over a period", tags=["team", "board"])
async def get_board_messages(inp: Period) -> Count:
    return Count(count=40)


class PostIn(BaseModel):
    text: str = Field(description="what to post")


@pf.capability(intent="Post a note to the team board", tags=["team", "board"])
async def post_to_board(inp: PostIn) -> Count:
    return Count(count=1)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [get_call_log, place_call, get_board_messages, post_to_board]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("how many calls did I make last month", "get_call_log"),
        ("calls in the log last month?", "get_call_log"),
        ("how many messages went up on the team board last month?", "get_board_messages"),
    ],
)
async def test_a_plural_noun_opening_an_intent_names_what_it_reads(
    node: pf.Node, text: str, capability: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [(capability, {"from_date": "2026-05-01", "to_date": "2026-05-31"})]
