"""Time values round 13 (second slots helper) found lost once the capability is right, on a
registry of these tests' own (riding lessons): a bare hour after "at" is a time before an
adverb or a conjunction that goes on to the next phrase ("at 10 instead", "at 3 today", "at
seven if possible"), as before "and" or "for": no count measures such a word."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-05-28"  # a Friday


class Ref(BaseModel):
    ref: str


class LessonIn(BaseModel):
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="start, HH:MM")
    level: Literal["beginner", "intermediate", "advanced"] | None = None


@pf.capability(intent="Book a riding lesson", tags=["riding"])
async def book_riding_lesson(inp: LessonIn) -> Ref:
    return Ref(ref="r")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_riding_lesson])


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("book a riding lesson on Saturday at 10 instead, intermediate", "10:00"),
        ("book a riding lesson on Saturday at 10 if possible", "10:00"),
        ("book a riding lesson on Saturday at ten instead", "10:00"),
    ],
)
async def test_a_bare_hour_before_an_adverb_is_a_time(node: pf.Node, text: str, time: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert len(steps) == 1
    assert steps[0]["params"]["time"] == time
    assert steps[0]["params"]["date"] == "2027-05-29"
