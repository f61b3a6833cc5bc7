"""The trio side of a protocol's clock, shared by the server and the client shells."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

import trio

from .protocol.events import Beat, Close

__all__ = ["Ticking", "run_clock"]


class Ticking(Protocol):
    """A protocol object with a clock (:class:`~.protocol.server.ServerProtocol`,
    :class:`~.protocol.client.ClientProtocol`)."""

    @property
    def next_tick(self) -> float: ...

    def tick(self, now: float) -> Sequence[object]: ...

    def stalled(self) -> Sequence[object]: ...


async def run_clock(protocol: Ticking, send: Callable[[str], Awaitable[None]]) -> Close:
    """Tick ``protocol`` when it asks, sending its heartbeats with ``send``, until it gives up
    on the peer; returns that verdict (the caller closes the connection with it)."""
    while True:
        await trio.sleep_until(protocol.next_tick)  # forever, once the protocol is closed
        outputs = protocol.tick(trio.current_time())
        if outputs and isinstance(beat := outputs[0], Beat):
            with trio.move_on_after(beat.within):
                await send(beat.text)
                continue
            outputs = protocol.stalled()  # the peer stopped reading
        for output in outputs:
            if isinstance(output, Close):
                return output
