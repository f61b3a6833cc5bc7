"""In-process channels: named topics, glob subscriptions, bounded drop-oldest buffers.

The wire protocol's ``subscribe``/``event`` messages and event-driven compositions sit on top of
this hub. Publishing never blocks and never grows memory: each subscriber has its own bounded
buffer; when it is full the oldest event is dropped and counted, and the count travels with the
next event the subscriber receives.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from types import TracebackType
from typing import Any

import trio

from .errors import MalformedError, RateLimitedError

__all__ = [
    "ChannelEvent",
    "ChannelStatistics",
    "Channels",
    "Subscription",
    "SubscriptionStatistics",
]

_CHANNEL = re.compile(r"^[A-Za-z0-9_\-:]+(\.[A-Za-z0-9_\-:]+)*$")
_PATTERN = re.compile(r"^[A-Za-z0-9_\-:.*?\[\]!]+$")


@dataclass(frozen=True, slots=True)
class ChannelEvent:
    """One delivered event; ``dropped`` counts events lost to overflow just before this one."""

    channel: str
    payload: dict[str, Any]
    dropped: int = 0


@dataclass(frozen=True, slots=True)
class ChannelStatistics:
    """``node.channels.statistics()``.

    Attributes:
        subscriptions: live subscriptions (at most ``max_subscriptions``).
        published: events published so far.
        dropped: events lost to full buffers so far, over every subscription ever made.
        by_subscription: each live subscription's pattern, buffered events and drops.
    """

    subscriptions: int
    published: int
    dropped: int
    by_subscription: tuple[SubscriptionStatistics, ...] = ()


@dataclass(frozen=True, slots=True)
class SubscriptionStatistics:
    """One live subscription in :class:`ChannelStatistics`.

    Attributes:
        pattern: the glob it subscribed with.
        buffered: events waiting in its buffer.
        dropped: events it lost to its full buffer (drop-oldest).
    """

    pattern: str
    buffered: int
    dropped: int


class Subscription:
    """An async iterator of :class:`ChannelEvent` for one glob pattern. Close it (or use it as
    a context manager) to stop receiving."""

    def __init__(self, hub: Channels, pattern: str, buffer: int) -> None:
        self.pattern = pattern
        self.dropped = 0
        self._hub = hub
        self._buffer: deque[ChannelEvent] = deque(maxlen=buffer)
        self._pending_drops = 0
        self._lot = trio.lowlevel.ParkingLot()
        self._closed = False

    def matches(self, channel: str) -> bool:
        return fnmatchcase(channel, self.pattern)

    def offer(self, event: ChannelEvent) -> None:
        if len(self._buffer) == self._buffer.maxlen:
            self.dropped += 1
            self._pending_drops += 1
            self._hub.dropped += 1
        self._buffer.append(event)
        self._lot.unpark_all()

    def receive_nowait(self) -> ChannelEvent:
        """The next buffered event.

        Raises:
            trio.WouldBlock: the buffer is empty (as trio's ``receive_nowait`` does).
            trio.EndOfChannel: the subscription is closed and its buffer drained.
        """
        if not self._buffer:
            if self._closed:
                raise trio.EndOfChannel
            raise trio.WouldBlock
        event = self._buffer.popleft()
        if self._pending_drops:
            # Drops add up: an event relayed from a remote node may carry the node's count.
            event = ChannelEvent(event.channel, event.payload, event.dropped + self._pending_drops)
            self._pending_drops = 0
        return event

    async def receive(self) -> ChannelEvent:
        """Wait for the next event; raises ``trio.EndOfChannel`` once closed and drained."""
        while True:
            try:
                event = self.receive_nowait()
            except trio.WouldBlock:
                await self._lot.park()
            else:
                await trio.lowlevel.checkpoint()
                return event

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._hub._remove(self)
            self._lot.unpark_all()

    def __aiter__(self) -> AsyncIterator[ChannelEvent]:
        return self

    async def __anext__(self) -> ChannelEvent:
        try:
            return await self.receive()
        except trio.EndOfChannel:
            raise StopAsyncIteration from None

    def __enter__(self) -> Subscription:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class Channels:
    """The node's pub/sub hub.

    Args:
        max_subscriptions: bound on live subscriptions (E429 beyond it).
        default_buffer: events buffered per subscriber before drop-oldest starts.
    """

    def __init__(self, *, max_subscriptions: int = 10_000, default_buffer: int = 256) -> None:
        self._subs: list[Subscription] = []
        self.max_subscriptions = max_subscriptions
        self.default_buffer = default_buffer
        self.published = 0
        self.dropped = 0
        """Events dropped by full subscriber buffers, over every subscription ever made."""

    def subscribe(self, pattern: str, *, buffer: int | None = None) -> Subscription:
        """Subscribe to channels matching the glob ``pattern`` (``"orders.*"``)."""
        if not _PATTERN.match(pattern):
            raise MalformedError(
                f"channel pattern {pattern!r}: use letters, digits, '._-:' and globs"
            )
        size = self.default_buffer if buffer is None else buffer
        if size < 1:
            raise ValueError(f"buffer must be >= 1, got {size!r}")
        if len(self._subs) >= self.max_subscriptions:
            raise RateLimitedError(
                f"channel subscriptions: limit of {self.max_subscriptions} reached",
                retry_after_ms=1000,
            )
        sub = Subscription(self, pattern, size)
        self._subs.append(sub)
        return sub

    def publish(self, channel: str, payload: dict[str, Any]) -> int:
        """Deliver to every matching subscriber without blocking; returns how many matched."""
        if not _CHANNEL.match(channel):
            raise MalformedError(
                f"channel {channel!r}: use dot-separated names of letters, digits and '_-:'"
            )
        self.published += 1
        event = ChannelEvent(channel, payload)
        reached = 0
        for sub in self._subs:
            if sub.matches(channel):
                sub.offer(event)
                reached += 1
        return reached

    def subscriber_count(self) -> int:
        return len(self._subs)

    def statistics(self) -> ChannelStatistics:
        """Subscriptions, events published, and events dropped by full buffers (a frozen
        snapshot)."""
        return ChannelStatistics(
            subscriptions=len(self._subs),
            published=self.published,
            dropped=self.dropped,
            by_subscription=tuple(
                SubscriptionStatistics(sub.pattern, len(sub._buffer), sub.dropped)
                for sub in self._subs
            ),
        )

    def _remove(self, sub: Subscription) -> None:
        self._subs.remove(sub)
