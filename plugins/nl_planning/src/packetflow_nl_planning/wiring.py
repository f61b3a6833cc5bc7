"""Wiring: a field the text does not state is fed from an earlier step's output when that
step outputs a field of the same name, or (when the clause points back: "email *her*") the
output that holds what the field needs; otherwise the request's own payload fills it by name."""

from __future__ import annotations

import re
from typing import Any

from .clauses import field_words
from .index import Index
from .plans import PlannedStep
from .schema import FieldSpec
from .slots import field_kind
from .text import identifier_words

__all__ = ["POINTERS", "Wiring"]

POINTERS = frozenset(
    [
        "it",
        "that",
        "this",
        "them",
        "those",
        "these",
        "result",
        "results",
        "output",
        "her",
        "him",
        "his",
        "their",
        "its",
    ]
)
"""Words with which a clause points back at an earlier result."""


# "the status", "its address", "the order status": what may name an earlier output.
_NAMED = (
    re.compile(r"\b(?:the|its|their|that|this)\s+([a-z]+)\b"),
    re.compile(r"\b(?:the|its|their|that|this)\s+[a-z]+\s+([a-z]+)\b"),
)


class Wiring:
    """Wires steps over an index's profiles."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def wire_steps(
        self, steps: list[PlannedStep], clauses: list[str], inputs: dict[str, Any]
    ) -> list[list[str]]:
        """Fill what the text left out from earlier steps' outputs, then from ``inputs`` (the
        request's payload, by field name); returns each step's required fields still empty."""
        missing: list[list[str]] = []
        for k, step in enumerate(steps):
            profile = self.index.profiles[step.capability]
            for spec in profile.fields:
                name = spec.name
                if name in step.params or name in step.wired:
                    continue
                source = self._producer(steps, k, name, spec.type, clauses[k])
                if source is not None and (spec.required or source[2]):
                    step.wired[name] = source[0]
                    continue
                if name in inputs:
                    step.params[name] = inputs[name]
                    continue
                given = _given_before(steps, k, name)
                if given is None and spec.required:
                    given = _origin_before(steps, k, spec)
                if given is None and spec.required:
                    given = self._day_before(steps, k, spec)
                if given is None and spec.required:
                    # "claim miles for BA117 and check the balance too, member 2045...": a
                    # value said once after both requests is each one's
                    given = _given_after(steps, k, name)
                if spec.required and given is not None:
                    # "check in for K7Q2ZP, then add a bag": a required value an earlier step
                    # of the same request was given under the same name is the same thing.
                    step.params[name] = given
            missing.append(
                [
                    f.name
                    for f in profile.required
                    if f.name not in step.params and f.name not in step.wired
                ]
            )
        return missing

    def _day_before(self, steps: list[PlannedStep], k: int, spec: FieldSpec) -> Any:
        """For a required date the clause leaves empty, the one day the latest earlier step
        was given: a date said once holds for the steps after it ("a room for six tomorrow,
        followed by a guest pass for Omar": the guest comes tomorrow). Not when that step was
        given two (a stay's start and end: which one is meant is not said)."""
        if field_kind(spec) != "date":
            return None
        for j in range(k - 1, -1, -1):
            fields = self.index.profiles[steps[j].capability].fields
            days = [
                steps[j].params[f.name]
                for f in fields
                if f.name in steps[j].params and field_kind(f) == "date"
            ]
            if days:
                return days[0] if len(days) == 1 else None
        return None

    def _producer(
        self, steps: list[PlannedStep], k: int, name: str, kind: str, clause: str
    ) -> tuple[str, bool, bool] | None:
        """The blackboard key of the latest earlier output for field ``name``, whether the
        clause points at it ("it", "the result"), and whether an optional field should take
        it (only an output of the very same name)."""
        lowered = set(re.findall(r"[a-z]+", clause.lower()))
        # "email the status to ...": a determiner and a word of an earlier output's name
        named = {word for p in _NAMED for word in p.findall(clause.lower())}
        heads = {
            out: set(identifier_words(out))
            for j in range(k)
            for out in self.index.profiles[steps[j].capability].outputs
        }
        naming = any(h & named for h in heads.values())
        pointed = bool(lowered & POINTERS) or naming
        for j in range(k - 1, -1, -1):
            earlier = self.index.profiles[steps[j].capability]
            if name in earlier.outputs:
                return f"s{j + 1}.{name}", pointed, True
        if not pointed:
            return None
        spec = next(f for f in self.index.profiles[steps[k].capability].fields if f.name == name)
        wanted = field_kind(spec)
        words = field_words(spec)
        best: tuple[int, str] | None = None
        for j in range(k - 1, -1, -1):
            earlier = self.index.profiles[steps[j].capability]
            for out, out_type in earlier.outputs.items():
                textual = wanted in ("text", "any")
                said = textual and bool(heads.get(out, set()) & named)
                if not (out_type == kind or kind == "any" or out_type == "any"):
                    continue
                if naming and textual and not said:
                    continue  # the text is what the clause named ("text the distance"), or none
                out_words = set(identifier_words(out))
                # "email her" after find_contact: the output named like the field, or like
                # what the field holds (an email), not just any string.
                score = 3 if out_words & words else 2 if wanted in out_words else 1
                if said:
                    score = 4  # the output the clause names, for a field of free text
                if score == 1 and wanted not in ("text", "any"):
                    continue
                if best is None or score > best[0]:
                    best = (score, f"s{j + 1}.{out}")
            if best is not None:
                break
        return (best[1], True, False) if best is not None else None


def _given_before(steps: list[PlannedStep], k: int, name: str) -> Any:
    """The literal value the latest step before ``k`` was given for a field named ``name``
    (``None`` when none was)."""
    for j in range(k - 1, -1, -1):
        if name in steps[j].params:
            return steps[j].params[name]
    return None


def _given_after(steps: list[PlannedStep], k: int, name: str) -> Any:
    """The literal value the first step after ``k`` was given for a field named ``name``."""
    return next((s.params[name] for s in steps[k + 1 :] if name in s.params), None)


ORIGIN = frozenset(("from", "source", "origin"))
"""First words of the name of a field that says where a thing comes from (``from_warehouse``)."""


def _origin_before(steps: list[PlannedStep], k: int, spec: FieldSpec) -> Any:
    """For an origin field (``from_warehouse``) the clause leaves empty, the value an earlier
    step was given for the same field without its side (``warehouse``): "count the stock in
    Lyon, then transfer 50 to Newark" moves them from Lyon. Not a value this step already
    has (the other end), and one the field takes."""
    words = identifier_words(spec.name)
    if not words or words[0] not in ORIGIN or len(words) < 2:
        return None
    plain = "_".join(words[1:])
    for j in range(k - 1, -1, -1):
        if plain in steps[j].params:
            value = steps[j].params[plain]
            if value in steps[k].params.values():
                return None
            if spec.enum and value not in spec.enum:
                return None
            return value
    return None
