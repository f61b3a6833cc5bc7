"""List fields: the enum values, e-mails or numbers a clause gives, else the items of a list
written out ("milk, eggs and bread")."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from typing import Any

from ..clauses import Scope, field_words
from ..date_words import DAY, DAYS
from ..freetext import in_value
from ..lexicon import lexicon
from ..schema import FieldSpec
from ..text import lemma, past_form

__all__ = ["fill_array"]


def fill_array(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    item = spec.item_type or "string"
    words = set(spec.name_words)
    if spec.enum:
        days = _weekdays(spec.enum)
        spanned = _day_span(scope, days) if days else None
        if spanned is not None:
            return spanned
        found = []
        for value in spec.enum:
            for t in scope.words:
                if t.lower == str(value).lower() or t.lemma == str(value).lower():
                    found.append(value)
                    _claim_free_of(scope, t)
                    break
                if _free_of(t.text.lower(), str(value).lower()):
                    found.append(value)  # "dairy-free", "nut-free"
                    scope.claim(t.start, t.end)
                    break
                if days and value in days and days.index(value) in _days_named(t.lower):
                    found.append(value)
                    scope.claim(t.start, t.end)  # "on Mondays": no name of anything else
                    break
        return (found, ", ".join(map(str, found))) if found else None
    if "email" in words or (
        item == "string" and words & {"recipient", "attendee", "cc", "invitee"}
    ):
        emails = scope.of("email")
        if emails:
            return [scope.take(m) for m in emails], ", ".join(str(m.value) for m in emails)
    if item in ("integer", "number"):
        numbers = scope.of("number")
        if numbers:
            return [m.value for m in numbers], ", ".join(scope.take(m) for m in numbers)
    return _list_items(spec, scope)


_CONTENTS = frozenset(("with", "using", "containing", "including"))
_WITHOUT = frozenset(("no", "not", "without", "minus"))


def _list_items(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """ "milk, eggs and bread" after a preposition naming the field ("with Ana and Bob"), a
    colon, or (for a required list) right after the action."""
    words = field_words(spec)
    roles = lexicon().roles
    start = None
    for t in scope.words:
        if t.lower in roles and roles[t.lower] & words and scope.free(t.start, t.end):
            start = t.end
            break
    colon = next(
        (t for t in scope.clause.tokens if t.lower == ":" and not in_value(scope, t)), None
    )
    if start is None and colon is not None:
        start = colon.end
    if start is None:
        # "recipes with chickpeas and leeks", "a soup using lentils": "with" (and its like)
        # lists what a thing is made of or comes with, when it names no other field.
        cue = next(
            (t for t in scope.words if t.lower in _CONTENTS and scope.free(t.start, t.end)),
            None,
        )
        start = cue.end if cue is not None else None
    if start is None and spec.required:
        start = scope.action_span[1] or None
    if start is None:
        return None
    text = scope.text[start : scope.span[1]]
    quoted = scope.of("quoted")
    if quoted:
        return [str(m.value) for m in quoted], ", ".join(scope.take(m) for m in quoted)
    for m in scope.mentions.items:
        if start <= m.start < scope.span[1] and m.kind not in ("number",):
            text = scope.text[start : m.start]
            break
    text = re.split(
        r"\b(?:to|from|for|in|on|at|into|onto|by|under|over|within|without|before|after)\b", text
    )[0]
    lex = lexicon()
    items = []
    for part, a, b in _parts(text, start):
        if not scope.free(a, b):
            continue  # another field took it: "..., extra cheese" is the flag, no topping
        tokens = [w for w in part.split() if w.lower() not in ("the", "a", "an", "some", "my")]
        if tokens and tokens[0].lower() in _WITHOUT:
            continue  # "with no onions, using leeks": what is left out is no item
        if tokens and tokens[0].lower() in _CONTENTS:
            tokens = tokens[1:]  # "..., using leeks": the cue of a second run of items
        # "pepperoni delivered at 7": a participle after the item says what happens to it
        cut = next((k for k, w in enumerate(tokens) if k and past_form(w.lower())), None)
        tokens = tokens[:cut]
        if tokens and not all(w.lower() in lex.stopwords for w in tokens):
            items.append(" ".join(tokens))
    if len(items) < 1:
        return None
    return items, ", ".join(items)


def _parts(text: str, offset: int) -> list[tuple[str, int, int]]:
    """The items of a list written out, each with its span in the request (``offset``: where
    ``text`` starts in it)."""
    out = []
    begin = 0
    for sep in [*re.finditer(r",|\band\b|&", text), None]:
        end = sep.start() if sep is not None else len(text)
        raw = text[begin:end]
        part = raw.strip(" .")
        if part:
            lead = len(raw) - len(raw.lstrip(" ."))
            a = offset + begin + lead
            out.append((part, a, a + len(part)))
        if sep is not None:
            begin = sep.end()
    return out


_DAYS = [d.lower() for d in calendar.day_name]
_DAY_GROUPS = {"weekdays": range(5), "weekday": range(5), "weekends": range(5, 7),
               "weekend": range(5, 7), "daily": range(7), "everyday": range(7)}  # fmt: skip


def _weekdays(values: Sequence[Any]) -> list[Any] | None:
    """An enum whose values are the seven days (``mon``..``sun`` or ``monday``..), Monday
    first; ``None`` for any other enum."""
    by_day: list[Any] = []
    for day in _DAYS:
        match = next((v for v in values if str(v).lower() in (day, day[:3])), None)
        if match is None:
            return None
        by_day.append(match)
    return by_day


# "gluten free", "nut-free": the adjective after the value says it is left out, as the value
_FREE_OF = re.compile(r"\s*-?\s*(?:free|less)\b", re.IGNORECASE)


def _free_of(word: str, value: str) -> bool:
    """Whether a hyphenated word says a value is left out ("nut-free" of ``nuts``)."""
    head, sep, tail = word.partition("-")
    return bool(sep) and tail in ("free", "less") and lemma(head) == lemma(value)


def _claim_free_of(scope: Scope, token: Any) -> None:
    """Claim "free" after a value said as "gluten free" / "dairy-free": it is part of how the
    value is said, no word for another field (a message "free")."""
    m = _FREE_OF.match(scope.text, token.end)
    if m is not None and m.end() <= scope.span[1] and scope.free(m.start(), m.end()):
        scope.claim(token.start, m.end())


# "Monday to Saturday", "Mon-Fri", "from Tuesday through Thursday", "Friday till Monday"
_SPAN = re.compile(
    rf"\b({DAY})s?\s*(?:-|\u2013|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*({DAY})s?\b",
    re.IGNORECASE,
)


def _day_span(scope: Scope, days: list[Any]) -> tuple[Any, str] | None:
    """The days of a span of weekdays said by its ends, both in ("Monday to Saturday" is six
    days; "Friday to Monday" runs over the weekend), for a list of the seven days."""
    start, end = scope.span
    for m in _SPAN.finditer(scope.text, start, end):
        first, last = DAYS[m.group(1).lower()], DAYS[m.group(2).lower()]
        count = (last - first) % 7 + 1
        a, b = m.start(), m.end()
        if count < 2 or not scope.free(a, b):
            continue
        scope.claim(a, b)
        picked = sorted((first + k) % 7 for k in range(count))
        return [days[i] for i in picked], scope.text[a:b]
    return None


def _days_named(word: str) -> range | tuple[int, ...]:
    """The days (0 = Monday) a word names: a day's name ("tuesday", "tues", "tue"), or a group
    ("weekdays", "weekends", "daily")."""
    if word in _DAY_GROUPS:
        return _DAY_GROUPS[word]
    plain = word[:-1] if word.endswith("s") and word[:-1] in _DAYS else word
    return tuple(i for i, day in enumerate(_DAYS) if len(plain) >= 3 and day.startswith(plain))
