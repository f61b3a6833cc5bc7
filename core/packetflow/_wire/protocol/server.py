"""The node side of one connection, as a state machine without I/O (the h11 shape).

Feed it what the peer sent (:meth:`ServerProtocol.receive`, or :meth:`~ServerProtocol.handle`
for a message already decoded) and the clock (:meth:`~ServerProtocol.tick`); it answers with
the outputs of :mod:`.events` -- text to send, a request to run, a token to check, a
subscription to open, a close -- and the transport reports back what became of them:

=========================  ==========================================================
output                     the transport then calls
=========================  ==========================================================
``Authenticate``           ``welcome(auth, principal, now)`` / ``refuse(auth, error, now)``
``Run``                    ``reply(request, response)`` / ``fail(request, error)`` /
                           ``cancelled(request)``, then ``done(request.id)`` once sent
``OpenSubscription``       ``forward(id, channel, event)`` per event
``Publish`` / ``Query``    ``published(...)`` / ``discovered(...)``
any of these               ``failed(output, error)`` when it could not be done
``Beat``                   ``stalled()`` when it could not be sent in time
=========================  ==========================================================

What it keeps, all bounded: the session (principal, agreed version), requests in flight by id
(at most ``max_in_flight``: E429 beyond it, E409 for an id already in flight), subscriptions by
pattern (at most ``max_subscriptions``), strikes for garbage and failed hellos (close 1008),
the hello deadline (1008) and heartbeats (4408). It reads no clock but the wall clock behind a
token's expiry (a JWT ``exp`` is UNIX time).

Beside it: :mod:`.admission` (the checks that need no connection state: envelope, version,
the scope a request needs) and :mod:`.ports` (what it asks of the node: :class:`Gate`,
:class:`Described`). The trio WebSocket shell is
:class:`packetflow._wire.connection.Connection`; the in-memory client of
:mod:`packetflow.testing` drives the same shell over a memory stream.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias

from ..._lowlevel import set_field
from ...errors import (
    ConflictError,
    ExecutionFailedError,
    MalformedError,
    NotFoundError,
    PacketFlowError,
    RateLimitedError,
    TooLargeError,
    UnauthenticatedError,
    UnavailableError,
)
from ..codec import decode, encode, error_reply
from ..messages import (
    Cancel,
    CapabilityResponse,
    Discover,
    Discovery,
    Envelope,
    Event,
    Heartbeat,
    Hello,
    McpResponse,
    Message,
    Subscribe,
    Unsubscribe,
    Welcome,
)
from .admission import (
    REQUEST_MODELS,
    SUPPORTED_VERSIONS,
    authorize,
    capability_of,
    check_envelope,
    negotiate,
)
from .clocks import Liveness, Strikes
from .events import (
    CLOSE_GOING_AWAY,
    CLOSE_POLICY,
    CLOSE_TOO_BIG,
    Authenticate,
    CancelRun,
    Close,
    CloseSubscription,
    OpenSubscription,
    Publish,
    Query,
    Request,
    Run,
    Send,
    ServerOutput,
)
from .ports import Described, Gate

if TYPE_CHECKING:
    from ..._auth.principal import Principal
    from ..._channels import ChannelEvent
    from ..config import ServerConfig

__all__ = ["NODE_BEAT_PREFIX", "SUPPORTED_VERSIONS", "Described", "Gate", "ServerProtocol"]

log = logging.getLogger("packetflow.wire")

NODE_BEAT_PREFIX = "hb-node-"
_STRIKE_REFILL_PER_S = 0.1  # one more tolerated malformed message every 10 s

Outputs: TypeAlias = tuple[ServerOutput, ...]


class ServerProtocol:
    """The node side of one connection (see the module docstring).

    Args:
        config: the limits, heartbeats and handshake timeout of the wire server.
        gate: draining state and per-token rate limits, shared by the node's connections.
        session_id / node_id / node_name: what ``welcome`` and error messages name.
        now: the clock at connection time (the hello deadline counts from it).
    """

    def __init__(
        self,
        config: ServerConfig,
        gate: Gate,
        *,
        session_id: str,
        node_id: str,
        node_name: str,
        now: float,
    ) -> None:
        self.config = config
        self.gate = gate
        self.session_id = session_id
        self.node_id = node_id
        self.node_name = node_name
        self.principal: Principal | None = None
        self.version: str | None = None
        # Request id -> True while it runs (a cancel applies), False once its reply is being
        # sent. Every entry counts against max_in_flight until done(): a peer that stops
        # reading holds the node's memory to max_in_flight replies, not more.
        self.in_flight: dict[str, bool] = {}
        self.subscriptions: dict[str, str] = {}  # channel pattern -> subscription id
        self.liveness: Liveness | None = None  # from the welcome on
        self.closed: Close | None = None
        self._limits = config.limits
        self._hello_deadline = now + config.handshake_timeout
        self._strikes = Strikes(config.max_malformed, _STRIKE_REFILL_PER_S)
        self._cut_off = False
        self._handlers: dict[str, Callable[[Any, float], Outputs]] = {
            "hello": self._on_hello,
            "cancel": self._on_cancel,
            "heartbeat": self._on_heartbeat,
            "subscribe": self._on_subscribe,
            "unsubscribe": self._on_unsubscribe,
            "event": self._on_publish,
            "discover": self._on_discover,
        }

    def __repr__(self) -> str:
        who = self.principal.sub if self.principal else "-"
        return f"<ServerProtocol {self.session_id} {who} in_flight={len(self.in_flight)}>"

    @property
    def next_tick(self) -> float:
        """When :meth:`tick` has something to do next (the hello deadline, then each beat;
        never once closed)."""
        if self.closed is not None:
            return math.inf
        return self._hello_deadline if self.liveness is None else self.liveness.next_beat

    # -- input -----------------------------------------------------------------------------

    def receive(self, data: str | bytes, now: float) -> Outputs:
        """One message as it came off the transport (text, or bytes of UTF-8)."""
        if self.closed is not None:
            return ()
        if len(data) > self._limits.max_bytes:
            # A WebSocket transport closes with 1009 itself before the message gets here.
            return self._close(
                CLOSE_TOO_BIG,
                f"message of {len(data)} bytes is above the limit of {self._limits.max_bytes}",
            )
        if self.liveness is not None:
            self.liveness.seen(now)
        try:
            message = decode(data, self._limits)
        except (MalformedError, TooLargeError) as exc:
            details = exc.details if isinstance(exc.details, dict) else {}
            self.gate.note_refused(exc.code)
            text = encode(error_reply(exc, details.get("id") or ""))
            if self._strikes.strike(now):
                return (Send(text), *self._close(CLOSE_POLICY, "too many malformed messages"))
            return (Send(text),)
        return self.handle(message, now)

    def handle(self, message: Message, now: float) -> Outputs:
        """One decoded message (for a transport that decodes by itself)."""
        if self.closed is not None:
            return ()
        try:
            check_envelope(message, established=self.principal is not None, version=self.version)
            if isinstance(message, REQUEST_MODELS):
                self._admit_request(message)
                return (Run(message),)
            handler = self._handlers.get(message.type)
            if handler is None:
                raise MalformedError(
                    f"{message.type!r} messages go from node to client; a client cannot send them"
                )
            return handler(message, now)
        except PacketFlowError as exc:
            self.gate.note_refused(exc.code)
            text = self._error_text(exc, message.id, capability_of(message))
            if message.type == "hello" and self._strikes.strike(now):
                return (Send(text), *self._close(CLOSE_POLICY, "too many failed hellos"))
            return (Send(text),)

    def tick(self, now: float) -> Outputs:
        """The clock: closes a connection without a hello in time, beats, drops a dead peer."""
        if self.closed is not None:
            return ()
        if self.liveness is None:
            if now >= self._hello_deadline:
                timeout = self.config.handshake_timeout
                return self._close(CLOSE_POLICY, f"no hello within {timeout:g}s")
            return ()
        verdict = self.liveness.tick(now)
        if verdict is None:
            return ()
        if isinstance(verdict, Close):
            self.closed = verdict
        return (verdict,)

    def stalled(self) -> Outputs:
        """A :class:`~.events.Beat` could not be sent in time: the peer stopped reading."""
        if self.closed is not None or self.liveness is None:
            return ()
        self.closed = self.liveness.stalled()
        return (self.closed,)

    # -- the session -----------------------------------------------------------------------

    def welcome(self, auth: Authenticate, principal: Principal, now: float) -> Outputs:
        """The token of ``auth.hello`` belongs to ``principal``: the session starts."""
        if self.closed is not None:
            return ()
        if self.principal is not None:  # two hellos checked at once: the first one won
            return (Send(self._error_text(self._established(), auth.hello.id)),)
        self.principal = principal
        self.version = auth.version
        config = self.config
        self.liveness = Liveness(
            config.heartbeat_s, config.missed_heartbeats, NODE_BEAT_PREFIX, now
        )
        welcome = Welcome(
            id=auth.hello.id,
            node_id=self.node_id,
            version=auth.version,
            session_id=self.session_id,
            heartbeat_s=config.heartbeat_s,
            limits={
                **config.limits.to_wire(),
                "max_in_flight": config.max_in_flight,
                "max_subscriptions": config.max_subscriptions,
                "missed_heartbeats": config.missed_heartbeats,
            },
        )
        return (Send(encode(welcome)),)

    def refuse(self, auth: Authenticate, error: PacketFlowError, now: float) -> Outputs:
        """The token of ``auth.hello`` was refused (E401): answer it, and count a strike."""
        if self.closed is not None:
            return ()
        self.gate.note_refused(error.code)
        text = self._error_text(error, auth.hello.id)
        if self._strikes.strike(now):
            return (Send(text), *self._close(CLOSE_POLICY, "too many failed hellos"))
        return (Send(text),)

    def going_away(self) -> Outputs:
        """The node is shutting down: close with 1001."""
        return self._close(CLOSE_GOING_AWAY, "node shutting down")

    # -- requests --------------------------------------------------------------------------

    def reply(self, request: Request, response: CapabilityResponse) -> str:
        """The text answering ``request`` with ``response`` (an ``mcp_response`` for an MCP
        request).

        Raises:
            TooLargeError: the reply is above ``max_bytes`` (answer with :meth:`fail`).
        """
        self.in_flight[request.id] = False  # the reply is under way: a cancel no longer applies
        reply: CapabilityResponse | McpResponse = response
        if request.type == "mcp_request":
            reply = McpResponse(id=request.id, payload=response.payload, metadata=response.metadata)
        elif response.id != request.id:
            reply = response.model_copy(update={"id": request.id})
        return self._sized(encode(reply), request.id)

    def fail(self, request: Request, error: BaseException) -> str:
        """The text answering ``request`` that raised ``error`` (a bug below the node's
        dispatch is an E500 that names no detail; the transport logs it)."""
        self.in_flight[request.id] = False
        if not isinstance(error, PacketFlowError):
            error = ExecutionFailedError(
                f"request {request.id!r} failed inside the node; see the node log"
            )
        return self._error_text(error, request.id, request.capability_id)

    def cancelled(self, request: Request) -> str | None:
        """``request`` was cancelled: no reply when the client asked for it, E503 when the
        node is shutting down (:meth:`cut_off`)."""
        self.in_flight[request.id] = False
        if not self._cut_off:
            return None
        unavailable = UnavailableError(
            f"node {self.node_name!r} shut down before request {request.id!r} finished; it "
            "may or may not have taken effect",
            retry_after_ms=1000,
        )
        return self._error_text(unavailable, request.id, request.capability_id)

    def done(self, request_id: str) -> None:
        """The reply to ``request_id`` is sent (or the connection is gone): it no longer
        counts as in flight."""
        self.in_flight.pop(request_id, None)

    def cut_off(self) -> tuple[CancelRun, ...]:
        """The node is shutting down: cancel every running request (each then gets E503)."""
        self._cut_off = True
        return tuple(CancelRun(rid) for rid, running in self.in_flight.items() if running)

    # -- what the transport did for the other outputs -----------------------------------------

    def forward(self, sub_id: str, channel: str, event: ChannelEvent) -> Outputs:
        """One event of the subscription ``sub_id`` to ``channel``: what to send, if anything."""
        principal = self.principal
        if self.closed is not None or principal is None:
            return ()
        try:
            principal.check_fresh()
        except UnauthenticatedError as exc:  # the token expired: the subscription ends
            self.subscriptions.pop(channel, None)
            return (Send(self._error_text(exc, sub_id)), CloseSubscription(channel))
        # A glob subscription may be wider than the scope that let it in (globs do not compare
        # exactly): every event is checked against the scopes again.
        if not principal.allows("chan", event.channel):
            return ()
        message = Event(
            id=sub_id, channel=event.channel, payload=event.payload,
            metadata={"dropped": event.dropped},
        )  # fmt: skip
        try:
            text = encode(message)
        except ValueError:  # a payload that is not JSON-serialisable
            log.warning("wire: event on %r is not JSON-serialisable", event.channel)
            return ()
        return (Send(text),)

    def published(self, publish: Publish, delivered: int) -> Send:
        """The ack of a client's publish that reached ``delivered`` subscribers."""
        msg = publish.message
        ack = CapabilityResponse(
            id=msg.id, payload={"channel": msg.channel, "delivered": delivered}
        )
        return Send(encode(ack))

    def discovered(self, query: Query, found: Iterable[Described]) -> Send:
        """The answer to a discovery: what the caller's token may call, within the limits."""
        msg, principal = query.message, self.principal
        assert principal is not None  # a Query is only issued on an established session
        # Only what the token may call: discovery does not reveal other capabilities.
        visible = [cap.describe() for cap in found if principal.allows("cap", cap.name)]
        reply = Discovery(id=msg.id, capabilities=visible[: msg.limit])
        try:
            return Send(self._sized(encode(reply), msg.id))
        except TooLargeError as exc:
            return Send(self._error_text(exc, msg.id))

    def failed(self, output: OpenSubscription | Publish | Query, error: PacketFlowError) -> Send:
        """The transport could not do what ``output`` said (a channel pattern the node refuses,
        a registry error): the error answering its message."""
        if isinstance(output, OpenSubscription):
            self.subscriptions.pop(output.channel, None)
            return Send(self._error_text(error, output.id))
        return Send(self._error_text(error, output.message.id))

    # -- checks ----------------------------------------------------------------------------

    def _admit(self, message: Envelope) -> Principal:
        """Checks shared by every message that needs a session; returns the caller."""
        if not message.id:
            raise MalformedError(f"{message.type!r} needs a non-empty 'id' to match its reply")
        if self.gate.draining:
            raise UnavailableError(
                f"node {self.node_name!r} is shutting down; retry on another node",
                retry_after_ms=1000,
            )
        principal = self.principal
        assert principal is not None  # check_envelope let only a hello through before
        principal.check_fresh()
        return principal

    def _admit_request(self, request: Request) -> None:
        """Admit ``request``: it counts as in flight from now on."""
        principal = self._admit(request)
        rid, in_flight = request.id, self.in_flight
        if rid in in_flight:
            raise ConflictError(
                f"request id {rid!r} is already in flight on this connection; use a fresh id "
                "per request",
                details={"id": rid},
            )
        if len(in_flight) >= self.config.max_in_flight:
            raise RateLimitedError(
                f"connection has {len(in_flight)} requests in flight, the limit; wait for "
                "replies before sending more",
                retry_after_ms=50,
                details={"max_in_flight": self.config.max_in_flight},
            )
        if not principal.is_admin:
            authorize(request, principal)
        self.gate.admit(principal)
        ctx = request.context
        if ctx.session_id is None:
            set_field(ctx, "session_id", self.session_id)
        if principal.authenticated:
            # The token, not the client, says who is calling and with which roles.
            set_field(ctx, "user_id", principal.sub)
            set_field(ctx, "roles", list(principal.roles))
        in_flight[rid] = True

    # -- the other messages ----------------------------------------------------------------

    def _on_hello(self, hello: Hello, now: float) -> Outputs:
        if self.principal is not None:
            raise self._established()
        return (Authenticate(hello, negotiate(hello)),)

    def _on_heartbeat(self, beat: Heartbeat, now: float) -> Outputs:
        if beat.id.startswith(NODE_BEAT_PREFIX):  # the answer to one of ours
            return ()
        return (Send(encode(Heartbeat(id=beat.id))),)

    def _on_cancel(self, cancel: Cancel, now: float) -> Outputs:
        # Unknown ids, or a reply being sent: nothing to do.
        return (CancelRun(cancel.id),) if self.in_flight.get(cancel.id) else ()

    def _on_subscribe(self, msg: Subscribe, now: float) -> Outputs:
        principal = self._admit(msg)
        principal.require("chan", "channel pattern", msg.channel)
        self.gate.admit(principal)
        if msg.channel in self.subscriptions:
            raise ConflictError(f"already subscribed to {msg.channel!r} on this connection")
        if len(self.subscriptions) >= self.config.max_subscriptions:
            raise RateLimitedError(
                f"connection has {len(self.subscriptions)} subscriptions, the limit; "
                "unsubscribe first or use a glob",
                retry_after_ms=1000,
            )
        self.subscriptions[msg.channel] = msg.id
        ack = CapabilityResponse(id=msg.id, payload={"channel": msg.channel, "subscribed": True})
        return (OpenSubscription(msg.id, msg.channel, encode(ack)),)

    def _on_unsubscribe(self, msg: Unsubscribe, now: float) -> Outputs:
        self._admit(msg)
        if self.subscriptions.pop(msg.channel, None) is None:
            raise NotFoundError(f"no subscription to {msg.channel!r} on this connection")
        ack = CapabilityResponse(id=msg.id, payload={"channel": msg.channel, "subscribed": False})
        return (CloseSubscription(msg.channel), Send(encode(ack)))

    def _on_publish(self, msg: Event, now: float) -> Outputs:
        principal = self._admit(msg)
        principal.require("chan", "channel", msg.channel)
        self.gate.admit(principal)
        return (Publish(msg),)

    def _on_discover(self, msg: Discover, now: float) -> Outputs:
        self.gate.admit(self._admit(msg))
        return (Query(msg),)

    # -- replies ---------------------------------------------------------------------------

    def _established(self) -> ConflictError:
        return ConflictError(
            f"session {self.session_id!r} is already established; open a new connection to "
            "use other credentials"
        )

    def _error_text(self, exc: PacketFlowError, msg_id: str, capability_id: object = None) -> str:
        # error_reply copies only what has the type a reply holds, and the body is always JSON,
        # so answering a hostile frame cannot fail.
        return encode(error_reply(exc, msg_id, capability_id))

    def _sized(self, text: str, what: str) -> str:
        limit = self._limits.max_bytes
        if len(text) <= limit:
            return text
        raise TooLargeError(
            f"reply to {what!r} would be {len(text)} bytes, above the limit of {limit}; "
            "return less data (or page it)",
            details={"limit": "max_bytes", "max": limit, "size": len(text)},
        )

    def _close(self, code: int, reason: str) -> Outputs:
        if self.closed is not None:  # one close per connection
            return ()
        self.closed = Close(code, reason)
        return (self.closed,)
