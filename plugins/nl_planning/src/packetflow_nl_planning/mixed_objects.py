"""One verb, objects of two kinds: "book the hut and the car, both from 20 to 27 December".
Each object after the first, read with the verb and what the clause says beside the objects, is
a request of its own when another capability takes it (a car is rented, not a hut booked);
objects of one capability are its runs (see ``objects.each_object``)."""

from __future__ import annotations

from collections.abc import Callable

import packetflow as pf

from .drafts import StepDraft
from .entities import Mentions
from .lexicon import lexicon
from .objects import split_at_joins
from .segment import Clause
from .text import Token

__all__ = ["mixed_runs", "other_objects"]

# Words that open a thing named as an object ("the hut", "a car", "my bike").
_DETERMINERS = frozenset(("the", "a", "an", "my", "our", "your", "his", "her", "their"))


def other_objects(clause: Clause, object_start: int) -> list[Clause]:
    """For each object joined after the first by "and" or a comma ("the hut and the car,
    both from ..."), the clause of the verb, that object and the clause's words outside the
    objects (``[]`` unless two objects or more, each opened by a determiner and free of
    values, follow the verb's ``object_start`` words)."""
    words = clause.words
    if not 0 < object_start < len(words):
        return []
    verb = [t for t in clause.tokens if t.end <= words[object_start].start]
    parts: list[list[Token]] = split_at_joins(clause, words[object_start].start)
    objects: list[list[Token]] = []
    rest: list[Token] = []
    roles = lexicon().roles
    for at, part in enumerate(parts):
        if not part or part[0].lower not in _DETERMINERS:
            rest = [t for p in parts[at:] for t in p]
            break
        # "the car from 20 to 27 December": the thing, then what is said of all the things
        end = next(
            (i for i, t in enumerate(part) if i and (t.lower in roles or not _plain(t))),
            len(part),
        )
        objects.append(part[:end])
        if end < len(part):
            rest = [t for p in [part[end:], *parts[at + 1 :]] for t in p]
            break
    if len(objects) < 2:
        return []
    out = []
    for part in objects[1:]:
        tokens = (*verb, *part, *rest)
        out.append(Clause(tokens, clause.start, clause.end, clause.earlier, clause.added))
    return out


def _plain(token: Token) -> bool:
    """Whether a token is a word of a thing's name: no value (a number, an id, an entity)."""
    return token.is_word and not token.entity and not token.lower[:1].isdigit()


def mixed_runs(
    plan: Callable[[Clause], StepDraft],
    clause: Clause,
    step: StepDraft,
    mentions: Mentions,
    used: set[int],
) -> list[StepDraft]:
    """``step`` and a step for each object after the first that another capability takes
    (``plan`` reads a clause); ``[]`` when there is none. The values the clause says once (a
    range of dates) are read again for each: ``used`` are the mentions taken before ``step``."""
    if not step.action.explicit:
        return []
    extra: list[StepDraft] = []
    for other in other_objects(clause, step.action.object_start):
        kept = set(mentions.used)
        mentions.used = set(used)
        try:
            found: StepDraft | None = plan(other)
        except pf.errors.NotFoundError:
            found = None
        taken = mentions.used
        mentions.used = kept
        if found is None or found.step.capability == step.step.capability:
            return []  # (one capability's objects are its runs, see objects.each_object)
        mentions.used |= taken
        extra.append(found)
    return [step, *extra] if extra else []
