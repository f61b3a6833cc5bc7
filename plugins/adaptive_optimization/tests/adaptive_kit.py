"""Shared models and types of the adaptive_optimization tests (a uniquely named module: every
plugin's tests are collected in one session, where two ``conftest`` imports would clash)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel

from packetflow_adaptive_optimization import AdaptiveOptimizationModule

Optimize = Callable[..., Awaitable[AdaptiveOptimizationModule]]


class Num(BaseModel):
    n: int
    scale: int = 1  # a default: {"n": 1} and {"n": 1, "scale": 1} are one key


class Doubled(BaseModel):
    doubled: int


class Calls(list[dict[str, Any]]):
    """The payloads a capability received."""
