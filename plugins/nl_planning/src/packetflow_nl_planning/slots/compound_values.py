"""Enum values in English compounds: a one-word value written as two words ("bed bugs"), the
modifier of two values side by side ("a lightning talk"), a value hyphened to a word of the
field ("a full-size plot"), a value right before the capability's own noun ("a double
stall")."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from ..clauses import Scope, field_words
from ..schema import FieldSpec
from ..text import lemma

__all__ = ["before_own", "hyphen_compound", "modifier_of", "split_compound"]


def split_compound(form: str, tokens: list[Any]) -> tuple[Any, Any] | None:
    """Two words in a row written apart that make the one-word value ``form`` ("bed bugs"
    for ``bedbugs``, "wood lice" for ``woodlice``): English writes many compounds either way."""
    if len(form) < 6:
        return None
    for a, b in pairwise(tokens):
        if not (a.is_word and b.is_word) or a.end + 1 != b.start:
            continue
        if form in (a.lower + b.lower, a.lower + b.lemma) or lemma(form) == a.lower + b.lemma:
            return a, b
    return None


def modifier_of(
    best: tuple[float, int, Any, str], exact: list[tuple[int, Any]], tokens: list[Any], scope: Scope
) -> tuple[float, int, Any, str]:
    """Of two values named side by side as one noun phrase ("a *lightning talk*", "the
    *express standard* rate"), the first: the head of an English compound is the kind in
    general, its modifier the kind meant."""
    at = dict(exact)
    head = next((i for i, v in exact if tokens[i].start == best[1] and v == best[2]), None)
    if head is None or head - 1 not in at:
        return best
    first = tokens[head - 1]
    if first.end + 1 != tokens[head].start:
        return best  # "talk, lightning" is no compound
    return best[0], first.start, at[head - 1], scope.text[first.start : first.end]


def hyphen_compound(spec: FieldSpec, tokens: list[Any]) -> tuple[float, int, Any, str] | None:
    """A value joined by a hyphen to a word of the field's name: "a full-size plot" for
    ``plot_size`` ``full``; the tokens keep the compound whole, so its
    parts are read here."""
    words = field_words(spec)
    for t in tokens:
        parts = t.text.lower().split("-")
        if len(parts) < 2 or lemma(parts[-1]) not in words:
            continue
        head = "_".join(parts[:-1])
        for value in spec.enum:
            if str(value).lower().replace("-", "_").replace(" ", "_") == head:
                return 0.9, t.start, value, t.text
    return None


def before_own(tokens: list[Any], at: int, last: Any, scope: Scope) -> bool:
    """Whether the word right after a value is the capability's own ("a *double stall*" for
    reserve_market_stall): the value says which kind of the very thing asked for, as one
    said elsewhere ("at the Ashby car boot") may not."""
    return at < len(tokens) and tokens[at].start == last.end + 1 and tokens[at].lemma in scope.own
