""" "did" before an indefinite thing or a number ("just did a 5k run", "did 40 minutes of
yoga") tells of a thing done, which asks to record it: never to read a summary of such things.
A question keeps its subject after "did" ("did you ...", "did the parcel ...") and still reads.
On a registry of these tests' own (a training log, a reading log)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"  # a Wednesday


class Logged(BaseModel):
    entry_id: str


class SessionIn(BaseModel):
    sport: Literal["running", "cycling", "rowing", "pilates"] = Field(description="what was done")
    minutes: int | None = Field(default=None, ge=1, description="how long, in minutes")
    date: dt.date | None = Field(default=None, description="the day it was done")


@pf.capability(intent="Add a finished training session to the log", tags=["training"])
async def log_session(inp: SessionIn) -> Logged:
    return Logged(entry_id="s-1")


class TotalsIn(BaseModel):
    from_date: dt.date = Field(description="first day")
    to_date: dt.date = Field(description="last day")
    sport: Literal["running", "cycling", "rowing", "pilates"] | None = None


class Totals(BaseModel):
    sessions: int


@pf.capability(intent="Totals of the training sessions over a period", tags=["training"])
async def training_totals(inp: TotalsIn) -> Totals:
    return Totals(sessions=3)


class ChapterIn(BaseModel):
    book: str = Field(description="title of the book")
    chapters: int = Field(ge=1, description="how many chapters were read")


@pf.capability(intent="Note chapters read in the reading diary", tags=["reading"])
async def note_reading(inp: ChapterIn) -> Logged:
    return Logged(entry_id="r-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [log_session, training_totals, note_reading]
    )


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


@pytest.mark.parametrize(
    "text",
    [
        "did a 30 minute row this morning",
        "just did a pilates class today",
        "did 45 minutes on the bike",
    ],
)
def test_did_before_a_thing_done_records_it(text: str) -> None:
    action = _action(text)
    assert "record" in action.classes and not action.query


@pytest.mark.parametrize("text", ["did you get my message", "did the parcel arrive"])
def test_did_before_its_subject_still_asks(text: str) -> None:
    assert _action(text).query


@pytest.mark.parametrize(
    ("text", "sport", "minutes"),
    [
        ("just did a 30 minute run this morning", "running", 30),
        ("did 45 minutes of pilates today", "pilates", 45),
        ("finally did a 50 minute bike ride", "cycling", 50),
    ],
)
async def test_a_session_told_as_done_is_logged(
    node: pf.Node, text: str, sport: str, minutes: int
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["log_session"]
    assert steps[0]["params"]["sport"] == sport
    assert steps[0]["params"]["minutes"] == minutes


async def test_a_question_about_sessions_still_reads(node: pf.Node) -> None:
    steps = await plan_steps(node, "how many runs did I do last week?", TODAY)
    assert [s["capability"] for s in steps] == ["training_totals"]


async def test_a_thing_done_that_nothing_records_is_refused(node: pf.Node) -> None:
    assert await is_refused(node, "did a big shop at the supermarket", TODAY)
