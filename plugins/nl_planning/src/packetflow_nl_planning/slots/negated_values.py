"""Enum values that name a thing that did not happen ("missed_collection", "failed_delivery",
"no_show") said as its verb negated: "the bins weren't collected" is a missed collection,
"it never got delivered" a failed delivery. The negative words are general English."""

from __future__ import annotations

from typing import Any

from ..text import same_family

__all__ = ["negated_value"]

# A value's first word that says its thing did not happen.
_NOT_DONE = frozenset(("missed", "missing", "failed", "no", "non", "not", "never"))
_NEGATIONS = frozenset(("not", "never", "no"))
_REACH = 3  # words from the negation to the verb: "did not even get collected"


def negated_value(forms: list[str], tokens: list[Any]) -> tuple[int, int] | None:
    """Where a negation stands before a word of the family of the value's last word (``forms``
    are the value's words, the first one negative): the first and last token index."""
    if len(forms) < 2 or forms[0] not in _NOT_DONE:
        return None
    thing = forms[-1]
    for i, token in enumerate(tokens):
        if token.lower not in _NEGATIONS:
            continue
        for j in range(i + 1, min(i + 1 + _REACH, len(tokens))):
            if tokens[j].is_word and same_family(thing, tokens[j].lower):
                return i, j
    return None
