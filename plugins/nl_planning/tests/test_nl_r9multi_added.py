"""A statement told as one more thing ("...; also I left my umbrella in the car park"), on a
registry of these tests' own (a car park's): it is asked for, and only sets the scene when no
capability fits it."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-04-15"


class Done(BaseModel):
    ref: str = Field(description="reference")


class PayIn(BaseModel):
    zone: str = Field(pattern=r"^PZ-[0-9]{2}$", description="parking zone")
    hours: int = Field(ge=1, le=12, description="how many hours to park")


@pf.capability(intent="Pay for parking in a zone", tags=["parking"])
async def pay_parking(inp: PayIn) -> Done:
    return Done(ref="p")


class LostIn(BaseModel):
    item: str = Field(description="what was left behind")
    place: str | None = Field(default=None, description="where in the car park it was left")


@pf.capability(intent="Report an item lost in the car park", tags=["parking", "lost_property"])
async def report_lost_item(inp: LostIn) -> Done:
    return Done(ref="f")


@pytest.fixture
async def car_park(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [pay_parking, report_lost_item])


async def test_a_statement_told_as_one_more_thing_is_a_step(car_park: pf.Node) -> None:
    text = "pay for zone PZ-12 for 2 hours; also I left my blue umbrella in the car park"
    steps = await plan_steps(car_park, text, TODAY)
    assert [s["capability"] for s in steps] == ["pay_parking", "report_lost_item"]
    assert steps[1]["params"]["item"] == "blue umbrella"


async def test_one_no_capability_fits_only_sets_the_scene(car_park: pf.Node) -> None:
    steps = await plan_steps(
        car_park, "pay for zone PZ-12 for 2 hours; also it is raining hard", TODAY
    )
    assert [s["capability"] for s in steps] == ["pay_parking"]
