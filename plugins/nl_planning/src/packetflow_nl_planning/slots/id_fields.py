"""Id fields, filled by their ``pattern``: a leading ``#`` or ``@`` stripped, groups of digits
joined, and no word of the sentence or value of another kind taken for an id."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from ..clauses import Scope, field_words
from ..lexicon import lexicon
from ..schema import FieldSpec, distinctive

__all__ = ["fill_pattern"]

_NOT_IDS = frozenset(
    ("quantity", "duration", "money", "date", "daterange", "time", "email", "url", "phone")
)
_ID_CHUNK = re.compile(r"#?[A-Za-z0-9][A-Za-z0-9_\-./:]*[A-Za-z0-9]|#?[A-Za-z0-9]")


def _points_elsewhere(
    scope: Scope, position: int, words: frozenset[str], others: list[FieldSpec]
) -> bool:
    """Whether the preposition nearest before ``position`` names another id field of the
    step and not this one ("... to 331200456" beside ``to_member_number``)."""
    roles = lexicon().roles
    for word in reversed(scope.before(position, 3)):
        if word in roles:
            if roles[word] & words:
                return False
            return any(roles[word] & field_words(f) for f in others)
    return False


def fill_pattern(
    spec: FieldSpec, scope: Scope, fields: list[FieldSpec] | None = None
) -> tuple[Any, str] | None:
    assert spec.pattern is not None
    try:
        regex = re.compile(spec.pattern)
    except re.error:
        return None
    start, end = scope.span
    words = field_words(spec)
    lex = lexicon()
    loose = not distinctive(spec.pattern)
    # Values of another kind ("3 hours", "$20", "tomorrow") are never an id of a pattern that
    # takes almost any word.
    items = [m for m in scope.mentions.items if not _glued_code(scope.text[m.start : m.end], regex)]
    others = [(m.start, m.end) for m in items if m.kind in _NOT_IDS]
    measures = [
        (m.start, m.end)
        for m in items
        if m.kind in ("quantity", "duration", "money") and (m.unit or m.currency)
    ]
    twins = [f for f in fields or () if f is not spec and f.pattern == spec.pattern]
    # "today's contacts on 20m": a value another field lists, word for word, is that value
    listed = {str(v).lower() for f in fields or () if f is not spec and f.enum for v in f.enum}
    best: tuple[float, int, int, int, str] | None = None
    groups = spaced(spec.pattern)
    for a, b in _spans(scope.text, start, end, groups, None if loose else regex):
        chunk = scope.text[a:b]
        bare = chunk.lstrip("#@")
        low = bare.lower()
        plain_word = bare.isalpha() and (
            low in lex.stopwords or low in lex.classes or low in scope.own or low in lex.synonyms
        )
        if (plain_word or low in listed) and chunk[:1] not in "#@":
            continue  # "please mute kim_99": a word of the sentence is no id
        if (loose or bare.isalpha()) and any(x < b and a < y for x, y in others):
            continue  # ("Monday" is a day, whatever pattern of letters it fits)
        if any(x < b and a < y for x, y in measures):
            continue  # "1500 meters", "$20": a measure or an amount is never an id
        if twins and _points_elsewhere(scope, a, words, twins):
            continue  # the id its preposition gives a twin field of the same pattern
        forms = [bare] if bare == chunk else [chunk, bare]
        if any(c.isdigit() for c in bare) or not bare.islower():
            # "ab12cde" in the pattern's case; a plain lower-case word ("window") is no id.
            forms.append(bare.upper())
        joined = re.sub(r"[-\s]", "", bare)
        if joined != bare and joined[:1].isalnum():
            forms.append(joined)  # "978-0-13-468599-1" for a pattern of digits only
            forms.append(joined.upper())
        if groups and " " not in bare and any(c.isdigit() for c in bare):
            forms += _regrouped(bare, regex)  # "sw1a2aa" for a pattern of "SW1A 2AA"
        if "-" in spec.pattern and (hyphened := _hyphened(bare)) is not None:
            forms += [hyphened, hyphened.upper()]  # "lot 30418", "b097" for LOT-30418, B-097
        for candidate in forms:
            if regex.fullmatch(candidate) and scope.free(a, b):
                near = 1.0 if set(scope.before(a, 2)) & words else 0.0
                shape = (
                    1.0 if chunk[:1] in "#@" or any(c.isdigit() or c in "_-" for c in bare) else 0.0
                )
                score = near + shape + scope.role(a, words)
                if bare.isdigit() and not spec.required and _lettered(spec.pattern) and score < 2:
                    break  # "my dad is 92": bare digits are a code of letters only when cued
                if best is None or (score, -a) > (best[0], -best[2]):
                    best = (score, 0, a, b, candidate)
                break
    if best is None:
        return _from_dates(regex, scope) if words & _PERIOD_WORDS else None
    score, _, a, b, value = best
    chunk = scope.text[a:b]
    bare = chunk.lstrip("#@")
    shaped = (
        chunk[:1] in "#@"
        or "_" in bare
        or (any(c.isdigit() for c in bare) and any(c.isalpha() for c in bare))
    )
    scope.last_kind = "pattern" if shaped or distinctive(spec.pattern) else "loose"
    scope.claim(a, b)
    text: str = scope.text[a:b]
    return (int(value) if spec.type == "integer" and value.isdigit() else value), text


def _lettered(pattern: str) -> bool:
    """Whether a pattern's codes may carry letters ("F28", "E133" beside a bare "28")."""
    return bool(re.search(r"\[[^\]]*[A-Za-z]-[A-Za-z]", pattern))  # a class of letters


