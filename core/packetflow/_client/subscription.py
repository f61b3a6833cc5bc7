"""A channel subscription held by a remote client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import trio

from .._channels import ChannelEvent, Subscription
from ..errors import PacketFlowError

__all__ = ["ClientSubscription"]


class ClientSubscription:
    """Events of channels matching ``pattern``, as an async iterator of
    :class:`~packetflow.ChannelEvent` (``event.dropped`` counts events lost before it, on the
    node or in this client's bounded buffer).

    It survives reconnects: the client subscribes again, and ``gaps`` counts the reconnects
    during which events may have been missed. If the client gives up (or the node refuses the
    renewed subscription), iteration raises that error.
    """

    def __init__(self, pattern: str, sub_id: str, inner: Subscription) -> None:
        self.pattern = pattern
        self.id = sub_id
        self.gaps = 0
        self.error: PacketFlowError | None = None
        self._inner = inner

    def __repr__(self) -> str:
        return f"<ClientSubscription {self.pattern!r} id={self.id!r}>"

    @property
    def dropped(self) -> int:
        """Events dropped by this client's buffer (the node's drops arrive on the events)."""
        return self._inner.dropped

    def offer(self, event: ChannelEvent) -> None:
        self._inner.offer(event)

    def fail(self, error: PacketFlowError) -> None:
        self.error = error
        self._inner.close()

    def close(self) -> None:
        self._inner.close()

    async def receive(self) -> ChannelEvent:
        """The next event.

        Raises:
            trio.EndOfChannel: the subscription was closed.
            PacketFlowError: the client lost the subscription (see the class docstring).
        """
        try:
            return await self._inner.receive()
        except trio.EndOfChannel:
            if self.error is not None:
                raise self.error from None
            raise

    def __aiter__(self) -> AsyncIterator[ChannelEvent]:
        return self

    async def __anext__(self) -> ChannelEvent:
        try:
            return await self.receive()
        except trio.EndOfChannel:
            raise StopAsyncIteration from None
