"""A value of several words is named when each of its words is said in the clause, in any
order and apart ("the seat in the back is still soaking wet" -> wet_seat), when the words alone tell
nothing ("seat" ends two values, "wet" is too short a word to name one by itself). On a
registry of these tests' own (car valeting)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class ValetIn(BaseModel):
    registration: str = Field(description="car registration", pattern=r"^[A-Z]{2}\d{2} ?[A-Z]{3}$")
    problem: Literal["wet_seat", "torn_seat", "dirty_mats", "other"] = Field(
        description="what needs doing"
    )


class Booked(BaseModel):
    job_id: str


@pf.capability(intent="Book a car valet for a car that needs cleaning", tags=["valet"])
async def book_car_valet(inp: ValetIn) -> Booked:
    return Booked(job_id="j-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_car_valet])


@pytest.mark.parametrize(
    "text",
    [
        "book a car valet for AB12 CDE, the seat in the back is still soaking wet",
        "book a car valet for AB12 CDE: it's wet after the rain got in, the driver's seat",
    ],
)
async def test_words_said_apart_name_the_value(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["problem"] == "wet_seat"
