"""A verb that composes ("write a poem about the milkman") shares only reading with a
capability that reads a balance: the thing to be made, a poem, is none of its words and far
from it, so the request is refused although its topic, the milkman, is the capability's own
word. Reading the balance plainly is still planned. On a registry of these tests' own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel

import packetflow as pf

TODAY = "2026-09-09"


class NoInput(BaseModel):
    pass


class BalanceOut(BaseModel):
    amount: Decimal


@pf.capability(intent="What is owed to the milkman this week", tags=["milk", "payments"])
async def get_milkman_balance(inp: NoInput) -> BalanceOut:
    return BalanceOut(amount=Decimal("8.40"))


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_milkman_balance])


async def test_a_poem_about_the_milkman_is_another_thing(node: pf.Node) -> None:
    assert await is_refused(node, "write a poem about a milkman", TODAY)


async def test_the_milkman_balance_is_still_read(node: pf.Node) -> None:
    steps = await plan_steps(node, "show me the milkman balance", TODAY)
    assert [s["capability"] for s in steps] == ["get_milkman_balance"]
