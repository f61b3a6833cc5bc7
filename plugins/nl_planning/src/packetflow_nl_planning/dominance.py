"""A capability that takes every value another one takes and more, one of them told for what it
is: "Book me in for highlights at 2pm on Saturday with whoever is free" gives a salon booking
and a cleaner's visit the same day and time, but only the salon lists "highlights"; "remove
sellotape from the party list" gives a watchlist and a shopping list the item, but only the
shopping list a field the request names ("list"). The one that explains more of the request is
meant ahead of the other; over the relevance floor too, when nothing else comes near and the
value is one its schema lists: a value of a list the schema itself writes down is what the
request is about, however far its other words are from the capability's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .references import carried
from .schema import FieldSpec
from .slots import Filled
from .text import identifier_words

if TYPE_CHECKING:
    from .candidates import Candidate

__all__ = ["listed_value", "names_what_it_leaves", "takes_most", "told_values"]

_MARGIN = 0.25  # a candidate this near in score must be one the winner takes more than
_WORD = re.compile(r"[a-z0-9]+")
# (name words any field may have: "the *new* plan" names no field)
_GENERIC = frozenset(("name", "new", "the", "for", "and", "type", "kind", "value", "text", "id"))


def listed_value(fields: list[FieldSpec], filled: Filled) -> bool:
    """Whether an enum field took a value the request names word for word ("highlights",
    "a facial") or an earlier step gave: not one read from a word only near it."""
    return any(spec.enum and spec.name in filled.params and _told(spec, filled) for spec in fields)


def told_values(
    fields: list[FieldSpec], filled: Filled, clause: str = ""
) -> frozenset[tuple[str, frozenset[str]]]:
    """The values the request tells for what they are: a value an enum lists, named word for
    word (see :func:`listed_value`), or one said with its field's own name ("the *party list*"
    for ``list_name``, "a quarter *open*" for ``open_percent`` in the ``clause``); each as the
    words (lower case) it came from, and those of them that are not its field's name
    ("party")."""
    out = set()
    for spec in fields:
        if (
            spec.name in filled.params
            and spec.name in filled.sources
            and (_told(spec, filled) or _measured_by_name(spec, filled, clause))
        ):
            source = filled.sources[spec.name].lower()
            label = _label_words(spec.name)
            words = frozenset(w for w in _WORD.findall(source) if w not in label | _GENERIC)
            out.add((source, words))
    return frozenset(out)


def _told(spec: FieldSpec, filled: Filled) -> bool:
    source = filled.sources.get(spec.name, "")
    if not spec.enum:
        if source.startswith("("):
            return False  # ("(the date of step 1)": no words of the request named it)
        said = set(_WORD.findall(source.lower()))
        return len(said) >= 2 and bool(said & _label_words(spec.name))
    if carried(source):
        return True
    said = {_singular(w) for w in _WORD.findall(source.lower())}
    value = {_singular(w) for w in _WORD.findall(str(filled.params[spec.name]).lower())}
    return bool(value) and value <= said


def _measured_by_name(spec: FieldSpec, filled: Filled, clause: str) -> bool:
    """Whether a number field's value is said right before or after a word of its name ("a
    quarter *open*", "*open* 25%" for ``open_percent``): the amount of that very thing."""
    if spec.type not in ("integer", "number") or not clause:
        return False
    source = filled.sources.get(spec.name, "").lower()
    label = _label_words(spec.name)
    if not source or source.startswith("(") or not label:
        return False
    text = clause.lower()
    at = text.find(source)
    if at < 0:
        return False
    before = _WORD.findall(text[:at])[-1:]
    after = _WORD.findall(text[at + len(source) :])[:1]
    return bool(set(before + after) & label)


def _label_words(name: str) -> set[str]:
    return {w for w in identifier_words(name) if len(w) >= 3} - _GENERIC


def takes_most(out: list[Candidate]) -> None:
    """The candidate with the very action that takes every value each rival near it takes and
    more, one of them told for what it is (see :func:`told_values`), comes first. It is meant
    when such a rival is, or when no candidate is relevant, one of its values is one its
    schema lists and two or more are in forms only fields of its schema take. Rivals are the
    candidates that could run (action matches, every required value given); "near" is within
    a clear margin of its score, or above it."""
    runnable = [
        c
        for c in out
        if c.action_ok
        and not c.ruled_out
        and c.filled is not None
        and c.fit == 1.0
        and 0 <= c.evidence <= 0.2
    ]
    for best in sorted(runnable, key=lambda c: -c.score):
        # (said with a verb of its very action, or a phrase with no verb that names it)
        said = best.said_action or (best.verbless and best.level == "open")
        if not (said and best.told and best.filled is not None):
            continue
        rivals = [c for c in runnable if c is not best and c.score >= best.score - _MARGIN]
        if not all(_takes_more(best, c) for c in rivals):
            continue
        if not best.relevant:
            # A rival it takes more than was relevant: so is it. With none relevant at all,
            # a listed value and two or more in forms only its schema takes show the fit.
            if any(c.relevant for c in out) and not any(c.relevant for c in rivals):
                return
            if not any(c.relevant for c in rivals) and (
                best.filled.specific < 2 or not best.listed
            ):
                return
            best.relevant = True
            best.reason = "it takes every value the others take, and one only it lists"
        lead = max((c.score for c in rivals), default=best.score)
        best.score = max(best.score, lead + 0.01)
        return


def _takes_more(best: Candidate, rival: Candidate) -> bool:
    """Whether ``best`` takes every value ``rival`` takes and one more told for what it is,
    none of whose words (but its field's name) is the rival's own: "the guest list" is no list
    name a shopping list takes beyond a guest list's words, it is what the guest list is about.
    A value an earlier step gave ("(the service of step 1)") names nothing of either."""
    theirs = _taken(rival)
    if not theirs < _taken(best):
        return False
    own = rival.own | {_singular(w) for w in rival.own}
    return any(
        source not in theirs
        and (source.startswith("(") or not (words | {_singular(w) for w in words}) & own)
        for source, words in best.told
    )


def _taken(c: Candidate) -> frozenset[str]:
    """The words of the request (or the earlier steps) whose values it took."""
    assert c.filled is not None
    return frozenset(s.lower() for s in c.filled.sources.values())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def names_what_it_leaves(out: list[Candidate]) -> None:
    """Of two relevant candidates with the very action and every required value, the one
    that took a word the other leaves unexplained as a value its schema lists comes first,
    when it leaves nothing unexplained itself ("Book the *refractor* tonight at half nine for
    2 hours": the telescope lists the refractor, a driving lesson has no word for it, however
    well it takes "2 hours")."""
    fitting = [
        c
        for c in out
        if c.relevant
        and c.action_ok
        and c.said_action
        and c.fit == 1.0
        and c.filled is not None
        and 0 <= c.evidence <= 0.2
    ]
    for best in sorted(fitting, key=lambda c: -c.score):
        if best.leftover or not best.enum_words:
            continue
        words = {_singular(w) for w in best.enum_words}
        rivals = [
            c
            for c in fitting
            if c is not best and c.score >= best.score and words & {_singular(w) for w in c.left}
        ]
        if rivals:
            best.score = max(c.score for c in rivals) + 0.01
            best.reason = "it takes as a value it lists a word the others leave unexplained"
            return
