"""Fixtures of the adaptive_optimization tests (the SDK's come from packetflow.testing)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import trio
from pydantic import BaseModel

import packetflow as pf
from packetflow_adaptive_optimization import AdaptiveOptimizationModule

Optimize = Callable[..., Awaitable[AdaptiveOptimizationModule]]


@pytest.fixture
def optimize(register_module: Any) -> Optimize:
    """``await optimize(**config)``: the module on ``module_node``, started."""

    async def start(**config: Any) -> AdaptiveOptimizationModule:
        module: AdaptiveOptimizationModule = await register_module(
            AdaptiveOptimizationModule, config=config
        )
        return module

    return start


class Num(BaseModel):
    n: int
    scale: int = 1  # a default: {"n": 1} and {"n": 1, "scale": 1} are one key


class Doubled(BaseModel):
    doubled: int


class Calls(list[dict[str, Any]]):
    """The payloads a capability received."""


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
