"""Searches that name what they look for only by value ("is Severance on here?", "do you have
anything by Le Guin?"): any capability that searches by a free-text or name field would take
the value, so its own words must say which one is meant - or it must be the only one that can
take the request at all. Several alike, none named, is a guess: the planner refuses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actions import Action

if TYPE_CHECKING:
    from .candidates import Candidate

__all__ = ["taken_alike"]


def _by_value_only(c: Candidate) -> bool:
    """It takes every value it needs, some of them as free text that nothing but its place in
    the clause puts there (no typed value, no preposition naming the field: "from Mill
    Street" is a route's start), and none of its own words is said."""
    return (
        c.action_ok
        and c.fit == 1.0
        and c.filled is not None
        and bool(c.filled.sources)
        and c.filled.specific == 0
        and c.by_role == 0
        and c.covered == 0
        and c.lexical == 0
    )


def taken_alike(out: list[Candidate], action: Action) -> None:
    """Of the candidates of a search that took the request by value alone, none is meant when
    two or more could (see the module's doc), nor one that read a listed value from a word by
    its meaning."""
    if "search" not in action.classes:
        return
    for c in out:
        if c.relevant and c.lexical == 0 and c.covered == 0 and c.enum_words and not c.listed:
            # "have you got Catan on the shelf?": with none of its words said, a word read
            # for one of its listed values by meaning ("shelf" as furniture) is a guess too
            c.relevant = False
            c.reason = "none of its words is said, and a value is only guessed from a word"
    alike = [c for c in out if _by_value_only(c)]
    if len(alike) < 2:
        return
    for c in alike:
        if c.relevant:
            c.relevant = False
            c.reason = "other capabilities that search would take the request alike"
