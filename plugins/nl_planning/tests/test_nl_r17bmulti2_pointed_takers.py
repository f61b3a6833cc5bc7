""" "... and book *it*": a pronoun after a step that found something points at that thing, so a
capability that takes what the step found (a field named as its output) is tried for the
clause, however few of its own words the clause says ("hire" for "book"), rather than another
domain's capability that shares only the verb. On a registry of these tests' own (a marquee
search and hire, and many home visits booked for a postcode and a day)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class MarqueeSearchIn(BaseModel):
    date: dt.date = Field(description="day of the event")
    guests: int | None = Field(default=None, ge=1, description="how many people under it")


class MarqueeFound(BaseModel):
    marquee_id: str


@pf.capability(intent="Tents free for a garden event", tags=["events", "marquees"])
async def search_marquees(inp: MarqueeSearchIn) -> MarqueeFound:
    return MarqueeFound(marquee_id="MQ-204")


class MarqueeHireIn(BaseModel):
    marquee_id: str = Field(pattern=r"^MQ-[0-9]{3}$", description="the tent, e.g. MQ-204")
    date: dt.date = Field(description="day it is put up")
    postcode: str = Field(description="where it is put up, e.g. LS6 3HN")


class Hired(BaseModel):
    hire_id: str


@pf.capability(intent="The tent put up in the garden on the day", tags=["events"])
async def hire_marquee(inp: MarqueeHireIn) -> Hired:
    return Hired(hire_id="MH-1")


class GutterIn(BaseModel):
    postcode: str = Field(description="the house, e.g. LS6 3HN")
    date: dt.date = Field(description="day of the visit")


async def _visit(inp: GutterIn) -> Hired:
    return Hired(hire_id="V-1")


# Many home services booked by "book" for a postcode and a day: more of them than the first
# pass of the index keeps, so the hire is found only by what "it" points at.
_JOBS = (
    "gutter clean", "chimney sweep", "oven clean", "carpet clean", "drain survey",
    "roof check", "pest visit", "lawn mow", "hedge trim", "window clean", "damp survey",
    "loft check", "aerial fix", "boiler service", "fence repair", "patio wash", "shed build",
    "tap repair", "sofa clean", "boot fitting", "piano tuning", "bike service", "car valet",
)  # fmt: skip
VISITS = [
    pf.capability(
        name="book_" + job.replace(" ", "_"), intent=f"Book a {job} visit", tags=[job.split()[0]]
    )(_visit)
    for job in _JOBS
]


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [search_marquees, hire_marquee, *VISITS])


@pytest.mark.parametrize(
    "text",
    [
        "find a marquee for Saturday and book it for LS6 3HN",
        "search marquees for the 20th, then book it for LS6 3HN",
    ],
)
async def test_it_is_done_with_what_the_step_before_found(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["search_marquees", "hire_marquee"]
    assert steps[1]["params"]["postcode"] == "LS6 3HN"


async def test_without_a_pointer_the_verb_still_decides(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "find a marquee for Saturday and book a gutter clean for LS6 3HN", TODAY
    )
    assert [s["capability"] for s in steps] == ["search_marquees", "book_gutter_clean"]
