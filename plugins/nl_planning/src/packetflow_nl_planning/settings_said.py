"""Bare phrases that set a thing: "oven to 180" (set it to a value), "fan on in the attic",
"heating off" (switch it) - and "extra pillows to 207", a quantity of things and where they go,
which sets nothing (the bare phrase asks to obtain them). ``request_actions`` reads them for a
clause with no verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actions import Action
from .lexicon import Lexicon
from .text import Token, past_form

__all__ = ["bare_switch", "set_to"]

# "extra pillows to 207", "two towels to room 12": a quantity of things, then where they go.
_MORE_THINGS = frozenset(
    ("extra", "more", "fresh", "spare", "another", "clean", "new", "some", "two", "three")
)


# Subjects that are people: what is "on" or "off" after them is where they go or are.
_PEOPLE = frozenset(("i", "we", "you", "u", "he", "she", "they"))


def set_to(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "oven to 180": a thing, "to" and a number asks to set the thing; "extra pillows to
    207" (a quantity of things first) sends them there, which the bare phrase obtains."""
    if tokens[at].lower in _MORE_THINGS or tokens[at].lower.isdigit():
        return None
    for i in range(at + 1, min(len(tokens), at + 5)):
        if tokens[i].lower == "to" and i + 1 < len(tokens) and tokens[i + 1].lower[:1].isdigit():
            return Action(lex.classes_of("set"), ("set",), True, False, at)
    return None


def bare_switch(tokens: Sequence[Token], at: int, lex: Lexicon) -> Action | None:
    """ "fan on in the attic", "heating off": a thing and on/off asks to switch it - never a
    person: "I'm off to Rome", "we're on the train" say where someone goes or is."""
    if tokens[at].lower in _PEOPLE:
        return None
    for i in range(at + 1, min(len(tokens), at + 4)):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # ("usage on +4477...", "fees on PCN1": on a value, "on" is a preposition)
        value = nxt is not None and (nxt.entity or nxt.lower[:1].isdigit() or nxt.lower == "+")
        if (
            tokens[i].lower in ("on", "off")
            and not value
            and (nxt is None or not nxt.is_word or nxt.lower in lex.roles)
        ):
            if any(past_form(t.lower) for t in tokens[at + 1 : i]):
                return None  # "golf's *rained* off": a thing done to it, told - no switch
            verb = f"switch_{tokens[i].lower}"
            return Action(lex.classes_of(verb), (verb,), True, False, i + 1)
    return None
