"""A place said after a preposition of place: "40 golden plover *on* Thorney Marsh", "a red kite
*over* Benson", "seen *at* Minsmere". English puts where something happened after a spatial
preposition and what happened before it, so when a capability has a field for where (its
name says place, location, town, area...), the phrase after such a
preposition is that field's, not the first text field's that happens to be declared first.
"""

from __future__ import annotations

import re
from typing import Any

from .clauses import Scope
from .lexicon import lexicon
from .schema import FieldSpec
from .text import Token
from .text_spans import STOP_AT

__all__ = ["fill_coordinates", "owned_before_named", "place_cue", "place_field"]

# Words of a field's name or description that make it a place (schema-driven: "where it was
# seen", "town, reserve or county", "location").
_PLACE_WORDS = frozenset(
    (
        "place",
        "location",
        "where",
        "city",
        "town",
        "village",
        "area",
        "region",
        "county",
        "venue",
    )
)

# Prepositions of place in general English. "on" and "over" name a place as well as "at" does
# ("on the canal", "over the ridge"); a date after them is a mention already taken. "in" is
# left to the roles lexicon, which already says which fields it fills ("in 1870" is a year,
# "in PDF" a format, as often as "in Leeds" is a place).
_SPATIAL = frozenset(
    ("at", "on", "over", "near", "around", "outside", "above", "along", "across", "off")
)


def place_field(spec: FieldSpec) -> bool:
    """Whether ``spec`` holds where something is or happened (by its name: a description
    that mentions a place, "county of registration", qualifies a field more loosely)."""
    return bool(set(spec.name_words) & _PLACE_WORDS)


def place_cue(tokens: list[Token], i: int, spec: FieldSpec) -> bool:
    """Whether ``tokens[i]`` is a preposition of place opening a phrase for the place field
    ``spec``: the next word is a word of its own, not another preposition or a connector
    ("switch it on for Europe" is no place)."""
    if tokens[i].lower not in _SPATIAL or not place_field(spec) or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.is_word and nxt.lower not in lexicon().roles and nxt.lower not in STOP_AT


_MINE = frozenset(("my", "our", "his", "her", "their"))
_AT_PLACE = _SPATIAL | {"in"}


def owned_before_named(tokens: list[Token], i: int, spec: FieldSpec) -> bool:
    """Whether the place after the preposition ``tokens[i]`` is one's own ("in *my garden*")
    and a place with a name follows it ("... in Stroud"): a field of where takes the named
    place, which others can find; the garden only says where in it."""
    if not place_field(spec) or i + 1 >= len(tokens) or tokens[i + 1].lower not in _MINE:
        return False
    return any(
        t.lower in _AT_PLACE and nxt.is_word and nxt.text[:1].isupper() and not nxt.entity
        for t, nxt in zip(tokens[i + 2 :], tokens[i + 3 :], strict=False)
    )


_SAYS_COORDINATES = re.compile(r"\blat\b|latitude|coordinates|\blat,\s*lon", re.IGNORECASE)


def fill_coordinates(specs: list[FieldSpec], scope: Scope, out: dict[str, tuple[Any, str]]) -> None:
    """Put each pair of degrees of the clause (a ``coordinates`` mention, see
    :mod:`.coordinates`) into the first empty text field of a place, or of one whose
    description says it takes them."""
    for m in scope.of("coordinates"):
        spec = next((s for s in specs if s.name not in out and _takes_position(s)), None)
        if spec is None:
            return
        scope.mentions.take(m)
        out[spec.name] = (m.value, scope.text[m.start : m.end])


def _takes_position(spec: FieldSpec) -> bool:
    if spec.type != "string":
        return False
    return place_field(spec) or bool(_SAYS_COORDINATES.search(spec.description))
