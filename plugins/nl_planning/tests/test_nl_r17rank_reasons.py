"""A wish to do what no verb of the lexicon names, of nothing ("..., I need to go"), is the
teller's reason, not a thing to obtain: it is no step of its own (before, it asked a booking
for values). On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-08-21"


class Done(BaseModel):
    ref: str


class SessionIn(BaseModel):
    session_id: str = Field(pattern=r"^CS\d{6}$", description="the charging session")


@pf.capability(intent="End a charging session", tags=["ev"])
async def stop_charging(inp: SessionIn) -> Done:
    return Done(ref="c-1")


class PitchIn(BaseModel):
    pitch_id: str = Field(pattern=r"^P\d{3}$", description="the pitch")
    arrival_date: dt.date = Field(description="first night")
    departure_date: dt.date = Field(description="day of leaving")


@pf.capability(intent="Reserve a pitch at the campsite", tags=["camping"])
async def book_pitch(inp: PitchIn) -> Done:
    return Done(ref="p-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [stop_charging, book_pitch])


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


def test_a_wish_to_go_asks_nothing() -> None:
    action = _action("I need to go")
    assert not action.explicit and not action.classes


def test_a_wish_for_a_thing_still_obtains_it() -> None:
    assert _action("I need a pitch for Friday").verbs == ("obtain",)


async def test_the_reason_told_after_a_request_is_no_step(node: pf.Node) -> None:
    steps = await plan_steps(node, "end my charge CS330017 please, I need to go", TODAY)
    assert steps == [{"capability": "stop_charging", "params": {"session_id": "CS330017"}}]
