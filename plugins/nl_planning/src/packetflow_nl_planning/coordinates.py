"""A place given as coordinates ("54.4609,-3.0886"): one value, never two numbers, for the text
field that says it takes them ("town, landmark or 'lat,lon'", a "location", "gps")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (the mentions are found before any clause exists)
    from .clauses import Scope
    from .schema import FieldSpec

__all__ = ["coordinate_pairs", "fill_coordinates"]

# A latitude and a longitude in decimal degrees, each with a fraction (a count pair "3, 4" is
# no place), apart by a comma.
_PAIR = re.compile(r"(?<![\w.,-])(-?\d{1,2}\.\d{2,})\s*,\s*(-?\d{1,3}\.\d{2,})(?![\w.])")
_PLACE_WORDS = frozenset(
    ("lat", "latitude", "lon", "lng", "longitude", "coordinates", "gps", "location", "near")
)


def coordinate_pairs(text: str) -> Iterator[tuple[str, int, int]]:
    """Each pair in ``text`` as ``("lat,lon", start, end)``, in the ranges degrees have."""
    for m in _PAIR.finditer(text):
        lat, lon = m.group(1), m.group(2)
        if abs(float(lat)) <= 90 and abs(float(lon)) <= 180:
            yield f"{lat},{lon}", m.start(), m.end()


def fill_coordinates(specs: list[FieldSpec], scope: Scope, out: dict[str, tuple[Any, str]]) -> None:
    """Put each pair of the clause into the first free text field whose name or description
    speaks of a place given so."""
    for m in scope.of("coordinates"):
        target = next(
            (
                s
                for s in specs
                if s.name not in out
                and _PLACE_WORDS & {w.strip("'\"()").lower() for w in _words(s)}
            ),
            None,
        )
        if target is None:
            return
        scope.mentions.take(m)
        out[target.name] = (m.value, scope.text[m.start : m.end])


def _words(spec: FieldSpec) -> list[str]:
    described = re.split(r"[\s,;/]+", spec.description or "")
    return [*spec.name_words, *described, *(w for d in described for w in d.split(","))]
