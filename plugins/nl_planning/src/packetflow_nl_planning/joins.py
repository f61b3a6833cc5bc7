"""Two clauses of one request: a comma clause that is only a detail of the request beside it
("an hour's walk for Rex on Monday, pick him up at 3:15pm"; 'donate "a high chair", pick up
from 77 Ash Grove') is split off as a clause of its own, and no capability fits either part
alone. Read together - the request with its detail as its scene - they plan one step.
"""

from __future__ import annotations

import re

from .drafts import StepDraft
from .index import Index
from .schema import FieldSpec
from .segment import Clause

__all__ = ["detail_fields", "joined"]

# Only a comma, a spaced dash (``normalize`` writes every dash so), a bare "and" or an
# "(and) also" / "plus" (what "a table for 4 plus a high chair" adds may be a detail) between
# them: "and then", "after that", ";" or a new sentence tell a second request, never a detail.
_JOIN = re.compile(r"\s*(?:,|\s-)?\s*(?:and)?\s*(?:also|plus)?\s*", re.IGNORECASE)


def joined(text: str, first: Clause, second: Clause) -> bool:
    """Whether ``second`` follows ``first`` right after a comma, a dash or an "and"."""
    return first.end <= second.start and bool(_JOIN.fullmatch(text[first.end : second.start]))


def detail_fields(index: Index, step: StepDraft, text: str, detail: Clause) -> list[FieldSpec]:
    """The fields of ``step`` whose value came from the words of ``detail``."""
    part = text[detail.start : detail.end]
    fields = index.profiles[step.step.capability].fields
    return [f for f in fields if (source := step.filled.sources.get(f.name)) and source in part]
