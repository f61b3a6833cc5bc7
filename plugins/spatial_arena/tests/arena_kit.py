"""Shared pieces of the spatial arena's tests: a concurrency gauge and untyped capabilities."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import trio

import packetflow as pf
from packetflow_spatial_arena import SpatialArenaModule

Start = Callable[..., Awaitable[SpatialArenaModule]]


class Gauge:
    """Counts how many executions of the capabilities it watches run at the same time."""

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self.done = 0
        self.release = trio.Event()

    async def hold(self, until: trio.Event | None = None, seconds: float = 0.0) -> None:
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            if until is not None:
                await until.wait()
            else:
                await trio.sleep(seconds)
        finally:
            self.running -= 1
            self.done += 1


def untyped(name: str, body: Callable[..., Awaitable[Any]], **options: Any) -> pf.Capability:
    """A capability taking and returning plain mappings."""

    async def run(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return dict(await body(payload, ctx) or {})

    return pf.capability(name=name, **{"requires": (), "provides": (), **options})(run)
