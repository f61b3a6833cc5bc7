"""Resource subscriptions: ``notifications/resources/updated`` for the clients that asked.

- Handshake-era clients call ``resources/subscribe`` / ``unsubscribe``; each connection is
  one :class:`_Subscriber` with the URIs it follows (at most ``max_uris``).
- 2026-07-28 clients name URIs in ``subscriptions/listen``; updates go to the SDK's
  subscription bus, whose listen streams filter and bound them.

:meth:`ResourceSubscriptions.updated` never blocks the caller (an actor committing its state,
an application calling ``node.resources.updated``): it marks the URI pending for each of its
subscribers and wakes their sender tasks. A subscriber's pending updates are a set of its own
URIs, so the buffer is bounded by what it follows and a burst of updates to one URI is one
notification. A subscriber whose notification is not taken within ``send_timeout`` (a client
that stopped reading) is dropped with all its subscriptions; it can subscribe again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

import trio
from mcp.server.connection import Connection
from mcp.server.context import ServerRequestContext
from mcp.server.subscriptions import ResourceUpdated, SubscriptionBus

from ..errors import RateLimitedError, UnavailableError
from .services import connection_of

__all__ = ["ResourceSubscriptions"]

log = logging.getLogger("packetflow.mcp")


class _Subscriber:
    __slots__ = ("connection", "pending", "uris", "wake")

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.uris: set[str] = set()
        self.pending: dict[str, None] = {}  # ordered, a subset of ``uris``
        self.wake = trio.Event()


class ResourceSubscriptions:
    """Who follows which resource, and the delivery of updates.

    Args:
        bus: the SDK subscription bus of the 2026-07-28 listen streams.
        max_subscribers: handshake-era connections with subscriptions (beyond: E429).
        max_uris: URIs one connection may follow (beyond: E429).
        max_bus_pending: distinct URIs waiting for the bus (beyond: the oldest is dropped;
            listen streams are advisory and re-read on reconnect anyway).
        send_timeout: seconds a subscriber may take to accept one notification before it is
            dropped.
    """

    def __init__(
        self,
        bus: SubscriptionBus,
        *,
        max_subscribers: int = 1024,
        max_uris: int = 256,
        max_bus_pending: int = 1024,
        send_timeout: float = 10.0,
    ) -> None:
        self.bus = bus
        self.max_subscribers = max_subscribers
        self.max_uris = max_uris
        self.max_bus_pending = max_bus_pending
        self.send_timeout = send_timeout
        self._subscribers: dict[Connection, _Subscriber] = {}
        self._by_uri: dict[str, set[_Subscriber]] = {}
        self._bus_pending: OrderedDict[str, None] = OrderedDict()
        self._bus_wake = trio.Event()
        self._nursery: trio.Nursery | None = None
        self.sent = 0
        self.dropped = 0

    def __len__(self) -> int:
        """Connections with at least one subscription."""
        return len(self._subscribers)

    # -- the request handlers ------------------------------------------------------------------

    def subscribe(self, ctx: ServerRequestContext[Any, Any], uri: str) -> None:
        """``resources/subscribe`` from the connection of ``ctx``.

        Raises:
            UnavailableError: E503 when the server is not serving (no sender tasks).
            RateLimitedError: E429 past ``max_subscribers`` or ``max_uris``.
        """
        nursery = self._nursery
        connection = connection_of(ctx)
        if nursery is None or connection is None:
            raise UnavailableError(
                "resources/subscribe: this MCP server is not serving subscriptions; run it "
                "inside McpServer.serving()"
            )
        if not connection.has_standalone_channel:
            raise UnavailableError(
                f"resources/subscribe {uri!r}: this connection cannot receive notifications "
                "(the wire tunnel carries one reply per message); subscribe over stdio or "
                "streamable HTTP, or follow the node's channels instead"
            )
        subscriber = self._subscribers.get(connection)
        if subscriber is None:
            if len(self._subscribers) >= self.max_subscribers:
                raise RateLimitedError(
                    f"resources/subscribe: {self.max_subscribers} connections already follow "
                    "resources; unsubscribe elsewhere or retry later",
                    retry_after_ms=1000,
                )
            subscriber = self._subscribers[connection] = _Subscriber(connection)
            connection.exit_stack.callback(self._drop, subscriber)
            nursery.start_soon(self._deliver, subscriber)
        if uri not in subscriber.uris:
            if len(subscriber.uris) >= self.max_uris:
                raise RateLimitedError(
                    f"resources/subscribe {uri!r}: this connection follows {self.max_uris} "
                    "resources already; unsubscribe from some first",
                    retry_after_ms=1000,
                )
            subscriber.uris.add(uri)
            self._by_uri.setdefault(uri, set()).add(subscriber)

    def unsubscribe(self, ctx: ServerRequestContext[Any, Any], uri: str) -> None:
        """``resources/unsubscribe`` (unknown URIs are fine: nothing to do)."""
        connection = connection_of(ctx)
        subscriber = None if connection is None else self._subscribers.get(connection)
        if subscriber is None or uri not in subscriber.uris:
            return
        subscriber.uris.discard(uri)
        subscriber.pending.pop(uri, None)
        self._unindex(subscriber, uri)

    # -- updates ----------------------------------------------------------------------------

    def updated(self, uri: str) -> None:
        """Tell everyone following ``uri`` (never blocks)."""
        for subscriber in self._by_uri.get(uri, ()):
            subscriber.pending[uri] = None
            subscriber.wake.set()
        if self._nursery is not None:
            pending = self._bus_pending
            pending[uri] = None
            pending.move_to_end(uri)
            while len(pending) > self.max_bus_pending:
                pending.popitem(last=False)
            self._bus_wake.set()

    async def serve(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        """Run the sender tasks until cancelled."""
        async with trio.open_nursery() as nursery:
            self._nursery = nursery
            try:
                nursery.start_soon(self._publish)
                task_status.started()
                await trio.sleep_forever()
            finally:
                self._nursery = None
                nursery.cancel_scope.cancel()

    async def _publish(self) -> None:
        while True:
            await self._bus_wake.wait()
            self._bus_wake = trio.Event()
            while self._bus_pending:
                uri, _ = self._bus_pending.popitem(last=False)
                await self.bus.publish(ResourceUpdated(uri))

    async def _deliver(self, subscriber: _Subscriber) -> None:
        while subscriber.connection in self._subscribers:
            await subscriber.wake.wait()
            subscriber.wake = trio.Event()
            while subscriber.pending:
                uri = next(iter(subscriber.pending))
                del subscriber.pending[uri]
                with trio.move_on_after(self.send_timeout) as scope:
                    await subscriber.connection.send_resource_updated(uri)
                if scope.cancelled_caught:
                    log.warning(
                        "mcp: a subscriber did not take an update of %r within %gs; dropped "
                        "with its %d subscription(s)",
                        uri, self.send_timeout, len(subscriber.uris),
                    )  # fmt: skip
                    self.dropped += 1
                    self._drop(subscriber)
                    return
                self.sent += 1

    def _drop(self, subscriber: _Subscriber) -> None:
        if self._subscribers.get(subscriber.connection) is not subscriber:
            return
        del self._subscribers[subscriber.connection]
        for uri in list(subscriber.uris):
            self._unindex(subscriber, uri)
        subscriber.uris.clear()
        subscriber.pending.clear()
        subscriber.wake.set()  # its sender task sees it is gone and ends

    def _unindex(self, subscriber: _Subscriber, uri: str) -> None:
        followers = self._by_uri.get(uri)
        if followers is not None:
            followers.discard(subscriber)
            if not followers:
                del self._by_uri[uri]
