"""'Then' after a preposition of time points back at a time already told: "I'm away till
Sunday. Until then, pause the feeder" pauses it until Sunday ("till then", "by then", "before
then"). Such a "then" is no connector (see ``segment.split``); the request is read with the
date told before it in the place of "then"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entities import Mentions
    from .segment import Clause
    from .text import Token

__all__ = ["TIME_PREPOSITIONS", "fronted_time", "kept_of", "then_told", "told_first"]

# Prepositions after which "then" names a time, not the next step.
TIME_PREPOSITIONS = frozenset(("until", "till", "til", "by", "before", "since"))


# Words that open a time told before the request it qualifies ("On Friday, ...").
_OPENING = TIME_PREPOSITIONS | {"on", "from", "after", "at", "starting"}
# Words of such a time that no extractor takes as a value ("until that day, ...").
_TIME_WORDS = frozenset((
    "then", "that", "this", "the", "day", "date", "time", "point", "next", "first", "thing",
    "morning", "afternoon", "evening", "night", "weekend", "early", "in",
))  # fmt: skip


def fronted_time(tokens: Sequence[Token], times: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``tokens`` (a clause so far, before a comma) only tell when: a preposition of
    time and a date or "then" ("On Friday, set the tank to 25", "Until then, pause the
    feeder"), or a date or time alone ("Tomorrow morning, open the blinds"; ``times``: the
    spans of the dates and times found in the text). Such a time qualifies the request after
    the comma; it is no request."""

    def timed(t: Token) -> bool:
        return t.entity and any(a <= t.start and t.end <= b for a, b in times)

    if tokens and all(timed(t) or t.lower in _TIME_WORDS for t in tokens):
        return any(timed(t) for t in tokens)
    if len(tokens) < 2 or tokens[0].lower not in _OPENING:
        return False
    rest = tokens[1:]
    told = any(t.entity or t.lower == "then" for t in rest)
    return told and all(t.entity or t.lower in _TIME_WORDS for t in rest)


# Words that open a condition or a time of one's own told first ("if it rains tomorrow, ...",
# "while I'm away, ...", "by the time we're back, ..."): the request after the comma holds.
_SUBORDINATE = (
    ("if",), ("when",), ("whenever",), ("while",), ("unless",), ("once",), ("until",), ("till",),
    ("before",), ("after",), ("as", "soon", "as"), ("as", "long", "as"), ("by", "the", "time"),
    ("in", "case"),
)  # fmt: skip
# Who a condition is of: the speaker, a thing, the weather; not "you" ("once you've done X,
# ..." asks the listener to do X first: see segment._ONCE).
_LISTENER = frozenset(("you", "u", "you've", "you're", "you'll", "youve", "youre"))
_ASKING = frozenset(("is", "are", "was", "were", "does", "do", "did", "will", "can", "should"))
_SOON = (
    ("as", "soon", "as", "possible"), ("asap",), ("when", "possible"), ("if", "possible"),
    ("when", "you", "get", "a", "chance"), ("if", "you", "get", "a", "chance"),
    ("when", "you", "can"), ("if", "you", "can"), ("whenever", "you", "can"),
    ("when", "you", "have", "a", "moment"), ("if", "you", "have", "a", "moment"),
)  # fmt: skip


def told_first(tokens: Sequence[Token], times: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``tokens`` (a clause so far, before a comma and a request) only qualify the
    request after them: a time (:func:`fronted_time`), "as soon as possible", or a condition
    that is not asked of the listener ("if it rains tomorrow", "while I'm away"). Read after
    the request, it is no request of its own."""
    if fronted_time(tokens, times):
        return True
    lowers = tuple(t.text.lower() for t in tokens)
    if lowers in _SOON:
        return True
    for opener in _SUBORDINATE:
        size = len(opener)
        if lowers[:size] == opener and len(lowers) > size:
            # ("when is the vet open, ...": a question, not a condition)
            after = tokens[size].lower
            return not ({lowers[size], after} & (_LISTENER | _ASKING))
    return False


def kept_of(tokens: Sequence[Token], times: Sequence[tuple[int, int]] = ()) -> list[Token]:
    """What of a clause :func:`told_first` says the request after it keeps: a time all of it,
    a condition only its dates and times with the preposition before each ("while I'm away
    till Sunday": till Sunday; its other words, "I'm back", would be read as the request's)."""
    if fronted_time(tokens, times):
        return list(tokens)
    kept: list[Token] = []
    for k, t in enumerate(tokens):
        if t.entity and any(a <= t.start and t.end <= b for a, b in times):
            if k and not tokens[k - 1].entity and tokens[k - 1].lower in _OPENING and not kept:
                kept.append(tokens[k - 1])
            kept.append(t)
    return kept


def _then_at(clause: Clause) -> int | None:
    """The position of a "then" that follows a preposition of time in ``clause``."""
    lowers = [t.lower for t in clause.tokens]
    for k in range(1, len(lowers)):
        if lowers[k] == "then" and lowers[k - 1] in TIME_PREPOSITIONS:
            return k
    return None


def then_told(clause: Clause, earlier: Sequence[Clause], mentions: Mentions) -> Clause | None:
    """``clause`` with its "until then" read as the date told last before it (in a statement
    or another request), the span running from that date to the clause's end; ``None`` when
    the clause has no such "then" or no date was told before it."""
    at = _then_at(clause)
    if at is None:
        return None
    dates = [
        m
        for m in mentions.items
        if m.kind in ("date", "daterange")
        and m.end <= clause.start
        and any(c.start <= m.start and m.end <= c.end for c in earlier)
    ]
    if not dates:
        return None
    told = max(dates, key=lambda m: m.end)
    source = next(c for c in earlier if c.start <= told.start and told.end <= c.end)
    said = tuple(t for t in source.tokens if told.start <= t.start and t.end <= told.end)
    if not said:
        return None
    tokens = clause.tokens[:at] + said + clause.tokens[at + 1 :]
    return replace(clause, tokens=tokens, start=told.start)
