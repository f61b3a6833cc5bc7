"""A position said as latitude and longitude ("near 54.4609,-3.0886", "at 51.5, -0.12"): two
decimal numbers with a comma between them are one value, the place, for a text field of a place
or one its description says takes 'lat,lon' - never two numbers, nor the first alone. The pairs
are found here with the other mentions (``entities``); ``place_cues.fill_coordinates`` places
them."""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["coordinate_pairs"]

# A latitude and a longitude in decimal degrees, each with a fraction (a count pair "3, 4" is
# no place), apart by a comma.
_PAIR = re.compile(r"(?<![\w.,-])(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)(?![\w.])")


def coordinate_pairs(text: str) -> Iterator[tuple[str, int, int]]:
    """Each pair in ``text`` as ``("lat,lon", start, end)``, in the ranges degrees have."""
    for m in _PAIR.finditer(text):
        lat, lon = m.group(1), m.group(2)
        if abs(float(lat)) <= 90 and abs(float(lon)) <= 180:
            yield f"{lat},{lon}", m.start(), m.end()
