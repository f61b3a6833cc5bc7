"""A statement told before a request sets its scene: "we're out of eggs, put a dozen on the
list", "we're out of crisps, add two". The statement fits nothing on its own (it only tells how
things are); what it is about - the thing after its verb, "eggs" - is the thing the request
counts without naming it, as English leaves out a noun just said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .asides import whereabouts
from .candidates import Candidate
from .entities import Mentions
from .index import Index
from .lexicon import lexicon
from .request_actions import request_action
from .segment import Clause

__all__ = ["counts_unnamed", "scene_object", "takes_thing", "told_of_self", "with_object"]

_PRONOUN_SUBJECTS = frozenset(["i", "we", "he", "she", "they", "it", "there"])


def told_of_self(clause: Clause) -> bool:
    """Whether a clause is told as a statement, its subject a pronoun ("we're out of eggs", "I
    can't travel any more") or left unsaid before where one is ("back from holiday"), whatever
    it may ask for: beside another request and fitting nothing on its own, it only sets the
    scene of that request."""
    words = clause.words
    if not words:
        return False
    # "back from holiday", "home from hospital", "away till Monday": "I'm" left unsaid
    if whereabouts([t.lower for t in words[:3]]):
        return True
    return re.split(r"['\u2019]", words[0].lower)[0] in _PRONOUN_SUBJECTS


def scene_object(index: Index, clause: Clause) -> Clause | None:
    """What a statement told of oneself is about: its words after its verb ("eggs" of "we're
    out of eggs"), ``None`` when it has none or is no such statement."""
    if not told_of_self(clause):
        return None
    words = clause.words
    action = request_action(words, verbs=index.verbs, known=index.known)
    rest = [t for t in words[action.object_start :] if t.is_word or t.entity]
    if not action.explicit or not rest or action.object_start == 0:
        return None
    tokens = tuple(t for t in clause.tokens if rest[0].start <= t.start and t.end <= rest[-1].end)
    return Clause(tokens, tokens[0].start, tokens[-1].end, clause.earlier, clause.added)


def counts_unnamed(clause: Clause, mentions: Mentions) -> bool:
    """Whether a clause counts a thing it does not name: a number with no noun after it ("add
    two", "put a dozen on the list")."""
    lex = lexicon()
    for m in mentions.items:
        if m.kind != "number" or not clause.start <= m.start < clause.end:
            continue
        after = next((t for t in clause.tokens if t.start >= m.end), None)
        if after is None or after.lower in lex.roles or after.lower in ("please", ",", "."):
            return True
    return False


def with_object(clause: Clause, thing: Clause) -> Clause:
    """``clause`` read with the thing a scene before it is about as the noun it leaves out
    ("add two" + "crisps": "add two crisps"); the span runs from the thing to the clause's end."""
    return Clause(
        clause.tokens + thing.tokens, thing.start, clause.end, clause.earlier, clause.added
    )


def takes_thing(candidates: Sequence[Candidate], text: str, thing: Clause) -> int | None:
    """The position of the best candidate for a request read with the thing of its scene (see
    :func:`with_object`) that has its action, every required value, and places both the thing
    and the count in its fields ("add two crisps": the item and how many): the count counts
    the thing, so what takes them both is meant. ``None`` when none does."""
    words = text[thing.start : thing.end]
    for at, other in enumerate(candidates):
        filled = other.filled
        if not (other.action_ok and other.fit == 1.0 and not other.ruled_out and filled):
            continue
        sources = list(filled.sources.values())
        if any(words in s or s in words for s in sources if s) and len(filled.params) >= 2:
            return at
    return None
