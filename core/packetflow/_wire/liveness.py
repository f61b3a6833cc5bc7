"""Heartbeats both ways (trio-websocket sends no pings on its own), for server and client.

Each side beats every ``interval`` seconds with a ``heartbeat`` whose id starts with its own
prefix, and answers the peer's beats with a ``heartbeat`` carrying the same id. Any message from
the peer proves it alive; one silent for ``missed`` intervals is declared dead, and so is one
that stops reading (a beat that cannot be sent within an interval).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import trio

from .codec import encode
from .messages import Heartbeat

__all__ = ["Liveness"]


class Liveness:
    """Tracks one peer. Call :meth:`seen` on every message received from it."""

    def __init__(self, interval: float, missed: int, prefix: str) -> None:
        if interval <= 0 or missed < 1:
            raise ValueError("interval must be positive and missed >= 1")
        self.interval = interval
        self.missed = missed
        self.prefix = prefix
        self.last_seen = trio.current_time()
        self.beats = 0

    def seen(self) -> None:
        self.last_seen = trio.current_time()

    def is_answer(self, heartbeat_id: str) -> bool:
        """Whether a received heartbeat answers one of ours (else: echo it back)."""
        return heartbeat_id.startswith(self.prefix)

    async def run(self, send: Callable[[str], Awaitable[None]]) -> str:
        """Beat until the peer looks dead; returns why."""
        while True:
            await trio.sleep(self.interval)
            silent = trio.current_time() - self.last_seen
            if silent > self.interval * self.missed:
                return f"peer silent for {silent:.1f}s ({self.missed} heartbeats missed)"
            self.beats += 1
            with trio.move_on_after(self.interval):
                await send(encode(Heartbeat(id=f"{self.prefix}{self.beats}")))
                continue
            return f"peer stopped reading (a heartbeat waited {self.interval:g}s to be sent)"
