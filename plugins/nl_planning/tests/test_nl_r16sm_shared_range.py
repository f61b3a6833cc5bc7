"""A range of dates said once at the end of two requests ("book the hut and rent a car, both
from 20 to 27 December") is the range of each that takes one: the earlier request names no day
of its own and takes the same start and end instead of asking for them (E422). A request that
names its own day keeps it. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Booked(BaseModel):
    ref: str


class HutIn(BaseModel):
    check_in: dt.date = Field(description="first night")
    check_out: dt.date = Field(description="day of leaving")
    guests: int = Field(default=2, ge=1, description="number of guests")


@pf.capability(intent="Book a mountain hut", tags=["travel"])
async def book_hut(inp: HutIn) -> Booked:
    return Booked(ref="h-1")


class CarIn(BaseModel):
    pickup_date: dt.date = Field(description="first day of the rental")
    return_date: dt.date = Field(description="last day of the rental")


@pf.capability(intent="Rent a car", tags=["travel"])
async def rent_car(inp: CarIn) -> Booked:
    return Booked(ref="c-1")


class TableIn(BaseModel):
    date: dt.date = Field(description="day of the meal")
    people: int = Field(ge=1, description="number of diners")


@pf.capability(intent="Book a table at the restaurant", tags=["dining"])
async def book_table(inp: TableIn) -> Booked:
    return Booked(ref="t-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_hut, rent_car, book_table])


BOTH = {"pickup_date": "2026-12-20", "return_date": "2026-12-27"}


@pytest.mark.parametrize(
    "text",
    [
        "book the hut and rent a car, both from 20 to 27 December",
        "book the hut and rent a car from 20 to 27 December",
    ],
)
async def test_a_range_said_once_is_each_steps(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("book_hut", {"check_in": "2026-12-20", "check_out": "2026-12-27"}),
        ("rent_car", BOTH),
    ]


async def test_a_step_with_its_own_days_keeps_them(node: pf.Node) -> None:
    text = "book the hut from 18 to 20 December and rent a car from 20 to 27 December"
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("book_hut", {"check_in": "2026-12-18", "check_out": "2026-12-20"}),
        ("rent_car", BOTH),
    ]


async def test_a_step_of_one_day_takes_no_range(node: pf.Node) -> None:
    with pytest.raises(pf.errors.ContractViolationError):
        await plan_steps(node, "book a table for 4 and rent a car from 20 to 27 December", TODAY)
