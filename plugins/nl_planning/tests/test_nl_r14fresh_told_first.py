"""A clause that opens with a past form the lexicon does not know as an action ("finished
ironing, ...", "arrived home, ...") tells what happened, the scene of the request after it: it
is no request of its own that nothing fits (which would refuse the whole), on a registry of these
tests' own (an iron, a garage door)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class IronIn(BaseModel):
    room: str = Field(default="utility", description="where the iron is")


@pf.capability(intent="No more power to the smart iron", tags=["home", "iron"])
async def switch_off_iron(inp: IronIn) -> Done:
    return Done(ok=True)


class DoorIn(BaseModel):
    door: str = Field(default="main", description="which garage door")


@pf.capability(intent="The garage door up so the car can get in", tags=["home", "garage"])
async def open_garage_door(inp: DoorIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [switch_off_iron, open_garage_door])


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("finished ironing, switch off the iron", "switch_off_iron"),
        ("arrived home, open the garage door", "open_garage_door"),
        ("finished the shirts - turn the iron off please", "switch_off_iron"),
    ],
)
async def test_what_happened_told_first_sets_the_scene(
    node: pf.Node, text: str, capability: str
) -> None:
    [(name, _)] = calls(await plan_steps(node, text, TODAY))
    assert name == capability
