"""Taking a place on a shared thing, or giving it up, said with a reflexive object: "book me a
seat on ride R-1", "grab us two places", "get me a spot on the trip" ask to *join* it (as "sign
me up" does); "drop me from ride R-1", "take me off the list", "count us out of Saturday" ask
to *leave* it. The verb alone says something else ("book" a table, "drop" a file, "count"
heads): with "me"/"us" and a place one holds, or a thing one is taken off, it is the membership
that changes. ``request_actions`` reads these right after the clause's verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token

__all__ = ["membership"]

_ME = frozenset(("me", "us"))
# A place one holds among others: a seat in a car, a place on a walk, a spot on a course.
_PLACES = frozenset(("seat", "place", "spot", "space", "berth"))
_COUNTS = frozenset(
    ("a", "an", "one", "two", "three", "four", "five", "another", "extra", "more", "couple", "of")
)
# "add me to the walk", "put us on the list", "put me down for Saturday": adding oneself.
_ADD_SELF = frozenset(("add", "put"))
_ONTO = frozenset(("to", "on", "onto", "in", "down"))
# Verbs that take oneself off a thing (besides those of the lexicon's undo classes).
_TAKE_OFF = frozenset(("take", "take_off", "count", "count_out", "leave", "scratch", "strike"))
_JOIN = frozenset(("subscribe",))
_OBTAIN = frozenset(("book", "buy", "rent"))
_LEAVE = frozenset(("unsubscribe", "remove_from"))


def membership(
    tokens: Sequence[Token], verb: str, classes: frozenset[str], after: int, lex: Lexicon
) -> Action | None:
    """The action of "<verb> me/us ..." when it joins or leaves a shared thing (see the module
    docstring), else ``None``. ``after``: the index of the word after the verb."""
    words = [t.lower for t in tokens]
    if after >= len(words) or words[after] not in _ME:
        return None
    rest = words[after + 1 :]
    if not rest:
        return None
    undoes = lex.is_undo(classes) or verb in _TAKE_OFF
    if undoes and (rest[0] in ("from", "off") or rest[:2] == ["out", "of"]):
        # "drop me from ride R-1", "take me off the list", "count us out of the walk"
        kept = classes & lex.undo
        return Action(_LEAVE | kept, (verb, "leave"), True, False, after + 1)
    if lex.is_undo(classes):
        return None
    if verb in _ADD_SELF and rest[0] in _ONTO:
        # "add me to walk W-1", "put us down for the Saturday walk"
        return Action(classes - lex.query | _JOIN, (verb, "join"), True, False, after + 1)
    # A verb that otherwise only reads ("get us two seats at the bar", "grab me a place")
    # obtains the place: booked or bought, as "get me two tickets" does - or joined.
    kept = classes - lex.query or _OBTAIN
    for i, word in enumerate(rest[:4]):
        if tokens[after + 1 + i].lemma in _PLACES:
            # "book me a seat on R-1", "grab us two places": a place for oneself among others
            return Action(kept | _JOIN, (verb, "join"), True, False, after + 1)
        if word not in _COUNTS and not word.isdigit():
            return None
    return None
