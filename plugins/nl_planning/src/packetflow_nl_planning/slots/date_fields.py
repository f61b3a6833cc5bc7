"""Date and date-time fields: the day or the side of a range the clause gives, read forwards
or backwards by the scope's mode."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..clauses import Mode, Scope, side
from ..date_ranges import after_start
from ..lexicon import lexicon
from ..schema import FieldSpec
from ..tense import clause_tense, description_tells_past, tensed_words
from ..text import lemma, past_form
from ..text import words as lemmas_of
from .date_reading import reading
from .kinds import field_kind

__all__ = ["fill_date", "range_side"]

_FIRST_WORDS = frozenset(("first", "start", "begin", "beginning", "opening"))
_LAST_WORDS = frozenset(("last", "end", "final", "closing"))


def _side(spec: FieldSpec, fields: list[FieldSpec]) -> str | None:
    """The side of a range a date field is: by its name (``start_date``), else by its
    description ("first day of the rental" for ``pickup_date``). A departure starts a trip
    but ends a stay: beside an arrival field it is the end."""
    named = side(spec.name_words)
    if named == "start" and "departure" in spec.name_words:
        arrival = any(
            f is not spec and "arrival" in f.name_words and field_kind(f) in ("date", "datetime")
            for f in fields
        )
        return "end" if arrival else named
    if named is not None or not spec.description:
        return named
    described = set(lemmas_of(spec.description))
    if described & _FIRST_WORDS and not described & _LAST_WORDS:
        return "start"
    if described & _LAST_WORDS and not described & _FIRST_WORDS:
        return "end"
    return None


def range_side(spec: FieldSpec, fields: list[FieldSpec]) -> str | None:
    """The side of a range a date field is (``None`` for a field of no date or no side)."""
    if field_kind(spec) not in ("date", "datetime"):
        return None
    return _side(spec, fields)


# Words that say a day is where something starts, with no end ("from Monday", "starting on
# the 3rd", "as of Friday", "beginning 1 May"); a mention's own words may include "on".
_CLOSES = re.compile(r"\b(?:until|till|til|up\s+to|through)(?:\s+the)?\s*$", re.IGNORECASE)
_OPENS = re.compile(
    r"\b(?:from|starting|beginning|as\s+of|effective|commencing)(?:\s+on)?\s*$", re.IGNORECASE
)

_WEEKS = {"week": 7, "fortnight": 14}

_DAY_WORDS = frozenset(("day", "morning", "afternoon", "evening", "night", "week", "date"))


def _names_a_day(scope: Scope) -> bool:
    """Whether the clause speaks of a day it gives no date for ("the same day", "that
    evening", "the day before"): then a time alone is not today's."""
    return any(t.lemma in _DAY_WORDS and scope.free(t.start, t.end) for t in scope.words)


def _leaving(spec: FieldSpec) -> bool:
    """Whether the field is the day one leaves ("check_out", "checkout_date", "departure"),
    the morning after the last night."""
    joined = "".join(spec.name_words)
    return "out" in spec.name_words or "checkout" in joined or "departure" in spec.name_words


def _mode(scope: Scope, fields: list[FieldSpec]) -> Mode:
    """The scope's reading of dates, but backwards for a capability that records what was done
    when its fields say so in the past ("time driven in minutes" of a practice-drive log): a
    bare "Sunday" in "add a drive: 40 miles, Sunday" is the one gone by, unless the clause
    looks ahead ("next Sunday")."""
    if scope.mode == "past":
        return "past"
    lex = lexicon()
    records = any("record" in lex.classes.get(word, ()) for word in scope.own)
    if not records or not any(
        description_tells_past(f.description) for f in fields if f.description
    ):
        return scope.mode
    words = tensed_words(scope.clause.tokens, scope.mentions.items)
    if clause_tense([t.lower for t in words], [t.lemma for t in words]) == "ahead":
        return scope.mode
    return "past"


# Participles of wanting or planning: their day is one to come ("scheduled_on").
_PLANNED = frozenset(("schedule", "plan", "book", "request", "order", "want", "need", "expect"))


def _done_on(spec: FieldSpec) -> bool:
    """Whether a date field is named by a past participle and "on" or "at" (``spent_on``,
    ``tasted_on``, ``collected_at``): the day a thing was done, read backwards as a record's."""
    words = spec.name.lower().split("_")
    return (
        len(words) == 2
        and words[1] in ("on", "at")
        and past_form(words[0])
        and lemma(words[0]) not in _PLANNED
    )


def _looks_ahead(scope: Scope) -> bool:
    words = tensed_words(scope.clause.tokens, scope.mentions.items)
    return clause_tense([t.lower for t in words], [t.lemma for t in words]) == "ahead"


def fill_date(
    spec: FieldSpec, kind: str, scope: Scope, fields: list[FieldSpec]
) -> tuple[Any, str] | None:
    side = _side(spec, fields)
    ranges = scope.of("daterange")
    days = scope.of("date")
    mode = reading(scope, spec, _mode(scope, fields))
    if mode == "future" and _done_on(spec) and not _looks_ahead(scope):
        mode = "past"  # "spent_on", "tasted_on": the day a thing was done
    value: date | None = None
    source = ""
    if ranges and (side is not None or not days):
        mention = ranges[0]
        start, end = mention.extra[mode]
        value = end if side == "end" else start
        source = scope.text[mention.start : mention.end]
        partners = [f for f in fields if f is not spec and field_kind(f) in ("date", "datetime")]
        if side is None or not partners or side == "end":
            scope.mentions.take(mention)
    elif (
        days
        and side == "start"
        and not spec.required
        and len(days) == 1
        and (_CLOSES.search(scope.text[: days[0].start]))
    ):
        return None  # "pause it until the 9th": the day it ends, from now on
    elif days:
        mention = days[1] if side == "end" and len(days) > 1 else days[0]
        value = mention.extra[mode]
        if side == "end" and scope.range_start is not None and value < scope.range_start:
            # "arriving the 12th of June, leaving the 14th": the end's bare day (or weekday)
            # is the first such day after the start, not the one nearest today
            said = scope.text[mention.start : mention.end].lower()
            value = after_start(scope.range_start, value, said)
        scope.range_open = side == "start" and bool(_OPENS.search(scope.text[: mention.start]))
        source = scope.take(mention)
    elif side == "end" and scope.range_start is not None:
        # One day given for a start/end pair: "tomorrow" is the range tomorrow..tomorrow, and a
        # stay ends its nights later ("two nights from Monday", "tonight").
        value, source = scope.range_start, "(the same day)"
        nights = [m for m in scope.of("duration") if m.unit in ("day", "night")]
        weeks = [m for m in scope.of("duration") if m.unit in _WEEKS]
        if nights:
            # "two nights from Monday" leaves on Wednesday, but "from Friday for 3 days" has
            # its last day on Sunday: days count both ends, unless the field is the leaving.
            count = int(nights[0].value)
            inclusive = nights[0].unit == "day" and not _leaving(spec)
            value = value + timedelta(days=count - 1 if inclusive and count > 0 else count)
            source = scope.take(nights[0])
        elif weeks:
            # "from 1 September for 2 weeks": whole weeks from the first day, both ends
            # inclusive (1-14 September).
            length = float(weeks[0].value) * _WEEKS[weeks[0].unit or "week"]
            value = value + timedelta(days=round(length) - 1)
            source = scope.take(weeks[0])
        elif _leaving(spec):
            value = value + timedelta(days=1)
        elif scope.range_open and not spec.required:
            return None  # "from Monday": a start said as one, its end left open
    if value is None and kind == "datetime" and scope.of("time") and not _names_a_day(scope):
        value, source = scope.today, ""  # "delivered at 7pm": today, at that time
    if value is None:
        return None
    if side == "start":
        scope.range_start = value
    if kind == "datetime":
        times = scope.of("time")
        clock = "09:00"
        if times:
            clock = str(times[0].value)
            source += " " + scope.take(times[0])
        return f"{value.isoformat()}T{clock}:00", source
    return value.isoformat(), source
