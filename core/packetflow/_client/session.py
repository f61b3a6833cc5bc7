"""One physical connection of a :class:`~packetflow.Client`: the socket and the protocol object
that speaks on it, and the trio waiter a call parks on until its reply."""

from __future__ import annotations

from typing import Any

import trio
from trio_websocket import ConnectionClosed, WebSocketConnection

from .._wire.messages import Welcome
from .._wire.protocol.client import ClientProtocol
from ..errors import PacketFlowError, UnavailableError

__all__ = ["Session", "Slot"]


class Slot:
    """Where the reply to one request lands, and where its caller waits for it.

    Lighter than a ``trio.Event`` (one waiter, no parking lot): the reader wakes the calling
    task directly, once per call.
    """

    __slots__ = ("_waiter", "reply")

    def __init__(self) -> None:
        self.reply: dict[str, Any] | PacketFlowError | None = None
        self._waiter: trio.lowlevel.Task | None = None

    def resolve(self, reply: dict[str, Any] | PacketFlowError) -> None:
        """Store the first reply and wake the caller (later replies are ignored)."""
        if self.reply is None:
            self.reply = reply
            waiter, self._waiter = self._waiter, None
            if waiter is not None:
                trio.lowlevel.reschedule(waiter)

    async def wait(self) -> None:
        """Wait until a reply is stored (a checkpoint either way; cancellable)."""
        if self.reply is not None:
            await trio.lowlevel.checkpoint()
            return
        self._waiter = trio.lowlevel.current_task()
        await trio.lowlevel.wait_task_rescheduled(self._abort)

    def _abort(self, _: Any) -> trio.lowlevel.Abort:
        self._waiter = None  # cancelled: a reply arriving later must not wake the task
        return trio.lowlevel.Abort.SUCCEEDED


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
