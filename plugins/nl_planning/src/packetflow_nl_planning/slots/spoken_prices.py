"""Prices said as people say them, with no currency and no point: "twelve fifty" is 12.50,
"nine ninety-nine" 9.99 — a whole number of 1-99 in words, then its hundredths (10-99) in words.
Read only for a field of money, where two bare number words side by side mean nothing else."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..numbers import parse_number

__all__ = ["spoken_price"]

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UP_TO_99 = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES})"
_CENTS = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS})"
_PRICE = re.compile(rf"\b({_UP_TO_99})\s+({_CENTS})\b", re.IGNORECASE)


def spoken_price(scope: Scope) -> tuple[Any, str] | None:
    """The first free price of the clause said in words as whole and hundredths."""
    start, end = scope.span
    for m in _PRICE.finditer(scope.text, start, end):
        whole, cents = parse_number(m.group(1)), parse_number(m.group(2))
        if not isinstance(whole, int) or not isinstance(cents, int):
            continue
        if scope.free(m.start(), m.end()):
            scope.claim(m.start(), m.end())
            scope.last_kind = "money"
            return round(whole + cents / 100, 2), m.group()
    return None