# Letters and then digits, apart or together ("lot 30418", "rq10877"): an id whose prefix
# the pattern joins with a hyphen, typed as people type it.
_PREFIXED = re.compile(r"([A-Za-z]{1,4})\s?(\d[A-Za-z0-9]*)")


def _hyphened(written: str) -> str | None:
    """``written`` with a hyphen between its prefix of letters and its digits ("lot 30418" ->
    "lot-30418"), or ``None`` when it is not letters and then digits."""
    m = _PREFIXED.fullmatch(written)
    return None if m is None else f"{m.group(1)}-{m.group(2)}"


def _regrouped(written: str, regex: re.Pattern[str]) -> list[str]:
    """``written`` (in capitals) with the one space the pattern puts between its groups, typed
    without it ("sw1a2aa" -> "SW1A 2AA"): the first place a space makes it fit, if any."""
    up = written.upper()
    for i in range(len(up) - 1, 0, -1):
        if regex.fullmatch(f"{up[:i]} {up[i:]}"):
            return [f"{up[:i]} {up[i:]}"]
    return []


def _glued_code(written: str, regex: re.Pattern[str]) -> bool:
    """Whether a measure written as digits and one or two letters with no space ("9C",
    "14b") fits the id's pattern as it stands: then it is a code such as a plot or a seat,
    not 9 degrees or 14 bytes."""
    if not re.fullmatch(r"\d+[A-Za-z]{1,2}", written):
        return False
    return bool(regex.fullmatch(written) or regex.fullmatch(written.upper()))


def spaced(pattern: str) -> bool:
    """Whether ``pattern`` lets an id be written in groups with a space ("AB12 CDE", "BS1 4DJ")."""
    return " " in pattern or "\\s" in pattern


