"""Whether the words a capability leaves unexplained are about it at all: the embedding of the
whole clause may sit near a capability for the shape of the request alone ("what's the
weather like tomorrow" reads like any dated report), while no word it leaves is near it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .clauses import Scope
from .index import Profile
from .lexicon import lexicon

__all__ = ["akin", "farthest"]


def akin(scope: Scope, profile: Profile, words: Iterable[str]) -> float | None:
    """The highest cosine of one of ``words`` (lemmas) with the capability's embedding, or
    ``None`` without the encoder or without a word to weigh (nothing to say then). A verb the
    lexicon knows ("went" cycling) says what is done, not what it is done to: it is not
    weighed."""
    cosines = _cosines(scope, profile, words)
    return None if cosines is None else max(cosines)


def farthest(scope: Scope, profile: Profile, words: Iterable[str]) -> float | None:
    """The lowest such cosine: how far the word least about the capability is from it."""
    cosines = _cosines(scope, profile, words)
    return None if cosines is None else min(cosines)


@cache
def _known_verbs() -> frozenset[str]:
    """Every verb the lexicon knows, by its classes or its irregular forms (built once: it is
    asked of every candidate of every clause)."""
    lex = lexicon()
    return frozenset(lex.classes) | frozenset(lex.irregular.values())


def _cosines(scope: Scope, profile: Profile, words: Iterable[str]) -> list[float] | None:
    encoder, vector = scope.encoder, profile.vector
    chosen = sorted(set(words) - _known_verbs())
    if encoder is None or vector is None or not chosen:
        return None
    return [float(c) for c in encoder.words(chosen) @ vector]
