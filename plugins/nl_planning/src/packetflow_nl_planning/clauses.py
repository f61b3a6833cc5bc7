"""A clause under analysis: its tokens, the values found in it, and word-level helpers the
extractors share (what precedes a value, which preposition governs it, negation)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from .entities import Mentions
from .lexicon import lexicon
from .mentions import Mention
from .schema import FieldSpec
from .segment import Clause

__all__ = ["Memory", "Mode", "Scope", "field_words", "side"]

Mode = Literal["future", "past"]


@dataclass(frozen=True, slots=True)
class Memory:
    """A value stated earlier in the request (a fact or an earlier step's parameter), for
    references such as "the address I just gave you"."""

    kind: str
    words: frozenset[str]
    value: Any
    step: int | None
    field: str | None = None

    @property
    def side(self) -> str | None:
        return side(tuple(self.field.split("_"))) if self.field else None


_START = frozenset(["start", "begin", "from", "since", "first", "departure", "checkin", "arrival"])
_END = frozenset(["end", "to", "until", "till", "through", "last", "return", "checkout", "finish"])


def side(name_words: tuple[str, ...]) -> str | None:
    """Whether a field named so is the start or the end of a range (``start_date``,
    ``check_out``), or neither."""
    words = set(name_words)
    joined = "".join(name_words)
    if words & _START or joined.startswith("checkin"):
        return "start"
    if words & _END or joined.startswith("checkout"):
        return "end"
    return None


def field_words(spec: FieldSpec) -> frozenset[str]:
    """A field's words with their synonyms."""
    syn = lexicon().synonyms
    out = set(spec.words)
    for word in spec.name_words:
        out |= syn.get(word, frozenset())
    return frozenset(out)


_ARTICLES = frozenset(("a", "an", "the"))


@dataclass
class Scope:
    """What slot filling looks at for one clause."""

    text: str
    clause: Clause
    mentions: Mentions
    today: date
    mode: Mode
    country_code: str
    memory: list[Memory] = field(default_factory=list)
    contexts: list[Clause] = field(default_factory=list)
    """Earlier clauses that only set the scene; empty fields may take values from them."""
    action_span: tuple[int, int] = (0, 0)
    """Character span of the action verb (never a value)."""
    claimed: list[tuple[int, int]] = field(default_factory=list)
    """Spans taken by fields that are not mentions (ids by pattern, free text)."""
    weak: list[tuple[int, int]] = field(default_factory=list)
    """Spans taken by the catch-all rest-of-clause fill (no evidence the text is about it)."""
    own: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()
    """Words of the text fields being filled (kept in a value even if the capability's own)."""
    """The chosen capability's own words (a phrase of only these names it, not a value)."""
    remainder: bool = True
    """Whether the rest of the clause may fill a text field (not in scene-setting clauses)."""
    range_start: Any = None
    """The date a start field took, for its end field when the text gives one day."""
    range_open: bool = False
    """Whether that date was said as a start with no end ("from Monday", "starting the 3rd")."""
    action_classes: frozenset[str] = frozenset()
    """The clause's action classes (booleans such as ``on`` read their value from them)."""
    last_kind: str = ""
    """The kind of the mention the last number field took (money, quantity...)."""
    ids: list[tuple[int, int]] = field(default_factory=list)
    """Spans of ids that a distinctive pattern of the registry takes ("BK-1234"): no free text
    field takes them, whichever capability is tried."""
    known: Callable[[str], bool] = field(default=lambda word: False, repr=False)
    """Whether a word is one of the registry's capabilities' own (``Index.known``)."""
    encoder: Any = None
    """The static encoder (``embeddings.StaticEncoder``) when the extra is installed: an enum
    value may be named by a word of like meaning ("a bike ride" -> cycling)."""

    @property
    def span(self) -> tuple[int, int]:
        return self.clause.start, self.clause.end

    @property
    def words(self) -> list[Any]:
        return self.clause.words

    def free(self, start: int, end: int) -> bool:
        """Whether the span is not taken by a value or the action verb."""
        if start < self.action_span[1] and self.action_span[0] < end:
            return False
        if any(start < b and a < end for a, b in self.claimed):
            return False
        items = self.mentions.items  # only the taken ones: a long text has many untaken
        return all(not (start < items[i].end and items[i].start < end) for i in self.mentions.used)

    def text_free(self, start: int, end: int) -> bool:
        """Whether the span is free (see :meth:`free`) and no registry id (see :attr:`ids`)."""
        return self.free(start, end) and not any(start < b and a < end for a, b in self.ids)

    def weakly_taken(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.weak)

    def claim(self, start: int, end: int) -> None:
        self.claimed.append((start, end))
        for i, m in enumerate(self.mentions.items):
            if start < m.end and m.start < end:
                self.mentions.used.add(i)

    def of(self, *kinds: str) -> list[Mention]:
        return self.mentions.of(*kinds, within=self.span)

    def take(self, mention: Mention) -> str:
        """Mark ``mention`` used by a field; its words in the text."""
        self.mentions.take(mention)
        return self.text[mention.start : mention.end]

    def before(self, position: int, count: int = 3) -> list[str]:
        """Lemmas of the ``count`` words before a character position in this clause."""
        out = [t.lemma for t in self.clause.tokens if t.end <= position]
        return out[-count:]

    def after(self, position: int, count: int = 2) -> list[str]:
        out = [t.lemma for t in self.clause.tokens if t.start >= position]
        return out[:count]

    def negated_before(self, position: int) -> bool:
        lex = lexicon()
        words = [t.lower for t in self.clause.tokens if t.end <= position][-5:]
        for size in (2, 1):
            for i in range(max(0, len(words) - 4), len(words) - size + 1):
                if tuple(words[i : i + size]) in lex.negate and not (
                    size == 1 and i > 0 and words[i - 1] in _ARTICLES
                ):
                    return True  # ("a skip on the road": after an article, a noun)
        return False

    def role(self, position: int, spec_words: frozenset[str]) -> float:
        """How strongly the preposition before ``position`` points at a field with these
        words (2 when it does, 0 when there is none, -1 when it points elsewhere)."""
        roles = lexicon().roles
        prev = self.before(position, 3)
        for word in reversed(prev):
            if word in roles:
                return 2.0 if roles[word] & spec_words else -1.0
        return 0.0