def _spans(
    text: str, start: int, end: int, groups: bool, whole: re.Pattern[str] | None = None
) -> list[tuple[int, int]]:
    """Where an id may stand: each chunk of letters and digits, and (``groups``) two chunks
    one space apart, one of them with a digit: an id written in groups ("AB12 CDE"). With
    ``whole`` (a distinctive pattern that has no space), two such chunks neither of which
    fits it alone but which joined do: an id typed in groups for readability ("MSCU 1234567",
    "4111 1111 1111 1111" in three or four pieces), joined when it is filled."""
    chunks = [m.span() for m in _ID_CHUNK.finditer(text, start, end)]
    # "6a+": a trailing plus belongs to a code (a grade) when the pattern takes it; tried first.
    out = [(a, b + 1) for a, b in chunks if text[b : b + 1] == "+"] + chunks
    for a, b in chunks:
        # "SFO-NRT", "LHR-JFK": two codes of one shape joined by a hyphen are each an id.
        left, sep, right = text[a:b].partition("-")
        if (
            sep
            and len(left) == len(right)
            and "-" not in right
            and ((left.isalpha() and right.isalpha()) or (left.isdigit() and right.isdigit()))
        ):
            out += [(a, a + len(left)), (b - len(right), b)]
    if groups:
        for (a, b), (c, d) in pairwise(chunks):
            if c == b + 1 and text[b] == " " and any(ch.isdigit() for ch in text[a:d]):
                out.append((a, d))
    elif whole is not None:
        for n in range(len(chunks) - 1):
            a, b = chunks[n]
            if whole.fullmatch(text[a:b].lstrip("#")):
                continue
            longest: tuple[int, int] | None = None
            # up to eight groups ("DE89 3704 0044 0532 0130 00"), the longest that fits
            for k in range(n + 1, min(n + 8, len(chunks))):
                (_, y), (c, d) = chunks[k - 1], chunks[k]
                if c != y + 1 or text[y] != " " or whole.fullmatch(text[c:d]):
                    break
                if text[c:d].isalpha() and not text[c:d].isupper():
                    break  # "... 0130 00 today": a word after the groups is none of them
                joined = re.sub(r"\s", "", text[a:d]).lstrip("#")
                if not any(ch.isdigit() for ch in joined):
                    continue  # "for the" is two words, whatever six letters the pattern takes
                hyphened = (_hyphened(text[a:d].lstrip("#")) or joined).upper()
                if any(whole.fullmatch(f) for f in (joined, joined.upper(), hyphened)):
                    longest = (a, d)
                elif longest is not None:
                    break
            if longest is not None:
                out.append(longest)
    return out


# How a day, a month, a quarter or a year may be written in a field whose pattern asks for one
# ("YYYY-MM" for a pay month): the forms are tried in turn against the pattern.
_DAY_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y")
_MONTH_FORMATS = ("%Y-%m", "%Y%m", "%m/%Y", "%m-%Y", "%Y/%m", "%b %Y", "%B %Y")


# A field that holds a day or a period says so in its name or description ("billing month"):
# only such a field takes a date written as its pattern asks (an order id of 8 digits is no day).
_PERIOD_WORDS = frozenset(("date", "day", "month", "year", "quarter", "period", "week", "yyyy"))


def _date_forms(first: date, last: date) -> list[str]:
    """The ways of writing the period ``first``..``last`` (a day, a month, a quarter, a
    year)."""
    if first == last:
        return [first.strftime(f) for f in _DAY_FORMATS]
    forms: list[str] = []
    month_end = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if first.day == 1 and last == month_end:
        forms += [first.strftime(f) for f in _MONTH_FORMATS]
    if first.day == 1 and first.month % 3 == 1 and (last.month - first.month == 2):
        quarter = (first.month - 1) // 3 + 1
        forms += [f"{first.year}-Q{quarter}", f"Q{quarter} {first.year}", f"{first.year}Q{quarter}"]
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        forms.append(str(first.year))
    return forms


def _from_dates(regex: re.Pattern[str], scope: Scope) -> tuple[Any, str] | None:
    """A pattern field no word of the clause matches, filled from a date or a period the
    clause gives, written the way the pattern asks ("March 2026" -> "2026-03" for
    ``^[0-9]{4}-[0-9]{2}$``)."""
    for mention in scope.of("daterange", "date"):
        if mention.kind == "date":
            day = mention.extra[scope.mode]
            forms = _date_forms(day, day)
        else:
            first, last = mention.extra[scope.mode]
            forms = _date_forms(first, last)
        for form in forms:
            if regex.fullmatch(form):
                scope.last_kind = "pattern"
                return form, scope.take(mention)
    return None
