"""A bare phrase that goes on with "from now on" ("whole beans from now on, I've got a
grinder") asks to change what one has to it - a subscription's grind - not to obtain a new
thing: no one-off bag is ordered. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2027-01-11"
Grind = Literal["whole_bean", "espresso", "filter", "cafetiere"]


class Done(BaseModel):
    ok: bool


class BeansIn(BaseModel):
    coffee: str = Field(description="blend or single origin, e.g. 'Ethiopia Guji'")
    weight_g: int = Field(ge=250, le=5000, description="bag size in grams (250, 500 or 1000)")
    grind: Grind = Field(default="whole_bean", description="how to grind it")


@pf.capability(intent="A one-off bag from the roastery", tags=["coffee", "shop"])
async def order_coffee_beans(inp: BeansIn) -> Done:
    return Done(ok=True)


class GrindIn(BaseModel):
    grind: Grind = Field(description="how the subscription's beans are ground")


@pf.capability(intent="How the beans in the subscription come ground", tags=["coffee"])
async def change_coffee_grind(inp: GrindIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_coffee_beans, change_coffee_grind])


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


def test_from_now_on_changes() -> None:
    assert "update" in _action("whole beans from now on").classes
    assert "update" not in _action("whole beans please").classes


async def test_the_grind_is_changed(node: pf.Node) -> None:
    steps = await plan_steps(node, "whole beans from now on, I've got a grinder", TODAY)
    assert steps == [{"capability": "change_coffee_grind", "params": {"grind": "whole_bean"}}]
