"""Date values round 13 (second slots helper) found read wrongly once the capability is right,
on a registry of these tests' own (an auction's catalogue, a shop's orders): an adjective of
time in the capability's name or intent ("upcoming sales", "past orders") says which way a bare date
goes, over a topic word that only usually goes with the past ("sale")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-12"  # a Tuesday


class Ref(BaseModel):
    ref: str


class LotsIn(BaseModel):
    query: str = Field(description="what to look for")
    sale_date: dt.date | None = Field(default=None, description="day of the sale")


@pf.capability(intent="Browse the catalogue of upcoming sales", tags=["auction"])
async def search_lots(inp: LotsIn) -> Ref:
    return Ref(ref="l")


class OrdersIn(BaseModel):
    placed_on: dt.date = Field(description="day the order was placed")


@pf.capability(intent="Look up my past orders from the shop", tags=["shop"])
async def find_orders(inp: OrdersIn) -> Ref:
    return Ref(ref="o")


class ServiceIn(BaseModel):
    day: dt.date = Field(description="day of the service")
    notes: str | None = Field(default=None, description="anything from your previous visit")


@pf.capability(intent="Book a boiler service", tags=["boiler"])
async def book_boiler_service(inp: ServiceIn) -> Ref:
    return Ref(ref="b")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [search_lots, find_orders, book_boiler_service]
    )


async def _params(node: pf.Node, text: str, today: str = TODAY) -> dict[str, Any]:
    return await plan_params(node, text, today)


@pytest.mark.parametrize(
    ("text", "field", "day"),
    [
        ("anything by Lowry in the sale on the 9th?", "sale_date", "2026-06-09"),
        ("my orders from the 9th", "placed_on", "2026-05-09"),
        # A field's description ("your previous visit") says nothing of the capability's time.
        ("book a boiler service on the 9th", "day", "2026-06-09"),
    ],
)
async def test_a_bare_date_goes_the_way_the_capability_says_of_time(
    node: pf.Node, text: str, field: str, day: str
) -> None:
    # "upcoming sales": the 9th gone this month is next month's, though "sale" is mostly a
    # word of statements; "past orders" keeps the 9th gone by.
    assert (await _params(node, text))[field] == day
