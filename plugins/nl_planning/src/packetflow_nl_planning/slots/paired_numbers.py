"""Two numbers joined by a dash ("3-1") for two fields of one noun and two sides (a home and
an away score): each number to its field, in the order the fields are declared."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope, side
from ..schema import FieldSpec

__all__ = ["pair_side"]

_BOUNDS = frozenset(("min", "max", "minimum", "maximum", "least", "most", "low", "high"))
_PAIR = re.compile(r"(?<![\w.,-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\w.,-])")


def pair_side(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    """One side of two numbers joined by a dash ("3-1") for two whole-number fields of one
    noun and two sides (``home_score``, ``away_score``): the first number is the first
    field's, the second the other's, whatever words follow ("3-1 to the home side")."""
    if spec.type != "integer" or len(spec.name_words) < 2:
        return None
    pair = [
        f
        for f in fields
        if f.type == "integer"
        and len(f.name_words) == len(spec.name_words)
        and f.name_words[-1] == spec.name_words[-1]
    ]
    if len(pair) != 2 or any(
        side(f.name_words) is not None or set(f.name_words) & _BOUNDS for f in pair
    ):
        return None  # (a start and an end, a least and a most: a range, read as one)
    start, end = scope.span
    for m in _PAIR.finditer(scope.text, start, end):
        group = 1 if pair[0] is spec else 2
        a, b = m.span(group)
        if not scope.free(a, b):
            continue
        value = int(m.group(group))
        if (spec.minimum is not None and value < spec.minimum) or (
            spec.maximum is not None and value > spec.maximum
        ):
            return None
        scope.claim(a, b)
        return value, m.group()
    return None
