"""A person's full name said once ("Mary Quinn") for a capability that asks for the family
name and the given names apart: the last word is the family name, the words before it the
given names, or, when a particle opens the family name ("Jan de Vries", "Ludwig van
Beethoven"), the words from the particle on."""

from __future__ import annotations

from typing import Any

from .named_text import PARTICLES
from .schema import FieldSpec

__all__ = ["split_full_name"]

# Words of a field that holds the family name, and of one that holds the given names.
_FAMILY = frozenset(("surname", "lastname", "last", "family"))
_GIVEN = frozenset(("forename", "forenames", "firstname", "first", "given", "christian"))


def _holds(spec: FieldSpec, kind: frozenset[str]) -> bool:
    """Whether ``spec`` is a field of names of ``kind`` (``surname``; "given names")."""
    if set(spec.name_words) & kind and spec.type == "string":
        return "name" in spec.words or bool(set(spec.name_words) & {"surname", "forename"})
    return spec.type == "string" and "name" in spec.words and bool(spec.words & kind)


def split_full_name(specs: list[FieldSpec], out: dict[str, tuple[Any, str]]) -> None:
    """Split a full name one of the two fields took when the other is empty."""
    family = next((s for s in specs if _holds(s, _FAMILY) and not _holds(s, _GIVEN)), None)
    given = next((s for s in specs if _holds(s, _GIVEN) and not _holds(s, _FAMILY)), None)
    if family is None or given is None:
        return
    taken = [s for s in (family, given) if s.name in out]
    if len(taken) != 1:
        return
    value, said = out[taken[0].name]
    parts = str(value).split()
    at = _family_start(parts)
    if at is None:
        return
    out[given.name] = (" ".join(parts[:at]), said)
    out[family.name] = (" ".join(parts[at:]), said)


def _family_start(parts: list[str]) -> int | None:
    """Where the family name starts in a name written in capitals: at its first particle
    ("Jan *de Vries*", "Anna Maria *van der Berg*"), else at its last word ("Mary *Quinn*");
    ``None`` for one word, or words that are no name."""
    if len(parts) < 2 or not parts[0][:1].isupper() or not parts[-1][:1].isupper():
        return None
    for k, part in enumerate(parts[1:], 1):
        if part in PARTICLES:
            rest = parts[k:]
            if all(p in PARTICLES or p[:1].isupper() for p in rest):
                return k
            return None
        if not part[:1].isupper():
            return None
    return len(parts) - 1
