"""A phrase that points at what an earlier step found ("book *that one* for 2 adults", "the
first one", "the top result", "the one you found") is read as "it": the result is wired, and
its words give no value ("one" is no count of children). "The one on Friday" still says which.
On a registry of these tests' own (a campsite)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_reads, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class SearchIn(BaseModel):
    arrival_date: dt.date = Field(description="night of arrival")
    departure_date: dt.date = Field(description="day of departure")
    pitch_type: Literal["tent", "caravan", "campervan"] = Field(description="what will stand")
    vehicle_length_m: float | None = Field(default=None, gt=0, le=15, description="length")


class SearchOut(BaseModel):
    pitch_id: str


@pf.capability(intent="Free pitches at the campsite for given nights", tags=["campsite"])
async def search_pitches(inp: SearchIn) -> SearchOut:
    return SearchOut(pitch_id="P-0142")


class BookIn(BaseModel):
    pitch_id: str = Field(pattern=r"^P-[0-9]{4}$", description="pitch number, e.g. P-0142")
    arrival_date: dt.date = Field(description="night of arrival")
    departure_date: dt.date = Field(description="day of departure")
    adults: int = Field(default=2, ge=1, le=8, description="adults in the party")
    children: int = Field(default=0, ge=0, le=8, description="children in the party")


class BookOut(BaseModel):
    booking_id: str


@pf.capability(intent="Reserve a pitch for a stay", tags=["campsite"])
async def book_pitch(inp: BookIn) -> BookOut:
    return BookOut(booking_id="B-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [search_pitches, book_pitch])


@pytest.mark.parametrize(
    "which", ["that one", "the first one", "the top one", "the one you found", "the first result"]
)
async def test_the_one_found_is_wired_and_no_value(node: pf.Node, which: str) -> None:
    out = await node.call(
        "nl_planning.plan",
        {"text": f"find a tent pitch for 10-12 July and book {which} for 2 adults", "today": TODAY},
    )
    steps = out["steps"]
    assert [s["capability"] for s in steps] == ["search_pitches", "book_pitch"]
    assert steps[1]["params"]["adults"] == 2
    assert steps[1]["params"].get("children", 0) == 0
    assert "s1.pitch_id->pitch_id" in plan_reads(out["plan"])[1]
