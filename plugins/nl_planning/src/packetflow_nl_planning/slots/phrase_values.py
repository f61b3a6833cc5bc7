"""Words of an enum field's clause read as a whole: a phrase that is a synonym of a value
("full fat" -> whole), and a noun a number counts for another field ("9 attempts"), which is
no value of the choice."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..clauses import Scope
from ..lexicon import lexicon
from ..numbers import parse_number
from ..schema import FieldSpec

__all__ = ["counted_for_another", "phrase_synonym"]


def phrase_synonym(
    spec: FieldSpec, tokens: list[Any], scope: Scope
) -> tuple[float, int, Any, str] | None:
    """The value a phrase of two or three words is a synonym of ("full fat" -> whole, "every
    other day" -> alternate_days): the lexicon joins a phrase's words with "_"."""
    syn = lexicon().synonyms
    for n in (3, 2):
        for i in range(len(tokens) - n + 1):
            window = tokens[i : i + n]
            if any(b.start - a.end > 1 for a, b in pairwise(window)):
                continue  # the words of a phrase stand together
            keys = {"_".join(t.lower for t in window), "_".join(t.lemma for t in window)}
            named = set().union(*(syn.get(k, frozenset()) for k in keys))
            for value in spec.enum:
                if str(value).lower().replace("-", "_").replace(" ", "_") in named:
                    text = scope.text[window[0].start : window[-1].end]
                    return 0.85, window[0].start, value, text
    return None


def counted_for_another(scope: Scope, token: Any, spec: FieldSpec, fields: list[FieldSpec]) -> bool:
    """Whether ``token`` is what a number counts for another field named by it ("after 9
    attempts" beside ``attempts``): the word is that count's unit, no value of this choice."""
    before = scope.before(token.start, 1)
    if not before or parse_number(before[-1]) is None:
        return False
    words = {token.lower, token.lemma}
    return any(
        f is not spec and f.type in ("integer", "number") and words & set(f.name_words)
        for f in fields
    )
