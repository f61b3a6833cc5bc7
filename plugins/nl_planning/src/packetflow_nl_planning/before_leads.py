"""A request told after "before you" ahead of the one it waits for: "before you rent a car in
Phoenix, quote insurance for a 2021 car". The lead's own request runs after the clause told next
(that clause is marked to come first, as after "but first"); the lead is no value of it. Told
after the request it waits for ("check the soil before you water zone 2"), the order is the
order told. ("before leaving, ..." is the speaker's own time: see ``then_refs.told_first``.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .connectors import BEFORE
from .lexicon import lexicon
from .text import Token

__all__ = ["before_at", "opens_verb", "told_after"]


def told_after(group: list[Token], starts: Callable[[list[Token]], bool]) -> list[Token] | None:
    """The request of a clause opened by "before you ...", when it opens with a verb or
    ``starts`` reads it as a request; ``None`` for any other clause."""
    lowers = [t.lower for t in group]
    size = next((len(p) for p in BEFORE if tuple(lowers[: len(p)]) == p), 0)
    rest = group[size:]
    return rest if size and (opens_verb(rest) or starts(rest)) else None


def opens_verb(rest: Sequence[Token]) -> bool:
    """Whether the words after "before you" open with a verb: after the subject, the next
    word is one by grammar ("before you *water* zone 2"), unless it is a small word."""
    return bool(rest) and rest[0].is_word and rest[0].lower not in lexicon().stopwords


def before_at(lowers: Sequence[str], tokens: Sequence[Token], at: int) -> int:
    """The size of "before you" at ``at`` when a verb follows it ("check the soil *before you*
    water zone 2": the watering is the next step, in the order told), else 0."""
    size = next((len(p) for p in BEFORE if tuple(lowers[at : at + len(p)]) == p), 0)
    return size if size and opens_verb(tokens[at + size : at + size + 1]) else 0
