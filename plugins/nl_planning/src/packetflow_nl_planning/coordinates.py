"""A position said as latitude and longitude ("near 54.4609,-3.0886", "at 51.5, -0.12"): two
decimal numbers with a comma between them are one value, the place, for a text field of a place
or one its description says takes 'lat,lon' - never two numbers, nor the first alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the pairs are found with the other mentions, before any clause exists)
    from .clauses import Scope
    from .schema import FieldSpec

__all__ = ["coordinate_pairs", "fill_coordinates"]

# A latitude and a longitude in decimal degrees, each with a fraction (a count pair "3, 4" is
# no place), apart by a comma.
_PAIR = re.compile(r"(?<![\w.,-])(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)(?![\w.])")
_SAYS_COORDINATES = re.compile(r"\blat\b|latitude|coordinates|\blat,\s*lon", re.IGNORECASE)


def coordinate_pairs(text: str) -> Iterator[tuple[str, int, int]]:
    """Each pair in ``text`` as ``("lat,lon", start, end)``, in the ranges degrees have."""
    for m in _PAIR.finditer(text):
        lat, lon = m.group(1), m.group(2)
        if abs(float(lat)) <= 90 and abs(float(lon)) <= 180:
            yield f"{lat},{lon}", m.start(), m.end()


def fill_coordinates(specs: list[FieldSpec], scope: Scope, out: dict[str, tuple[Any, str]]) -> None:
    """Put each pair of the clause (a ``coordinates`` mention) into the first empty text field
    of a place."""
    for m in scope.of("coordinates"):
        spec = next((s for s in specs if s.name not in out and _takes(s)), None)
        if spec is None:
            return
        scope.mentions.take(m)
        out[spec.name] = (m.value, scope.text[m.start : m.end])


def _takes(spec: FieldSpec) -> bool:
    """Whether ``spec`` holds a place that may be a position."""
    from .place_cues import place_field  # (place_cues reads clauses, made after the mentions)

    if spec.type != "string":
        return False
    return place_field(spec) or bool(_SAYS_COORDINATES.search(spec.description))
