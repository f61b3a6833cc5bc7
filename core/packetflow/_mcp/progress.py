"""Progress notifications for compositions run as MCP tools: one per completed step.

The engine emits a ``step.stop`` event for every step that finishes; :func:`report_steps`
follows the events of one trace while the call runs and forwards each as an MCP progress
notification (``progress`` = steps done so far, ``total`` = the plan's step count, ``message``
= the step's plan path and capability). Progress is advisory: when the client reads slower than
steps finish, extra notifications are dropped (the count in the next one stays right).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import trio

from .._capabilities.events import EventBus, ExecutionEvent

__all__ = ["ReportProgress", "report_steps"]

ReportProgress = Callable[[float, "float | None", "str | None"], Awaitable[None]]
"""``(progress, total, message)``: the SDK's ``ctx.session.report_progress``."""

log = logging.getLogger("packetflow.mcp")

_BUFFER = 64


@asynccontextmanager
async def report_steps(
    events: EventBus, trace_id: str | None, report: ReportProgress
) -> AsyncIterator[None]:
    """Report every step of trace ``trace_id`` that completes inside the block; the last
    notifications are sent before the block's exit returns (so before the tool's result)."""
    send, receive = trio.open_memory_channel[tuple[int, ExecutionEvent]](_BUFFER)
    completed = 0

    def on_event(event: ExecutionEvent) -> None:
        nonlocal completed
        if event.kind == "step.stop" and event.trace_id == trace_id:
            completed += 1
            with contextlib.suppress(trio.WouldBlock):  # advisory: later ones count right
                send.send_nowait((completed, event))

    async def forward() -> None:
        async with receive:
            async for done, event in receive:
                total = event.extra.get("total_steps")
                try:
                    await report(
                        done,
                        total if isinstance(total, int) and total >= done else None,
                        f"{event.path} ({event.capability}) done",
                    )
                except Exception:  # a closed stream must not fail the call itself
                    log.debug("progress for trace %s could not be sent", trace_id, exc_info=True)

    unsubscribe = events.subscribe(on_event)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(forward)
        try:
            yield
        finally:
            unsubscribe()
            send.close()
