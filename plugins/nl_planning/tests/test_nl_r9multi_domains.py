"""The domain of a compound request, on a registry of these tests' own (a cat sitter's and a
piano teacher's): a later clause two capabilities fit about as well goes on in the domain of the
step before it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-04-15"  # a Wednesday


class Done(BaseModel):
    ref: str = Field(description="reference")


class ReviewIn(BaseModel):
    sitter_name: str = Field(description="the sitter who looked after the cat")
    stars: int = Field(ge=1, le=5, description="rating from 1 to 5")


@pf.capability(intent="Rate the person who looked after your cat", tags=["cats", "reviews"])
async def review_sitter(inp: ReviewIn) -> Done:
    return Done(ref="r")


class SitIn(BaseModel):
    cat_name: str = Field(description="name of the cat")
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="start, HH:MM")


@pf.capability(intent="A sitter visits and feeds your cat", tags=["cats"])
async def book_cat_sitting(inp: SitIn) -> Done:
    return Done(ref="c")


class LessonIn(BaseModel):
    teacher_name: str = Field(description="the teacher")
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="start, HH:MM")


@pf.capability(intent="An hour at the keys with a teacher", tags=["music"])
async def book_piano_lesson(inp: LessonIn) -> Done:
    return Done(ref="l")


@pytest.fixture
async def sitters(module_node: pf.Node, register_module: Any) -> pf.Node:
    # (the lesson first: on a tie of the words alone it would win)
    caps = [review_sitter, book_piano_lesson, book_cat_sitting]
    return await planner_on(module_node, register_module, caps)


async def test_a_near_tie_goes_on_in_the_domain_of_the_step_before(sitters: pf.Node) -> None:
    steps = await plan_steps(sitters, "Give Mia four stars; also book Tom in for Friday 5pm", TODAY)
    assert [s["capability"] for s in steps] == ["review_sitter", "book_cat_sitting"]
    assert steps[1]["params"] == {"cat_name": "Tom", "date": "2026-04-17", "time": "17:00"}


async def test_the_domain_never_overrules_the_words(sitters: pf.Node) -> None:
    text = "Give Mia four stars; also book a piano lesson with Tom for Friday 5pm"
    steps = await plan_steps(sitters, text, TODAY)
    assert [s["capability"] for s in steps] == ["review_sitter", "book_piano_lesson"]
