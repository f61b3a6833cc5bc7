"""Dates: looking back, "this year" is 1 January to today (a week is still read whole); a
range said in a scene-setting clause before the request ("We're in Rome 3-10 May: hold the
papers") gives both its days, the start as well as a required end; a day said with no month
after a date that names one ("... 3-10 July and a car wash on the 20th") is in that month. On
a registry of these tests' own (a newspaper round, a reading log, a car wash)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"  # a Monday


class HoldIn(BaseModel):
    start_date: dt.date | None = Field(default=None, description="first day without papers")
    end_date: dt.date = Field(description="last day without papers")


class Held(BaseModel):
    hold_id: str


@pf.capability(intent="No newspapers delivered for a while", tags=["newspapers"])
async def hold_newspapers(inp: HoldIn) -> Held:
    return Held(hold_id="H-1")


class ReadsIn(BaseModel):
    from_date: dt.date = Field(description="first day")
    to_date: dt.date = Field(description="last day")


class Reads(BaseModel):
    books: int


@pf.capability(intent="History of the books read, over a period", tags=["reading"])
async def get_reading_totals(inp: ReadsIn) -> Reads:
    return Reads(books=4)


class WashIn(BaseModel):
    date: dt.date = Field(description="day of the wash")


@pf.capability(intent="A car wash and valet", tags=["car"])
async def book_car_wash(inp: WashIn) -> Held:
    return Held(hold_id="W-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [hold_newspapers, get_reading_totals, book_car_wash]
    )


async def test_this_year_looking_back_ends_today(node: pf.Node) -> None:
    steps = await plan_steps(node, "how many books have I finished this year?", TODAY)
    assert [s["capability"] for s in steps] == ["get_reading_totals"]
    assert steps[0]["params"] == {"from_date": "2027-01-01", "to_date": "2027-06-07"}


async def test_this_week_looking_back_is_still_the_whole_week(node: pf.Node) -> None:
    steps = await plan_steps(node, "how many books did I read this week", TODAY)
    assert steps[0]["params"] == {"from_date": "2027-06-07", "to_date": "2027-06-13"}


@pytest.mark.parametrize(
    "text",
    ["We're in Rome 3-10 July: hold the newspapers", "We're away 3-10 July, hold the newspapers"],
)
async def test_a_range_told_before_the_request_gives_both_days(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["hold_newspapers"]
    assert steps[0]["params"] == {"start_date": "2027-07-03", "end_date": "2027-07-10"}


async def test_a_bare_day_after_a_month_named_is_in_that_month(node: pf.Node) -> None:
    text = "hold the newspapers 3-10 July and book a car wash on the 20th"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["hold_newspapers", "book_car_wash"]
    assert steps[1]["params"] == {"date": "2027-07-20"}


async def test_a_bare_day_alone_is_the_next_one(node: pf.Node) -> None:
    steps = await plan_steps(node, "book a car wash on the 20th", TODAY)
    assert steps[0]["params"] == {"date": "2027-06-20"}
