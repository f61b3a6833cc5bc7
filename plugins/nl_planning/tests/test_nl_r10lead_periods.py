"""A period with its start is a new one, not more of one held: "I need a kayak from tomorrow
until Friday" hires one, while "can I keep KY-1234 till Friday?" extends the hire (a registry
of this test's own)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-29"  # a Tuesday


class Done(BaseModel):
    ref: str


class HireIn(BaseModel):
    start_date: dt.date = Field(description="first day of the hire")
    end_date: dt.date = Field(description="last day of the hire")


@pf.capability(intent="Hire a kayak for some days", tags=["kayaks"])
async def hire_kayak(inp: HireIn) -> Done:
    return Done(ref="h")


class ExtendIn(BaseModel):
    hire_id: str = Field(pattern=r"^KY-\d{4}$", description="the hire, KY-nnnn")
    until: dt.date = Field(description="the new last day")


@pf.capability(intent="Extend a kayak hire", tags=["kayaks"])
async def extend_kayak_hire(inp: ExtendIn) -> Done:
    return Done(ref="e")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [hire_kayak, extend_kayak_hire])


async def test_a_period_with_its_start_is_a_new_one(node: pf.Node) -> None:
    steps = await plan_steps(node, "I need a kayak from tomorrow until Friday", TODAY)
    assert steps == [
        {
            "capability": "hire_kayak",
            "params": {"start_date": "2026-09-30", "end_date": "2026-10-02"},
        }
    ]


async def test_keeping_a_thing_till_a_day_extends_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "can I keep KY-1234 till Friday?", TODAY)
    assert [s["capability"] for s in steps] == ["extend_kayak_hire"]
    assert steps[0]["params"]["hire_id"] == "KY-1234"
