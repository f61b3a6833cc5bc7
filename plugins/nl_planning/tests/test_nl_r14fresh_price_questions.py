"""A question of what something costs ("how much to service a combi?", "what would a system
boiler service cost?") asks to price it, which a capability that quotes works out, though the
request never says "quote", on a registry of these tests' own (a heating engineer); "how much
will I get back" or "how much data" ask an amount, no price."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.money_moves import asks_price

TODAY = "2026-06-10"
_POSTCODE = r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$"


class QuoteIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the boiler is")
    boiler: Literal["combi", "system", "oil"] = Field(description="kind of boiler")


class QuoteOut(BaseModel):
    price: float


@pf.capability(intent="Price of a yearly boiler check", tags=["heating", "boiler"])
async def quote_boiler_service(inp: QuoteIn) -> QuoteOut:
    return QuoteOut(price=89.0)


class BookIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the boiler is")
    date: dt.date = Field(description="day of the visit")


class BookOut(BaseModel):
    visit_id: str


@pf.capability(intent="An engineer's visit to service the boiler", tags=["heating", "boiler"])
async def book_boiler_service(inp: BookIn) -> BookOut:
    return BookOut(visit_id="V-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [quote_boiler_service, book_boiler_service]
    )


@pytest.mark.parametrize(
    ("text", "boiler"),
    [
        ("how much to service a combi at LS6 2AB?", "combi"),
        ("what would a system boiler check cost? LS6 2AB", "system"),
        ("how much is it for an oil boiler, LS6 2AB", "oil"),
    ],
)
async def test_a_question_of_cost_is_priced(node: pf.Node, text: str, boiler: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("quote_boiler_service", {"postcode": "LS6 2AB", "boiler": boiler})]


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("how much to fell the oak", True),
        ("what does a refill cost", True),
        ("how much will I get back", False),
        ("how much data is left", False),
        ("what is the status", False),
    ],
)
def test_what_asks_a_price(text: str, price: bool) -> None:
    assert asks_price(text.lower().split(), 0) is price
