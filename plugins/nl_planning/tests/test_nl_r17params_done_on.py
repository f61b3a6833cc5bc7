"""A date field named by a past participle and "on" (``spent_on``, ``tasted_on``) is the day a
thing was done: a bare weekday is the one gone by, even when the capability's verb submits
rather than records; "next Monday" still looks ahead. A field of a day to come keeps the
weekday ahead. On a registry of these tests' own (expenses, a collection service)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-29"  # a Tuesday


class Claim(BaseModel):
    claim_id: str


class ExpenseIn(BaseModel):
    amount: Decimal = Field(gt=0, description="how much was spent")
    category: Literal["travel", "meals", "equipment", "other"] = Field(
        description="kind of spending"
    )
    spent_on: dt.date = Field(description="date on the receipt")


@pf.capability(intent="Submit an expense claim", tags=["expenses"])
async def submit_expense(inp: ExpenseIn) -> Claim:
    return Claim(claim_id="EX-00001")


class CollectionIn(BaseModel):
    postcode: str = Field(description="where to collect from")
    collect_on: dt.date = Field(description="collection day")


@pf.capability(intent="Book a parcel collection", tags=["post"])
async def book_collection(inp: CollectionIn) -> Claim:
    return Claim(claim_id="C-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [submit_expense, book_collection])


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("expense: team lunch $86 on Monday", "2026-09-28"),
        ("expense: team lunch $86 next Monday", "2026-10-05"),
    ],
)
async def test_the_day_a_thing_was_done_is_gone_by(node: pf.Node, text: str, day: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["category"] == "meals"
    assert params["spent_on"] == day


async def test_a_day_to_come_stays_ahead(node: pf.Node) -> None:
    params = await plan_params(node, "book a parcel collection from SW1A 2AA on Monday", TODAY)
    assert params["collect_on"] == "2026-10-05"
