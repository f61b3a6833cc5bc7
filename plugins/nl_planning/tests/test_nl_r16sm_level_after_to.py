"""A bare number right after "to" ("the oven to 180") is the level a thing is set to, never a
length of time: a timer beside the oven takes no 180 minutes from it. A length of time still
comes with "for" ("a timer for 25") or its unit. Nor is "set" (a light verb) the timer's
action when the text gives none of its values: "set the oven to 180" preheats it. On a
registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool


class HeatIn(BaseModel):
    temperature_celsius: int = Field(ge=30, le=280, description="target, °C")


@pf.capability(
    intent="Oven hot before the food goes in",
    tags=["kitchen", "oven"],
    examples=["get the oven going at 200"],
)
async def preheat_oven(inp: HeatIn) -> Done:
    return Done(ok=True)


class CountdownIn(BaseModel):
    duration_minutes: int = Field(ge=1, le=600, description="countdown, minutes")


@pf.capability(intent="A countdown on the oven that beeps when the dish is done", tags=["oven"])
async def set_oven_timer(inp: CountdownIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [preheat_oven, set_oven_timer])


@pytest.mark.parametrize("text", ["oven to 180", "preheat the oven to 180", "set the oven to 180"])
async def test_a_number_after_to_is_a_level(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("preheat_oven", {"temperature_celsius": 180})]


@pytest.mark.parametrize(
    "text",
    [
        "set a timer for 25",
        "set the oven timer for 25 minutes",
        "oven timer 25 minutes",
        "a countdown of 25 minutes",
    ],
)
async def test_a_length_of_time_is_still_one(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("set_oven_timer", {"duration_minutes": 25})]


async def test_both_in_one_request(node: pf.Node) -> None:
    steps = await plan_steps(node, "oven to 180, then a timer for 25 minutes", TODAY)
    assert calls(steps) == [
        ("preheat_oven", {"temperature_celsius": 180}),
        ("set_oven_timer", {"duration_minutes": 25}),
    ]
