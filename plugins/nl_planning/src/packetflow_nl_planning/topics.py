"""A topic told first, as a phrase of its own, and the request about it after ("the feeder?
pause it till Sunday", "the bedroom blinds - close them", "print job PJ-20431? cancel it"):
the phrase names what the request's "it" points at: the request is read with it as its
object, one step, never a step of its own for the phrase.
"""

from __future__ import annotations

from .index import Index
from .lexicon import lexicon
from .request_actions import request_action
from .segment import Clause

__all__ = ["is_topic"]

_BACK = frozenset(("it", "them", "this", "that", "these", "those"))
_MOST_WORDS = 6  # a topic is a short noun phrase ("the feeder on the koi tank")


def is_topic(index: Index, first: Clause, second: Clause) -> bool:
    """Whether ``first`` is a short phrase with no verb and no question word, and ``second``
    a request whose verb's object is a pronoun pointing back at it ("pause *it* ...")."""
    words, after = first.words, second.words
    if not words or len(words) > _MOST_WORDS or len(after) < 2:
        return False
    lex = lexicon()
    if (words[0].lower,) in lex.question or words[0].lower.split("'")[0] in ("what", "where"):
        return False  # ("is the shed open? close it": asked, see the planner's questions)
    if request_action(words, verbs=index.verbs, known=index.known).explicit:
        return False
    action = request_action(after, verbs=index.verbs, known=index.known)
    if not action.explicit:
        return False
    # the pronoun right after the verb (or its particle): "pause it", "turn them off"
    return any(t.lower in _BACK for t in after[action.object_start : action.object_start + 2])
