"""Steps of one compound request share what was said and made, on a registry of these tests' own
(a rehearsal studio): a date said once holds for the later step that needs one, and an output of
an earlier step feeds the later step's input of the same name even when that input is optional."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_reads, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-06"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class StudioIn(BaseModel):
    day: dt.date = Field(description="day of the rehearsal")
    hours: int = Field(ge=1, le=12, description="how many hours")


class StudioOut(BaseModel):
    booking_id: str = Field(description="the studio booking")


@pf.capability(intent="Book a rehearsal studio", tags=["studio"])
async def book_studio(inp: StudioIn) -> StudioOut:
    return StudioOut(booking_id="SB-1")


class DrumsIn(BaseModel):
    kit: Literal["jazz", "rock", "electronic"] = Field(description="which drum kit")
    hire_date: dt.date = Field(description="day the kit is needed")
    booking_id: str | None = Field(default=None, description="studio booking to set it up in")


@pf.capability(intent="Hire a drum kit", tags=["studio"])
async def hire_drums(inp: DrumsIn) -> Done:
    return Done(ok=True)


class TourIn(BaseModel):
    start_date: dt.date = Field(description="first day of the tour")
    end_date: dt.date = Field(description="last day of the tour")


@pf.capability(intent="Plan a band tour", tags=["studio"])
async def plan_tour(inp: TourIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_studio, hire_drums, plan_tour])


async def test_the_one_day_an_earlier_step_was_given_holds_for_a_later_one(node: pf.Node) -> None:
    text = "book the studio for 3 hours on Friday and then hire a jazz drum kit"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {"capability": "book_studio", "params": {"day": "2026-05-08", "hours": 3}},
        {"capability": "hire_drums", "params": {"kit": "jazz", "hire_date": "2026-05-08"}},
    ]


async def test_two_days_of_an_earlier_step_say_not_which_one_is_meant(node: pf.Node) -> None:
    text = "plan a tour from Friday to Sunday and then hire a rock drum kit"
    with pytest.raises(pf.errors.ContractViolationError, match="hire_date"):
        await plan_steps(node, text, TODAY)


async def test_an_optional_input_named_as_an_earlier_output_is_fed_from_it(node: pf.Node) -> None:
    text = "book the studio for 3 hours on Friday and then hire a jazz drum kit"
    out = await node.call("nl_planning.plan", {"text": text, "today": TODAY})
    reads = plan_reads(out["plan"])
    assert len(reads) == 2
    assert any(m.startswith("s1.booking_id") for m in reads[1])
