"""Flags said by what their words mean rather than by the words: the opposite adjective
("a *private* playlist" -> ``public: false``), a frequency for a flag of repeating ("a
*monthly* donation" -> ``recurring: true``), and one adjective of a description that is
only adjectives joined ("*heated* lock-up" for a flag described "heated and dry")."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..date_words import DAYS
from ..lexicon import lexicon
from ..schema import FieldSpec
from ..text import lemma
from ..units import units

__all__ = ["contrary_said", "coordinated_said", "recurrence_said"]


def _said(scope: Scope, pattern: str) -> tuple[int, int] | None:
    """The first free span of the clause that ``pattern`` matches (whole words), off the
    action's verb."""
    start, end = scope.span
    for m in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", scope.text[start:end], re.I):
        a, b = start + m.start(), start + m.end()
        if scope.free(a, b):
            return a, b
    return None


def _phrase(word: str) -> str:
    """A pattern for a word of the lexicon, whose parts a hyphen or a space may join
    ("one-sided", "one sided")."""
    return r"[\s-]?".join(re.escape(p) for p in re.split(r"[-_]", word) if p)


def contrary_said(spec: FieldSpec, scope: Scope, cues: set[str]) -> tuple[Any, str] | None:
    """A flag named by the opposite of a word of its name ("private" for ``public``,
    "one-sided" for ``mutual``): false, or true when that opposite is denied ("not private")."""
    opposites = {o for c in cues for o in lexicon().contrary.get(c, ())}
    if not opposites:
        return None
    found = _said(scope, "|".join(_phrase(o) for o in sorted(opposites, key=len, reverse=True)))
    if found is None:
        return None
    a, b = found
    scope.claim(a, b)
    return scope.negated_before(a), scope.text[a:b]


# The words of a flag's name or description that say it repeats.
_REPEATING = frozenset(("recur", "recurring", "recurrent", "repeat", "repeating", "repeated"))
# Adverbs of frequency English forms irregularly from their unit.
_IRREGULAR = {"daily": "day", "nightly": "night", "annually": "year", "annual": "year"}
# Said once only: the flag of repeating is false.
_ONCE = r"one[\s-]?off|one[\s-]?time|just\s+once|only\s+once|single"


def _time_unit(word: str) -> bool:
    unit = units()[1].get(word.lower())
    return unit is not None and unit.dimension == "time"


def repeats(spec: FieldSpec) -> bool:
    """Whether a flag says that a thing repeats (``recurring``, or described "repeat the gift
    every month")."""
    said = {lemma(w) for w in re.findall(r"[a-z]+", spec.description.lower())}
    return bool((set(spec.name_words) | {lemma(w) for w in spec.name_words} | said) & _REPEATING)


def recurrence_said(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """A flag of repeating said by how often ("monthly", "every week", "each month", "twice a
    year", "£10 a month"): true; "one-off", "just once": false."""
    if not repeats(spec):
        return None
    for word in re.findall(r"[a-z]+", scope.text[scope.span[0] : scope.span[1]].lower()):
        unit = _IRREGULAR.get(word) or (word[:-2] if word.endswith("ly") else "")
        if unit and _time_unit(unit):
            found = _said(scope, re.escape(word))
            if found is not None:
                scope.claim(*found)
                return True, scope.text[found[0] : found[1]]
    start, end = scope.span
    for m in re.finditer(r"\b(?:every|each)\s+(\w+)(?:\s+(\w+))?", scope.text[start:end], re.I):
        # "every month", "every Thursday", "every other week", "every two weeks"
        for group in (1, 2):
            word = m.group(group)
            if word and (_time_unit(word) or word.lower().removesuffix("s") in DAYS):
                a, b = start + m.start(), start + m.end(group)
                if scope.free(a, b):
                    scope.claim(a, b)
                    return True, scope.text[a:b]
                break
    # "twice a month", "three times a week", "£10 a month", "per month": a rate of time.
    rate = _said(scope, r"(?:(?:once|twice|times|\d\S*)\s+(?:a|an|per)|per|a)\s+[a-z]+")
    if rate is not None:
        words = scope.text[rate[0] : rate[1]].split()
        if _time_unit(words[-1]) and (words[0].lower() != "a" or _counted(scope, rate[0])):
            scope.claim(*rate)
            return True, scope.text[rate[0] : rate[1]]
    once = _said(scope, _ONCE)
    if once is not None:
        scope.claim(*once)
        return False, scope.text[once[0] : once[1]]
    return None


def _counted(scope: Scope, position: int) -> bool:
    """Whether a number or an amount ends right before ``position`` ("£10 a month", "10
    pounds a month")."""
    before = scope.text[max(scope.span[0], position - 16) : position].rstrip()
    return bool(re.search(r"\d(?:[.,]\d+)?[kK]?(?:\s*[A-Za-z$£€]+)?$", before))


def coordinated_said(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """A flag described by adjectives joined ("heated and dry", "quiet or secluded") said by
    one of them: each one names the thing the flag is."""
    words = re.findall(r"[a-z-]+", spec.description.lower())
    if len(words) < 3 or any(w in ("and", "or") for w in words[::2]):
        return None
    joins, said = words[1::2], words[::2]
    if not all(j in ("and", "or") for j in joins) or any(w in lexicon().stopwords for w in said):
        return None
    found = _said(scope, "|".join(re.escape(w) for w in said))
    if found is None:
        return None
    a, b = found
    scope.claim(a, b)
    return not scope.negated_before(a), scope.text[a:b]
