"""The fields a later step may take from what the steps before it were given: wiring fills a
required field the clause leaves empty with the value an earlier step of the same request was
given under the same name ("check in for K7Q2ZP, then add a bag"), under the name without its
side for an origin ("check stock in Leeds, then move 300 of them": from Leeds), or, for a day,
with the one day the step before was given. Ranking counts them as given, as it counts what an
earlier step outputs, but by name only (see ``ranking.wireable``): "=name"."""

from __future__ import annotations

from collections.abc import Iterable

from .drafts import StepDraft
from .index import Index
from .slots import field_kind
from .wiring import ORIGIN

__all__ = ["given_names"]


def given_names(index: Index, steps: Iterable[StepDraft]) -> set[str]:
    """The names the steps were given ("=name"), of the origin fields they stand for, and
    "date" when one was given a day (any day field may take it)."""
    out: set[str] = set()
    for step in steps:
        for spec in index.profiles[step.step.capability].fields:
            if spec.name not in step.step.params:
                continue
            out |= {f"={spec.name}"} | {f"={side}_{spec.name}" for side in ORIGIN}
            if field_kind(spec) == "date":
                out.add("date")
    return out
