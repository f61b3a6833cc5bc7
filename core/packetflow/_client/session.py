"""One physical connection of a :class:`~packetflow.Client`: the socket, the replies it waits
for, and the heartbeats."""

from __future__ import annotations

from typing import Any

import trio
from trio_websocket import ConnectionClosed, WebSocketConnection

from .._channels import ChannelEvent
from .._wire.liveness import Liveness
from .._wire.messages import Welcome
from ..errors import PacketFlowError, UnavailableError, from_wire

__all__ = ["Session", "Slot", "channel_event", "error_of"]


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
    """A connected, welcomed socket. Replies are matched to :class:`Slot` objects by id."""

    def __init__(self, ws: WebSocketConnection, welcome: Welcome, url: str) -> None:
        self.ws = ws
        self.welcome = welcome
        self.url = url
        self.pending: dict[str, Slot] = {}
        self.closed = False
        self.close_code: int | None = None
        limits = welcome.limits
        self.max_bytes = int(limits.get("max_message_bytes", 1 << 20))
        self.liveness = Liveness(
            welcome.heartbeat_s, int(limits.get("missed_heartbeats", 3)), "hb-client-"
        )

    async def send(self, text: str) -> None:
        """Send one message.

        Raises:
            UnavailableError: E503 when the connection is gone.
        """
        try:
            await self.ws.send_message(text)
        except ConnectionClosed as exc:
            self.closed = True
            raise self.lost(exc.reason.code if exc.reason else None) from None

    async def send_quietly(self, text: str) -> None:
        """Best-effort send (cancel notices, heartbeat answers)."""
        try:
            await self.ws.send_message(text)
        except ConnectionClosed:
            self.closed = True

    def lost(self, code: int | None = None) -> UnavailableError:
        code = code if code is not None else self.close_code
        return UnavailableError(
            f"connection to {self.url} closed (code {code}) before the reply; the request "
            "may or may not have run",
            retry_after_ms=100,
            details={"close_code": code},
        )

    def fail_pending(self) -> None:
        """Wake every waiting request with its own E503 (the connection is gone)."""
        self.closed = True
        for slot in self.pending.values():
            slot.resolve(self.lost())
        self.pending.clear()


def error_of(message: dict[str, Any]) -> PacketFlowError:
    """The typed error of a ``capability_error`` reply (its ``metadata`` kept on the error)."""
    error = message.get("error")
    return from_wire(
        error if isinstance(error, dict) else {"code": "E500"}, message.get("metadata")
    )


def channel_event(message: dict[str, Any]) -> ChannelEvent:
    """The :class:`ChannelEvent` of an ``event`` message (``metadata.dropped`` included)."""
    metadata = message.get("metadata")
    dropped = metadata.get("dropped", 0) if isinstance(metadata, dict) else 0
    payload = message.get("payload")
    return ChannelEvent(
        str(message.get("channel", "")),
        payload if isinstance(payload, dict) else {},
        dropped if isinstance(dropped, int) else 0,
    )
