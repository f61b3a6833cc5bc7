"""One verb, objects of two kinds: "book the hut and the car, both from 20 to 27 December"
books the hut and rents the car (booking a car is renting one), each for the range said once.
On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.mixed_objects import other_objects
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.segment import Clause
from packetflow_nl_planning.text import tokenize

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


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_hut, rent_car])


HUT = ("book_hut", {"check_in": "2026-12-20", "check_out": "2026-12-27"})
CAR = ("rent_car", {"pickup_date": "2026-12-20", "return_date": "2026-12-27"})


@pytest.mark.parametrize(
    "text",
    [
        "book the hut and the car, both from 20 to 27 December",
        "book the hut and the car from 20 to 27 December",
    ],
)
async def test_each_object_goes_to_its_capability(node: pf.Node, text: str) -> None:
    assert calls(await plan_steps(node, text, TODAY)) == [HUT, CAR]


async def test_booking_a_car_rents_it(node: pf.Node) -> None:
    assert calls(await plan_steps(node, "book a car from 20 to 27 December", TODAY)) == [CAR]


def _others(text: str) -> list[str]:
    clause = Clause(tuple(tokenize(text)), 0, len(text))
    found = other_objects(clause, request_action(clause.words).object_start)
    return [" ".join(t.text for t in c.tokens) for c in found]


def test_the_other_object_is_read_with_the_verb_and_the_shared_words() -> None:
    assert _others("book the hut and the car from 20 to 27 December") == [
        "book the car from 20 to 27 December"
    ]


def test_a_detail_of_the_first_object_is_no_shared_word() -> None:
    # ("for 3 guests" is the hut's: the objects are not read apart)
    assert _others("book the hut for 3 guests and the car from 20 to 27 December") == []
