"""How many of a capability's filled fields the request gives through the preposition that
names them: "from Glasgow" for a field ``from_city``, "to Edinburgh" for one "where the trip
ends", "on the 2nd" for a date. Values the clause puts in the roles a schema names are a sign
of fit that no word count sees: a request may call the thing by a word the capability never
uses ("a lift" for shared car journeys) while every value sits where its fields expect it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import Scope
from .lexicon import lexicon
from .schema import FieldSpec
from .slots import Filled

__all__ = ["placed_by_role"]


def placed_by_role(fields: Sequence[FieldSpec], filled: Filled, scope: Scope) -> tuple[int, int]:
    """How many filled fields a preposition before their value points at, and how many names
    a preposition points away from ("to Rome" in a pickup city). A typed value is not held
    against its field: "for three of us" is a count of seats whatever "for" names."""
    roles = lexicon().roles
    start, end = scope.span
    matched = against = 0
    for spec in fields:
        source = filled.sources.get(spec.name)
        if not source or source.startswith("("):
            continue  # no words of the clause gave it ("(the same day)")
        at = scope.text.find(source, start, end)
        if at < 0:
            continue  # a value from an earlier clause or a fact told before
        first = source.split()[0].lower()
        if first in roles:
            strength = 2.0 if roles[first] & spec.words else -1.0
        else:
            strength = scope.role(at, spec.words)
        if strength > 0:
            matched += 1
        elif strength < 0 and _names(spec):
            against += 1
    return matched, against


def _names(spec: FieldSpec) -> bool:
    """Whether the field takes a name or a place in words (no format, pattern nor enum)."""
    return spec.type == "string" and not (spec.format or spec.pattern or spec.enum)
