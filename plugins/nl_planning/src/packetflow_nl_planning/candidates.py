"""A candidate capability for one clause, with every signal the ranking weighed and its verdict,
and the thresholds of the relevance floor (see :mod:`.ranking`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import Mode
from .slots import Filled

__all__ = ["Candidate", "Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """The relevance floor: a candidate is proposed only above it (tuned on the development
    set, see the README)."""

    semantic: float = 0.52
    """embedding cosine that alone shows the clause is about the capability."""
    objects: float = 0.34
    """share (IDF-weighted) of the clause's object words the capability's words cover."""
    lexical: float = 0.34
    with_fit: float = 0.38
    """embedding cosine enough when a format-specific value also fits the capability."""
    sure: float = 0.6
    """embedding cosine that shows it even when its own words explain nothing left."""
    akin: float = 0.2
    """cosine of a word left unexplained with the capability that shows the word is about it
    (see :func:`~.akin.akin`)."""
    far: float = 0.1
    """below this cosine with the capability, a word it leaves is of another subject: a
    capability a reading verb asks of, whose values the text cannot give, is then not meant
    (see :func:`~.akin.farthest`)."""


@dataclass
class Candidate:
    """One capability considered for a clause, with every signal and the verdict."""

    name: str
    score: float
    lexical: float
    semantic: float
    objects: float
    fit: float
    evidence: float
    action_ok: bool
    relevant: bool
    reason: str
    filled: Filled | None = None
    mode: Mode = "future"
    matched: tuple[str, ...] = field(default_factory=tuple)
    level: str = "no"
    """how its action relates to the request's (see :data:`~.actions.Level`)."""
    covered: float = 0.0
    """share (IDF-weighted) of the words left after the action and the values that its own
    words cover."""
    leftover: int = 0
    """how many such words there are."""
    terse: bool = False
    """a verbless request that gives every value it needs and only its own words."""
    named_verb: bool = False
    """the request says the very verb the capability is named by ("add" for add_dog_profile)."""
    enum_told: bool = False
    """a word of the request gave one of its enum values ("sick" for a leave type)."""
    by_role: int = 0
    """fields whose value the preposition before it names ("from Glasgow" for ``from_city``)."""
    said_action: bool = False
    """the request says its action with a verb of the very class (not only a broad one)."""
    ruled_out: bool = False
    """a sign rules it out whatever its fit (see :func:`~.vetoes.leaves_time`)."""
    listed: bool = False
    """an enum field took a value the request names word for word, or an earlier step gave
    (see :func:`~.dominance.listed_value`)."""
    told: frozenset[tuple[str, frozenset[str]]] = frozenset()
    """the words of the values told for what they are (see :func:`~.dominance.told_values`)."""
    own: frozenset[str] = frozenset()
    """the capability's own words (its name's, intent's, fields')."""
    verbless: bool = False
    """the request says no verb (a bare noun phrase of values, "lounge blind a quarter open")."""
    left: frozenset[str] = frozenset()
    """the lemmas of the words it had to explain (see :func:`~.coverage.to_explain`)."""
    reads: bool = False
    """the capability only reads (changes nothing)."""
    enum_words: frozenset[str] = frozenset()
    """the words (lower case) its enum fields took their values from ("refractor")."""
    near: bool = True
    """the clause's embedding is plainly near it, its own words explain some of what is left,
    or a word left is near it (see :func:`~.akin.akin`)."""
    another: bool = False
    """the request's verb is said of another thing: none of its words are the capability's,
    each far from it ("book a *table*" for a karting session): never the clear winner."""

    def to_dict(self) -> dict[str, object]:
        return {
            "capability": self.name,
            "score": round(self.score, 4),
            "lexical": round(self.lexical, 4),
            "semantic": round(self.semantic, 4),
            "objects": round(self.objects, 4),
            "argument_fit": round(self.fit, 4),
            "evidence": round(self.evidence, 4),
            "action_matches": self.action_ok,
            "relevant": self.relevant,
            "reason": self.reason,
            "matched_words": list(self.matched),
            "action_level": self.level,
            "covered": round(self.covered, 4),
            "leftover_words": self.leftover,
            "specific_values": self.filled.specific if self.filled else 0,
        }
