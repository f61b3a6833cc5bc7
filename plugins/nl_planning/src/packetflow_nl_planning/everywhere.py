"""A place said as all of them ("everywhere", "in all rooms", "in every room", "the whole
house") for a field of where whose values hold one that stands for all (``everywhere``,
``all``, ``whole_home``), or whose description names it ("room name, or 'everywhere'").

English says "all of them" of places in a few fixed ways; a field that offers such a value
takes it then, rather than the one room "every room" happens to name, or no value at all.
"""

from __future__ import annotations

import re
from typing import Any

from .clauses import Scope
from .schema import FieldSpec
from .text import lemma

__all__ = ["everywhere"]

# First words of a value that stands for every place ("all_rooms", "whole_home").
_ALL_WORDS = frozenset(("all", "every", "everywhere", "whole", "entire"))
# Words saying every one of the nouns after them ("all rooms", "every room", "each floor").
_QUANTIFIERS = frozenset(("all", "every", "each"))
# Words saying the whole of one place ("the whole house", "throughout the flat").
_WHOLE = frozenset(("whole", "entire", "throughout"))
# General nouns of the parts of a building, and of a building or home as a whole.
_PARTS = frozenset(("room", "area", "zone", "floor", "space"))
_BUILDINGS = frozenset(("house", "home", "flat", "apartment", "place", "building", "property"))
# Words of a field of where.
_WHERE = frozenset(("where", "location", "place")) | _PARTS


def everywhere(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The field's value for every place, when the clause says all places."""
    value = _all_value(spec)
    said = _said(spec, scope)
    if said is None:
        return None
    a, b = said
    if value is None:
        if spec.enum and set(spec.words) & _WHERE:
            # "in every room" for a field of one room: no room is meant (not the living
            # room its "room" would name), so the words are no value of it.
            scope.claim(a, b)
        return None
    scope.claim(a, b)
    return value, scope.text[a:b]


def _all_value(spec: FieldSpec) -> Any:
    """The one value of ``spec`` that stands for every place, or ``None``."""
    if spec.enum:
        found = [v for v in spec.enum if _for_all(str(v), spec)]
        return found[0] if len(found) == 1 else None
    if spec.type != "string":
        return None
    if "everywhere" in spec.words:
        return "everywhere"  # "where, or everywhere"
    quoted = re.findall(r"['\"\u2018\u201c]([\w ]+)['\"\u2019\u201d]", spec.description)
    found = [q for q in quoted if _for_all(q, spec)]
    return found[0] if len(found) == 1 else None


def _for_all(value: str, spec: FieldSpec) -> bool:
    """Whether ``value`` names every place: "everywhere", "whole_home", "all_rooms", or
    plain "all" for a field of where."""
    words = re.split(r"[\s_-]+", value.lower().strip())
    if not words or words[0] not in _ALL_WORDS:
        return False
    if words[0] == "everywhere" or {lemma(w) for w in words[1:]} & (_PARTS | _BUILDINGS):
        return True
    return len(words) == 1 and bool(set(spec.words) & _WHERE)


def _said(spec: FieldSpec, scope: Scope) -> tuple[int, int] | None:
    """Where the clause says every place: "everywhere", "all (the) rooms", "every room",
    "the whole house", "throughout the flat" (a noun of the field's own name counts as a
    room does: "every zone"; so does the thing the capability acts on, found in every
    room: "switch off all the lights")."""
    nouns = _PARTS | set(spec.name_words) | scope.own
    tokens = [t for t in scope.clause.tokens if scope.span[0] <= t.start < scope.span[1]]
    for i, t in enumerate(tokens):
        if not scope.free(t.start, t.end):
            continue
        if t.lower == "everywhere":
            return t.start, t.end
        if t.lower not in _QUANTIFIERS | _WHOLE:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].lower in ("the", "of", "my", "our"):
            j += 1
        if j >= len(tokens) or not scope.free(tokens[j].start, tokens[j].end):
            continue
        noun = tokens[j].lemma
        if (t.lower in _QUANTIFIERS and noun in nouns) or (
            t.lower in _WHOLE and noun in _BUILDINGS
        ):
            return t.start, tokens[j].end
    return None
