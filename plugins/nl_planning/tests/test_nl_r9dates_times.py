"""Times and numbers the planner read wrongly on round 9's probes: two bare hours joined as a
range ("from 2 till 3", "tonight 8 to 11": the evening makes them pm), which stay numbers too
where nothing says they are hours ("rated from 3 to 5"); on a registry of these tests' own (a
rehearsal studio, a dog sitter and a review search)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.entities import find_mentions

TODAY = "2026-10-14"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Ref(BaseModel):
    ref: str


class StudioIn(BaseModel):
    date: dt.date = Field(description="day of the session")
    start_time: str = Field(pattern=_HHMM, description="from, HH:MM")
    end_time: str = Field(pattern=_HHMM, description="until, HH:MM")


@pf.capability(intent="Hire a rehearsal studio for the band", tags=["music"])
async def hire_studio(inp: StudioIn) -> Ref:
    return Ref(ref="s-1")


class DogSitIn(BaseModel):
    date: dt.date = Field(description="day of the sit")
    start_time: str = Field(pattern=_HHMM, description="sitter arrives, HH:MM")
    end_time: str = Field(pattern=_HHMM, description="sitter leaves, HH:MM")


@pf.capability(intent="A sitter stays with your dog", tags=["dogs"])
async def book_dog_sitter(inp: DogSitIn) -> Ref:
    return Ref(ref="d-1")


class ReviewsIn(BaseModel):
    min_stars: int = Field(ge=1, le=5, description="fewest stars")
    max_stars: int = Field(ge=1, le=5, description="most stars")


@pf.capability(intent="Search the restaurant reviews", tags=["reviews"])
async def search_reviews(inp: ReviewsIn) -> Ref:
    return Ref(ref="r-1")


@pytest.fixture
async def diary(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [hire_studio, book_dog_sitter, search_reviews]
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_two_bare_hours_after_from_are_office_hours(diary: pf.Node) -> None:
    params = await _params(diary, "hire the studio tomorrow from 2 till 3")
    assert params == {"date": "2026-10-15", "start_time": "14:00", "end_time": "15:00"}
    params = await _params(diary, "hire a studio on Friday from 10 to 12:30")
    assert params == {"date": "2026-10-16", "start_time": "10:00", "end_time": "12:30"}


async def test_tonight_makes_bare_hours_the_evening(diary: pf.Node) -> None:
    params = await _params(diary, "dog sitter for tonight 8 to 11")
    assert params == {"date": "2026-10-14", "start_time": "20:00", "end_time": "23:00"}


def test_a_bare_range_is_still_numbers_for_a_count() -> None:
    # With no part of the day beside them, the hours stand beside the numbers: a field that
    # counts ("stars from 3 to 5") may still take them; before a noun they are no times at all.
    kinds = [
        (m.kind, m.value) for m in find_mentions("rated from 3 to 5", date(2026, 10, 14)).items
    ]
    assert ("number", 3) in kinds and ("number", 5) in kinds
    assert ("time", "15:00") in kinds
    items = find_mentions("from 2 to 3 people", date(2026, 10, 14)).items
    assert [m.kind for m in items] == ["number", "number"]
