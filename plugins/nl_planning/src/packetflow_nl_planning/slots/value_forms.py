"""Enum values named in another form than their words: an acronym of them ("a DNF" for
``did_not_find``), a closed compound whose head is the value ("a forearm piece" for ``arm``),
every word of the value said apart in the clause ("the log book is soaking wet" for
``wet_log``)."""

from __future__ import annotations

from typing import Any

from ..lexicon import lexicon
from ..schema import FieldSpec
from ..text import lemma

__all__ = ["acronym_value", "scattered_value"]

Found = tuple[float, int, Any, str]


def _words(value: Any) -> list[str]:
    return str(value).lower().replace("-", "_").replace(" ", "_").split("_")


def acronym_value(spec: FieldSpec, tokens: list[Any]) -> Found | None:
    """A word in capitals of two to five letters whose letters are the initials of a value's
    words ("mark it as a DNF" -> did_not_find): English writes a phrase it says often by its
    initials. Two values of the same initials leave it to the other readings."""
    initials: dict[str, list[Any]] = {}
    for value in spec.enum:
        words = [w for w in _words(value) if w]
        if len(words) >= 2 and all(w.isalpha() for w in words):
            initials.setdefault("".join(w[0] for w in words), []).append(value)
    if not initials:
        return None
    for t in tokens:
        said = t.text
        if not (2 <= len(said) <= 5 and said.isalpha() and said.isupper()):
            continue
        values = initials.get(said.lower(), [])
        if len(values) == 1:
            return 0.9, t.start, values[0], said
    return None


def scattered_value(spec: FieldSpec, tokens: list[Any]) -> Found | None:
    """A value of two content words or more each said somewhere in the clause, in any order
    ("the *log* book ... is soaking *wet*" -> wet_log): a statement of the problem names it
    as the value's words do. Only one value so named."""
    stop = lexicon().stopwords
    found: list[Found] = []
    for value in spec.enum:
        content = [w for w in _words(value) if w and w not in stop]
        if len(content) < 2 or len(content) != len(set(content)):
            continue
        said = []
        for w in content:
            t = next(
                (
                    t
                    for t in tokens
                    if t.is_word and (w in (t.lower, t.lemma) or lemma(w) == t.lemma)
                ),
                None,
            )
            if t is None:
                break
            said.append(t)
        else:
            first = min(said, key=lambda t: t.start)
            found.append((0.6, first.start, value, first.text))
    return found[0] if len(found) == 1 else None
