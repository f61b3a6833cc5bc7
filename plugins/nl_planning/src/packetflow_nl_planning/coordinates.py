"""A position said as latitude and longitude ("near 54.4609,-3.0886", "at 51.5, -0.12"): two
decimal numbers with a comma between them are one value, the place, for a text field of a
place or one its description says takes 'lat,lon' - never the first number alone.
"""

from __future__ import annotations

import re
from typing import Any

from .clauses import Scope
from .place_cues import place_field
from .schema import FieldSpec

__all__ = ["fill_coordinates"]

_PAIR = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)(?![\d.])")
_SAYS_COORDINATES = re.compile(r"\blat\b|latitude|coordinates|\blat,\s*lon", re.IGNORECASE)


def _takes(spec: FieldSpec) -> bool:
    """Whether ``spec`` holds a place that may be a position."""
    if spec.type != "string":
        return False
    return place_field(spec) or bool(_SAYS_COORDINATES.search(spec.description))


def fill_coordinates(specs: list[FieldSpec], scope: Scope, out: dict[str, tuple[Any, str]]) -> None:
    """Fill the first empty field of a place with the latitude and longitude said in the
    clause, written ``lat,lon``."""
    spec = next((s for s in specs if s.name not in out and _takes(s)), None)
    if spec is None:
        return
    start, end = scope.span
    for m in _PAIR.finditer(scope.text, start, end):
        lat, lon = float(m.group(1)), float(m.group(2))
        if abs(lat) > 90 or abs(lon) > 180:
            continue
        if not scope.text_free(m.start(), m.end()):
            continue
        scope.claim(m.start(), m.end())
        out[spec.name] = (f"{m.group(1)},{m.group(2)}", m.group(0))
        return
