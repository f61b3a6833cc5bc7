"""Postal codes: a field named for one (``postcode``, ``zip``, ``postal_code``) with no
``pattern`` of its own takes a token shaped like a postal code - British ("SW1A 1AA"), Canadian
("K1A 0B1"), Dutch ("1012 AB"), a US ZIP or ZIP+4 ("10001", "94105-1420"), or the four to six
digits most countries use - so the code is never read as a number of another field. A field
with no such token in the clause is filled as free text.
"""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..schema import FieldSpec

__all__ = ["fill_postcode", "is_postcode"]

_WORDS = frozenset(("postcode", "zip", "zipcode", "postal", "postalcode"))
_POSTCODE = re.compile(
    r"(?<![\w-])(?:"
    r"[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}"  # GB: SW1A 1AA, EH1 2NG, M1 1AE
    r"|[A-Z][0-9][A-Z]\s?[0-9][A-Z][0-9]"  # CA: K1A 0B1
    r"|[0-9]{4}\s?[A-Z]{2}"  # NL: 1012 AB
    r"|[0-9]{5}-[0-9]{4}"  # US ZIP+4
    r"|[0-9]{4,6}"  # US ZIP, DE, FR, AU, IN...
    r")(?![\w-])",
    re.IGNORECASE,
)


def is_postcode(spec: FieldSpec) -> bool:
    """Whether ``spec`` holds a postal code (see the module docstring)."""
    return (
        bool(set(spec.name_words) & _WORDS) and spec.type in ("string", "any") and not spec.pattern
    )


def fill_postcode(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The first free postal code of the clause, in capitals."""
    start, end = scope.span
    for match in _POSTCODE.finditer(scope.text, start, end):
        a, b = match.span()
        if not scope.free(a, b):
            continue
        scope.claim(a, b)
        scope.last_kind = "postcode"
        return match.group().upper(), match.group()
    return None
