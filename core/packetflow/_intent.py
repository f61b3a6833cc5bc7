"""Free-text intent search over capability documents: the tokenizer and a small inverted index.

The index is kept up to date on every add and remove, so a query costs what its words match,
not what the registry holds: scoring looks only at the documents that share a word with the
query, and each word's document frequency is the length of its posting set.
"""

from __future__ import annotations

import math
import re

__all__ = ["IntentIndex", "tokenize"]

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    (  # noqa: SIM905 - one readable line of words
        "a an and are as at be by for from i in is it me my of on or please the this to with "
        "can could you would should we our your need want help"
    ).split()
)


def tokenize(text: str) -> list[str]:
    """Lower-cased word stems for intent search (``"Normalizes users"`` → ``normaliz, user``)."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


def _stem(word: str) -> str:
    # A tiny suffix stripper: enough for "users"/"user", "validate"/"validation"/"validating".
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "e", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class IntentIndex:
    """Documents (a name and its word stems) with a posting set per word.

    Scores are TF-free TF-IDF: the sum of the inverse document frequencies of the query words
    a document contains, divided by the square root of the document's length, so that words
    every capability shares ("user") count for less and long documents do not win by size.
    """

    __slots__ = ("_lengths", "_postings", "_words")

    def __init__(self) -> None:
        self._postings: dict[str, set[str]] = {}  # word -> names of documents containing it
        self._words: dict[str, frozenset[str]] = {}  # name -> its distinct stems
        self._lengths: dict[str, int] = {}  # name -> number of stems (with repeats)

    def __len__(self) -> int:
        return len(self._lengths)

    def add(self, name: str, words: list[str]) -> None:
        """Index the document ``name`` (replacing a document of the same name)."""
        self.remove(name)
        distinct = frozenset(words)
        self._words[name] = distinct
        self._lengths[name] = len(words)
        for word in distinct:
            postings = self._postings.get(word)
            if postings is None:
                self._postings[word] = {name}
            else:
                postings.add(name)

    def remove(self, name: str) -> None:
        """Forget the document ``name`` (no-op if it is not indexed)."""
        words = self._words.pop(name, None)
        if words is None:
            return
        del self._lengths[name]
        for word in words:
            postings = self._postings[word]
            postings.discard(name)
            if not postings:
                del self._postings[word]

    def postings(self) -> dict[str, frozenset[str]]:
        """A copy of the index (word -> document names), for tests and introspection."""
        return {word: frozenset(names) for word, names in self._postings.items()}

    def scores(self, text: str) -> dict[str, float]:
        """Relevance of every document that shares a word with ``text`` (each score > 0)."""
        query = set(tokenize(text))
        total = max(1, len(self._lengths))
        sums: dict[str, float] = {}
        # Iterating the query in set order and adding per document gives each document the
        # same float sum, term for term, as summing over the query for that one document.
        for word in query:
            postings = self._postings.get(word)
            if not postings:
                continue
            idf = math.log(1 + total / (1 + len(postings)))
            for name in postings:
                sums[name] = sums.get(name, 0) + idf
        lengths = self._lengths
        return {name: score / math.sqrt(lengths[name] or 1) for name, score in sums.items()}
