"""A thing and "off" asks to switch it off ("heating off"), but not when a past participle
stands between them: "golf's rained off" tells what happened to the round (the scene for
the request after it), it switches nothing. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class Done(BaseModel):
    ok: bool


class CancelIn(BaseModel):
    booking_ref: str = Field(pattern=r"^GB-[0-9]{5}$", description="the booking, e.g. GB-20417")


class HeatingIn(BaseModel):
    room: str | None = Field(default=None, description="which room")


@pf.capability(intent="Not playing that golf round after all", tags=["golf"])
async def cancel_tee_time(inp: CancelIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Switch the heating off", tags=["home", "heating"])
async def turn_off_heating(inp: HeatingIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [cancel_tee_time, turn_off_heating])


async def test_rained_off_is_told_not_switched(node: pf.Node) -> None:
    steps = await plan_steps(node, "Golf's rained off, cancel GB-11402", TODAY)
    assert [s["capability"] for s in steps] == ["cancel_tee_time"]
    assert steps[0]["params"]["booking_ref"] == "GB-11402"


async def test_a_thing_and_off_still_switches(node: pf.Node) -> None:
    steps = await plan_steps(node, "heating off", TODAY)
    assert [s["capability"] for s in steps] == ["turn_off_heating"]
