"""A place's name with the common noun that says what kind of place it is: "the Humber
*estuary*", "Kinsale *market*", "the Ashby *car boot*". English writes the kind after the proper
name in lower case, and it is part of the name: for a field of the place itself (a location, a
market, a beach...), the value keeps it; a choice whose words stand there (a stall size
``car_boot``) is then not said by them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import Scope
from .lexicon import lexicon, word_list
from .place_cues import place_field
from .schema import FieldSpec
from .text import Token

__all__ = ["PLACE_KINDS", "after_proper_name", "kind_after"]

PLACE_KINDS = word_list("place_kinds.txt")
"""Common nouns of general English that say what kind of place a proper name names
(``data/lexicon/place_kinds.txt``)."""


def _the_place(spec: FieldSpec) -> bool:
    """Whether ``spec`` holds a place itself: a location, or a kind of place by its name
    (``market``, ``beach``)."""
    return spec.type == "string" and (place_field(spec) or bool(set(spec.name_words) & PLACE_KINDS))


def _kind_word(token: Token, spec: FieldSpec) -> bool:
    """Whether ``token``, in lower case after a name, says what kind of place the field's
    is: a place noun, or for a field named by one, a word its name or description uses
    ("car boot" for a market described as "Sunday car boot at Ashby")."""
    lex = lexicon()
    if not token.is_word or not token.text.islower() or token.lower in lex.stopwords:
        return False
    if token.lower in lex.roles:
        return False
    if token.lower in PLACE_KINDS or token.lemma in PLACE_KINDS:
        return True
    named = bool(set(spec.name_words) & PLACE_KINDS)
    return named and (token.lemma in spec.words or token.lower in spec.words)


def kind_after(tokens: list[Token], j: int, scope: Scope, spec: FieldSpec) -> int:
    """Where a place's name that ends before ``tokens[j]`` ends once the nouns of its kind
    after it are in (two at most: "car boot"); ``j`` when the field is no place's."""
    if not _the_place(spec):
        return j
    start = k = j + _whose(tokens, j, scope)
    while k < len(tokens) and k - start < 2 and _kind_word(tokens[k], spec):
        if not scope.text_free(tokens[k].start, tokens[k].end):
            break
        k += 1
    return k if k > start else j


def _whose(tokens: Sequence[Token], j: int, scope: Scope) -> int:
    """How many tokens a plural possessive in lower case takes at ``tokens[j]`` ("farmers'
    market": the market is the farmers'): two (the word and its apostrophe), else none."""
    if j + 2 >= len(tokens):
        return 0
    word, mark = tokens[j], tokens[j + 1]
    if not (word.is_word and word.text.islower() and word.lower.endswith("s")):
        return 0
    if mark.text not in ("'", "\u2019") or mark.start != word.end:
        return 0
    return 2 if scope.text_free(word.start, mark.end) else 0


def after_proper_name(scope: Scope, start: int) -> bool:
    """Whether the word at ``start`` comes right after a proper name in title case, not the
    clause's first word ("the Ashby *car boot*"): there it says what the name names."""
    tokens = scope.clause.tokens
    k = next((n for n, t in enumerate(tokens) if t.start == start), None)
    if k is not None and k >= 3 and _whose(tokens, k - 2, scope):
        k -= 2  # "Ripon farmers' *market*": the name comes before the possessive
    if k is None or k < 2:
        return False
    prev = tokens[k - 1]
    text = prev.text
    return prev.is_word and text[:1].isupper() and not text.isupper() and not prev.entity
