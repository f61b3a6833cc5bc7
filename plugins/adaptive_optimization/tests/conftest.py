"""Fixtures of the adaptive_optimization tests (the SDK's come from packetflow.testing)."""

from __future__ import annotations

from typing import Any

import pytest
import trio
from adaptive_kit import Calls, Doubled, Num, Optimize

import packetflow as pf
from packetflow_adaptive_optimization import AdaptiveOptimizationModule


@pytest.fixture
def optimize(register_module: Any) -> Optimize:
    """``await optimize(**config)``: the module on ``module_node``, started."""

    async def start(**config: Any) -> AdaptiveOptimizationModule:
        module: AdaptiveOptimizationModule = await register_module(
            AdaptiveOptimizationModule, config=config
        )
        return module

    return start


@pytest.fixture
def double(module_node: pf.Node) -> Calls:
    """``double``: idempotent, 10 ms (virtual under the autojump clock), records its calls."""
    calls = Calls()

    @pf.capability(idempotent=True)
    async def double(inp: Num) -> Doubled:
        calls.append(inp.model_dump())
        await trio.sleep(0.01)
        return Doubled(doubled=2 * inp.n * inp.scale)

    module_node.register(double)
    return calls


@pytest.fixture
def counter(module_node: pf.Node) -> Calls:
    """``bump``: not idempotent (it counts), records its calls."""
    calls = Calls()

    @pf.capability
    async def bump(inp: Num) -> Doubled:
        calls.append(inp.model_dump())
        return Doubled(doubled=len(calls))

    module_node.register(bump)
    return calls
