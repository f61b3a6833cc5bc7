"""A percentage said as a share of the whole in words: "a quarter open" is 25, "halfway"
50, "two thirds" 67, "stop at full" 100."""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..schema import FieldSpec

__all__ = ["share_of"]

# A share said in words: "half", "halfway", "a quarter", "three quarters", "a third".
_SHARE = re.compile(
    r"\b(?:(a|one|two|three)\s+)?(halfway|half|quarters?|thirds?)\b"
    r"(?!\s+(?:past|to|an?\s+hour|hour|of\s+an?\s+hour|(?:\d|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve)\b))",
    re.IGNORECASE,
)
# The whole said in words, for a percentage: "at full", "until full", "a full charge".
_FULL = re.compile(
    r"\b(?:(?:at|to|till|until|when)\s+(?:it's\s+|it\s+is\s+)?full\b(?!\s+(?:price|name|time))"
    r"|full(?:y)?\s+charged?\b)",
    re.IGNORECASE,
)
_PARTS = {"half": 2, "halfway": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_HOW_MANY = {None: 1, "a": 1, "one": 1, "two": 2, "three": 3}


def share_of(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """A percentage said as a share in words ("a quarter open" is 25, "halfway" 50, "two
    thirds" 67), for a field in percent that no number with "%" fills: a fraction of the
    whole is that many hundredths of it. Not "half past", "a quarter of an hour"."""
    if spec.unit != "percent" or spec.type not in ("integer", "number"):
        return None
    if any(m.unit for m in scope.of("quantity")):
        return None  # "30%": the number says it
    start, end = scope.span
    for match in _FULL.finditer(scope.text, start, end):
        if scope.free(match.start(), match.end()) and (spec.maximum is None or spec.maximum >= 100):
            scope.claim(match.start(), match.end())
            return 100, match.group()  # "stop at full", "to a full charge": the whole
    for match in _SHARE.finditer(scope.text, start, end):
        count, part = match.group(1), match.group(2).lower()
        if not scope.free(match.start(), match.end()):
            continue
        many = _HOW_MANY[count.lower() if count else None]
        if many >= _PARTS[part] or (part.endswith("s") and many == 1):
            continue  # "three thirds", "a quarters": no share
        value: float = 100 * many / _PARTS[part]
        value = round(value) if spec.type == "integer" else round(value, 2)
        if spec.minimum is not None and value < spec.minimum:
            continue
        if spec.maximum is not None and value > spec.maximum:
            continue
        scope.claim(match.start(), match.end())
        return value, match.group()
    return None
