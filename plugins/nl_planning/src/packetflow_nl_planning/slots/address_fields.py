"""Street addresses: a field named for one (``street_address``, ``pickup_address``,
``address``; not an e-mail, web or IP address) takes a house number, the street's name and a
street type as one value ("12 Rose Avenue", "221B Baker St", "350 5th Ave"), so the house
number is never read as a count or a measure of another field. A field with no such address in
the clause is filled as free text.

The street types are general English (the common designators of US and UK addresses), not any
registry's words.
"""

from __future__ import annotations

import re
from typing import Any

from ..clauses import Scope
from ..lexicon import lexicon
from ..schema import FieldSpec

__all__ = ["fill_address", "is_address"]

_ADDRESS_WORDS = frozenset(("address", "street"))
# Fields whose "address" is another kind of thing.
_OTHER_ADDRESSES = frozenset(("email", "mail", "ip", "ipv4", "ipv6", "mac", "web", "wallet"))

_STREET_TYPES = (
    "street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|close|way|boulevard|blvd|place|pl|"
    "court|ct|crescent|cres|grove|gardens|gdns|square|sq|terrace|terr|ter|parkway|pkwy|"
    "highway|hwy|circle|cir|row|mews|hill|walk|green|rise|vale|alley|trail|quay|wharf|"
    "parade|esplanade|promenade|embankment|broadway|pike|plaza|loop|crossing"
)
# Words that never stand between a house number and its street type ("2 bins for Oak Street"
# is a count and a street, not an address).
_NOT_NAMES = frozenset(
    (
        "a", "an", "the", "for", "at", "to", "of", "in", "on", "from", "by", "and", "or",
        "with", "into", "onto", "near", "off", "my", "our", "your", "their", "his", "her",
    )
)  # fmt: skip
_ADDRESS = re.compile(
    r"(?<![\w.-])\d{1,6}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?"  # 12, 221B, 12-14, 4/2
    r"((?:\s+[A-Za-z0-9][\w'\u2019.-]*){0,4}?)"  # the street's name: "Rose", "Old Mill", "5th"
    rf"\s+(?:{_STREET_TYPES})\b\.?",
    re.IGNORECASE,
)


def is_address(spec: FieldSpec) -> bool:
    """Whether ``spec`` is a street address field (see the module docstring)."""
    words = set(spec.name_words)
    return (
        bool(words & _ADDRESS_WORDS)
        and not words & _OTHER_ADDRESSES
        and spec.type in ("string", "any")
        and not spec.pattern
    )


_MORE_TYPE = re.compile(rf"\s+(?:{_STREET_TYPES})\b\.?", re.IGNORECASE)
# ", Leith", ", New Haven": a town after the street, up to three capitalised words that end the
# clause or stand before punctuation or a word in lower case (", Leith instead").
# The town may be followed by a state's code and a ZIP code ("Springfield IL 62704") or by a
# British postcode ("Leeds LS1 4DY"): both are part of the address.
_POSTAL = (
    r"(?:\s+(?:[A-Z]{2}\s+)?(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})|\s+[A-Z]{2})?"
)
_TOWN = re.compile(
    r",\s*((?:[A-Z][\w'\u2019-]*)(?:\s+[A-Z][\w'\u2019-]*){0,2}?)"
    + _POSTAL
    + r"(?=\s*(?:[,;.!?]|$)|\s+[a-z])"
)


def _town(scope: Scope, at: int) -> str:
    """The town written after a street address at ``at`` (", Leith"), or ''. Words of the
    sentence ("Please"), dates and times ("Monday") and values already taken are no town."""
    end = scope.span[1]
    match = _TOWN.match(scope.text[:end], at)
    if match is None:
        return ""
    a, b = match.span(1)
    stop = lexicon().stopwords
    if any(w.lower() in stop for w in match.group(1).split()) or not scope.free(a, b):
        return ""
    if any(m.start < b and a < m.end for m in scope.mentions.items):
        return ""
    if not scope.free(b, match.end()):
        return scope.text[at:b]
    return scope.text[at : match.end()]


# A street whose type comes first, as in French, Italian, Spanish and Portuguese addresses:
# "22 Rue de Rivoli", "5 Via Roma", "10 Calle Mayor"; its name is capitalised, with particles.
_TYPE_FIRST = re.compile(
    r"(?<![\w.-])\d{1,6}[A-Za-z]?,?\s+(?:rue|via|calle|avenida|rua|piazza|plaza|chemin|"
    r"boulevard|avenue|place|quai|strada|viale|largo)"
    r"(?:\s+(?:de|du|des|la|le|del|della|di|da|do|dos|das|of|the))*"
    r"(?:\s+[A-Z][\w'\u2019-]*){1,3}",
    re.IGNORECASE,
)
# A flat, apartment or unit written before the house ("Flat 3, 12 Rose Avenue", "Apt 4B"; its
# number may be what the street's match starts with, "Apt 5B 30 Mill Lane").
_UNIT = re.compile(
    r"\b(?:flat|apartment|apt|unit|suite)\.?\s+(?:[0-9]{1,4}[A-Za-z]?\s*,?\s*)?$", re.IGNORECASE
)


def _street(scope: Scope, start: int, end: int) -> tuple[int, str] | None:
    """Where the first free street address of ``start..end`` starts, and its words."""
    at = start
    while (match := _ADDRESS.search(scope.text, at, end)) is not None:
        a, b = match.span()
        # A rejected match is looked past from its next character, not its end: "3 rooms at
        # 12 Elm Road" holds the address "12 Elm Road" inside the match that starts at "3".
        at = a + 1
        name = match.group(1).split()
        if any(word.lower() in _NOT_NAMES for word in name) or not scope.free(a, b):
            continue
        street = match.group()
        more = _MORE_TYPE.match(scope.text, match.end())
        if more is not None and more.end() <= end:
            street += more.group()  # "88 Quay Road": a street type may be the street's name
        return a, street.rstrip(".")
    for match in _TYPE_FIRST.finditer(scope.text, start, end):
        if scope.free(*match.span()):
            return match.start(), match.group()
    return None


def fill_address(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """The first free street address of the clause, with the flat before it and the town
    after it."""
    start, end = scope.span
    found = _street(scope, start, end)
    if found is None:
        return None
    a, street = found
    value = street + _town(scope, a + len(street))
    unit = _UNIT.search(scope.text, start, a)
    if unit is not None and scope.free(unit.start(), a):
        value, a = scope.text[unit.start() : a] + value, unit.start()
    scope.claim(a, a + len(value))
    scope.last_kind = "address"
    return value, value
