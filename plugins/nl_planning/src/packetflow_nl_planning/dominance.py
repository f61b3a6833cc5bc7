"""A capability that takes every value another one takes and more, one of them a value its own
schema lists: "Book me in for highlights at 2pm on Saturday with whoever is free" gives a salon
booking and a cleaner's visit the same day and time, but only the salon lists "highlights".
The one that explains more of the request is meant, ahead of the other, and over the relevance
floor when nothing else comes near: a value of a list the schema itself writes down is what
the request is about, however far its other words are from the capability's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .schema import FieldSpec
from .slots import Filled

if TYPE_CHECKING:
    from .ranking import Candidate

__all__ = ["listed_value", "takes_most"]

_MARGIN = 0.25  # a candidate this near in score must be one the winner takes more than
_CARRIED = re.compile(r"\(the \w+ of step \d+\)")
_WORD = re.compile(r"[a-z0-9]+")


def listed_value(fields: list[FieldSpec], filled: Filled) -> bool:
    """Whether an enum field took a value the request names word for word ("highlights",
    "a facial") or an earlier step gave: not one read from a word only near it."""
    for spec in fields:
        if not spec.enum or spec.name not in filled.params:
            continue
        source = filled.sources.get(spec.name, "")
        if _CARRIED.fullmatch(source):
            return True
        said = {_singular(w) for w in _WORD.findall(source.lower())}
        value = {_singular(w) for w in _WORD.findall(str(filled.params[spec.name]).lower())}
        if value and value <= said:
            return True
    return False


def takes_most(out: list[Candidate]) -> None:
    """The candidate with the very action that takes every value each rival near it takes and
    more, one of them a listed value, comes first: it is meant when such a rival is, or when no
    candidate is relevant and two or more of its values are in forms only fields of its
    schema take. Rivals are the candidates that could run (action matches, every required
    value given); "near" is within a clear margin of its score or above it."""
    runnable = [
        c
        for c in out
        if c.action_ok
        and not c.ruled_out
        and c.filled is not None
        and c.fit == 1.0
        and c.evidence >= 0
        and c.evidence <= 0.2
    ]
    for best in sorted(runnable, key=lambda c: -c.score):
        if not (best.said_action and best.listed and best.filled is not None):
            continue
        mine = _taken(best)
        rivals = [c for c in runnable if c is not best and c.score >= best.score - _MARGIN]
        if not all(_taken(c) < mine for c in rivals):
            continue
        if not best.relevant:
            # A rival it takes more than was relevant: so is it. With none relevant at all,
            # two or more values in forms only its schema takes show the fit.
            if any(c.relevant for c in out) and not any(c.relevant for c in rivals):
                return
            if not any(c.relevant for c in rivals) and best.filled.specific < 2:
                return
            best.relevant = True
            best.reason = "it takes every value the others take, and one only it lists"
        lead = max((c.score for c in rivals), default=best.score)
        best.score = max(best.score, lead + 0.01)
        return


def _taken(c: Candidate) -> frozenset[str]:
    """The words of the request (or the earlier steps) whose values it took."""
    assert c.filled is not None
    return frozenset(s.lower() for s in c.filled.sources.values())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
