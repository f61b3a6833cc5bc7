"""Which of its things a request means, said before the capability's own noun: "*osprey*
sightings in Rutland", "show me *kingfisher* records". English puts the kind of a thing before
its noun, so when every required field is filled and one optional field of a thing is empty,
the words just before the capability's noun are its value.
"""

from __future__ import annotations

from typing import Any

from .clauses import Scope
from .lexicon import lexicon
from .text import Token, words
from .text_spans import INDEFINITE, remainder

__all__ = ["modifier_of_own"]


def _of_own(token: Any, scope: Scope) -> bool:
    """Whether ``token`` is a word of the capability's own, as a token's lemma or as the
    profile lemmatises it ("sightings": sighting, sight)."""
    said = {token.lemma, *words(token.lower), *words(token.lemma)}
    return bool(token.is_word and said & scope.own)


def modifier_of_own(tokens: list[Token], scope: Scope) -> tuple[str, int, int] | None:
    """The value, and its span, of the free run of the clause that comes right before a noun
    of the capability's own; ``None`` when the run holds a verb ("needs a new strap" names no
    watch) or no own noun follows it."""
    found = remainder(tokens, scope, True)
    if found is None:
        return None
    inside = [t for t in tokens if found[1] <= t.start and t.end <= found[2]]
    after = next((t for t in tokens if t.start >= found[2]), None)
    while inside and _of_own(inside[-1], scope):
        after = inside.pop()  # "osprey sightings": the run ends with the capability's noun
    if not inside or after is None or not _of_own(after, scope):
        return None
    if any(t.lower in INDEFINITE for t in inside):
        return None  # "what did everyone score": whoever, not one of them
    if any(t.lemma in lexicon().classes for t in inside):
        return None
    a, b = inside[0].start, inside[-1].end
    return scope.text[a:b], a, b
