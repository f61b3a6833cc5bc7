"""A value of an optional choice said word for word in a clause that sets the scene ("I'm an
improver, could you show me the class times ...") is the user's for the request that
follows. On a registry of these tests' own (a swimming school's timetable)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"  # a Monday


class TimetableIn(BaseModel):
    level: Literal["beginner", "improver", "advanced"] | None = Field(
        default=None, description="which group"
    )
    from_date: dt.date | None = Field(default=None, description="first day shown")


class Timetable(BaseModel):
    sessions: int


@pf.capability(intent="When the swimming lessons are on", tags=["swimming"])
async def get_swim_timetable(inp: TimetableIn) -> Timetable:
    return Timetable(sessions=6)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_swim_timetable])


async def test_a_choice_said_in_the_scene_is_kept(node: pf.Node) -> None:
    text = "I'm an improver, could you show me the swimming lesson times from the 20th?"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["get_swim_timetable"]
    assert steps[0]["params"] == {"level": "improver", "from_date": "2027-06-20"}


async def test_a_scene_without_a_value_adds_none(node: pf.Node) -> None:
    text = "I'm new here, could you show me the swimming lesson times from the 20th?"
    steps = await plan_steps(node, text, TODAY)
    assert steps[0]["params"] == {"from_date": "2027-06-20"}
