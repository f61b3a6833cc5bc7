"""One reading of a clause's tense (``tense.clause_tense``) for the capability's date mode and
the date field alike: a participle after a verb of wanting is a thing to have done ("I need the
boxes dropped off on Friday", "have <link> translated"), not a past event, wherever the
tense is read (a link's, a clock time's or quoted text's words have no tense); "next"/"tomorrow"
look ahead though a past verb stands beside them. On a registry of this test's own (a courier
and a garage)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.tense import clause_tense
from packetflow_nl_planning.text import tokenize

TODAY = "2026-03-11"  # a Wednesday


class Done(BaseModel):
    ok: bool = True


class DropIn(BaseModel):
    postcode: str = Field(pattern=r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$", description="where")
    day: dt.date = Field(description="day of the drop")


@pf.capability(intent="Arrange a courier drop of parcels", tags=["courier"])
async def arrange_courier_drop(inp: DropIn) -> Done:
    return Done()


class SubtitleIn(BaseModel):
    video_url: str = Field(json_schema_extra={"format": "uri"}, description="link to the video")
    due: dt.date | None = Field(default=None, description="day it is needed by")


@pf.capability(intent="Commission subtitles for a video", tags=["subtitles"])
async def commission_subtitles(inp: SubtitleIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [arrange_courier_drop, commission_subtitles]
    )


def _tense(text: str) -> str | None:
    words = [t for t in tokenize(text) if t.is_word]
    return clause_tense([t.lower for t in words], [t.lemma for t in words])


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("the parcel arrived on Monday", "past"),
        ("what did I spend 3 days ago", "past"),
        ("I need the boxes dropped off on Friday", None),
        ("the day needed", None),
        ("get the dog vaccinated on Friday", None),
        ("the detailed report for March", None),
        ("I missed it, book me on the next one", "ahead"),
    ],
)
def test_clause_tense(text: str, tense: str | None) -> None:
    assert _tense(text) == tense


async def test_a_thing_wanted_done_is_no_past(node: pf.Node) -> None:
    [step] = await plan_steps(node, "I need the boxes dropped off at SW1A 1AA on Friday", TODAY)
    assert step["capability"] == "arrange_courier_drop"
    assert step["params"]["day"] == "2026-03-13"


async def test_a_link_between_have_and_its_participle_is_no_word(node: pf.Node) -> None:
    """ "have <link> subtitled by the 3rd": the link's words do not push "have" out of reach
    of its participle, so the 3rd is the one to come."""
    text = "have https://vids.example.com/talks/keynote-final.mp4 subtitled by the 3rd"
    [step] = await plan_steps(node, text, TODAY)
    assert step["capability"] == "commission_subtitles"
    assert step["params"]["due"] == "2026-04-03"
