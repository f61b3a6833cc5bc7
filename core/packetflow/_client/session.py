"""One physical connection of a :class:`~packetflow.Client`: the socket and the protocol object
that speaks on it, and the slot a call waits on until its reply."""

from __future__ import annotations

from typing import Any

import trio
from trio_websocket import ConnectionClosed, WebSocketConnection

from .._lowlevel import OneShot
from .._wire.messages import Welcome
from .._wire.protocol.client import ClientProtocol
from .._wire.protocol.events import Deliver, EndSubscription, Resolve, Send
from ..errors import PacketFlowError, UnavailableError

__all__ = ["Session", "Slot"]


class Slot(OneShot[dict[str, Any] | PacketFlowError]):
    """Where the reply to one request lands (``reply``, the first ``resolve``), and where its
    caller waits for it (``wait``): the reader task wakes the calling task directly, once per
    call (see :class:`~packetflow._lowlevel.OneShot`)."""

    __slots__ = ()


class Session:
    """A connected, welcomed socket and its :class:`ClientProtocol`."""

    def __init__(self, ws: WebSocketConnection, protocol: ClientProtocol) -> None:
        assert protocol.welcome is not None
        self.ws = ws
        self.protocol = protocol
        self.welcome: Welcome = protocol.welcome
        self.close_code: int | None = None

    @property
    def closed(self) -> bool:
        return self.protocol.closed

    async def receive(self, data: str | bytes) -> None:
        """Carry out what one message from the node means: a reply wakes its call, an event
        goes to its subscription, a heartbeat is answered.

        It never raises: it may run in the websocket's own reader task
        (:func:`~packetflow._lowlevel.hand_off_messages`). What the node sends wrong, the
        protocol logs and drops.
        """
        for output in self.protocol.receive(data, trio.current_time()):
            if isinstance(output, Resolve):
                output.waiter.resolve(output.reply)
            elif isinstance(output, Deliver):
                output.sink.offer(output.event)
            elif isinstance(output, Send):  # a heartbeat answered
                await self.send_quietly(output.text)
            elif isinstance(output, EndSubscription):
                output.sink.fail(output.error)

    async def send(self, text: str) -> None:
        """Send one message.

        Raises:
            UnavailableError: E503 when the connection is gone.
        """
        try:
            await self.ws.send_message(text)
        except ConnectionClosed as exc:
            self.protocol.closed = True
            raise self.lost(exc.reason.code if exc.reason else None) from None

    async def send_quietly(self, text: str) -> None:
        """Best-effort send (cancel notices, heartbeat answers)."""
        try:
            await self.ws.send_message(text)
        except ConnectionClosed:
            self.protocol.closed = True

    def lost(self, code: int | None = None) -> UnavailableError:
        return self.protocol.lost_error(code if code is not None else self.close_code)

    def fail_pending(self) -> None:
        """Wake every waiting request with its own E503 (the connection is gone)."""
        for output in self.protocol.lost(self.close_code):
            output.waiter.resolve(output.reply)
