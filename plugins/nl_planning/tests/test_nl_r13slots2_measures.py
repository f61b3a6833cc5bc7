"""Measured values round 13 (second slots helper) found read wrongly, on a registry of these
tests' own (a dairy round): an article before a unit's full name counts one of it ("a litre of
milk"), as "an hour" does a duration, and "and a half" after a measure adds half of its unit
("a litre and a half", "2 litres and a half"), not a half of its own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-05"


class Ref(BaseModel):
    ref: str


class MilkIn(BaseModel):
    volume_l: float = Field(gt=0, description="how much milk, in litres")


@pf.capability(intent="Order milk from the dairy round", tags=["dairy"])
async def order_milk(inp: MilkIn) -> Ref:
    return Ref(ref="m")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_milk])


@pytest.mark.parametrize(
    ("text", "litres"),
    [
        ("order a litre of milk", 1),
        ("order a litre and a half of milk", 1.5),
        ("order 2 litres and a half of milk", 2.5),
        ("order half a litre of milk", 0.5),
    ],
)
async def test_an_article_counts_one_and_a_half_adds_to_the_measure(
    node: pf.Node, text: str, litres: float
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert len(steps) == 1
    assert steps[0]["params"]["volume_l"] == litres
