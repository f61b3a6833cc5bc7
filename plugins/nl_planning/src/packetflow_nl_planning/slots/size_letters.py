"""Garment sizes by their letters ("S", "XL") for an enum of only size letters, said in
words ("small", "extra large", "x-large")."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..schema import FieldSpec

__all__ = ["size_letter"]

# The letters of garment sizes and the words they stand for.
_SIZES = {
    "xxs": "extra extra small", "xs": "extra small", "s": "small", "m": "medium", "l": "large",
    "xl": "extra large", "xxl": "extra extra large", "xxxl": "extra extra extra large",
}  # fmt: skip


def size_letter(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The size letter ("S", "XL") of an enum of only size letters, said in words ("small",
    "extra large", "x-large"): the longest words said win ("extra large" is no "large")."""
    letters = {str(v).lower(): v for v in spec.enum}
    if len(letters) < 2 or not set(letters) <= _SIZES.keys():
        return None
    start, end = scope.span
    best: tuple[int, int, Any] | None = None
    for letter, value in letters.items():
        said = _SIZES[letter].replace("extra ", r"(?:extra|x)[\s-]*")
        for m in re.finditer(rf"(?<![\w-]){said}(?![\w-])", scope.text[start:end], re.I):
            a, b = start + m.start(), start + m.end()
            if scope.free(a, b) and (best is None or b - a > best[1] - best[0]):
                best = (a, b, value)
    if best is None:
        return None
    scope.claim(best[0], best[1])
    return best[2], scope.text[best[0] : best[1]]
