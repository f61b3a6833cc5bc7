"""Words after a request that stand for it told again: once more with other values ("one for
Tom Lee", "another at 5pm", "Ana Silva for the same time", "the same for the lounge"), or
corrected ("..., actually make that Monday", "no wait, 26", "or rather the bedroom")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .request_actions import request_action
from .text import Token

if TYPE_CHECKING:
    from .segment import Clause

__all__ = [
    "CORRECT",
    "CORRECT_AFTER_COMMA",
    "RESTATE",
    "named_again",
    "repeats",
    "retracts",
    "same_again",
]

_ONCE_MORE = frozenset(("one", "another"))
_FOR_WHOM = frozenset(("for", "at", "on"))


# "(do) the same for the lounge", "same again for Tom", "same with the koi tank": the request
# before, once more, for what the preposition names.
_SAME = tuple(
    (*do, *the, "same", *again)
    for do in ((), ("do",))
    for the in ((), ("the",))
    for again in ((), ("again",), ("thing",))
)
# Words that take back a value just told and give another: "actually", "no wait", "sorry, I
# mean", "or rather", "make that" (after one of the others).
CORRECT = (
    ("actually",), ("no", "wait"), ("wait", "no"), ("or", "rather"), ("sorry",), ("no", "sorry"),
    ("i", "mean"), ("scratch", "that"), ("correction",),
)  # fmt: skip
# What opens a correction after a comma ("Track is closed, sorry" is an apology, no correction).
CORRECT_AFTER_COMMA = (*(c for c in CORRECT if c != ("sorry",)), ("sorry", "i", "mean"))
RESTATE = (("make", "that"), ("make", "it"), ("no",), (",",), *CORRECT)
_SAME_FOR = frozenset(("for", "with", "in", "on", "at"))


def same_again(lowers: Sequence[str]) -> int:
    """How many words open ``lowers`` that say "the same" of the request before (up to the
    preposition after them: "same for the lounge" -> 1), 0 when they do not."""
    size = _phrase_at(lowers, 0, _SAME)
    return size if size and len(lowers) > size + 1 and lowers[size] in _SAME_FOR else 0


def repeats(lowers: Sequence[str]) -> bool:
    """Whether words after a connector stand for the request before it, told again with
    other values: "one for Tom Lee", "another at 5pm", "the same for the lounge"."""
    if same_again(lowers):
        return True
    return len(lowers) > 2 and lowers[0] in _ONCE_MORE and lowers[1] in _FOR_WHOM


def named_again(tokens: Sequence[Token]) -> bool:
    """Whether words after a connector name someone else for the request before it, told
    again with what stays the same: "Ana Silva for the same time", "Tom at the same place"
    (a capitalised name of one to three words, then "for"/"at"/"on" and "the same")."""
    words = [t for t in tokens if t.is_word or t.entity]
    size = 0
    while size < min(3, len(words)) and words[size].text[:1].isupper() and words[size].is_word:
        size += 1
    lowers = [t.lower for t in words[size : size + 3]]
    return (
        size > 0 and lowers[:1] != [] and lowers[0] in _FOR_WHOM and lowers[1:3] == ["the", "same"]
    )


_BACK = frozenset(("it", "them", "that", "those", "this", "these"))


def retracts(clause: Clause) -> bool:
    """Whether a correction with a verb of its own does another thing to what the request
    before acted on ("..., actually close them"): it takes that request back."""
    words = clause.words
    return (
        clause.corrects
        and any(t.lower in _BACK for t in words[1:4])
        and request_action(words).explicit
    )


def _phrase_at(words: Sequence[str], at: int, phrases: Sequence[tuple[str, ...]]) -> int:
    for phrase in sorted(phrases, key=len, reverse=True):
        if tuple(words[at : at + len(phrase)]) == phrase:
            return len(phrase)
    return 0
