"""What a clause's verb is said of, beyond its own class: new things or a count of them ("get
12 cupcakes"), a thing left with someone ("leave it with a neighbour"), a thing put on a list
a capability is named by ("add Notch to the whitelist"), a phrase that goes on "from now on".
``request_actions`` reads these after the clause's verb."""

from __future__ import annotations

from collections.abc import Sequence

from .light_verbs import VERB_CONTEXT
from .text import Token

__all__ = ["COUNT_WORDS", "from_now_on", "left_with", "new_things", "put_on_list"]

_ME = frozenset(("me", "us"))
COUNT_WORDS = frozenset(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "another")
)


def from_now_on(words: Sequence[str], at: int) -> bool:
    """Whether a bare phrase goes on with "from now on" (or "going forward")."""
    rest = list(words[at + 1 :])
    return any(rest[i : i + 3] == ["from", "now", "on"] for i in range(len(rest))) or any(
        rest[i : i + 2] == ["going", "forward"] for i in range(len(rest))
    )


_WITH = frozenset(("with", "at", "outside", "behind"))


def left_with(words: Sequence[str], after: int) -> bool:
    """Whether "leave" is said of a thing (not oneself) followed, within a few words, by
    with whom or where it is to be left ("leave it with Ann", "leave the box at the door")."""
    if after >= len(words) or words[after] in _ME:
        return False
    return any(w in _WITH for w in words[after + 1 : after + 4])


_ONTO = frozenset(("to", "on", "onto"))
_PUTS = frozenset(("add", "put"))


def put_on_list(
    tokens: Sequence[Token], after: int, verb: str, verbs: frozenset[str]
) -> str | None:
    """The noun a thing is added to when it is a verb the lexicon does not know that a
    capability is named by ("add Notch *to the whitelist*": to whitelist him), else ``None``."""
    if verb not in _PUTS:
        return None
    for i in range(after, len(tokens) - 1):
        if tokens[i].lower not in _ONTO:
            continue
        j = i + 1 + (tokens[i + 1].lower in VERB_CONTEXT)
        if j < len(tokens) and tokens[j].lemma in verbs and not tokens[j].entity:
            return tokens[j].lemma
    return None


def new_things(word: str) -> bool:
    """Whether ``word`` opens a new thing, or a count of some: "a", "an", "12", "two"."""
    return word in ("a", "an") or word.isdigit() or word in COUNT_WORDS
