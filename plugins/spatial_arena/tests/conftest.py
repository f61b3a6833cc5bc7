"""Fixtures of the spatial arena's tests (the SDK's come from packetflow.testing)."""

from __future__ import annotations

from typing import Any

import pytest
from arena_kit import Gauge, Start

from packetflow_spatial_arena import SpatialArenaModule


@pytest.fixture
def gauge() -> Gauge:
    return Gauge()


@pytest.fixture
def start_arena(register_module: Any) -> Start:
    """``await start_arena(config)``: the arena module on ``module_node``."""

    async def start(config: dict[str, Any] | None = None, **settings: Any) -> SpatialArenaModule:
        module: SpatialArenaModule = await register_module(
            SpatialArenaModule, config={"tick_s": 3600, **(config or {})}, **settings
        )
        return module

    return start
