"""Number fields: counts, amounts and measures in digits or words, a measure converted to the
unit the field's name or description names, an amount only for a field of money."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from ..clauses import Scope, field_words, side
from ..lexicon import lexicon
from ..mentions import Mention
from ..schema import FieldSpec
from ..text import words as lemmas_of
from ..units import convert, currency_aliases, units
from .kinds import field_kind
from .paired_numbers import pair_side
from .people_counts import HUMANS, PEOPLE, counts_people, people_said
from .share_values import share_of
from .spoken_prices import spoken_price

__all__ = ["fill_number"]

_MONEY_WORDS = frozenset(
    [
        "amount",
        "price",
        "cost",
        "total",
        "budget",
        "fee",
        "sum",
        "salary",
        "payment",
        "balance",
        "fare",
        "charge",
        "tip",
        "value",
        "money",
        "spend",
        "limit",
        "refund",
        "deposit",
        "withdrawal",
    ]
)


# Words of a field that a duration may fill even though it names no unit ("how long", "age").
_TIME_WORDS = frozenset(
    ("time", "duration", "long", "length", "period", "age", "old", "term", "interval", "day",
     "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "hour",
     "hours", "minute", "minutes", "lead", "notice", "stay", "delay", "wait", "frequency")
)  # fmt: skip


def _counts_other(
    scope: Scope, end: int, words: frozenset[str], spec: FieldSpec, fields: list[FieldSpec]
) -> bool:
    """Whether the number ending at ``end`` counts a plural noun ("3 riders", "2 standing
    tickets": the first plural within three words) that is a word of the capability but not
    of this field, unless this field's own noun follows it in the singular ("3 trip ferry
    tickets" for ``trips``: the count's compound modifier). A noun that is only a value of a
    choice ("2 seniors" for an age group) says what kind of thing is counted, not another
    count: it counts for this field when no other number field names it."""
    after = [t for t in scope.clause.tokens if t.start >= end][:3]
    if after and after[0].lemma in spec.name_words and after[0].lower == after[0].lemma:
        return False  # "3 trip tickets" for trips: a count of this field's own noun
    # (a hyphen joins a count to its noun in a compound: "a 3-bedroom house")
    joined = [t for t in scope.clause.tokens if t.start >= end and t.text != "-"][:2]
    if (
        joined
        and joined[0].is_word
        and joined[0].lower == joined[0].lemma
        and _named_by_another(joined[0].lemma, spec, fields)
        and not (len(joined) > 1 and joined[1].text[:1].isdigit())
    ):
        # "3-bedroom houses": the count of another field's own noun ("round 2 board 5": a
        # noun before a number labels that number instead)
        return True
    for token in after:
        if not token.is_word or token.entity:
            return False
        if token.lower != token.lemma and token.lower.endswith("s"):
            if _people_for(spec, token.lemma, fields):
                return False  # "two adults" are the passengers when nothing else counts adults
            if counts_people(spec) and token.lemma not in HUMANS | set(spec.words):
                return True  # "two cases" are no passengers
            if _people_for_another(spec, token.lemma):
                return True  # "3 kids" are no skiing days (but 3 passes, one each)
            if token.lemma not in scope.own or token.lemma in words:
                return False
            said = {token.lemma, token.lower}  # "jars" may be the enum value itself
            # (or a word of one: "18 PDF licences" for a pdf_licence edition)
            chosen = any(said & _value_words(f.enum) for f in fields)
            counted = any(
                f is not spec and f.type in ("integer", "number") and token.lemma in f.words
                for f in fields
            )
            if not counted and not chosen and _counts_the_object(spec, token.lemma, fields):
                return False  # "36 cupcakes" for the quantity of order_cupcakes
            return counted or not chosen
    return False


def _value_words(values: Any) -> set[str]:
    """The values of a choice, each whole and each of its words ("pdf_licence": "pdf",
    "licence")."""
    out: set[str] = set()
    for value in values or ():
        text = str(value).lower()
        out.add(text)
        out.update(w for w in re.split(r"[_\s-]+", text) if w)
    return out


def _named_by_another(lemma: str, spec: FieldSpec, fields: list[FieldSpec]) -> bool:
    """Whether another number field is named by ``lemma`` (``min_bedrooms`` for "bedroom")."""
    lex = lexicon()
    if len(lemma) < 3 or lemma in lex.stopwords or lemma in lex.roles:
        return False  # "1895 to 1900" is no count of ``year_to``'s "to"
    return any(
        f is not spec and f.type in ("integer", "number") and lemma in f.name_words for f in fields
    )


def _people_for(spec: FieldSpec, lemma: str, fields: list[FieldSpec]) -> bool:
    """Whether a count of ``lemma``, a noun for people, is this field's: it counts people and
    no other number field of the capability names that noun."""
    if lemma not in PEOPLE or not counts_people(spec):
        return False
    return not any(
        f is not spec and f.type in ("integer", "number") and lemma in f.words for f in fields
    )


def _people_for_another(spec: FieldSpec, lemma: str) -> bool:
    """Whether a count of ``lemma``, a noun for people, is no value of ``spec``: a field that
    counts a thing of its own (days, boxes), neither people (of any name) nor whatever the
    capability handles (a bare ``quantity``)."""
    if lemma not in HUMANS or counts_people(spec) or set(spec.words) & HUMANS:
        return False  # ("2 kids" may be the children)
    return not (spec.name_words and set(spec.name_words) <= _GENERIC_COUNT)


# Names of a field that counts whatever the capability handles, not a thing of its own.
_GENERIC_COUNT = frozenset(("quantity", "qty", "count", "number", "num", "many", "how"))


def _counts_the_object(spec: FieldSpec, lemma: str, fields: list[FieldSpec]) -> bool:
    """Whether ``spec`` is a bare count (``quantity``, "how many") and the counted noun is the
    capability's own object, a word of none of its other fields: "36 cupcakes" is the
    quantity of an order of cupcakes, while "2 bikes" is no number of riders. A field whose
    description is only "how many" is such a count whatever its name ("copies": "2 mortice
    keys" are the copies of an order of keys), and a choice of the kind of that noun ("kind
    of key") says which such thing is counted, not that another field counts it."""
    bare_name = bool(spec.name_words) and set(spec.name_words) <= _GENERIC_COUNT
    described = set(spec.words) - set(spec.name_words)
    if not bare_name and not (described and described <= _GENERIC_COUNT):
        return False
    return not any(f is not spec and lemma in f.words and (bare_name or not f.enum) for f in fields)


def fill_number(
    spec: FieldSpec, scope: Scope, money_capability: bool, fields: list[FieldSpec]
) -> tuple[Any, str] | None:
    words = field_words(spec)
    listed = people_said(spec, scope, numbered=True)
    if listed is not None:
        return listed  # "me and my 2 kids": 3, not the 2 inside it
    wants_money = bool(set(spec.name_words) & _MONEY_WORDS) or (
        money_capability and "amount" in spec.words
    )
    share = share_of(spec, scope)
    if share is not None:
        return share  # "a quarter open": 25 of a percentage
    paired = pair_side(spec, scope, fields)
    if paired is not None:
        return paired  # "finished 3-1": home 3, away 1
    candidates: list[tuple[float, Mention, float]] = []
    _by_name, _ = units()
    found = scope.of("quantity", "duration", "money", "number")
    # "5 miles", "10 km": the number is a measure, not a count of bedrooms or of minutes;
    # "$60": an amount, not 60 cm
    measured = [
        (m.start, m.end)
        for m in found
        if (m.kind in ("quantity", "duration") and m.unit) or m.kind == "money"
    ]
    # "from 9 till 12": the hours of a range of times are clock times, no count or length
    clocks = [
        (t.start, t.end)
        for t in scope.mentions.items
        if t.kind == "time" and t.extra.get("side") and scope.span[0] <= t.start < scope.span[1]
    ]
    for m in found:
        if m.kind == "number" and any(a <= m.start and m.end <= b for a, b in clocks):
            continue
        value = m.value
        score = 0.0
        converted_value = False
        if m.kind in ("quantity", "duration"):
            if spec.unit is None:
                if _measures_another(m.unit, spec, fields):
                    continue  # "within 5 miles" is the radius in km, not 5 stops
                if m.kind == "duration" and not set(spec.words) & _TIME_WORDS:
                    continue  # "a 5% move in a day" gives no price of 1
                if wants_money and _currency_named(scope, m, fields):
                    score += 2.0  # "under 1400 pounds" for a price: an amount, not a weight
                else:
                    score -= 0.5 if m.kind == "quantity" else 0.3
            else:
                converted = convert(float(value), m.unit or "", spec.unit)
                if converted is None:
                    continue
                value = round(converted, 6)
                converted_value = True
                score += 2.0
        elif m.kind == "money":
            score += 2.0 if wants_money else -1.0
        elif any(a <= m.start and m.end <= b for a, b in measured) and spec.unit is not None:
            continue  # "102k miles": its measure says the unit (k is thousands here)
        elif spec.unit in _CLOCK_UNITS and _level_after_to(scope, m):
            continue  # "oven to 180": a level to reach, not 180 minutes
        elif _thousands_of_time(scope, m, spec):
            continue  # "a 5k run": kilometres of the distance, never 5000 minutes
        elif _kilometres(scope, m, spec):
            # "a 10k run": for a distance, "k" is kilometres, not thousands
            converted = convert(float(value) / 1000, "km", spec.unit or "km")
            if converted is None:
                continue
            value = round(converted, 6)
            converted_value = True
            score += 2.0
        elif m.extra.get("ordinal"):
            if not _takes_ordinal(spec):
                score -= 2.0  # "the 2nd floor" is no count of anything
        elif any(a <= m.start and m.end <= b for a, b in measured):
            if spec.unit is not None:
                continue  # its measure did not convert to the field's unit
            score -= 1.0
        elif _counts_other(scope, m.end, words, spec, fields):
            continue  # "3 riders" counts what another field of the capability names
        after = set(scope.after(m.end, 2))
        before = set(scope.before(m.start, 3))
        cued = bool(after & words or before & words)
        if cued:
            score += 1.5
        if scope.role(m.start, words) > 0:
            score += 1.0
            cued = True
        score += _named_before(scope, m, spec, fields)
        if m.kind == "number" and not converted_value and not cued and _measure(spec):
            continue  # "10-12 July": a bare number is no length in metres unless the field is named
        if spec.type == "integer":
            if converted_value:
                value = round(value)  # 8,000 miles in whole km
            elif isinstance(value, float) and not value.is_integer():
                continue
            value = int(value)
        if spec.minimum is not None and value < spec.minimum:
            continue
        if spec.maximum is not None and value > spec.maximum:
            continue
        candidates.append((score, m, value))
    if not candidates and "year" in spec.name_words:
        for m in scope.of("daterange"):
            start, end = m.extra[scope.mode]
            if start.year == end.year:  # "this year", "for 2027": the year of the range
                return start.year, scope.take(m)
    if not candidates:
        spoken = spoken_price(scope) if wants_money else None
        return (
            spoken
            or _range_length(spec, scope)
            or _hours_between(spec, scope, fields)
            or people_said(spec, scope, numbered=False)
            or _one_of(spec, scope)
        )
    score, mention, value = max(candidates, key=lambda c: (c[0], -c[1].start))
    if score < -0.5:
        return _hours_between(spec, scope, fields)
    scope.last_kind = mention.kind
    return value, scope.take(mention)


def _currency_named(scope: Scope, m: Mention, fields: list[FieldSpec]) -> bool:
    """Whether a measure's unit word is also a currency's name ("1400 pounds") and the
    capability measures nothing of the unit's kind: then it is an amount of money."""
    by_name, _ = units()
    unit = by_name.get(m.unit or "")
    if unit is None or any(
        f.unit in by_name and by_name[f.unit].dimension == unit.dimension for f in fields
    ):
        return False
    names = {alias.split()[0] for alias in currency_aliases()}  # "pound" of "pound sterling"
    written = scope.text[m.start : m.end].lower().split()
    return any(w in names or w.removesuffix("s") in names for w in written)


# Words of a description that count only the days of the working week.
_WORKING = frozenset(("work", "working", "business", "weekday", "workday"))


def _range_length(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """How many days (both ends counted) or nights (the days between) a range of days spans
    ("Monday to Wednesday": 3 days, 2 nights), for a count of days or nights that no number
    gives; the range itself may have filled the first day too, so it is read, not taken."""
    if spec.type != "integer" or not spec.name_words:
        return None
    unit = spec.name_words[-1]
    if unit not in ("day", "night"):
        return None
    start, end = scope.span
    for m in scope.mentions.items:
        if m.kind != "daterange" or not (start <= m.start and m.end <= end):
            continue
        first, last = m.extra[scope.mode]
        count = (last - first).days + (1 if unit == "day" else 0)
        if unit == "day" and set(lemmas_of(spec.description)) & _WORKING:
            # "consecutive working days": "the whole of next week" is its five weekdays
            count = sum((first + timedelta(days=k)).weekday() < 5 for k in range(count))
        if count < 1 or (spec.minimum is not None and count < spec.minimum):
            continue
        if spec.maximum is not None and count > spec.maximum:
            continue
        return count, scope.text[m.start : m.end]
    return None


def _hours_between(
    spec: FieldSpec, scope: Scope, fields: list[FieldSpec]
) -> tuple[Any, str] | None:
    """How long a range of times lasts ("from 9 till 12": 3 hours, "9:30 to 10:30": 60
    minutes), for a length of time in a unit that no number gives, when no field of the step
    takes the end time itself; the times are read, not taken (the start time may be a field)."""
    by_name, _ = units()
    unit = by_name.get(spec.unit or "")
    if unit is None or unit.dimension != "time" or spec.type not in ("integer", "number"):
        return None
    if any(
        f is not spec and field_kind(f) == "time" and side(f.name_words) == "end" for f in fields
    ):
        return None
    start, end = scope.span
    times = [m for m in scope.mentions.items if m.kind == "time" and start <= m.start < end]
    first = next((m for m in times if m.extra.get("side") == "start"), None)
    last = next((m for m in times if m.extra.get("side") == "end"), None)
    if first is None or last is None:
        return None
    minutes = (_minutes(str(last.value)) - _minutes(str(first.value))) % (24 * 60)
    length = convert(float(minutes), "min", spec.unit or "")
    if not minutes or length is None:
        return None
    value: float = round(length, 6)
    if spec.type == "integer":
        if not float(value).is_integer():
            return None
        value = int(value)
    if (spec.minimum is not None and value < spec.minimum) or (
        spec.maximum is not None and value > spec.maximum
    ):
        return None
    return value, scope.text[first.start : last.end]


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:5])


def _one_of(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """1 for a count of a noun said once with "a" ("add *a bottle* of Margaux" for
    ``bottles``, "*a night* at the lodge" for ``nights``): the article counts one of the
    field's own noun in the singular, when no number is said."""
    if spec.type != "integer" or not spec.name_words or (spec.minimum or 0) > 1:
        return None
    noun = spec.name_words[-1]
    if noun in _GENERIC_COUNT:
        return None
    tokens = [t for t in scope.clause.tokens if scope.span[0] <= t.start < scope.span[1]]
    for k in range(1, len(tokens)):
        t, article = tokens[k], tokens[k - 1]
        if article.lower not in ("a", "an") or t.lemma != noun or t.lower != t.lemma:
            continue
        if scope.free(article.start, t.end):
            scope.claim(article.start, t.end)
            return 1, scope.text[article.start : t.end]
    return None


def _named_before(
    scope: Scope, mention: Mention, spec: FieldSpec, fields: list[FieldSpec]
) -> float:
    """How the word right before a number names its field: "round five" is this round's
    (+1), "Board 7" another number field's board (-1), whatever else the words around say."""
    tokens = [t for t in scope.clause.tokens if t.end <= mention.start][-2:]
    if not tokens:
        return 0.0
    if len(tokens) == 2 and any(
        m.kind == "number" and m.end == tokens[0].end for m in scope.mentions.items
    ):
        return 0.0  # "3 adults 2 children": "adults" is the noun of the 3 before it
    before = [tokens[-1].lemma]
    if before[-1] in spec.name_words:
        return 1.0
    others = (f for f in fields if f is not spec and f.type in ("integer", "number"))
    return -1.0 if any(before[-1] in f.name_words for f in others) else 0.0


def _measure(spec: FieldSpec) -> bool:
    """Whether ``spec`` holds a physical measure (a length, a weight, a power: not a time,
    which a bare number often gives, as "aged 62" or "for 90")."""
    unit = units()[0].get(spec.unit) if spec.unit else None
    return unit is not None and unit.dimension not in ("time", "temperature")


def _kilometres(scope: Scope, mention: Mention, spec: FieldSpec) -> bool:
    """Whether ``mention`` is a number written with "k" ("10k") for a field of length."""
    if mention.kind != "number" or spec.unit is None:
        return False
    unit = units()[0].get(spec.unit)
    raw = scope.text[mention.start : mention.end].lower()
    return unit is not None and unit.dimension == "length" and raw.endswith("k")


def _thousands_of_time(scope: Scope, mention: Mention, spec: FieldSpec) -> bool:
    """Whether a number written with "k" ("5k") is said for ``spec``, a length of time in
    seconds, minutes or hours: no one says "5k minutes", so "a 5k run" leaves the minutes to
    the distance's kilometres (a sum per year, ``annual_income``, still takes "52k")."""
    if mention.kind != "number" or not scope.text[mention.start : mention.end].lower().endswith(
        "k"
    ):
        return False
    return spec.unit in _CLOCK_UNITS


_CLOCK_UNITS = frozenset(("ms", "s", "min", "h"))


def _level_after_to(scope: Scope, mention: Mention) -> bool:
    """Whether ``mention`` is a bare number right after "to" ("the oven to 180", "volume to
    30"): the level a thing is set to, which a length of time is not said as (that one goes
    "for 20" or carries its unit). Neither an end of a range ("5 to 10") nor a limit ("up
    to 30") is such a level."""
    if mention.kind != "number":
        return False
    before = [t.lower for t in scope.clause.tokens if t.end <= mention.start][-2:]
    if before[-1:] != ["to"]:
        return False
    head = before[0] if len(before) == 2 else ""
    return head != "up" and not head[:1].isdigit()


_POSITION_WORDS = frozenset(("number", "index", "position", "rank", "place", "no"))


def _takes_ordinal(spec: FieldSpec) -> bool:
    """Whether an integer field says which one of a series it is, so that an ordinal ("the
    *first* essay", "the 3rd lap") is its value: its description asks "which ..." or its name
    ends in a word of position (``lap_number``, ``stage_index``)."""
    if spec.type != "integer":
        return False
    said = spec.description.lower().split()
    return said[:1] == ["which"] or (
        bool(spec.name_words) and spec.name_words[-1] in _POSITION_WORDS
    )


def _measures_another(unit: str | None, spec: FieldSpec, fields: list[FieldSpec]) -> bool:
    """Whether a measure in ``unit`` converts to the unit of another of the capability's
    fields: then it is that field's value, never a plain number of ``spec``."""
    if not unit:
        return False
    return any(f is not spec and f.unit and convert(1.0, unit, f.unit) is not None for f in fields)
