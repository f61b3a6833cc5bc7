"""A request told after "before you" ahead of another ("before you rent an economy car in
Phoenix, quote comprehensive insurance for a 2021 car") runs after it: the clause told next
comes first, and "before you" is no value of the request it opens. Told after the request it
waits for ("quote ... before you rent ..."), the order is the order told. On a registry of
these tests' own (car hire, insurance)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-11"  # a Wednesday


class QuoteIn(BaseModel):
    vehicle_year: int = Field(ge=1950, le=2030, description="model year of the car")
    coverage: Literal["liability", "collision", "comprehensive"] = Field(
        description="coverage level"
    )


class QuoteOut(BaseModel):
    quote_id: str


@pf.capability(intent="Get a price for car insurance", tags=["insurance"])
async def quote_auto_insurance(inp: QuoteIn) -> QuoteOut:
    return QuoteOut(quote_id="Q-1")


class CarIn(BaseModel):
    pickup_city: str = Field(description="where to pick the car up")
    pickup_date: dt.date = Field(description="first day of the rental")
    return_date: dt.date = Field(description="last day of the rental")
    car_class: Literal["economy", "compact", "suv"] = "economy"


class CarOut(BaseModel):
    rental_id: str


@pf.capability(intent="Rent a car", tags=["car_rental"])
async def reserve_car(inp: CarIn) -> CarOut:
    return CarOut(rental_id="R-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [quote_auto_insurance, reserve_car])


QUOTE = ("quote_auto_insurance", {"vehicle_year": 2021, "coverage": "comprehensive"})
CAR = (
    "reserve_car",
    {"pickup_city": "Phoenix", "pickup_date": "2026-03-12", "return_date": "2026-03-15"},
)


@pytest.mark.parametrize(
    "text",
    [
        "before you rent a car in Phoenix from tomorrow until Sunday, quote comprehensive"
        " insurance for a 2021 car",
        "Before you rent a car in Phoenix from tomorrow until Sunday, quote comprehensive"
        " insurance for a 2021 car please",
        "quote comprehensive insurance for a 2021 car before you rent a car in Phoenix from"
        " tomorrow until Sunday",
    ],
)
async def test_the_request_after_before_you_runs_second(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [QUOTE, CAR]


async def test_a_time_told_before_still_qualifies(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "before Friday, quote comprehensive insurance for a 2021 car", TODAY
    )
    assert [s["capability"] for s in steps] == ["quote_auto_insurance"]


@pytest.mark.parametrize("dash", ["-", "\u2013"])
async def test_a_dash_before_but_before_that_is_no_part_of_a_value(
    node: pf.Node, dash: str
) -> None:
    text = (
        f"rent a car from tomorrow until Sunday in Phoenix {dash} but before that quote"
        " comprehensive insurance for a 2021 car"
    )
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [QUOTE, CAR]
