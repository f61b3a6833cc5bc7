"""The extractors on their own: dates and ranges relative to today (both readings), numbers
in words, amounts, units, phones, times."""

from __future__ import annotations

from datetime import date

import pytest

from packetflow_nl_planning.dates import date_mentions
from packetflow_nl_planning.entities import find_mentions, normalize_phone
from packetflow_nl_planning.numbers import number_mentions
from packetflow_nl_planning.tense import description_tells_past
from packetflow_nl_planning.text import past_form
from packetflow_nl_planning.units import convert, field_unit

WED = date(2026, 3, 4)  # a Wednesday


def _only(text: str, kind: str, today: date = WED) -> object:
    found = [m for m in find_mentions(text, today).items if m.kind == kind]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("tomorrow", "2026-03-05", "2026-03-05"),
        ("on Friday", "2026-03-06", "2026-02-27"),
        ("this Wednesday", "2026-03-11", "2026-03-04"),  # strictly after today, looking ahead
        ("next Monday", "2026-03-09", "2026-03-02"),
        ("Tuesday next week", "2026-03-10", "2026-03-10"),
        ("in 3 days", "2026-03-07", "2026-03-07"),
        ("in two weeks", "2026-03-18", "2026-03-18"),
        ("the day after tomorrow", "2026-03-06", "2026-03-06"),
        ("the 3rd of March", "2027-03-03", "2026-03-03"),
        ("March 10th", "2026-03-10", "2025-03-10"),
        ("2026-12-24", "2026-12-24", "2026-12-24"),
        ("the 1st", "2026-04-01", "2026-03-01"),
        ("3 days ago", "2026-03-01", "2026-03-01"),
    ],
    ids=lambda v: str(v).replace(" ", "_"),
)
def test_days(text: str, future: str, past: str) -> None:
    mention = _only(text, "date")
    assert mention.extra["future"].isoformat() == future  # type: ignore[attr-defined]
    assert mention.extra["past"].isoformat() == past  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("last month", ("2026-02-01", "2026-02-28")),
        ("this week", ("2026-03-02", "2026-03-08")),
        ("last week", ("2026-02-23", "2026-03-01")),
        ("so far this year", ("2026-01-01", "2026-03-04")),
        ("this month so far", ("2026-03-01", "2026-03-04")),
        ("Q4", ("2025-10-01", "2025-12-31")),
        ("last quarter", ("2025-10-01", "2025-12-31")),
        ("September", ("2025-09-01", "2025-09-30")),
        ("in 2024", ("2024-01-01", "2024-12-31")),
        ("from the 4th to the 7th of February", ("2026-02-04", "2026-02-07")),
        ("between 2026-01-01 and 2026-01-31", ("2026-01-01", "2026-01-31")),
        ("the past 7 days", ("2026-02-26", "2026-03-04")),
    ],
    ids=lambda v: str(v).replace(" ", "_"),
)
def test_ranges_are_inclusive_and_read_backwards_for_reports(
    text: str, past: tuple[str, str]
) -> None:
    mention = _only(text, "daterange")
    start, end = mention.extra["past"]  # type: ignore[attr-defined]
    assert (start.isoformat(), end.isoformat()) == past


def test_a_month_looks_ahead_for_scheduling() -> None:
    mention = _only("in September", "daterange")
    start, end = mention.extra["future"]  # type: ignore[attr-defined]
    assert (start.isoformat(), end.isoformat()) == ("2026-09-01", "2026-09-30")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two hundred", 200),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("three point five", 3.5),
        ("1,250", 1250),
        ("12.5", 12.5),
    ],
    ids=lambda v: str(v).replace(" ", "_"),
)
def test_numbers(text: str, value: float) -> None:
    assert _only(f"send {text} please", "number").value == value  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$40", 40, "USD"),
        ("€12.50", 12.5, "EUR"),
        ("30 quid", 30, "GBP"),
        ("1,250 CHF", 1250, "CHF"),
    ],
    ids=["dollar", "euro", "quid", "chf"],
)
def test_amounts(text: str, value: float, currency: str) -> None:
    mention = _only(f"pay {text} now", "money")
    assert (mention.value, mention.currency) == (value, currency)  # type: ignore[attr-defined]


