"""A person's full name said once ("Mary Quinn") for a capability that asks for the family
name and the given names apart: the last word is the family name, the words before it the
given names."""

from __future__ import annotations

from typing import Any

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
    """Split a full name in ``out``'s family-name field when the given-name field is empty."""
    family = next((s for s in specs if _holds(s, _FAMILY) and not _holds(s, _GIVEN)), None)
    given = next((s for s in specs if _holds(s, _GIVEN) and not _holds(s, _FAMILY)), None)
    if family is None or given is None or given.name in out or family.name not in out:
        return
    value, said = out[family.name]
    parts = str(value).split()
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return  # one word, or not a name written in capitals ("van der Berg" stays whole)
    out[family.name] = (parts[-1], said)
    out[given.name] = (" ".join(parts[:-1]), said)
