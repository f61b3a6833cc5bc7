"""Which reading of a bare date a date field takes: the day ahead ("Friday" to book a sitter,
"14 November" to price a move, "by the 2nd" for a delivery) or the day gone by ("Sunday" in a
log of drives, "March" of a statement).

The clause's reading (:attr:`Scope.mode`) weighs the request's tense and the capability's
words together. A date field weighs them again: a date read backwards only because of what the
capability is (a question, a participle in a description) looks ahead when neither the clause
nor the capability speaks of the past, since scheduling, delivery, booking and quoting are for
a day to come and only what records or reports looks back.
"""

from __future__ import annotations

from itertools import pairwise

from ..clauses import Mode, Scope
from ..lexicon import lexicon
from ..schema import FieldSpec
from ..tense import clause_tense, tensed_words
from ..text import same_family

__all__ = ["ahead_after_all", "clause_looks_back", "reading"]

# A field of the day something is moved to ("new_date", "new collection day").
_NEW = frozenset(("new", "revised", "rescheduled"))


def clause_looks_back(scope: Scope) -> bool:
    """Whether the clause itself speaks of the past ("last Friday", "3 days ago", "what did I
    spend", "the parcel arrived on Monday")."""
    words = tensed_words(scope.clause.tokens, scope.mentions.items)
    return clause_tense([t.lower for t in words], [t.lemma for t in words]) == "past"


def _of_family(words: set[str], vocabulary: frozenset[str]) -> bool:
    """Whether a word is of the family of one of ``vocabulary`` ("arrival" of "arrive")."""
    return bool(words & vocabulary) or any(
        same_family(w, v) for w in words for v in vocabulary if w[:3] == v[:3]
    )


def _to_do(scope: Scope) -> bool:
    """Whether the clause says "to" and a verb of doing ("how much to move a 3-bed on 14
    November"): the infinitive names a thing to come (a verb of reading, "to see", does not)."""
    lex = lexicon()
    words = [t for t in scope.clause.tokens if t.is_word]
    for before, word in pairwise(words):
        if before.lower != "to" or word.entity:
            continue
        classes = frozenset(lex.classes.get(word.lemma, ()))
        if classes and not lex.is_query(classes):
            return True
    return False


def ahead_after_all(spec: FieldSpec, scope: Scope) -> bool:
    """Whether a date field of a clause read backwards looks ahead after all. Always for the
    new day of something moved ("new collection day" of an order: the order is of the past,
    the day it moves to is not, whatever went wrong before); never when the clause gives a
    sign of the past, nor when the capability records or reports (words of a statement, a
    history, a log); else when the field names something to come ("delivery date"), or when
    the clause says what is to be done ("how much to move ..."). (A description that tells
    only of a thing wanted, "evening or day needed", gives the capability no past to begin
    with: ``tense.description_tells_past``.)"""
    field_words = set(spec.words) | set(spec.name_words)
    if field_words & _NEW:
        # the day a thing moves to is to come, whatever went before ("the flight got
        # scrubbed, can we go on Sunday instead")
        return True
    if clause_looks_back(scope):
        return False
    lex = lexicon()
    if _of_family(field_words, lex.ahead) and not _of_family(field_words, lex.back):
        return True  # "delivery date", "arrival_date" (of "arrive"), "day of departure"
    own = set(scope.own)
    if own & lex.back and not own & lex.ahead:
        return False
    if any("record" in lex.classes.get(word, ()) for word in own):
        return False
    return _to_do(scope)


def reading(scope: Scope, spec: FieldSpec, mode: Mode) -> Mode:
    """``mode`` for ``spec``, turned ahead when :func:`ahead_after_all` says so."""
    if mode == "past" and ahead_after_all(spec, scope):
        return "future"
    return mode
