""" "set up" a feature switches it on ("set up auto-replenishment for my ink" enables the
automatic refill); with only its opposite registered it is refused. On a registry of these
tests' own (a printer's ink service)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-12-30"


class Done(BaseModel):
    ok: bool = True


class RefillIn(BaseModel):
    threshold_percent: int = Field(default=15, ge=5, le=50, description="order below this, %")


@pf.capability(intent="Cartridges posted by themselves when they run low", tags=["printer"])
async def enable_ink_auto_refill(inp: RefillIn) -> Done:
    return Done()


class NoIn(BaseModel):
    pass


@pf.capability(intent="No more cartridges posted unasked", tags=["printer"])
async def disable_ink_auto_refill(inp: NoIn) -> Done:
    return Done()


@pytest.fixture
async def both(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [enable_ink_auto_refill, disable_ink_auto_refill]
    )


@pytest.fixture
async def off_only(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [disable_ink_auto_refill])


async def test_setting_up_a_feature_enables_it(both: pf.Node) -> None:
    text = "Could you set up auto-replenishment for my ink at a quarter left?"
    steps = await plan_steps(both, text, TODAY)
    assert steps == [{"capability": "enable_ink_auto_refill", "params": {"threshold_percent": 25}}]


async def test_setting_up_is_not_switching_off(off_only: pf.Node) -> None:
    assert await is_refused(off_only, "set up automatic ink refills", TODAY)
