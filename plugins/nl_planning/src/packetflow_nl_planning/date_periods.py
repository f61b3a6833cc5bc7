"""Periods of the date grammar: quarters ("Q2", "the third quarter", "Q1 last year"), this/next/
last week, month, quarter, year and weekend, month names ("September"), "so far this year",
"year to date", "the past 7 days", "the rest of the week" and years ("in 2025")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .date_calendar import (
    AMBIGUOUS_MONTHS,
    Scanner,
    Span,
    add_months,
    amount,
    delta,
    month_range,
    quarter_of,
    week_of,
    ym,
)
from .date_words import MONTH, MONTHS

__all__ = ["period_of", "quarter_rules", "range_rules", "start_of"]


def quarter_rules(s: Scanner) -> None:
    """ "Q2", "the third quarter", "Q1 2025", "Q1 last year" (before "last year" alone)."""
    today = s.today
    for m in s.each(
        r"\b(?:in\s+)?q([1-4])(?:\s+(?:of\s+)?(\d{4}|(?:last|this|next)\s+year))?\b"
        r"|\b(first|second|third|fourth)\s+quarter(?:\s+(?:of\s+)?(\d{4}|(?:last|this|next)\s+year))?\b"
    ):
        q = (
            int(m.group(1))
            if m.group(1)
            else ["first", "second", "third", "fourth"].index(m.group(3)) + 1
        )
        year_text = m.group(2) or m.group(4)
        if year_text:
            shift = {"last": -1, "this": 0, "next": 1}.get(year_text.split()[0])
            year = today.year + shift if shift is not None else int(year_text)
            s.span(m, quarter_of(year, q))  # "Q1 2025", "Q1 last year"
            continue
        quarter = quarter_of(today.year, q)
        ahead = quarter if quarter[1] >= today else quarter_of(today.year + 1, q)
        back = quarter if quarter[0] <= today else quarter_of(today.year - 1, q)
        s.span(m, ahead, back)


def range_rules(s: Scanner) -> None:
    today = s.today
    _week_of_month(s)  # before "last week" alone
    period = r"(year|month|week|quarter)"
    for m in s.each(
        rf"\b(?:so\s+far\s+this|this|current)\s+{period}\s+(?:so\s+far|to\s+date)\b"
        rf"|\bso\s+far\s+this\s+{period}\b|\b{period}[\s-]to[\s-]date\b|\b(ytd|mtd|wtd|qtd)\b"
        # "this month's trips so far": the things of the period between
        rf"|\b(?:this|current)\s+{period}'s\s+(?:[a-z]+\s+){{1,3}}?(?:so\s+far|to\s+date)\b"
    ):
        unit = next(g for g in m.groups() if g)
        unit = {"ytd": "year", "mtd": "month", "wtd": "week", "qtd": "quarter"}.get(unit, unit)
        s.span(m, (start_of(unit, today), today))
    _month_so_far(s)
    for m in s.each(
        r"\b(?:the\s+)?(?:past|last|previous)\s+(\d+|two|three|four|five|six|seven|ten|twelve)\s+(day|week|month|year)s\b"
    ):
        n = amount(m.group(1))
        start = delta(n, m.group(2), today, -1) + timedelta(days=1)
        s.span(m, (start, today))
    for m in s.each(r"\b(?:the\s+)?(?:past|last|previous)\s+fortnight\b"):
        s.span(m, (today - timedelta(days=13), today))
    for m in s.each(r"\b(?:the\s+)?rest\s+of\s+(?:the\s+|this\s+)?(week|month|year)\b"):
        s.span(m, (today, period_of(m.group(1), today, 0)[1]))  # today to the period's end
    for m in s.each(
        r"\b(this|next|last|previous|coming|the\s+past)\s+(week|month|quarter|year|weekend)\b"
    ):
        offset = {"this": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}.get(m.group(1), -1)
        span = period_of(m.group(2), today, offset)
        # Looking back, "this year" is what has happened of it: its start to today (a week
        # or a month is short enough to be read whole: "my usage for this week").
        whole = offset != 0 or m.group(2) != "year"
        back = span if whole or not span[0] <= today < span[1] else (span[0], today)
        s.span(m, span, back)
    for m in s.each(r"\b(?:the\s+)?weekend\b"):
        saturday = week_of(today)[0] + timedelta(days=5)
        future = (
            saturday if saturday + timedelta(days=1) >= today else saturday + timedelta(weeks=1)
        )
        past = saturday if saturday <= today else saturday - timedelta(weeks=1)
        s.span(m, (future, future + timedelta(days=1)), (past, past + timedelta(days=1)))
    for m in s.each(rf"\b(?:in\s+|for\s+|of\s+)?({MONTH})(?:\s+(\d{{4}}))?\b"):
        word = m.group(1)
        after = re.search(
            r"\b(?:in|for|of|during|since|until|from|to|through)\s+$"
            rf"|\bbetween\s+(?:{MONTH})\s+and\s+$",  # "between March and May"
            s.text[: m.start(1)],
        )
        if word in AMBIGUOUS_MONTHS and not m.group(2) and not after:
            continue  # "may" the verb, "mar" the word: a month only after a preposition
        month = MONTHS[word]
        if m.group(2):
            s.span(m, month_range(int(m.group(2)), month))
            continue
        span = month_range(today.year, month)
        ahead = span if span[1] >= today else month_range(today.year + 1, month)
        # Reporting on "September" means the last September that is over.
        back = span if span[1] < today else month_range(today.year - 1, month)
        s.span(m, ahead, back)
    for m in s.each(r"\b(?:in|for|during|of)\s+(\d{4})\b"):
        if 1900 <= int(m.group(1)) <= 2200:
            y = int(m.group(1))
            s.span(m, (date(y, 1, 1), date(y, 12, 31)))


def _week_of_month(s: Scanner) -> None:
    """ "the first week of January", "the last week of next month": its first or last seven
    days; a month named alone is the next one whose week is not over, or looking back the last
    one whose week has begun."""
    for m in s.each(
        rf"\b(?:the\s+)?(first|last|final)\s+week\s+of\s+(?:({MONTH})|(this|next|last)\s+month)\b"
    ):

        def week(year: int, month: int, first: bool = m.group(1) == "first") -> Span:
            start, end = month_range(year, month)
            return (start, start + timedelta(days=6)) if first else (end - timedelta(days=6), end)

        if m.group(3):
            offset = {"this": 0, "next": 1, "last": -1}[m.group(3)]
            s.span(m, week(*ym(add_months(s.today, offset))))
            continue
        month, year = MONTHS[m.group(2)], s.today.year
        this = week(year, month)
        ahead = this if this[1] >= s.today else week(year + 1, month)
        back = this if this[0] <= s.today else week(year - 1, month)
        s.span(m, ahead, back)


def _month_so_far(s: Scanner) -> None:
    """ "December so far", "so far in December", "December to date": the month named is the one
    today is in, from its first day to today, both counted. A month that is not today's has
    no "so far"; the month rule reads it whole."""
    for m in s.each(
        rf"\b(?:(?:in|for|of)\s+)?({MONTH})(?:\s+(\d{{4}}))?,?\s+(?:so\s+far|to\s+date|until\s+now)\b"
        rf"|\bso\s+far\s+(?:in|this|for)\s+({MONTH})\b"
    ):
        month = MONTHS[m.group(1) or m.group(3)]
        year = int(m.group(2)) if m.group(2) else s.today.year
        if (year, month) == (s.today.year, s.today.month):
            s.span(m, (s.today.replace(day=1), s.today))


def start_of(unit: str, today: date) -> date:
    if unit == "year":
        return date(today.year, 1, 1)
    if unit == "month":
        return date(today.year, today.month, 1)
    if unit == "quarter":
        return quarter_of(today.year, (today.month - 1) // 3 + 1)[0]
    return week_of(today)[0]


def period_of(unit: str, today: date, offset: int) -> Span:
    if unit == "week":
        return week_of(today, offset)
    if unit == "weekend":
        saturday = week_of(today, offset)[0] + timedelta(days=5)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        return month_range(*ym(add_months(today, offset)))
    if unit == "quarter":
        shifted = add_months(date(today.year, today.month, 1), 3 * offset)
        return quarter_of(shifted.year, (shifted.month - 1) // 3 + 1)
    return date(today.year + offset, 1, 1), date(today.year + offset, 12, 31)
