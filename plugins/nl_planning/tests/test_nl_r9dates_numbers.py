"""Numbers the planner read wrongly on round 9's probes: a count before "dozen" ("two dozen"
is 24), digits before an SI symbol with its prefix ("150kW", "5MWh": a unit, no code) and two
years joined by a hyphen ("1901-1911": a span of years, no phone number); on a registry of this
test's own (a bakery, a solar shop and a parish archive)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-14"


class Ref(BaseModel):
    ref: str


class BunsIn(BaseModel):
    quantity: int = Field(ge=1, le=500, description="how many buns")


@pf.capability(intent="Order hot cross buns from the bakery", tags=["bakery"])
async def order_buns(inp: BunsIn) -> Ref:
    return Ref(ref="b-1")


class InverterIn(BaseModel):
    min_output_kw: float = Field(gt=0, description="lowest output in kW")


@pf.capability(intent="Find a solar inverter for the roof", tags=["solar"])
async def find_inverter(inp: InverterIn) -> Ref:
    return Ref(ref="i-1")


class BaptismsIn(BaseModel):
    surname: str = Field(description="family name")
    year_from: int = Field(ge=1500, le=2026, description="earliest year")
    year_to: int = Field(ge=1500, le=2026, description="latest year")


@pf.capability(intent="Search the parish baptism registers", tags=["archive"])
async def search_baptisms(inp: BaptismsIn) -> Ref:
    return Ref(ref="p-1")


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [order_buns, find_inverter, search_baptisms]
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("order two dozen hot cross buns", 24), ("order 3 dozen buns", 36)],
)
async def test_a_count_of_dozens(shop: pf.Node, text: str, quantity: int) -> None:
    assert await _params(shop, text) == {"quantity": quantity}


async def test_digits_before_an_si_symbol_are_a_number(shop: pf.Node) -> None:
    params = await _params(shop, "find an inverter of 6kW or more")
    assert params == {"min_output_kw": 6}


async def test_two_years_joined_by_a_hyphen_are_no_phone_number(shop: pf.Node) -> None:
    params = await _params(shop, "search baptisms for surname Pickles 1801-1811")
    assert params == {"surname": "Pickles", "year_from": 1801, "year_to": 1811}
