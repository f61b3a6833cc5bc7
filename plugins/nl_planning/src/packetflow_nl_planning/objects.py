"""One verb, several objects: "approve LR-20418 and LR-20419", "order 20 frames and 100 jars".

When the chosen capability takes one such object a run (its fields are no lists), each object
joined by "and" or a comma is a run of its own, in the order told; what the clause says once
beside them (a date, a comment) goes with every run. A capability whose field is a list takes
them all in one step (its list filler does that), so nothing is split for it.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

from .clauses import Memory, Scope
from .drafts import StepDraft
from .entities import Mentions
from .index import Index
from .lexicon import lexicon
from .plans import PlannedStep
from .request_actions import request_action
from .schema import FieldSpec
from .segment import Clause
from .slots import Filled, field_kind, fill

__all__ = ["each_object", "first_object", "split_at_joins"]

_JOINS = frozenset(("and", ","))
# A value of one word with a digit ("T-100", "A7"): an id even in a field of free text.
_ID = re.compile(r"^(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9#/_-]*$")
# "between 2 and 4", "both ... and ...": the "and" makes one value (a range, a pair), not two.
_ONE_VALUE = frozenset(("between", "both"))
# Kinds whose value any words may make (an address takes "hurry" from "please hurry").
_TEXT_KINDS = frozenset(("text", "string", "any", "address", "handle"))


def _typed(spec: FieldSpec) -> bool:
    """Whether a field's value is read by its type (an id by pattern, a number, a choice, an
    email...) rather than being free text, which any words would fill."""
    return field_kind(spec) not in _TEXT_KINDS or bool(spec.pattern or spec.enum)


def _proper(value: Any) -> bool:
    """Whether a value is a proper name of two words or more, each in title case ("Hannah
    Cole"): one named thing or person, so two of them joined by "and" are two objects."""
    words = str(value).split()
    return len(words) > 1 and all(w[:1].isupper() and not w.isupper() for w in words)


def _ahead_of_object(text: str, part: Clause, filled: Filled, own: set[str]) -> set[str]:
    """The fields the last object's part gives before the object itself ("and *2* lemons"):
    that object's own, unlike what follows it ("..., with the comment 'ok'"), which all share."""

    def at(name: str) -> int:
        said = filled.sources.get(name, "")
        return text.find(said, part.start, part.end) if said else -1

    starts = [at(name) for name in own if at(name) >= 0]
    if not starts:
        return set()
    first = min(starts)
    return {k for k in filled.params if k not in own and 0 <= at(k) < first}


def first_object(clause: Clause, object_start: int) -> Clause | None:
    """``clause`` with only the first of the objects it joins, and what is said after the last
    ("add oat milk and 2 lemons to the list": "add oat milk to the list"), or ``None`` when it
    joins none."""
    words = clause.words
    if not 0 < object_start < len(words):
        return None
    parts = split_at_joins(clause, words[object_start].start)
    if len(parts) < 2 or not all(parts):
        return None
    roles = lexicon().roles
    tail_at = next((i for i, t in enumerate(parts[-1]) if i and t.lower in roles), None)
    if tail_at is None:
        return None
    verb = [t for t in clause.tokens if t.end <= words[object_start].start]
    tokens = (*verb, *parts[0], *parts[-1][tail_at:])
    return Clause(tokens, clause.start, clause.end, clause.earlier, clause.added)


def _parts(clause: Clause, skip: int) -> list[Clause]:
    """The clause cut at each "and"/comma after its first ``skip`` words (the verb)."""
    words = clause.words
    start = words[skip].start if skip < len(words) else clause.end
    parts = split_at_joins(clause, start)
    return [Clause(tuple(p), p[0].start, p[-1].end) for p in parts if p]


def split_at_joins(clause: Clause, start: int) -> list[list[Any]]:
    """The clause's tokens from ``start`` on, cut at each "and"/comma (not one inside a value)."""
    parts: list[list[Any]] = [[]]
    for token in clause.tokens:
        if token.start < start:
            continue
        if token.lower in _JOINS and not token.entity:
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(token)
    return parts


def _adjunct(parts: list[Clause]) -> bool:
    """Whether a later part opens with a preposition no part before it says ("a 6 yard skip
    at NG7 2QL, *on* the road outside"): a phrase told of the object before it (where, when,
    how), not another object of the verb, which takes the same preposition when it has one
    ("to Ann and to Bob", "for Friday and for Saturday")."""
    roles = lexicon().roles
    said: set[str] = set()
    for at, part in enumerate(parts):
        words = [t.lower for t in part.words]
        if at and words and words[0] in roles and words[0] not in said:
            return True
        said.update(words)
    return False


def each_object(
    index: Index,
    country_code: str,
    step: StepDraft,
    clause: Clause,
    text: str,
    mentions: Mentions,
    today: date,
    memory: list[Memory],
    *,
    loose: bool = False,
) -> list[StepDraft]:
    """The runs of ``step``'s capability, one per object its clause joins (``[]`` when the
    clause names one object, or the capability takes them as a list).

    Every part must give the same typed field a different value (any field, when ``loose``:
    the clause read whole fitted nothing, its first object alone did); the fields every part
    gives are each run's own, the others are shared by all runs."""
    if any(t.lower in _ONE_VALUE for t in clause.words):
        return []
    parts = _parts(clause, step.action.object_start if step.action.explicit else 0)
    if len(parts) < 2:
        return []
    profile = index.profiles[step.step.capability]
    if any(f.type == "array" for f in profile.fields):
        return []
    if _adjunct(parts):
        return []  # "a skip of rubble at NG7 2QL, on the road outside": where it goes
    for part in parts[1:]:
        words = [t for t in part.tokens if t.is_word or t.entity]
        if any(t.lower in ("not", "no", "don't", "never") for t in words) or (
            words and request_action(words, bare=False, verbs=index.verbs).explicit
        ):
            return []  # "... and don't notify anyone": a verb of its own says more, no object
    span = (clause.start, clause.end)
    trial = copy.copy(mentions)
    trial.used = {i for i in mentions.used if not (span[0] <= mentions.items[i].start < span[1])}
    fills: list[Filled] = []
    for part in parts:
        scope = Scope(text, part, trial, today, step.chosen.mode, country_code, list(memory))
        scope.own = profile.own
        scope.encoder, scope.known = index.encoder, index.known
        filled = fill(profile.fields, scope)
        if not filled.params:
            return []
        fills.append(filled)
    own = set(fills[0].params).intersection(*(f.params for f in fills[1:]))
    by_name = {f.name: f for f in profile.fields}
    typed = [
        name
        for name in own
        if _typed(by_name[name])
        or all(_ID.match(str(f.params[name])) or _proper(f.params[name]) for f in fills)
    ]
    if loose:
        typed = sorted(own)
    # (a value every object shares, "£120 ... and £35 ...": pounds both, is no object)
    typed = [n for n in typed if len({repr(f.params[n]) for f in fills}) == len(fills)]
    if not typed:
        return []  # each object must be a value of its own of a typed field
    # ... of which the clause read as one step holds exactly one: when it holds two (in two
    # fields, "home 0, away 2") the parts were two fields of one run; when it holds none
    # ("to 12 Harbour Street, Leith") the cut went through one value.
    held = {repr(v) for v in step.step.params.values()}
    if any(sum(repr(f.params[name]) in held for f in fills) != 1 for name in typed):
        return []
    # What the clause told outside the objects (before the verb, from a scene, or after the
    # last object: "approve LR-1 and LR-2 with the comment 'ok'") goes with every run; a
    # detail inside an earlier object ("20 frames, express, and 100 jars") is that one's.
    last = fills[-1]
    shared = {k: v for k, v in step.step.params.items() if not any(k in f.params for f in fills)}
    ahead = _ahead_of_object(text, parts[-1], last, own)
    shared.update({k: v for k, v in last.params.items() if k not in own and k not in ahead})
    shared_sources = {k: last.sources.get(k, "") for k in shared if k in last.params}
    out = []
    for f in fills:
        mine = (
            f.params
            if f is not last
            else {k: v for k, v in f.params.items() if k in own or k in ahead}
        )
        params = {**shared, **mine}
        sources = {**shared_sources, **{k: v for k, v in f.sources.items() if k in mine}}
        missing = [s.name for s in profile.fields if s.required and s.name not in params]
        filled = Filled(params, sources, missing, f.specific, f.patterned, f.distinct)
        planned = PlannedStep(step.step.capability, dict(params))
        out.append(
            StepDraft(
                planned, step.clause, step.action, step.candidates, filled, step.key, step.earlier
            )
        )
    mentions.used = trial.used
    return out
