"""Language fields: an enum of ISO 639-1 codes (``"en"``, ``"fr"``, or locales such as
``"pt-BR"``) takes a language the text names ("in Italian", "French to English"). When a
capability has two (``source_language`` and ``target_language``), the one named for the
original takes the language after "from" or the first of "X to Y", the other the one after
"to"/"into" or the last.

The names are general English (``data/lexicon/languages.txt``), not any registry's words.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..clauses import Scope
from ..lexicon import rows
from ..schema import FieldSpec

__all__ = ["fill_language", "is_language_enum"]

_SOURCE = frozenset(("source", "original", "from", "input", "origin", "src"))
_TARGET = frozenset(("target", "to", "into", "output", "destination", "dest", "wanted"))
_CODE = re.compile(r"^([a-z]{2})(?:[-_][a-z]{2,4})?$")


@cache
def _names() -> tuple[dict[str, str], re.Pattern[str]]:
    """(name -> code, a pattern finding any of the names)."""
    by_name: dict[str, str] = {}
    for code, *names in rows("languages.txt"):
        for name in names:
            by_name[name.replace("_", " ")] = code
    alternatives = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return by_name, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _code(value: Any) -> str | None:
    match = _CODE.match(str(value).lower())
    return match.group(1) if match else None


def is_language_enum(spec: FieldSpec) -> bool:
    """Whether every value of ``spec``'s enum is a language code (``en``, ``pt-BR``)."""
    codes = set(_names()[0].values())
    return bool(spec.enum) and all(_code(v) in codes for v in spec.enum)


def fill_language(spec: FieldSpec, scope: Scope, fields: list[FieldSpec]) -> tuple[Any, str] | None:
    """The value of ``spec`` for the language the clause names for it, if any."""
    by_name, pattern = _names()
    start, end = scope.span
    found = [
        (m.start(), m.end(), by_name[m.group().lower()], scope.before(m.start(), 1))
        for m in pattern.finditer(scope.text, start, end)
        if scope.free(m.start(), m.end())
    ]
    found = [f for f in found if any(_code(v) == f[2] for v in spec.enum)]
    if not found:
        return None
    words = set(spec.name_words)
    paired = any(
        f is not spec and is_language_enum(f) and set(f.name_words) & (_SOURCE | _TARGET)
        for f in fields
    )
    chosen = found[0]
    if words & _SOURCE:
        chosen = next((f for f in found if f[3] == ["from"]), found[0])
        if chosen[3] in (["to"], ["into"]):
            return None  # the only language named is the one wanted
    elif words & _TARGET:
        chosen = next((f for f in found if f[3] in (["to"], ["into"])), found[-1])
        if paired and len(found) == 1 and chosen[3] == ["from"]:
            return None  # the only language named is the original
    a, b, code, _ = chosen
    value = next(v for v in spec.enum if _code(v) == code)
    scope.claim(a, b)
    return value, scope.text[a:b]
