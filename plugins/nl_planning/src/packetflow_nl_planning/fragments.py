"""Clauses that are only values: a phrase with no action verb that holds values sets the scene
for the request next to it when no capability fits it on its own ("bed bugs at 22 Park Road,
book an inspection for the 3rd"; "can someone come on Monday? 14 Elm Grove, Leeds").
"""

from __future__ import annotations

from .entities import Mentions
from .index import Index
from .request_actions import request_action
from .segment import Clause

__all__ = ["gave_value", "is_fragment"]


def _inside(mentions: Mentions, clause: Clause) -> list[int]:
    return [
        i for i, m in enumerate(mentions.items) if clause.start <= m.start and m.end <= clause.end
    ]


def is_fragment(index: Index, clause: Clause, mentions: Mentions) -> bool:
    """Whether a clause asks for nothing (no action verb) and holds a value (a number, a
    date, an address...): a phrase of details, not a request of its own."""
    if request_action(clause.words, verbs=index.verbs, known=index.known).explicit:
        return False
    return bool(_inside(mentions, clause))


def gave_value(mentions: Mentions, clause: Clause) -> bool:
    """Whether a field has taken one of the values inside ``clause`` (a step read it)."""
    return any(i in mentions.used for i in _inside(mentions, clause))
