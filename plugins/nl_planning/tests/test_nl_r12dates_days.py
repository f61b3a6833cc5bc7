"""Round 12's dates, periods and lengths of time, on a registry of this test's own (a florist, a
sauna, a walking log and a shop's sales report): the fixed-date holidays by name ("Christmas
Eve", "Boxing Day", "Valentine's Day", "Halloween", "New Year's Day"), read ahead for what is
to be done and back for what is reported, as a weekday is; a month or a period "so far"
("December so far", "so far this month"), from its first day to today; "an hour" or "half an
hour" after a comma, a length of time; "at 6" before "for", "with", "on", a time; a "new" day of
something moved, always ahead; a day next to another ("the day after Boxing Day", "tomorrow
week", "the start of next month") and a part of a period ("the first week of January")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.dates import date_mentions
from packetflow_nl_planning.entities import find_mentions
from packetflow_nl_planning.tense import description_tells_past

TODAY = "2026-12-02"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool = True


class FlowersIn(BaseModel):
    recipient: str = Field(description="who the flowers are for")
    delivery_date: dt.date = Field(description="day of delivery")


@pf.capability(intent="Send flowers to someone", tags=["florist"])
async def send_flowers(inp: FlowersIn) -> Done:
    return Done()


class SalesIn(BaseModel):
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


@pf.capability(intent="Get the shop's sales report", tags=["shop"])
async def get_sales_report(inp: SalesIn) -> Done:
    return Done()


class SaunaIn(BaseModel):
    date: dt.date = Field(description="day of the session")
    time: str = Field(pattern=_HHMM, description="start time")
    duration_minutes: int = Field(description="length of the session in minutes")


@pf.capability(intent="Book a sauna session", tags=["sauna"])
async def book_sauna(inp: SaunaIn) -> Done:
    return Done()


class CollectionIn(BaseModel):
    order_number: str = Field(pattern=r"^BK[0-9]{4}$", description="bakery order number")
    new_date: dt.date = Field(description="new collection day")


@pf.capability(intent="Collect a bakery order on another day", tags=["bakery"])
async def change_collection(inp: CollectionIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [send_flowers, get_sales_report, book_sauna, change_collection],
    )


async def _plan(node: pf.Node, text: str, today: str = TODAY) -> tuple[str, dict[str, Any]]:
    [step] = await plan_steps(node, text, today)
    return step["capability"], step["params"]


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("on Christmas Eve", "2026-12-24"),
        ("for Boxing Day", "2026-12-26"),
        ("on new year's day", "2027-01-01"),
        ("for Valentine's Day", "2027-02-14"),
        ("on Valentines day", "2027-02-14"),
        ("at Halloween", "2027-10-31"),
        ("on Christmas Day", "2026-12-25"),
    ],
)
async def test_a_holiday_to_come(node: pf.Node, said: str, day: str) -> None:
    assert await _plan(node, f"send flowers to Mum {said}") == (
        "send_flowers",
        {"recipient": "Mum", "delivery_date": day},
    )


async def test_a_holiday_gone_by_for_a_report(node: pf.Node) -> None:
    assert await _plan(node, "get the sales report for Halloween") == (
        "get_sales_report",
        {"start_date": "2026-10-31", "end_date": "2026-10-31"},
    )


def test_a_holiday_has_both_readings() -> None:
    [m] = date_mentions("Boxing Day", dt.date(2026, 12, 2))
    assert (m.kind, m.extra["future"], m.extra["past"]) == (
        "date",
        dt.date(2026, 12, 26),
        dt.date(2025, 12, 26),
    )


def test_a_holiday_is_today_on_the_day() -> None:
    [m] = date_mentions("Christmas Eve", dt.date(2026, 12, 24))
    assert (m.extra["future"], m.extra["past"]) == (dt.date(2026, 12, 24), dt.date(2026, 12, 24))


@pytest.mark.parametrize(
    ("said", "start"),
    [
        ("December so far", "2026-12-01"),
        ("so far in December", "2026-12-01"),
        ("so far this month", "2026-12-01"),
        ("this year so far", "2026-01-01"),
        ("November so far", None),
    ],
)
async def test_a_period_so_far(node: pf.Node, said: str, start: str | None) -> None:
    """A period "so far" runs from its first day to today, both ends counted; a month that is
    over has no "so far" and is the whole month."""
    capability, params = await _plan(node, f"get the sales report for {said}")
    assert capability == "get_sales_report"
    if start is None:
        assert params == {"start_date": "2026-11-01", "end_date": "2026-11-30"}
    else:
        assert params == {"start_date": start, "end_date": TODAY}


@pytest.mark.parametrize(("said", "minutes"), [("an hour", 60), ("half an hour", 30)])
async def test_a_length_after_a_comma(node: pf.Node, said: str, minutes: int) -> None:
    assert await _plan(node, f"book the sauna on Friday at 6pm, {said}") == (
        "book_sauna",
        {"date": "2026-12-04", "time": "18:00", "duration_minutes": minutes},
    )


async def test_a_new_day_of_something_moved_lies_ahead(node: pf.Node) -> None:
    """An order is a thing of the past, but the new day it is moved to is ahead: "the 24th"
    on 29 December is in January."""
    assert await _plan(node, "move the collection of order BK1234 to the 24th", "2026-12-29") == (
        "change_collection",
        {"order_number": "BK1234", "new_date": "2027-01-24"},
    )


@pytest.mark.parametrize(
    ("description", "past"),
    [
        ("when the damage happened", True),
        ("day the order was placed", True),
        ("time driven in minutes", True),
        ("the scheduled day", False),
        ("when it is expected", False),
        ("evening or day needed", False),
        ("day of the visit", False),
        ("date to be shipped", False),
    ],
)
def test_one_reader_of_a_description_in_the_past(description: str, past: bool) -> None:
    assert description_tells_past(description) is past


@pytest.mark.parametrize(
    ("said", "time", "minutes"),
    [("at 6 for an hour", "18:00", 60), ("at 7 with Jo, half an hour", "19:00", 30)],
)
async def test_a_bare_hour_before_the_next_phrase(
    node: pf.Node, said: str, time: str, minutes: int
) -> None:
    """ "at 6" is a time before a word that goes on to the next phrase ("for", "with", "on",
    "and"), as before a part of the day; before a word of its own it is a house number."""
    assert await _plan(node, f"book the sauna on Friday {said}") == (
        "book_sauna",
        {"date": "2026-12-04", "time": time, "duration_minutes": minutes},
    )


def test_a_bare_number_before_a_word_of_its_own_is_no_time() -> None:
    kinds = [m.kind for m in find_mentions("deliver at 6 Main Street", dt.date(2026, 12, 2)).items]
    assert "time" not in kinds


@pytest.mark.parametrize(
    ("said", "future", "past"),
    [
        ("the day after Boxing Day", "2026-12-27", "2025-12-27"),
        ("the day before Christmas Eve", "2026-12-23", "2025-12-23"),
        ("the day after the 14th", "2026-12-15", "2026-11-15"),
        ("tomorrow week", "2026-12-10", "2026-12-10"),
        ("the start of next month", "2027-01-01", "2027-01-01"),
        ("the beginning of the week", "2026-11-30", "2026-11-30"),
    ],
)
def test_days_said_from_another_day(said: str, future: str, past: str) -> None:
    [m] = date_mentions(said, dt.date(2026, 12, 2))
    assert (m.kind, m.extra["future"].isoformat(), m.extra["past"].isoformat()) == (
        "date",
        future,
        past,
    )


@pytest.mark.parametrize(
    ("said", "start", "end"),
    [
        ("since the start of the month", "2026-12-01", TODAY),
        ("since the beginning of the year", "2026-01-01", TODAY),
        ("the first week of January", "2026-01-01", "2026-01-07"),
        ("the last week of November", "2026-11-24", "2026-11-30"),
    ],
)
async def test_periods_said_by_their_part(node: pf.Node, said: str, start: str, end: str) -> None:
    assert await _plan(node, f"get the sales report for {said}") == (
        "get_sales_report",
        {"start_date": start, "end_date": end},
    )


@pytest.mark.parametrize(
    ("said", "time"),
    [
        ("at seven pm", "19:00"),
        ("at ten thirty", "10:30"),
        ("at seven thirty in the morning", "07:30"),
        ("at 7ish", "19:00"),
        ("at six, for an hour", "18:00"),
        ("by eleven o'clock", "11:00"),
    ],
)
def test_hours_in_words_and_loosely(said: str, time: str) -> None:
    times = [m.value for m in find_mentions(said, dt.date(2026, 12, 2)).items if m.kind == "time"]
    assert times == [time]


@pytest.mark.parametrize("said", ["at one point", "at one of the shops", "order seven pizzas"])
def test_a_number_in_words_is_no_time_by_itself(said: str) -> None:
    kinds = [m.kind for m in find_mentions(said, dt.date(2026, 12, 2)).items]
    assert "time" not in kinds


async def test_a_session_at_an_hour_in_words(node: pf.Node) -> None:
    assert await _plan(node, "book the sauna on Friday at seven thirty pm for an hour") == (
        "book_sauna",
        {"date": "2026-12-04", "time": "19:30", "duration_minutes": 60},
    )


@pytest.mark.parametrize(
    ("said", "minutes"), [("a quarter of an hour", 15), ("three quarters of an hour", 45)]
)
async def test_quarters_of_an_hour(node: pf.Node, said: str, minutes: int) -> None:
    """A quarter of an hour is a length of its own, not the "an hour" inside it."""
    assert await _plan(node, f"book the sauna on Friday at 6pm for {said}") == (
        "book_sauna",
        {"date": "2026-12-04", "time": "18:00", "duration_minutes": minutes},
    )


@pytest.mark.parametrize(
    ("said", "value", "unit"),
    [("a 3-night stay", 3, "day"), ("a two-week hire", 2, "week"), ("a 45-minute swim", 45, "min")],
)
def test_a_length_joined_by_a_hyphen(said: str, value: int, unit: str) -> None:
    """ "a 3-night stay" says a length as "3 nights" does: the hyphen joins a compound."""
    found = find_mentions(said, dt.date(2026, 12, 2)).items
    assert [(m.value, m.unit) for m in found if m.kind == "duration"] == [(value, unit)]


async def test_a_session_of_a_hyphened_length(node: pf.Node) -> None:
    assert await _plan(node, "book a 45-minute sauna session on Friday at 6pm") == (
        "book_sauna",
        {"date": "2026-12-04", "time": "18:00", "duration_minutes": 45},
    )
