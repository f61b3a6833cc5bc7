""" "Another" of the thing a request before named: "cancel my salon appointment SA-1 and book
another for Friday at 3pm" books a salon appointment. The clause is read with the words that
named the thing before (its noun, not its values: the new one is another thing).
"""

from __future__ import annotations

from .index import Index
from .request_actions import request_action
from .segment import Clause

__all__ = ["another_of"]

_ANOTHER = frozenset(("another",))
# Where the words naming the thing end: a value, or a word that joins one ("for Friday").
_ENDS = frozenset(("for", "on", "at", "to", "from", "with", "and", "in", "by", "until", "till"))
# Words before the noun that point at the old thing; the new one keeps only its article.
_DETERMINERS = frozenset(("my", "our", "the", "this", "that"))
_ARTICLES = frozenset(("a", "an"))


def another_of(index: Index, clause: Clause, earlier: Clause) -> Clause | None:
    """``clause`` with "another" read as the thing ``earlier`` acted on ("book another" after
    "cancel my salon appointment SA-1": "book another salon appointment"), or ``None``."""
    at = next((i for i, t in enumerate(clause.tokens) if t.lower in _ANOTHER), None)
    if at is None:
        return None
    words = earlier.words
    action = request_action(words, verbs=index.verbs, known=index.known)
    if not action.explicit:
        return None
    noun = []
    for token in words[action.object_start :]:
        if token.entity or not token.is_word or token.lower in _ENDS:
            break
        noun.append(token)
    if not noun or all(t.lower in _DETERMINERS | _ARTICLES for t in noun):
        return None
    named = tuple(t for t in noun if t.lower not in _DETERMINERS)  # ("a salon appointment")
    tokens = (*clause.tokens[: at + 1], *named, *clause.tokens[at + 1 :])
    return Clause(tokens, clause.start, clause.end, clause.earlier, clause.added)
