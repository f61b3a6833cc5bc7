"""The calendar arithmetic the date grammar is built on (months added, a week's Monday to Sunday,
a quarter, "3 weeks" from a day) and the scanner its rules share: one pass over the lower-cased
text in which each rule claims the span it reads, so that a longer phrase read first ("Friday
week") is not read again by a shorter rule ("Friday")."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .date_words import safe_date
from .mentions import Mention
from .numbers import parse_number

__all__ = [
    "AMBIGUOUS_MONTHS", "NUM", "ORD", "ORDINAL_DAY", "UNIT", "Scanner", "Span", "add_months",
    "amount", "day_number", "delta", "month_day", "month_range", "quarter_of", "week_of", "ym",
]  # fmt: skip

NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple(?: of)?)"
UNIT = r"(?:day|week|month|year|fortnight)s?"
_ORDINAL_DAYS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
ORDINAL_DAY = (
    r"(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|{'|'.join(sorted(_ORDINAL_DAYS, key=len, reverse=True))}"
)
# A day of the month in digits ("5", "5th") or as an ordinal word ("the fifth of September",
# "May twenty-first"): what ``day_number`` reads.
ORD = rf"(\d{{1,2}}|{ORDINAL_DAY})(?:(?<=\d)(?:st|nd|rd|th))?"

AMBIGUOUS_MONTHS = frozenset(
    "may mar jun jan dec sep oct nov aug apr feb jul".split()  # noqa: SIM905
)

Span = tuple[date, date]


def day_number(said: str) -> int:
    """The day of the month ``ORD`` matched: "5", "fifth", "twenty-first"."""
    if said.isdigit():
        return int(said)
    tens, _, unit = said.replace("-", " ").partition(" ")
    if unit:
        return {"twenty": 20, "thirty": 30}[tens] + _ORDINAL_DAYS[unit]
    return _ORDINAL_DAYS[said]


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_range(year: int, month: int) -> Span:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_of(day: date, offset: int = 0) -> Span:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
    return monday, monday + timedelta(days=6)


def quarter_of(year: int, q: int) -> Span:
    start = date(year, 3 * (q - 1) + 1, 1)
    return start, month_range(year, 3 * q)[1]


def amount(word: str) -> int:
    value = parse_number(word.replace("couple of", "couple").replace("couple", "two"))
    if word in ("a", "an"):
        return 1
    return int(value) if isinstance(value, int | float) else 1


def delta(n: int, unit: str, today: date, sign: int) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return today + timedelta(days=sign * n)
    if unit == "week":
        return today + timedelta(weeks=sign * n)
    if unit == "fortnight":
        return today + timedelta(weeks=2 * sign * n)
    if unit == "month":
        return add_months(today, sign * n)
    return add_months(today, sign * 12 * n)


def month_day(today: date, month: int, day: int, year: int | None) -> tuple[date, date] | None:
    """(future, past) readings of a day of a month, with the year when given."""
    if year is not None:
        found = safe_date(year, month, day)
        return (found, found) if found else None
    this = safe_date(today.year, month, day)
    if this is None:
        return None
    future = this if this > today else safe_date(today.year + 1, month, day) or this
    past = this if this <= today else safe_date(today.year - 1, month, day) or this
    return future, past


class Scanner:
    """One pass over a lower-cased text; each rule adds mentions and claims its span."""

    def __init__(self, text: str, today: date) -> None:
        self.text = text
        self.today = today
        self.found: list[Mention] = []
        self.taken: list[tuple[int, int]] = []
        self.bare: list[tuple[int, int]] = []  # days said with no month ("the 20th")

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def day(self, match: re.Match[str], future: date, past: date | None = None) -> None:
        self.add("date", match, {"future": future, "past": past or future})

    def span(self, match: re.Match[str], future: Span, past: Span | None = None) -> None:
        self.add("daterange", match, {"future": future, "past": past or future})

    def add(self, kind: str, match: re.Match[str], readings: dict[str, object]) -> None:
        start, end = match.span()
        if not self.free(start, end):
            return
        self.taken.append((start, end))
        self.found.append(Mention(kind, None, start, end, extra=readings))  # type: ignore[arg-type]

    def each(self, pattern: str) -> list[re.Match[str]]:
        return [m for m in re.finditer(pattern, self.text) if self.free(*m.span())]


def ym(day: date) -> tuple[int, int]:
    return day.year, day.month
