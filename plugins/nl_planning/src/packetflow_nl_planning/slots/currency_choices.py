"""Currency enum fields: the currency of an amount, of either end of a conversion, or of a
measure whose unit is also a currency's name."""

from __future__ import annotations

from typing import Any

from ..clauses import Scope, side
from ..schema import FieldSpec
from ..text import lemma
from ..units import currency_aliases, units

__all__ = ["currency_value", "is_currency"]


def is_currency(spec: FieldSpec) -> bool:
    codes = set(currency_aliases().values())
    return bool(spec.enum) and all(str(v).upper() in codes for v in spec.enum)


def currency_value(
    spec: FieldSpec, scope: Scope, fields: list[FieldSpec]
) -> tuple[Any, str] | None:
    """The value of a currency field ``spec`` the clause names, if any."""
    ends = _range_currency(spec, scope)
    if ends is not None:
        return ends
    for m in scope.mentions.of("money", within=scope.span) or [
        m
        for m in scope.mentions.items
        if m.kind == "money" and scope.span[0] <= m.start < scope.span[1]
    ]:
        for value in spec.enum:
            if m.currency and str(value).upper() == m.currency:
                return value, scope.text[m.start : m.end]
    return _unit_named_currency(spec, scope, fields)


def _range_currency(spec: FieldSpec, scope: Scope) -> tuple[Any, str] | None:
    """For a currency field that is one end of a conversion (``from_currency``,
    ``to_currency``) when the clause names two currencies or more ("250 euros in dollars",
    "£40 to yen"): the first named for the start, the last for the end."""
    end = side(spec.name_words)
    if end is None:
        return None
    aliases = currency_aliases()
    named: list[tuple[int, str, str]] = []
    for m in scope.mentions.of("money", within=scope.span):
        if m.currency:
            named.append((m.start, m.currency, scope.text[m.start : m.end]))
    money = [(m.start, m.end) for m in scope.mentions.of("money", within=scope.span)]
    for t in scope.words:
        code = aliases.get(t.lower) or aliases.get(t.lemma)
        if code and t.is_word and not any(a <= t.start and t.end <= b for a, b in money):
            named.append((t.start, code, t.text))
    named.sort()
    if len({code for _, code, _ in named}) < 2:
        return None
    _, code, text = named[0] if end == "start" else named[-1]
    value = next((v for v in spec.enum if str(v).upper() == code), None)
    return None if value is None else (value, text)


def _unit_named_currency(
    spec: FieldSpec, scope: Scope, fields: list[FieldSpec]
) -> tuple[Any, str] | None:
    """A measure whose unit is also a currency's name ("under 30 pounds") is an amount in
    that currency for a capability that measures nothing of the unit's kind: a price to pay,
    not a weight."""
    by_name, _ = units()
    measured = {by_name[f.unit].dimension for f in fields if f.unit in by_name}
    aliases = currency_aliases()
    for m in scope.of("quantity"):
        unit = by_name.get(m.unit or "")
        if unit is None or unit.dimension in measured:
            continue
        # Any word of the measure: "forty-two pounds fifty" ends on its hundredths.
        written = {lemma(w.lower()) for w in scope.text[m.start : m.end].split()}
        codes = {code for alias, code in aliases.items() if alias.split()[0] in written}
        for value in spec.enum:
            if str(value).upper() in codes:
                return value, scope.text[m.start : m.end]
    return None
