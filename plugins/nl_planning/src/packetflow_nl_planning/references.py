"""References back to values stated earlier in the same text: "the address I just gave you",
"the same period", or a pointer word ("it", "there", "her") and an earlier value of the same
field. The value is the earlier literal (an earlier step's *output* is wired instead, see
``wiring``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .clauses import Scope, field_words, side
from .entities import Mentions
from .lexicon import lexicon
from .schema import FieldSpec
from .segment import Clause
from .text import identifier_words

__all__ = ["carried", "found_one", "named_output", "pointer", "reference"]

# The source :func:`reference` gives a value carried from an earlier step (no word of the clause).
_CARRIED = re.compile(r"\(the \w+ of step \d+\)")


def carried(source: str) -> bool:
    """Whether ``source`` is that of a value carried from an earlier step (see
    :func:`reference`), not words of the clause."""
    return _CARRIED.fullmatch(source) is not None


_REFER = re.compile(
    r"\b(?:the|that|this|those|these|same|the\s+same)\s+([a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:(?:i|you|we)\s+(?:just\s+|already\s+|have\s+|had\s+)?"
    r"(?:gave|given|mentioned|said|provided|told|typed|sent|shared|entered|used|wrote|listed|put)"
    r"(?:\s+(?:you|to\s+you|earlier|before|above))?)",
    re.IGNORECASE,
)
_SAME = re.compile(r"\b(?:the\s+same|same|that|this)\s+([a-z]+)\b", re.IGNORECASE)
_PLACE = frozenset(
    [
        "city",
        "town",
        "location",
        "place",
        "destination",
        "country",
        "region",
        "area",
        "venue",
        "address",
    ]
)
# A street address is text a pattern recognised: an earlier free-text value (a stated fact,
# "my address is ...") may be one, and "there" may point at either.
_TEXTUAL = frozenset(("text", "address"))
_DAY_PARTS = frozenset(("morning", "afternoon", "evening", "night", "lunchtime"))
_POINTERS = frozenset(
    [
        "it",
        "its",
        "that",
        "this",
        "those",
        "these",
        "them",
        "their",
        "there",
        "her",
        "him",
        "his",
        "same",
        "one",
    ]
)


def pointer(scope: Scope) -> bool:
    """Whether the clause points back at something ("it", "there", "the same", "her")."""
    return any(t.lower in _POINTERS for t in scope.words)


def reference(
    spec: FieldSpec, kind: str, scope: Scope, own: bool = False
) -> tuple[Any, str] | None:
    """A value the clause points back at, from what earlier steps stated: "the address I just
    gave you", "the same period", or a pointer word and an earlier value of the same field.
    Words that point back and that another field took ("at *the same address*" for a street
    address) point for that field only, unless ``own`` (the field took them itself)."""
    if not scope.memory:
        return None
    start, end = scope.span
    text = scope.text[start:end]
    words = field_words(spec)
    if pointer(scope):
        for memory in reversed(scope.memory):
            if memory.field == spec.name and memory.step is not None and _fits(spec, memory.value):
                return memory.value, f"(the {spec.name} of step {memory.step + 1})"
        for memory in reversed(scope.memory):
            if _names_same(memory, spec, kind) and _fits(spec, memory.value):
                return memory.value, f"(the {memory.field} of step {(memory.step or 0) + 1})"
        if kind in _TEXTUAL and "there" in {t.lower for t in scope.words} and words & _PLACE:
            # "rent a car there": the place an earlier step was about.
            for memory in reversed(scope.memory):
                if memory.kind in _TEXTUAL and memory.words & _PLACE:
                    return memory.value, "there"
        if spec.enum and "there" in {t.lower for t in scope.words}:
            # "lights off in the kitchen and start the robot in there": the place an earlier
            # step was given that is one of this field's own values
            for memory in reversed(scope.memory):
                if memory.step is not None and memory.value in spec.enum:
                    return memory.value, "there"
    for memory in reversed(scope.memory):
        # "my address is 5 Birch Close. book a cleaner ... and hire a skip": a fact the text
        # stated fills the field its words name, in every step that leaves it empty.
        stated = memory.step is None and memory.field is None
        if stated and memory.words & set(spec.name_words) and _same_kind(memory.kind, kind):
            return memory.value, "(stated in the request)"
    for pattern in (_REFER, _SAME):
        for m in pattern.finditer(text):
            if not own and not scope.free(start + m.start(1), start + m.end(1)):
                continue
            head = m.group(1).lower().split()[-1]
            head_words = {head} | set(lexicon().synonyms.get(head, ()))
            if head in _DAY_PARTS and kind == "date":
                head_words |= {"day", "date"}  # "that morning": the day said before
            wanted = side(spec.name_words)
            # "the same period" for a start/end pair: each end takes the earlier same end.
            ordered = sorted(
                scope.memory, key=lambda mem: wanted is not None and mem.side != wanted
            )
            for memory in ordered:
                # A day field takes the day of an earlier date-time ("that morning").
                day_of = kind == "date" and memory.kind == "datetime"
                same_kind = memory.kind == kind or {memory.kind, kind} <= _TEXTUAL or day_of
                named = bool(head_words & memory.words) or bool(head_words & words)
                if not _fits(spec, memory.value):
                    continue  # "book that move": a postcode is no quote id, whatever its words
                if same_kind and named and (kind not in _TEXTUAL or head_words & memory.words):
                    scope.claim(start + m.start(), start + m.end())
                    value = str(memory.value)[:10] if day_of else memory.value
                    return value, m.group()
    return None


def _names_same(memory: Any, spec: FieldSpec, kind: str) -> bool:
    """Whether an earlier step's field is this one named shorter ("book *her* a walk" after
    "add a dog: Pepper": the ``name`` described as "the dog's name" is the ``dog_name``): its
    name is part of this field's, and its words cover this field's name."""
    if memory.step is None or memory.field is None or memory.kind != kind:
        return False
    own = set(memory.field.split("_"))
    names = set(spec.name_words)
    return own < names and names <= memory.words


def _fits(spec: FieldSpec, value: Any) -> bool:
    """Whether an earlier value is of the form this field's ``pattern`` asks for (a field of
    no pattern takes any)."""
    if spec.pattern is None or not isinstance(value, str):
        return True
    try:
        return re.search(spec.pattern, value) is not None
    except re.error:
        return True


def _same_kind(stated: str, kind: str) -> bool:
    return stated == kind or {stated, kind} <= _TEXTUAL


_DETERMINERS = frozenset(("the", "its", "their", "that", "this"))


def named_output(clause: Clause, outputs: set[str]) -> Clause | None:
    """``clause`` with "the status", "its address" read as "it" when the noun is a word of
    an earlier step's output ("check order O-1 and email the status to ana@x.org"),
    or ``None`` when it names none. A value right after the noun ("the address 12 Elm Road")
    is the thing itself, no pointer."""
    heads = {word for out in outputs for word in identifier_words(out)}
    tokens = list(clause.tokens)
    for i, token in enumerate(tokens):
        if token.lower not in _DETERMINERS:
            continue
        for size in (2, 1):  # "the order status", "the status"
            at = i + size
            if at >= len(tokens) or not {tokens[at].lemma, tokens[at].lower} & heads:
                continue
            after = tokens[at + 1] if at + 1 < len(tokens) else None
            if after is not None and (after.entity or after.lower[:1].isdigit()):
                continue
            if size == 2 and not tokens[i + 1].is_word:
                continue
            it = replace(token, text="it", lower="it", lemma="it", end=tokens[at].end)
            rest = (*tokens[:i], it, *tokens[at + 1 :])
            return Clause(rest, clause.start, clause.end, clause.earlier, clause.added)
    return None


# "book *the first one*", "reserve *that one*", "book *the top result*", "the one you found":
# a phrase that points at what an earlier step found, as "it" does.
_WHICH = frozenset(("the", "that", "this"))
_RANK = frozenset(("first", "top", "best", "cheapest", "nearest", "closest", "earliest"))
_FOUND = frozenset(("one", "result", "option", "match"))
_FINDERS = frozenset(("you", "we"))
_FOUND_VERBS = frozenset(("found", "suggested", "listed", "showed", "picked", "got"))


def found_one(clause: Clause, mentions: Mentions) -> Clause | None:
    """``clause`` with a phrase that points at an earlier step's result ("book *the first
    one* for 2", "reserve *that one*") read as "it", its words no values (the "one" is no
    count); ``None`` when it has none. Only for a clause after a step that found something."""
    tokens = list(clause.tokens)
    lowers = [t.lower for t in tokens]
    for i, word in enumerate(lowers):
        if word not in _WHICH:
            continue
        at = i + 1 + (i + 1 < len(lowers) and lowers[i + 1] in _RANK)
        if at >= len(lowers) or lowers[at] not in _FOUND:
            continue
        if lowers[at] != "one" and at == i + 1 and word == "the":
            continue  # ("the result": a thing named, not one picked from a list)
        end = at + 1
        if end + 1 < len(lowers) and lowers[end] in _FINDERS and lowers[end + 1] in _FOUND_VERBS:
            end += 2  # "the one you found"
        elif lowers[at] == "one" and at == i + 1 and word == "the":
            continue  # ("the one on Friday": which one is said after it)
        for k, m in enumerate(mentions.items):
            if tokens[i].start <= m.start and m.end <= tokens[end - 1].end:
                mentions.used.add(k)
        it = replace(tokens[i], text="it", lower="it", lemma="it", end=tokens[end - 1].end)
        rest = (*tokens[:i], it, *tokens[end:])
        return Clause(rest, clause.start, clause.end, clause.earlier, clause.added)
    return None