def test_units_convert_to_the_field_unit() -> None:
    mention = _only("a 750 g parcel", "quantity")
    assert convert(mention.value, mention.unit, "kg") == 0.75  # type: ignore[attr-defined]
    assert round(convert(68, "fahrenheit", "celsius") or 0, 6) == 20
    assert convert(18, "degree", "celsius") == 18  # "degrees" alone: the field's own scale
    assert convert(1, "kg", "min") is None  # dimensions differ
    assert field_unit("weight_kg", None) == "kg"
    assert field_unit("length", "length in centimetres") == "cm"
    assert field_unit("target", "target temperature (Celsius)") == "celsius"
    duration = _only("for an hour and a half", "duration")
    assert convert(duration.value, duration.unit, "min") == 90  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "value"),
    [("at 3pm", "15:00"), ("at noon", "12:00"), ("half past nine", "09:30"), ("at 8:15", "08:15")],
    ids=["pm", "noon", "half-past", "clock"],
)
def test_times(text: str, value: str) -> None:
    assert _only(f"remind me {text}", "time").value == value  # type: ignore[attr-defined]


def test_a_temperature_after_at_is_no_time() -> None:
    # "at 4°C": a measure in degrees, not four o'clock
    mention = _only("keep it at 4°C", "quantity")
    assert (mention.value, mention.unit) == (4, "celsius")  # type: ignore[attr-defined]


def test_phones_become_e164() -> None:
    mention = _only("text +44 7700 900461 now", "phone")
    assert normalize_phone(mention.value, "1") == "+447700900461"  # type: ignore[attr-defined]
    assert normalize_phone("(415) 555-0100", "1") == "+14155550100"


@pytest.mark.parametrize(
    ("word", "past"),
    [("went", True), ("booked", True), ("paid", True), ("am", False), ("is", False),
     ("need", False), ("book", False)],
)  # fmt: skip
def test_past_forms(word: str, past: bool) -> None:
    assert past_form(word) is past


@pytest.mark.parametrize(
    ("description", "past"),
    [
        ("when the damage happened", True),
        ("day the order was placed", True),
        ("the scheduled day", False),
        ("day of the forecast; today if omitted", False),
        ("when it is expected", False),
        ("day of the visit", False),
    ],
)
def test_descriptions_that_tell_of_the_past(description: str, past: bool) -> None:
    assert description_tells_past(description) is past


def test_another_week_is_a_duration() -> None:
    mention = _only("keep it for another week", "duration")
    assert (mention.value, mention.unit) == (1.0, "week")  # type: ignore[attr-defined]


