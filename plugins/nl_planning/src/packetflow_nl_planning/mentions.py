"""Mentions: typed values found in a request (an email, an amount, a date...), with their place
in the text, before anything knows which field they will fill."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Kind", "Mention", "overlaps"]

Kind = Literal[
    "email",
    "url",
    "handle",
    "phone",
    "quoted",
    "number",
    "money",
    "quantity",
    "time",
    "date",
    "daterange",
    "duration",
]


@dataclass(slots=True)
class Mention:
    """One value in the text.

    Attributes:
        kind: what it is.
        value: the literal (``str`` for email/url/handle/phone/quoted/time, ``int | float`` for
            numbers, amounts and quantities; dates are resolved later, see ``dates``).
        start / end: its span in the normalised text.
        unit: a quantity's unit (canonical name from ``units``), a duration's unit.
        currency: an amount's ISO currency code, when the text says one.
        extra: kind-specific facts (a date's candidates, a number's ``ordinal`` flag...).
    """

    kind: Kind
    value: Any
    start: int
    end: int
    unit: str | None = None
    currency: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether spans ``a`` and ``b`` share a character."""
    return a[0] < b[1] and b[0] < a[1]
