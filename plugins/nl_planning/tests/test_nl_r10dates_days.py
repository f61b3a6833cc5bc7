"""Days the planner read wrongly on round 10's probes, on a registry of this test's own (a
canoe hire and a surgery): a fortnight on from a weekday ("a fortnight Friday", "Friday
fortnight") and a week on from today or tomorrow ("a week tomorrow"); a weekday and a day of the
month without "the" ("Mon 23rd") or with a slash ("Thurs 19/3"); an ISO date-time; "the past
fortnight"; and a hire "from Friday for 3 days", whose last day is the
Sunday (days count both ends, nights do not)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-11"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool = True


class HireIn(BaseModel):
    start_date: dt.date = Field(description="first day of hire")
    end_date: dt.date = Field(description="last day of hire")


@pf.capability(intent="Hire a canoe", tags=["canoe"])
async def hire_canoe(inp: HireIn) -> Done:
    return Done()


class RoomIn(BaseModel):
    check_in: dt.date = Field(description="night of arrival")
    check_out: dt.date = Field(description="morning of leaving")


@pf.capability(intent="Book a room at the inn", tags=["inn"])
async def book_inn_room(inp: RoomIn) -> Done:
    return Done()


class VisitIn(BaseModel):
    patient: str = Field(description="patient's name")
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="time of the visit")


@pf.capability(intent="Book a visit at the surgery", tags=["surgery"])
async def book_surgery_visit(inp: VisitIn) -> Done:
    return Done()


class HistoryIn(BaseModel):
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


@pf.capability(intent="Get the history of past canoe hires", tags=["canoe"])
async def get_hire_history(inp: HistoryIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [hire_canoe, book_inn_room, book_surgery_visit, get_hire_history],
    )


async def _plan(node: pf.Node, text: str) -> tuple[str, dict[str, Any]]:
    [step] = await plan_steps(node, text, TODAY)
    return step["capability"], step["params"]


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("a fortnight Friday", "2026-03-27"),
        ("a fortnight on Friday", "2026-03-27"),
        ("Friday fortnight", "2026-03-27"),
        ("a week tomorrow", "2026-03-19"),
        ("Mon 23rd", "2026-03-23"),
        ("Thurs 19/3", "2026-03-19"),
    ],
)
async def test_days_said_from_a_weekday_or_today(node: pf.Node, said: str, day: str) -> None:
    capability, params = await _plan(node, f"book a surgery visit for Ann {said} at 10am")
    assert (capability, params["date"], params["time"]) == ("book_surgery_visit", day, "10:00")


async def test_days_of_a_hire_count_both_ends(node: pf.Node) -> None:
    assert await _plan(node, "hire a canoe from Friday for 3 days") == (
        "hire_canoe",
        {"start_date": "2026-03-13", "end_date": "2026-03-15"},
    )


async def test_nights_end_on_the_morning_after(node: pf.Node) -> None:
    assert await _plan(node, "book a room at the inn for 2 nights from Friday") == (
        "book_inn_room",
        {"check_in": "2026-03-13", "check_out": "2026-03-15"},
    )


async def test_an_iso_date_time(node: pf.Node) -> None:
    capability, params = await _plan(node, "book a surgery visit for Ann at 2026-03-20T10:00")
    assert (capability, params["date"], params["time"]) == (
        "book_surgery_visit",
        "2026-03-20",
        "10:00",
    )


async def test_the_past_fortnight(node: pf.Node) -> None:
    assert await _plan(node, "canoe hire history for the past fortnight") == (
        "get_hire_history",
        {"start_date": "2026-02-26", "end_date": "2026-03-11"},
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("hire a canoe from the 24th till the 2nd", "2026-12-24", "2027-01-02"),
        ("hire a canoe from the 28th to the 2nd of January", "2026-12-28", "2027-01-02"),
        ("hire a canoe from the 9th to the 12th of May", "2027-05-09", "2027-05-12"),
    ],
)
async def test_two_days_of_the_month_across_a_month_end(
    node: pf.Node, text: str, start: str, end: str
) -> None:
    """A bare first day goes into the second's month, or the month before when it would fall
    after it (it was moved a month on, "the 24th till the 2nd" ending in February)."""
    [step] = await plan_steps(node, text, "2026-12-10")
    assert (step["capability"], step["params"]) == (
        "hire_canoe",
        {"start_date": start, "end_date": end},
    )