def test_digits_of_an_id_are_no_number() -> None:
    assert [m.value for m in number_mentions("see unit K-4410 for 2-3 days")] == [2, 3]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("from 1 to 5 July", "2026-07-01", "2026-07-05"),
        ("between 3 and 15 May", "2026-05-03", "2026-05-15"),
    ],
    ids=["from-to", "between-and"],
)
def test_a_bare_day_before_a_date_starts_a_range_in_its_month(
    text: str, first: str, last: str
) -> None:
    [mention] = date_mentions(f"shows {text}".lower(), date(2026, 1, 10))
    assert mention.kind == "daterange"
    start, end = mention.extra["future"]
    assert (start.isoformat(), end.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("on Saturday 3 October", "2026-10-03"),
        ("Fri, March 20th", "2026-03-20"),
        ("Monday the 16th", "2026-03-16"),
    ],
    ids=["weekday-day-month", "weekday-month-day", "weekday-the-day"],
)
def test_a_weekday_before_a_date_only_restates_it(text: str, future: str) -> None:
    mention = _only(text, "date")
    assert mention.extra["future"].isoformat() == future  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("since January", "2026-01-01"),
        ("since last week", "2026-02-23"),
        ("since March", "2026-03-01"),
    ],
    ids=["month", "last-week", "this-month"],
)
def test_since_a_period_runs_from_its_first_day_to_today(text: str, first: str) -> None:
    mention = _only(text, "daterange")
    for reading in ("future", "past"):
        start, end = mention.extra[reading]  # type: ignore[attr-defined]
        assert (start.isoformat(), end.isoformat()) == (first, WED.isoformat())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a hundred and fifty", 150),
        ("a thousand and twenty", 1020),
        ("eight and a half", 8.5),
        ("2 and a half", 2.5),
    ],
    ids=["a-hundred-and", "a-thousand-and", "words-and-a-half", "digits-and-a-half"],
)
def test_a_number_said_in_one_breath_is_one_number(text: str, value: float) -> None:
    [mention] = number_mentions(f"for {text} guests")
    assert mention.value == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("for a fortnight", 1, "fortnight"),
        ("for a month", 1, "month"),
        ("a year and a half", 1.5, "year"),
    ],
    ids=["fortnight", "month", "year-and-a-half"],
)
def test_a_length_of_time_without_digits(text: str, value: float, unit: str) -> None:
    mention = _only(text, "duration")
    assert (mention.value, mention.unit) == (value, unit)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("2 to 8 °C", "celsius"), ("-18 to -15 degrees", "degree"), ("3 or 4 kg", "kg")],
    ids=["to", "negative", "or"],
)
def test_a_unit_said_once_after_a_range_is_the_first_numbers_too(text: str, unit: str) -> None:
    found = [m for m in find_mentions(text, WED).items if m.kind == "quantity"]
    assert [m.unit for m in found] == [unit, unit]


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("a week from today", "2026-03-11"),
        ("by the end of June", "2026-06-30"),
        ("the first Saturday of April", "2026-04-04"),
        ("the last Friday of next month", "2026-04-24"),
    ],
    ids=["a-week-from-today", "end-of-a-month", "nth-weekday-of-a-month", "last-weekday-of-next"],
)
def test_more_days(text: str, future: str) -> None:
    mention = _only(text, "date")
    assert mention.extra["future"].isoformat() == future  # type: ignore[attr-defined]


def test_a_quarter_of_last_year() -> None:
    mention = _only("Q1 last year", "daterange")
    start, end = mention.extra["past"]  # type: ignore[attr-defined]
    assert (start.isoformat(), end.isoformat()) == ("2025-01-01", "2025-03-31")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("at 7.30pm", "19:30"),
        ("at quarter to eight on Saturday morning", "07:45"),
        ("at 8 in the evening", "20:00"),
        ("at 4 tomorrow", "16:00"),
        ("tomorrow evening at 7:30", "19:30"),
        ("at 14:00 tomorrow morning", "14:00"),
    ],
    ids=["dot-pm", "morning-after", "evening-after", "a-day-after", "evening-before", "24-hour"],
)
def test_a_time_in_the_part_of_the_day_said_next_to_it(text: str, value: str) -> None:
    assert _only(f"remind me {text}", "time").value == value  # type: ignore[attr-defined]


def test_a_house_number_after_at_is_no_time() -> None:
    assert not [m for m in find_mentions("deliver at 8 Main Street", WED).items if m.kind == "time"]


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("between January and May", ("2025-01-01", "2025-05-31")),
        ("the rest of the week", ("2026-03-04", "2026-03-08")),
        ("the rest of the month", ("2026-03-04", "2026-03-31")),
    ],
    ids=["between-months", "rest-of-the-week", "rest-of-the-month"],
)
def test_more_ranges(text: str, past: tuple[str, str]) -> None:
    mention = _only(text, "daterange")
    start, end = mention.extra["past"]  # type: ignore[attr-defined]
    assert (start.isoformat(), end.isoformat()) == past
