"""An enum of how often ("weekly", "fortnightly", "monthly") filled from a period said in
words: "every other week" and "every two weeks" are fortnightly, "every month" monthly."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..date_words import DAYS
from ..numbers import parse_number
from ..schema import FieldSpec
from ..units import units

__all__ = ["period_value"]

# "every week", "every other week", "every second day", "every 2 weeks", "every three months"
_EVERY = re.compile(r"\bevery\s+([a-z0-9]+)(?:\s+([a-z]+))?", re.IGNORECASE)
_ALTERNATE = frozenset(("other", "second", "alternate"))
# Adverbs of frequency English forms irregularly from their unit.
_IRREGULAR = {"daily": "day", "nightly": "night", "annually": "year"}


def _seconds(word: str) -> float | None:
    """The length in seconds of a time unit named by ``word`` ("week", "weeks"), if any."""
    unit = units()[1].get(word.lower())
    return unit.factor if unit is not None and unit.dimension == "time" else None


def _period(value: Any) -> float | None:
    """The period of an adverb of frequency (``fortnightly`` -> 2 weeks), ``None`` for a value
    that is none."""
    word = str(value).lower()
    unit = _IRREGULAR.get(word) or (word[:-2] if word.endswith("ly") else None)
    return _seconds(unit) if unit else None


def period_value(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The value whose period the clause says with "every ..." (the longest phrase wins over
    a bare unit word that would name another value: "every other week" is no "weekly")."""
    periods = {v: p for v in spec.enum if (p := _period(v)) is not None}
    if len(periods) < 2:
        return None
    start, end = scope.span
    for m in _EVERY.finditer(scope.text, start, end):
        said, stop = _said(m)
        if said is None:
            continue
        for value, period in periods.items():
            if abs(period - said) <= 0.01 * period and scope.free(m.start(), stop):
                scope.claim(m.start(), stop)
                return value, scope.text[m.start() : stop]
    return None


def _said(m: re.Match[str]) -> tuple[float | None, int]:
    """The period an "every ..." match says in seconds, and where its words end (a weekday
    is the date's, so "every Thursday" ends before it: the day stays for a date field)."""
    first, second = m.group(1), m.group(2)
    length = _seconds(first)
    if length is not None:  # "every week"
        return length, m.end(1)
    if first.lower() in DAYS:  # "every Thursday": once a week
        return _seconds("week"), m.start(1)
    if first.lower() in _ALTERNATE and second and second.lower() in DAYS:
        week = _seconds("week")  # "every other Thursday"
        return (2 * week if week else None), m.start(2)
    length = _seconds(second) if second else None
    if length is None:
        return None, m.end()
    if first.lower() in _ALTERNATE:  # "every other week"
        return 2 * length, m.end()
    count = parse_number(first)  # "every two weeks"
    return (count * length if isinstance(count, int | float) else None), m.end()
