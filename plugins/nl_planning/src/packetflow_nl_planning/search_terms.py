"""What a clause is searched with besides its words: what its typed values are (an email is
evidence for a capability with an email field) and the sentence the embedding reads."""

from __future__ import annotations

from collections.abc import Callable

from .entities import Mentions
from .segment import Clause
from .text import Token
from .units import units

__all__ = ["TYPE_ONLY", "embedding_sentence", "type_words"]

# What a typed value says about the field it is for: an email in the text is evidence for a
# capability with an email field (the research notes' schema-entity boost).
_TYPE_WORDS = {
    "email": ("email",),
    "phone": ("phone",),
    "url": ("url", "link"),
    "handle": ("user",),
    "money": ("amount", "money", "price", "cost"),
    "date": ("date",),
    "daterange": ("date", "period"),
    "time": ("time",),
}
# The words a clause is searched with for its values' types alone: a capability that shares
# nothing else with it shares no subject ("when is Easter this year?": a period, no climbing).
TYPE_ONLY = frozenset(w for words in _TYPE_WORDS.values() for w in words)
_DIMENSION_WORDS = {"mass": "weight", "length": "distance", "time": "duration", "volume": "volume",
                    "temperature": "temperature", "data": "size", "speed": "speed"}  # fmt: skip


def type_words(mentions: Mentions, clause: Clause) -> list[str]:
    """What the typed values of a clause are ("email", "amount", "distance"): words a
    capability's fields are named by."""
    by_name, _ = units()
    out: list[str] = []
    for m in mentions.of(*_TYPE_WORDS, "quantity", "duration", within=(clause.start, clause.end)):
        if m.kind in ("quantity", "duration") and m.unit in by_name:
            out.append(_DIMENSION_WORDS.get(by_name[m.unit].dimension, "quantity"))
        else:
            out.extend(_TYPE_WORDS.get(m.kind, ()))
    return list(dict.fromkeys(out))


def embedding_sentence(
    words: list[Token], typed: list[str], english: Callable[[str], bool] = lambda _: False
) -> str:
    """The clause for the embedding: values replaced by what they are ("send 20 euros to
    ana@x.org" -> "send euros to ... email"), and a typed word that was corrected to an English
    word (``english``) as that word: the embedding reads "mesage" as unrelated pieces. (A
    contraction spelt out, "we're" -> "we are", keeps its text.)"""
    parts = [
        t.lower if t.text.isalpha() and t.lower != t.text.lower() and english(t.lower) else t.text
        for t in words
        if not t.entity or (t.is_word and not t.lower[:1].isdigit())
    ]
    return " ".join([*parts, *typed])
