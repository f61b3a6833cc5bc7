"""Measures and kinds of people said in words, on a registry of these tests' own (a bike hire,
a theatre box office): a height in feet and inches in words ("five foot ten"), and the age
group of a ticket by its everyday name ("pensioners", "OAPs", "grown-ups")."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class BikeIn(BaseModel):
    day: dt.date = Field(description="day of the hire")
    rider_height_cm: int = Field(ge=100, le=220, description="rider's height, cm")


@pf.capability(intent="Hire a bike sized for the rider", tags=["bikes", "hire"])
async def hire_bike(inp: BikeIn) -> Done:
    return Done(ok=True)


class TicketIn(BaseModel):
    show: str = Field(description="which show")
    count: int = Field(ge=1, le=10, description="how many tickets")
    age_group: Literal["adult", "child", "senior"] = Field(default="adult", description="who for")


@pf.capability(intent="Buy theatre tickets", tags=["theatre", "tickets"])
async def buy_theatre_tickets(inp: TicketIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [hire_bike, buy_theatre_tickets])


@pytest.mark.parametrize(
    ("text", "cm"),
    [
        ("hire a bike on Friday, I'm five foot ten", 178),
        ("bike hire for Friday, rider is six feet two inches", 188),
        ("hire me a bike on Friday, I'm 5 ft 10", 178),
    ],
)
async def test_feet_and_inches_in_words(node: pf.Node, text: str, cm: int) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["rider_height_cm"] == cm


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("2 tickets for Hamlet for pensioners", "senior"),
        ("buy two OAP tickets for Hamlet", "senior"),
        ("3 tickets for Hamlet, all retirees", "senior"),
        ("2 grown-up tickets for Hamlet", "adult"),
    ],
)
async def test_an_age_group_by_its_everyday_name(node: pf.Node, text: str, group: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params.get("age_group", "adult") == group


class EggsIn(BaseModel):
    quantity: int = Field(ge=1, le=100, description="how many eggs")
    free_range: bool = Field(default=True, description="free-range eggs")


@pf.capability(intent="Order eggs from the farm shop", tags=["farm shop", "eggs"])
async def order_eggs(inp: EggsIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_eggs, hire_bike])


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("order a dozen and a half eggs", 18),
        ("order two dozen and a half eggs from the farm shop", 30),
        ("order half a dozen eggs", 6),
        ("order 3 dozen eggs", 36),
    ],
)
async def test_dozens_and_a_half(shop: pf.Node, text: str, count: int) -> None:
    params = await plan_params(shop, text, TODAY)
    assert params["quantity"] == count
