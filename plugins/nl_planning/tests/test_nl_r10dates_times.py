"""Dates and times the planner read wrongly on round 10's probes, on a registry of this test's
own (a phone's quiet hours, a team rota, a holiday let and a club's accounts): times with a dot
("9.30-11.00", no phone number), by noon ("from noon to 3"), as minutes past or to an hour
("25 past 10"); days with a slash and no year ("28/3 to 2/4", "3/28 to 4/2"); a range of months
ending in the current one read backwards ("from January to March" in March); and a date field
named by a word of the family of one that looks ahead ("arrival" of "arrive") on a capability
that only checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.entities import find_mentions

TODAY = "2026-03-11"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool = True


class QuietIn(BaseModel):
    start_time: str = Field(pattern=_HHMM, description="when the quiet hours begin")
    end_time: str = Field(pattern=_HHMM, description="when the quiet hours end")


@pf.capability(intent="Set do-not-disturb quiet hours on the phone", tags=["phone"])
async def set_quiet_hours(inp: QuietIn) -> Done:
    return Done()


class HuddleIn(BaseModel):
    date: dt.date = Field(description="day of the huddle")
    time: str = Field(pattern=_HHMM, description="start time")


@pf.capability(intent="Schedule a team huddle", tags=["rota"])
async def schedule_huddle(inp: HuddleIn) -> Done:
    return Done()


class StayIn(BaseModel):
    arrival_date: dt.date = Field(description="day of arrival")
    departure_date: dt.date = Field(description="day of departure")
    guests: int = Field(default=2, ge=1, le=8, description="number of guests")


@pf.capability(intent="Check whether the holiday let is free for some dates", tags=["let"])
async def check_let(inp: StayIn) -> Done:
    return Done()


@pf.capability(intent="Book a stay at the holiday let", tags=["let"])
async def book_let(inp: StayIn) -> Done:
    return Done()


class AccountsIn(BaseModel):
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


@pf.capability(intent="Get the club's expense report for a period", tags=["accounts"])
async def get_expense_report(inp: AccountsIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [set_quiet_hours, schedule_huddle, check_let, book_let, get_expense_report],
    )


async def _plan(node: pf.Node, text: str) -> tuple[str, dict[str, Any]]:
    [step] = await plan_steps(node, text, TODAY)
    return step["capability"], step["params"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("quiet hours 9.30-11.00", "09:30", "11:00"),
        ("quiet hours from 21.30 to 7.00", "21:30", "07:00"),
        ("quiet hours from noon to 3", "12:00", "15:00"),
        ("set quiet hours between midday and 2", "12:00", "14:00"),
        ("quiet hours from 9 till noon", "09:00", "12:00"),
        ("quiet hours between 4 and 6pm", "16:00", "18:00"),
        ("quiet hours from 9 till 11am", "09:00", "11:00"),
    ],
)
async def test_a_range_of_times_with_a_dot_or_by_noon(
    node: pf.Node, text: str, start: str, end: str
) -> None:
    assert await _plan(node, text) == ("set_quiet_hours", {"start_time": start, "end_time": end})


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("schedule the huddle for tomorrow at 25 past 10", "10:25"),
        ("huddle tomorrow at ten past nine", "09:10"),
        ("schedule a huddle tomorrow at ten to six", "17:50"),
        ("schedule the huddle tomorrow at 9.30", "09:30"),
        ("huddle tomorrow at half 2", "14:30"),
        ("schedule a huddle tomorrow, 3 in the afternoon", "15:00"),
        ("huddle at 8 o'clock tomorrow", "08:00"),
    ],
)
async def test_minutes_past_an_hour_and_a_dotted_time(node: pf.Node, text: str, time: str) -> None:
    assert await _plan(node, text) == ("schedule_huddle", {"date": "2026-03-12", "time": time})


@pytest.mark.parametrize(
    "text",
    [
        "rate it 5 to 10",
        "from five to ten people",
        "cut it in half 3 ways",
        "a table for 8 in the evening",
    ],
)
def test_a_count_before_to_stays_a_count(text: str) -> None:
    """Digits before "to" are minutes only with "minutes" ("20 minutes to 5"); "half 3" is
    half past only after a word that leads to a time; a count after "for" is no hour."""
    found = find_mentions(text, dt.date.fromisoformat(TODAY))
    assert not found.of("time")
    assert found.of("number")


@pytest.mark.parametrize(
    "text",
    ["book the let 28/3 to 2/4 for two", "book the let from 3/28 to 4/2 for 2 guests"],
)
async def test_days_with_a_slash_and_no_year(node: pf.Node, text: str) -> None:
    assert await _plan(node, text) == (
        "book_let",
        {"arrival_date": "2026-03-28", "departure_date": "2026-04-02", "guests": 2},
    )


async def test_a_month_range_read_back_ends_in_the_current_month(node: pf.Node) -> None:
    assert await _plan(node, "expense report from January to March") == (
        "get_expense_report",
        {"start_date": "2026-01-01", "end_date": "2026-03-31"},
    )


async def test_a_month_range_read_ahead_past_the_year_end(node: pf.Node) -> None:
    assert await _plan(node, "is the let free from November to February") == (
        "check_let",
        {"arrival_date": "2026-11-01", "departure_date": "2027-02-28"},
    )


async def test_arrival_looks_ahead_for_a_capability_that_checks(node: pf.Node) -> None:
    """ "is the let free 4-6 June" in March: the June to come, though checking only reads."""
    assert await _plan(node, "is the let free 4-6 June for 3 of us") == (
        "check_let",
        {"arrival_date": "2026-06-04", "departure_date": "2026-06-06", "guests": 3},
    )
