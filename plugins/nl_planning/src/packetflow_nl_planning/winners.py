"""Tie-breaks after ranking: a candidate no relevance rule accepted is still meant when it is
the only one that fits the request a stronger way (a terse request of its own words and
values, or a clear lead in score with values only its schema takes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import identifier_words, lemma

if TYPE_CHECKING:
    from .candidates import Candidate, Thresholds
    from .slots import Filled

__all__ = [
    "clear_winner",
    "done_not_read",
    "names_another",
    "only_actor",
    "only_terse",
    "outscored_by_words",
]

_CLEAR_MARGIN = 0.25  # score by which a fitting candidate must lead every other one


def only_terse(out: list[Candidate]) -> None:
    """A request with no verb ("haunted room, 4 of us, tomorrow 18:30") is meant for the one
    capability whose own words it names, whose every required value it gives and that leaves
    nothing of it unexplained, when no other candidate fits it that way and none that is
    relevant comes near its score: the objects and the values say what is meant."""
    terse = [c for c in out if c.terse and not c.ruled_out]
    if len(terse) != 1:
        return
    # A relevant candidate it leads by a clear margin (a read-only one that took the words
    # as values) does not stand in its way.
    best = max((c.score for c in out if c.relevant and c is not terse[0]), default=None)
    if best is None or terse[0].score - best >= _CLEAR_MARGIN:
        terse[0].relevant = True
        terse[0].reason = "a request without a verb that only its words and values fit"


def _told_apart(filled: Filled) -> int:
    """How many different words of the request gave values (a value derived from another,
    "(the same day)", is not told)."""
    return len({s.lower() for s in filled.sources.values() if not s.startswith("(")})


def clear_winner(out: list[Candidate], thresholds: Thresholds) -> None:
    """One capability that clearly fits better than all the others is meant even when its
    words do not cover the request's ("find someone to look after my cat in Lyon from Friday
    to Sunday" for find_pet_sitter): its action matches, the text gives every value it needs,
    two or more of them in forms only fields of its schema take (an enum value, a date, an
    id...), its meaning is near, and it leads every other candidate by a clear margin."""
    ranked = sorted(out, key=lambda c: -c.score)
    if not ranked or ranked[0].relevant:
        return
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    filled = best.filled
    if (
        best.action_ok
        and not best.ruled_out
        and not best.another
        and filled is not None
        and best.fit == 1.0
        # two values only its schema takes, or the very verb it is named by and one such
        # value ("add our pup Mochi, shiba inu, 22 lbs" for add_dog_profile: "pup" and the
        # breed are no words of it; "add Bob to the team" gives a shopping list no typed value),
        # or a verb of its very action and one of its enum values named by a word ("run the
        # robot on quiet, the baby's asleep" for start_vacuum's mode): a value of a list the
        # schema itself writes down is no value any capability would take
        and (
            filled.specific >= 2
            or (best.named_verb and filled.specific >= 1)
            or (best.said_action and best.enum_told)
        )
        and best.evidence >= 0
        and best.semantic >= thresholds.with_fit
        # ("what's the weather like tomorrow": one date for a statement's two ends, and no
        # word of what is asked near it)
        and (best.near or _told_apart(filled) >= 2)
        and best.score - runner_up >= _CLEAR_MARGIN
    ):
        best.relevant = True
        best.reason = "it fits the request clearly better than any other capability"


def only_actor(out: list[Candidate]) -> None:
    """A statement its teller makes about themselves ("I'm out sick tomorrow and the day
    after") asks the one capability that acts on it: when no candidate is relevant and exactly
    one that does something (not only reads) takes every value it needs, two or more of them in
    forms only its schema takes, one a state its schema lists ("sick"), it is meant ("I'm in
    Porto on Friday for 2 nights" names no state a hotel booking lists: no booking)."""
    if any(c.relevant for c in out):
        return
    acting = [
        c
        for c in out
        if c.action_ok
        and not c.ruled_out
        and c.level != "read"
        and c.filled is not None
        and c.fit == 1.0
        and c.filled.specific >= 2
        and c.enum_told
        and c.evidence >= 0
    ]
    if len(acting) == 1:
        acting[0].relevant = True
        acting[0].reason = "the one capability that acts on what the request tells"


def outscored_by_words(out: list[Candidate]) -> None:
    """A candidate accepted by the meaning of the whole phrase alone - none of the words left
    after the action and the values is its own - is not meant when one that explains some of
    them scores higher ("... need somewhere to keep the furniture from Saturday, something like
    15 m²" is no shopping list because a lock-up for furniture was not sure enough): a near
    meaning is no reason to run it over a closer fit, and E404 beats the guess."""
    for c in out:
        if not (c.relevant and c.covered == 0 and c.leftover > 0 and 0 <= c.evidence <= 0.2):
            continue
        if c.filled is not None and (c.filled.patterned or c.filled.distinct):
            continue  # an id in a form only it takes says what is meant
        if any(d is not c and d.action_ok and d.covered > 0 and d.score > c.score for d in out):
            c.relevant = False
            c.reason = "another capability explains more of the request and scores higher"


def done_not_read(out: list[Candidate]) -> None:
    """A verb that names what a capability that does it and one that only reads about it are
    both about ("vacuum the floors now" for start_vacuum and get_vacuum_history) asks to do it:
    the reader is not meant when the doer is relevant too ("fly me to Rome" still reaches
    search_flights when nothing books flights)."""
    doers = [c for c in out if c.relevant and c.level == "open" and not c.reads]
    if not doers:
        return
    for c in out:
        if c.relevant and c.level == "open" and c.reads and 0 <= c.evidence <= 0.2:
            c.relevant = False
            c.reason = "the request asks to do what it only reads about"


def names_another(out: list[Candidate]) -> None:
    """A capability that only reads, accepted though none of the words left to explain is its
    own, is not meant when one of them names what another candidate is about, a word of its
    name ("can someone open up the *pool* on the 5th?" is no bird report for that day, since
    ``book_pool_service`` is about pools): the request is about that other thing. (A claim
    that acts may well name another thing: "taxi receipt, €35" is an expense.)"""
    for c in out:
        if not (c.relevant and c.reads and c.covered == 0 and c.left):
            continue
        if not 0 <= c.evidence <= 0.2:
            continue
        if c.filled is not None and (c.filled.patterned or c.filled.distinct):
            continue  # an id in a form only it takes says what is meant
        others = {w for d in out if d is not c for w in _name_words(d.name)}
        if c.left & (others - _name_words(c.name) - c.own):
            c.relevant = False
            c.reason = "the request names what another capability is about"


def _name_words(name: str) -> set[str]:
    return {lemma(w) for w in identifier_words(name) if len(w) >= 3}
