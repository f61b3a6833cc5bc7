"""A range of dates said once for several requests: "book the hut and rent a car, both from 20
to 27 December". The range ends the text and fills the last request that takes one; an earlier
request that takes a range too and names no date of its own means the same days, so it takes
them rather than ask for them (E422)."""

from __future__ import annotations

from .drafts import PlanDraft
from .index import Index
from .schema import FieldSpec
from .slots.date_fields import range_side
from .slots.kinds import field_kind

__all__ = ["share_ranges"]


def share_ranges(index: Index, draft: PlanDraft) -> None:
    """Give each step that takes a range of dates and was told none the range a step told
    after it took (the same start and end), when the step needs one."""
    for at, step in enumerate(draft.steps):
        fields = index.profiles[step.step.capability].fields
        pair = _range_fields(fields)
        if pair is None or not any(f.required for f in pair):
            continue
        params = step.step.params
        if any(f.name in params for f in fields if field_kind(f) in ("date", "datetime")):
            continue  # it names a day of its own
        for later in draft.steps[at + 1 :]:
            told = _range_fields(index.profiles[later.step.capability].fields)
            if told is None or not all(f.name in later.step.params for f in told):
                continue
            for mine, theirs in zip(pair, told, strict=True):
                params[mine.name] = later.step.params[theirs.name]
                if theirs.name in later.filled.sources:
                    step.filled.sources[mine.name] = later.filled.sources[theirs.name]
                step.filled.params[mine.name] = params[mine.name]
            break


def _range_fields(fields: list[FieldSpec]) -> tuple[FieldSpec, FieldSpec] | None:
    """The start and the end date fields of a capability, when it has one of each."""
    starts = [f for f in fields if range_side(f, fields) == "start"]
    ends = [f for f in fields if range_side(f, fields) == "end"]
    if len(starts) != 1 or len(ends) != 1:
        return None
    return starts[0], ends[0]
