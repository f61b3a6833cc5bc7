"""The calendar's English words (month and weekday names with their abbreviations) and a
date that may not exist ("30 February")."""

from __future__ import annotations

import calendar
from datetime import date

__all__ = ["DAY", "DAYS", "MONTH", "MONTHS", "safe_date"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
DAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
DAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
"""A regex alternation of every month name, longest first."""
DAY = "|".join(sorted(DAYS, key=len, reverse=True))
"""A regex alternation of every weekday name, longest first."""


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` when the calendar has no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
