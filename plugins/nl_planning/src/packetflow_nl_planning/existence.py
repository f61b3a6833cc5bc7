"""Questions of whether a thing is there: "do you have anything by Le Guin?", "have you got
Dune?", "is Severance on here?", "is there anything called Severance?". Asking whether a
catalogue, a shop or a service holds a thing asks to look it up - to search for it, or read
it - never to change, add or take anything (what "have" and "got" would otherwise say).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["asked_existence"]

_DO = frozenset(("do", "does"))
_HOLDER = frozenset(("you", "u", "they", "we"))
# Verbs of holding: what a shop or a catalogue has (not "sell", which offers to buy).
_HOLD = frozenset(("have", "stock", "carry", "hold", "offer"))
_BE = frozenset(("is", "are"))
# Where a thing is said to be when asked whether it is there ("on here", "in stock").
_THERE = (("on", "here"), ("in", "here"), ("in", "stock"), ("here",), ("available",))
_ANY = frozenset(("any", "anything", "a", "an", "some", "something"))
# After "any", words that make it no question of what is there ("any more", "any chance").
_NOT_THINGS = frozenset(("more", "longer", "chance", "way", "idea", "news", "update", "updates"))


def asked_existence(words: Sequence[str], at: int) -> int | None:
    """Where the thing asked about starts when the words from ``at`` ask whether it is there
    (see the module's doc), else ``None``."""
    n = len(words)
    if at + 2 < n and words[at] in _DO and words[at + 1] in _HOLDER and words[at + 2] in _HOLD:
        return at + 3  # "do you have ...", "does they stock ..."
    if at + 3 < n and words[at] == "have" and words[at + 1] in _HOLDER and words[at + 2] == "got":
        return at + 3  # "have you got ..."
    if (
        at + 3 < n
        and words[at] in _BE
        and words[at + 1] == "there"
        and words[at + 2] in _ANY
        and "way" not in words[at + 2 : at + 5]  # ("is there a way to cancel ...": a how-to)
    ):
        return at + 2  # "is there anything called ...", "are there any ..."
    if at == 0 and n >= 3 and words[0] == "any" and words[1] not in _NOT_THINGS:
        return 1  # "any Arctic Monkeys gigs in Manchester?", "any good sushi spots around?"
    if at + 2 < n and words[at] in _BE:
        # "is Severance on here?", "is the Le Guin box set available": the thing, then where
        for tail in _THERE:
            if tuple(words[n - len(tail) :]) == tail and n - len(tail) > at + 1:
                return at + 1
    return None
