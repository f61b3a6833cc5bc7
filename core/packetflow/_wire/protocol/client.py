"""The client side of one connection, as a state machine without I/O.

A connection starts with the text of :meth:`ClientProtocol.hello`; everything the node sends
goes to :meth:`~ClientProtocol.receive`, the clock to :meth:`~ClientProtocol.tick`. A request
is built by :func:`request_text` (or encoded from its model), its reply's waiter registered
with :meth:`~ClientProtocol.expect` (which holds it to the node's size limit), and
:meth:`~ClientProtocol.forget` is called when the wait is over: when no reply came, it returns
the ``cancel`` to send. Replies, events and the node ending a subscription come out of
``receive`` as outputs naming the waiter or the subscription's sink; :func:`outcome` turns a
reply into its payload or typed error. When the connection is lost,
:meth:`~ClientProtocol.lost` fails every waiting request with its own E503.

Replies are routed as plain dicts (:func:`~packetflow._wire.codec.parse_object`): building
their models would double the client's cost per call, and the typed views (errors, events)
are built where they are used.

The trio shell is :class:`packetflow.Client` (:mod:`packetflow._client.client`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, TypeAlias

from pydantic_core import PydanticSerializationError, to_json

from ..._channels import ChannelEvent
from ...errors import MalformedError, PacketFlowError, TooLargeError, UnavailableError, from_wire
from ..codec import Limits, decode, encode, parse_object
from ..messages import PROTOCOL_VERSION, Cancel, Heartbeat, Hello, Welcome
from .clocks import Liveness
from .events import (
    ClientOutput,
    Deliver,
    EndSubscription,
    EventSink,
    Refused,
    ReplyWaiter,
    Resolve,
    Send,
    Welcomed,
)

__all__ = [
    "CLIENT_BEAT_PREFIX",
    "CLIENT_LIMITS",
    "ClientProtocol",
    "channel_event",
    "error_of",
    "outcome",
    "request_text",
]

log = logging.getLogger("packetflow.client")

# Replies can be large (discovery with schemas); the client trusts its node more than the node
# trusts its clients, but still bounds what it parses.
CLIENT_LIMITS = Limits(max_bytes=16 << 20, max_depth=64, max_string=16 << 20)
CLIENT_BEAT_PREFIX = "hb-client-"
HELLO_ID = "hello"

Outputs: TypeAlias = tuple[ClientOutput, ...]


class ClientProtocol:
    """The client side of one connection (see the module docstring).

    Args:
        peer: the node's address, as error messages name it.
        subscriptions: the client's subscriptions by id, alive across its connections (this
            protocol only reads it, to route events).
    """

    def __init__(self, peer: str, subscriptions: Mapping[str, EventSink]) -> None:
        self.peer = peer
        self.subscriptions = subscriptions
        self.pending: dict[str, ReplyWaiter] = {}
        self.welcome: Welcome | None = None
        self.liveness: Liveness | None = None  # from the welcome on
        self.max_bytes = 1 << 20  # the node's limit, once its welcome says it
        self.closed = False

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("open" if self.welcome else "handshake")
        return f"<ClientProtocol {self.peer} {state} pending={len(self.pending)}>"

    @property
    def next_tick(self) -> float:
        """When :meth:`tick` has something to do (the next heartbeat)."""
        return float("inf") if self.liveness is None or self.closed else self.liveness.next_beat

    def hello(self, token: str | None, name: str) -> str:
        """The first message to send."""
        return encode(Hello(id=HELLO_ID, token=token, client=name, versions=[PROTOCOL_VERSION]))

    # -- input -----------------------------------------------------------------------------

    def receive(self, data: str | bytes, now: float) -> Outputs:
        """One message from the node."""
        liveness = self.liveness
        if liveness is None:
            return self._handshake(data, now)
        liveness.seen(now)
        try:
            message = parse_object(data, CLIENT_LIMITS)
        except PacketFlowError as exc:
            log.warning("client: unreadable message from %s: %s", self.peer, exc.message)
            return ()
        kind, msg_id = message["type"], message.get("id")
        key = msg_id if isinstance(msg_id, str) else ""
        if kind == "event":
            sink = self.subscriptions.get(key)
            return () if sink is None else (Deliver(sink, channel_event(message)),)
        if kind == "heartbeat":
            if isinstance(msg_id, str) and liveness.is_answer(msg_id):
                return ()
            return (Send(encode(Heartbeat(id=str(msg_id)))),)
        waiter = self.pending.pop(key, None)
        if waiter is not None:
            return (Resolve(waiter, message),)
        if kind == "capability_error":
            sink = self.subscriptions.get(key)
            if sink is not None:  # the node ended the subscription
                return (EndSubscription(sink, error_of(message)),)
            log.warning("client: node error without a pending request: %s", message)
        return ()

    def tick(self, now: float) -> Outputs:
        """The clock: a heartbeat when one is due, or the verdict on a silent node."""
        if self.liveness is None or self.closed:
            return ()
        verdict = self.liveness.tick(now)
        return () if verdict is None else (verdict,)

    def stalled(self) -> Outputs:
        """A :class:`~.events.Beat` could not be sent in time: the node stopped reading."""
        if self.liveness is None or self.closed:
            return ()
        return (self.liveness.stalled(),)

    # -- requests --------------------------------------------------------------------------

    def expect(self, msg_id: str, text: str, waiter: ReplyWaiter) -> None:
        """Route the reply to request ``msg_id`` (about to be sent as ``text``) to ``waiter``.

        Raises:
            TooLargeError: E413, ``text`` is above the node's limit (nothing was registered).
        """
        if len(text) > self.max_bytes:
            raise TooLargeError(
                f"request of {len(text)} bytes is above the node's limit of {self.max_bytes}; "
                "send less data",
                details={"limit": "max_bytes", "max": self.max_bytes},
            )
        self.pending[msg_id] = waiter

    def forget(self, msg_id: str) -> str | None:
        """The wait for ``msg_id`` is over; returns the ``cancel`` to send when no reply came
        (the caller gave up: the node should stop the work)."""
        if self.pending.pop(msg_id, None) is None or self.closed:
            return None
        return encode(Cancel(id=msg_id))

    def lost(self, close_code: int | None) -> tuple[Resolve, ...]:
        """The connection is gone: every waiting request gets its own E503."""
        self.closed = True
        outputs = tuple(
            Resolve(waiter, self.lost_error(close_code)) for waiter in self.pending.values()
        )
        self.pending.clear()
        return outputs

    def lost_error(self, close_code: int | None) -> UnavailableError:
        """The error of a request whose connection closed (with ``close_code``) first."""
        return UnavailableError(
            f"connection to {self.peer} closed (code {close_code}) before the reply; the "
            "request may or may not have run",
            retry_after_ms=100,
            details={"close_code": close_code},
        )

    # -- the handshake ---------------------------------------------------------------------

    def _handshake(self, data: str | bytes, now: float) -> Outputs:
        try:
            message = decode(data, CLIENT_LIMITS)
        except PacketFlowError as exc:
            return (Refused(exc),)
        if message.type == "capability_error" and message.id == HELLO_ID:
            return (Refused(from_wire(message.error.model_dump())),)
        if message.type != "welcome":
            return ()  # nothing else is meant for a client that has no session yet
        limits = message.limits
        try:
            max_bytes = int(limits.get("max_message_bytes", 1 << 20))
            missed = int(limits.get("missed_heartbeats", 3))
            liveness = Liveness(message.heartbeat_s, missed, CLIENT_BEAT_PREFIX, now)
        except (TypeError, ValueError, OverflowError) as exc:
            return (Refused(MalformedError(f"welcome from {self.peer} has bad limits: {exc}")),)
        self.max_bytes, self.liveness, self.welcome = max_bytes, liveness, message
        return (Welcomed(message),)


def request_text(
    kind: str,
    msg_id: str,
    fields: Mapping[str, Any],
    payload: Any,
    timeout: float | None,
    context: Mapping[str, Any] | None,
    metadata: Mapping[str, Any] | None,
) -> str:
    """A request-like message (``capability_request``, ``actor_message``) as text, built as a
    dict: ``payload`` may be a mapping or a pydantic model, serialised once.

    Raises:
        MalformedError: E400, ``payload`` is not JSON-serialisable.
    """
    message: dict[str, Any] = {
        "version": PROTOCOL_VERSION,
        "type": kind,
        "id": msg_id,
        **fields,
        "payload": {} if payload is None else payload,
    }
    meta = dict(metadata) if metadata else {}
    if timeout is not None:
        meta["timeout_ms"] = timeout * 1000
    if meta:
        message["metadata"] = meta
    if context:
        message["context"] = context
    try:
        return to_json(message).decode()
    except PydanticSerializationError as exc:
        raise MalformedError(
            f"request {dict(fields)}: payload is not JSON-serialisable ({exc}); send plain data "
            "or pydantic models"
        ) from exc


def outcome(reply: dict[str, Any] | PacketFlowError) -> dict[str, Any]:
    """The reply message of a request, or the typed error it carries (raised)."""
    if isinstance(reply, PacketFlowError):
        raise reply
    if reply["type"] == "capability_error":
        raise error_of(reply)
    return reply


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
