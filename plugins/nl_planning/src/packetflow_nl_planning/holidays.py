"""Holidays named for their day ("Christmas Eve", "Boxing Day", "Valentine's Day", "Halloween",
"New Year's Day"): days of the month like "24 December", so each has a reading ahead (this
year's, or next year's once it is over) and one back (this year's once it has come, else last
year's), and the slot filler picks one as it does for a weekday. On the day itself both are
today. Only holidays on a fixed day are known (``data/lexicon/holidays.txt``)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources

from .date_calendar import Scanner
from .date_words import safe_date

__all__ = ["holiday_rules"]


@cache
def _holidays() -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    """A pattern of every holiday's name (longest first) and name -> (month, day)."""
    text = resources.files("packetflow_nl_planning") / "data" / "lexicon" / "holidays.txt"
    days: dict[str, tuple[int, int]] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line[0] == "#":
            continue
        when, *names = line.split()
        month, day = (int(n) for n in when.split("-"))
        for name in names:
            days[name.replace("_", " ")] = (month, day)
    alternation = "|".join(
        r"\s+".join(re.escape(w) for w in name.split())
        for name in sorted(days, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:(?:on|for|at)\s+)?(?:the\s+)?({alternation})(?!\w)"), days


def _readings(today: date, month: int, day: int) -> tuple[date, date] | None:
    """(ahead, back): the holiday this year or next, and this year or last."""
    this = safe_date(today.year, month, day)
    if this is None:
        return None
    ahead = this if this >= today else safe_date(today.year + 1, month, day) or this
    back = this if this <= today else safe_date(today.year - 1, month, day) or this
    return ahead, back


def holiday_rules(s: Scanner) -> None:
    pattern, days = _holidays()
    for m in pattern.finditer(s.text.replace("\u2019", "'")):
        if not s.free(*m.span()):
            continue
        name = re.sub(r"\s+", " ", m.group(1))
        if readings := _readings(s.today, *days[name]):
            s.day(m, *readings)
