"""Telling that someone need not come ("the plumber doesn't need to come tomorrow, PL-2201",
"the cleaners needn't come this week") calls their visit off, on a registry of these tests' own
(a plumber, a cleaning firm): it is a cancellation said as a statement, not a request to book."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.statements import unneeded_at

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class VisitIn(BaseModel):
    postcode: str = Field(description="where to come")
    date: dt.date = Field(description="day of the visit")


class VisitOut(BaseModel):
    job_id: str


@pf.capability(intent="A plumber at the door for a leak or a repair", tags=["plumbing"])
async def book_plumber(inp: VisitIn) -> VisitOut:
    return VisitOut(job_id="PL-1")


class JobIn(BaseModel):
    job_id: str = Field(pattern=r"^PL-[0-9]{4}$", description="the booked visit")


@pf.capability(intent="The plumber can stay away after all", tags=["plumbing"])
async def cancel_plumber(inp: JobIn) -> Done:
    return Done(ok=True)


class CleanIn(BaseModel):
    clean_id: str = Field(pattern=r"^CL-[0-9]{4}$", description="the booked clean")


@pf.capability(intent="Call off a booked house clean", tags=["cleaning"])
async def cancel_cleaning(inp: CleanIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [book_plumber, cancel_plumber, cancel_cleaning]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the plumber doesn't need to come tomorrow, PL-2201",
            ("cancel_plumber", {"job_id": "PL-2201"}),
        ),
        (
            "the cleaners needn't come this week, CL-4410",
            ("cancel_cleaning", {"clean_id": "CL-4410"}),
        ),
        (
            "they don't need to visit now, PL-2201",
            ("cancel_plumber", {"job_id": "PL-2201"}),
        ),
    ],
)
async def test_someone_who_need_not_come_is_called_off(
    node: pf.Node, text: str, expected: tuple[str, dict[str, Any]]
) -> None:
    assert calls(await plan_steps(node, text, TODAY)) == [expected]


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("the plumber does not need to come", True),
        ("you do not need to call me", False),
        ("does the plumber need to come", False),
    ],
)
def test_only_a_visit_not_needed_is_read_so(words: str, found: bool) -> None:
    assert (unneeded_at(words.split()) is not None) is found
