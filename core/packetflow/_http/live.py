"""The dashboard's live updates: Server-Sent Events, one ``update`` per interval.

One task builds each update once, for every client (only while someone listens). Each client
has its own bounded queue (:data:`QUEUE`); a client that falls that far behind is dropped —
its stream ends and it is counted — so a slow reader can never make the node buffer without
bound or slow the others. The browser reconnects and starts again from a full snapshot.

An update carries the overview, the statistics of the capabilities that ran since the last one
(``capabilities``: name → stats), the modules, the channel totals, the actor counts and, when a
composition run finished since the last one, the recent runs.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import trio

from .views import Views

__all__ = ["MAX_CLIENTS", "QUEUE", "LiveUpdates", "TooManyClients"]

log = logging.getLogger("packetflow.http.live")

QUEUE = 16
"""Updates waiting per client before it is dropped."""

MAX_CLIENTS = 64
"""Live streams at once per node; beyond it new ones get HTTP 503."""


class TooManyClients(Exception):
    """Raised by :meth:`LiveUpdates.subscribe` at :data:`MAX_CLIENTS`."""


class LiveUpdates:
    """Builds updates every ``interval`` seconds and fans them out (see the module docstring).

    Attributes:
        dropped: clients dropped for falling behind (a counter).
        sent: updates handed to clients (a counter).
        streams: responses still open, dropped clients' included until their connection
            ends (a gauge).
    """

    def __init__(
        self,
        views: Views,
        interval: float = 1.0,
        *,
        queue: int = QUEUE,
        max_clients: int = MAX_CLIENTS,
    ) -> None:
        self.views = views
        self.interval = interval
        self.queue = queue
        self.max_clients = max_clients
        self.dropped = 0
        self.sent = 0
        self.streams = 0
        self._stream_ended = trio.Event()
        self._clients: set[trio.MemorySendChannel[bytes]] = set()
        self._someone = trio.Event()
        self._counts: dict[str, int] = {}
        self._newest_run: int | None = None

    def __len__(self) -> int:
        return len(self._clients)

    async def run(self) -> None:
        """Build and send updates until cancelled."""
        while True:
            if not self._clients:
                self._someone = trio.Event()
                await self._someone.wait()
            await trio.sleep(self.interval)
            if self._clients:
                self.publish(self.update())

    def subscribe(self) -> AsyncIterator[bytes]:
        """A new client's event stream: a full ``snapshot`` first, then every ``update``.

        Raises:
            TooManyClients: :data:`MAX_CLIENTS` streams are open.
        """
        if len(self._clients) >= self.max_clients:
            raise TooManyClients(f"{len(self._clients)} live streams open, the limit")
        send, receive = trio.open_memory_channel[bytes](self.queue)
        send.send_nowait(_event("snapshot", self.snapshot()))
        self._clients.add(send)
        self._someone.set()
        return self._drain(send, receive)

    def publish(self, chunk: bytes) -> None:
        """Offer ``chunk`` to every client; drop those whose queue is full."""
        for client in list(self._clients):
            try:
                client.send_nowait(chunk)
            except trio.WouldBlock:
                self._drop(client, "fell behind")
            except trio.ClosedResourceError:
                self._clients.discard(client)
            else:
                self.sent += 1

    async def wait_streams(self, at_most: int) -> None:
        """Return once at most ``at_most`` responses are open."""
        while self.streams > at_most:
            await self._stream_ended.wait()

    def close(self) -> None:
        """End every stream (the node drains)."""
        for client in list(self._clients):
            self._clients.discard(client)
            client.close()

    async def _drain(
        self, send: trio.MemorySendChannel[bytes], receive: trio.MemoryReceiveChannel[bytes]
    ) -> AsyncIterator[bytes]:
        self.streams += 1
        try:
            async with receive:
                async for chunk in receive:
                    yield chunk
        finally:
            self._clients.discard(send)
            send.close()
            self.streams -= 1
            self._stream_ended.set()
            self._stream_ended = trio.Event()

    def _drop(self, client: trio.MemorySendChannel[bytes], why: str) -> None:
        self._clients.discard(client)
        client.close()  # its stream ends once it has sent what it holds
        self.dropped += 1
        log.info("dashboard: a live client %s (%d updates queued); dropped", why, self.queue)

    # -- what is sent ----------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything a new client draws first."""
        stats = self.views.capability_stats()
        self._counts.update((name, s["count"]) for name, s in stats.items())
        return {**self._common(), "capabilities": stats, "runs": self.views.runs()}

    def update(self) -> bytes:
        """The next update (one for all clients)."""
        stats = self.views.capability_stats()
        changed = {name: s for name, s in stats.items() if self._counts.get(name) != s["count"]}
        self._counts = {name: s["count"] for name, s in stats.items()}
        body: dict[str, Any] = {**self._common(), "capabilities": changed}
        graphs = self.views.node.engine.executions
        newest = id(graphs[-1]) if graphs else None
        if newest != self._newest_run or (graphs and graphs[-1].status == "running"):
            self._newest_run = newest
            body["runs"] = self.views.runs()
        return _event("update", body)

    def _common(self) -> dict[str, Any]:
        views = self.views
        return {
            "t": time.time(),
            "overview": views.overview(),
            "modules": views.modules(),
            "channels": views.channels(),
            "actors": views.node.actors.statistics().types,
        }


def _event(kind: str, data: dict[str, Any]) -> bytes:
    return f"event: {kind}\ndata: {json.dumps(data, default=str)}\n\n".encode()
