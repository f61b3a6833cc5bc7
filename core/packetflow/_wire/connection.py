"""One client session on a node: handshake, multiplexed requests, channels and heartbeats.

One task at a time reads the connection's messages (the *reader*). Requests are admitted
synchronously by the reader (auth, scopes, duplicate id, in-flight and rate limits) and started
right there, in the reader: one that finishes without blocking (the usual quick capability) is
answered with no task switch at all. One that blocks first passes reading on to another task of
the connection (an idle one, else a new one) and goes on by itself, so replies go out in
completion order, matched by ``id``, and a slow request never holds up the others. A few tasks
that finished a blocking request wait to read again; the rest exit.

Nothing queues without bound: beyond ``max_in_flight`` the node answers E429 at once, and while a
reply cannot be sent the read loop waits (TCP backpressure to the client).
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import trio
from trio_websocket import ConnectionClosed, WebSocketConnection

from .._auth.current import CURRENT_PRINCIPAL
from .._auth.principal import Principal
from .._capabilities.ratelimit import TokenBucket
from .._channels import Subscription
from .._resume import resume
from ..errors import (
    ConflictError,
    ExecutionFailedError,
    MalformedError,
    NotFoundError,
    PacketFlowError,
    RateLimitedError,
    TooLargeError,
    UnauthenticatedError,
    UnavailableError,
    VersionUnsupportedError,
)
from .codec import decode, encode, error_reply
from .liveness import Liveness
from .messages import (
    PROTOCOL_VERSION,
    ActorMessage,
    Cancel,
    CapabilityRequest,
    CapabilityResponse,
    Discover,
    Discovery,
    Event,
    Heartbeat,
    Hello,
    McpRequest,
    McpResponse,
    Message,
    Subscribe,
    Unsubscribe,
    Welcome,
)

if TYPE_CHECKING:
    from .server import WireServer

__all__ = [
    "CLOSE_DEAD_PEER",
    "CLOSE_GOING_AWAY",
    "CLOSE_INTERNAL",
    "CLOSE_POLICY",
    "CLOSE_TOO_BIG",
    "SUPPORTED_VERSIONS",
    "Connection",
]

log = logging.getLogger("packetflow.wire")

SUPPORTED_VERSIONS = (PROTOCOL_VERSION,)
CLOSE_GOING_AWAY = 1001  # node shutting down
CLOSE_POLICY = 1008  # repeated garbage, failed hellos, no hello in time
CLOSE_TOO_BIG = 1009  # a message above max_bytes (sent by trio-websocket itself)
CLOSE_INTERNAL = 1011  # a bug in the connection handler (the node keeps running)
CLOSE_DEAD_PEER = 4408  # missed heartbeats

_Request = CapabilityRequest | ActorMessage | McpRequest
_REQUEST_MODELS = (CapabilityRequest, ActorMessage, McpRequest)
_STRIKE_REFILL_PER_S = 0.1  # one more tolerated malformed message every 10 s
# Tasks that served a blocking request and wait to read again: enough for the bursts of a busy
# connection; beyond it they exit (a later blocking request spawns one), so an idle connection
# holds at most this many parked tasks.
_MAX_IDLE_TASKS = 4


class Connection:
    """The node side of one WebSocket (created by :class:`~packetflow._wire.server.WireServer`)."""

    def __init__(self, server: WireServer, ws: WebSocketConnection, number: int) -> None:
        config = server.config
        self.server = server
        self.node = server.node
        self.config = config
        self.ws = ws
        self.session_id = f"{self.node.node_id}/{number}"
        self.principal: Principal | None = None
        self.version: str | None = None
        # Request id -> the cancel scope of the task running it; None once its reply is being
        # sent (a cancel no longer applies). Every entry counts against max_in_flight.
        self.in_flight: dict[str, trio.CancelScope | None] = {}
        self.subscriptions: dict[str, tuple[Subscription, trio.CancelScope]] = {}
        self.close_code: int | None = None
        self.liveness = Liveness(config.heartbeat_s, config.missed_heartbeats, "hb-node-")
        self._strikes = TokenBucket(_STRIKE_REFILL_PER_S, config.max_malformed)
        self._welcomed = trio.Event()
        self._cut_off = False
        self._nursery: trio.Nursery | None = None
        self._idle = trio.lowlevel.ParkingLot()  # tasks waiting for their turn to read
        self._handlers: dict[str, Callable[[Any], Awaitable[None]]] = {
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
        return f"<Connection {self.session_id} {who} in_flight={len(self.in_flight)}>"

    # -- lifecycle -------------------------------------------------------------------------

    async def run(self) -> None:
        """Serve the connection until the peer leaves or the node closes it."""
        try:
            async with trio.open_nursery() as nursery:
                self._nursery = nursery
                nursery.start_soon(self._watch)
                await self._read_and_serve()
        finally:
            for sub, _ in self.subscriptions.values():
                sub.close()
            self.subscriptions.clear()

    async def send(self, text: str) -> None:
        """Send one message; a closed connection drops it (the read loop notices the close)."""
        with contextlib.suppress(ConnectionClosed):
            await self.ws.send_message(text)

    async def close(self, code: int, reason: str) -> None:
        """Close with ``code`` (bounded by ``close_timeout``) and stop every task of the
        connection."""
        if self.close_code is None:
            self.close_code = code
        with trio.move_on_after(self.config.close_timeout):
            await self.ws.aclose(code, reason[:120])  # a close reason fits in 123 bytes
        if self._nursery is not None:
            self._nursery.cancel_scope.cancel()

    def cut_off(self) -> None:
        """Cancel every in-flight request; each gets an E503 reply (node shutting down)."""
        self._cut_off = True
        for scope in self.in_flight.values():
            if scope is not None:
                scope.cancel()

    async def _watch(self) -> None:
        with trio.move_on_after(self.config.handshake_timeout):
            await self._welcomed.wait()
        if not self._welcomed.is_set():
            await self.close(CLOSE_POLICY, f"no hello within {self.config.handshake_timeout:g}s")
            return
        reason = await self.liveness.run(self.send)
        log.info("wire: dropping %s: %s", self.session_id, reason)
        await self.close(CLOSE_DEAD_PEER, reason)

    # -- the read loop ---------------------------------------------------------------------

    async def _read_and_serve(self) -> None:
        """One task of the connection: read (and handle) messages; run each request that comes
        in; once a request blocked (reading went on elsewhere), wait for another turn to read,
        or exit when enough tasks already wait."""
        reading = True
        request: _Request | None = None
        try:
            while True:
                # One scope for many requests: entering a scope per request costs more than
                # the rest of the request's bookkeeping. Only the request this task runs can
                # cancel it (``in_flight`` maps that request's id to it while it runs), so
                # reading, waiting and sending are never cancelled through it.
                with trio.CancelScope() as scope:
                    while True:
                        if not reading:
                            if len(self._idle) >= _MAX_IDLE_TASKS:
                                return
                            await self._idle.park()
                            reading = True
                        request = await self._receive_loop(scope)
                        if request is None:  # the connection is over: stop everything on it
                            assert self._nursery is not None
                            self._nursery.cancel_scope.cancel()
                            return
                        reading = await self._serve(request)
                        self._finished(request)
                        request = None
                # Cancelled (a cancel from the client, or the node shutting down): the request
                # blocked, so reading already went on in another task.
                reading = False
                if request is not None:
                    if self._cut_off:
                        await self.send(self._unavailable(request))
                    self._finished(request)
                    request = None
        finally:
            if request is not None:  # the connection itself is going away
                self._finished(request)

    def _pass_reading(self) -> None:
        """Another task reads from now on: an idle one, else a new one."""
        if self._idle:
            self._idle.unpark()
        else:
            assert self._nursery is not None
            self._nursery.start_soon(self._read_and_serve)

    async def _receive_loop(self, scope: trio.CancelScope) -> _Request | None:
        """Read and handle messages until one is an admitted request (returned, for the caller
        to run under ``scope``) or the connection ends (``None``)."""
        ws, limits, handlers = self.ws, self.config.limits, self._handlers
        while True:
            try:
                data = await ws.get_message()
            except ConnectionClosed as exc:
                if self.close_code is None and exc.reason is not None:
                    self.close_code = exc.reason.code
                return None
            self.liveness.seen()
            try:
                message = decode(data, limits)
            except (MalformedError, TooLargeError) as exc:
                details = exc.details if isinstance(exc.details, dict) else {}
                await self._reply_error(exc, details.get("id") or "")
                if self._out_of_strikes():
                    await self.close(CLOSE_POLICY, "too many malformed messages")
                    return None
                continue
            try:
                self._check_envelope(message)
                if isinstance(message, _REQUEST_MODELS):
                    self._admit_request(message, scope)
                    return message
                handler = handlers.get(message.type)
                if handler is None:
                    raise MalformedError(
                        f"{message.type!r} messages go from node to client; "
                        "a client cannot send them"
                    )
                await handler(message)
            except PacketFlowError as exc:
                await self._reply_error(exc, message.id, _capability_of(message))
                if message.type == "hello" and self._out_of_strikes():
                    await self.close(CLOSE_POLICY, "too many failed hellos")
                    return None

    def _check_envelope(self, message: Message) -> None:
        if message.type == "hello":
            return
        if self.principal is None and message.type != "heartbeat":
            raise UnauthenticatedError(
                f"{message.type!r} before 'hello': send a hello (with your token) first"
            )
        if message.version != (self.version or PROTOCOL_VERSION):
            raise VersionUnsupportedError(
                f"message version {message.version!r} is not this session's "
                f"{self.version or PROTOCOL_VERSION!r}",
                details={"supported": list(SUPPORTED_VERSIONS)},
            )

    def _out_of_strikes(self) -> bool:
        return self._strikes.try_acquire() > 0

    async def _reply_error(
        self, exc: PacketFlowError, msg_id: str, capability_id: str | None = None
    ) -> None:
        # error_reply copies only what has the type a reply holds, and the body is always
        # JSON, so answering a hostile frame cannot take the connection down.
        self.server.note_refused(exc.code)
        await self.send(encode(error_reply(exc, msg_id, capability_id)))

    def _admit(self, message: Message) -> Principal:
        """Checks shared by every request-like message; returns the caller."""
        if not message.id:
            raise MalformedError(f"{message.type!r} needs a non-empty 'id' to match its reply")
        if self.server.draining:
            raise UnavailableError(
                f"node {self.node.name!r} is shutting down; retry on another node",
                retry_after_ms=1000,
            )
        principal = self.principal
        assert principal is not None  # _check_envelope let only a hello through before
        principal.check_fresh()
        return principal

    # -- handshake and liveness ------------------------------------------------------------

    async def _on_hello(self, hello: Hello) -> None:
        if self.principal is not None:
            raise ConflictError(
                f"session {self.session_id!r} is already established; open a new connection "
                "to use other credentials"
            )
        version = next((v for v in SUPPORTED_VERSIONS if v in hello.versions), None)
        if version is None:
            raise VersionUnsupportedError(
                f"client speaks protocol versions {hello.versions!r}; this node speaks "
                f"{list(SUPPORTED_VERSIONS)!r}",
                details={"supported": list(SUPPORTED_VERSIONS)},
            )
        self.principal = self.server.authenticate(hello.token)
        CURRENT_PRINCIPAL.set(self.principal)  # every later request runs in a copy of this context
        self.version = version
        config = self.config
        welcome = Welcome(
            id=hello.id,
            node_id=self.node.node_id,
            version=version,
            session_id=self.session_id,
            heartbeat_s=config.heartbeat_s,
            limits={
                **config.limits.to_wire(),
                "max_in_flight": config.max_in_flight,
                "max_subscriptions": config.max_subscriptions,
                "missed_heartbeats": config.missed_heartbeats,
            },
        )
        await self.send(encode(welcome))
        self.liveness.seen()
        self._welcomed.set()

    async def _on_heartbeat(self, beat: Heartbeat) -> None:
        if not self.liveness.is_answer(beat.id):
            await self.send(encode(Heartbeat(id=beat.id)))

    # -- requests --------------------------------------------------------------------------

    def _admit_request(self, request: _Request, scope: trio.CancelScope) -> None:
        """Admit ``request``, to run under ``scope``: it counts as in flight from now on."""
        principal = self._admit(request)
        rid = request.id
        if rid in self.in_flight:
            raise ConflictError(
                f"request id {rid!r} is already in flight on this connection; use a fresh id "
                "per request",
                details={"id": rid},
            )
        if len(self.in_flight) >= self.config.max_in_flight:
            raise RateLimitedError(
                f"connection has {len(self.in_flight)} requests in flight, the limit; wait "
                "for replies before sending more",
                retry_after_ms=50,
                details={"max_in_flight": self.config.max_in_flight},
            )
        self._authorize(request, principal)
        self.server.limiter.admit(principal)
        ctx = request.context
        if ctx.session_id is None:
            ctx.session_id = self.session_id
        if principal.authenticated:
            # The token, not the client, says who is calling and with which roles.
            ctx.user_id = principal.sub
            ctx.roles = list(principal.roles)
        self.in_flight[rid] = scope
        self.server.request_started()

    def _authorize(self, request: _Request, principal: Principal) -> None:
        if principal.is_admin:
            return
        cap = request.capability_id
        if request.type == "capability_request":
            if cap:
                principal.require("cap", "capability", cap)
            else:  # a planner may route an intent to any capability
                principal.require("cap", "natural-language requests (any capability)", "*")
        elif request.type == "actor_message":
            if not cap:
                raise MalformedError("'actor_message' needs capability_id (the actor's name)")
            principal.require("actor", "actor", cap, f"{cap}/{request.actor_id}")
        # mcp_request: the node's MCP server checks each tool and resource it reaches against
        # this principal (current_principal), with the same cap:/actor: rules.

    async def _serve(self, request: _Request) -> bool:
        """Run ``request`` and send its reply; returns whether this task is still the reader.

        Cancellation (the request's scope) propagates to the caller, which answers E503 when the
        node is shutting down; a request cancelled by the client gets no reply.
        """
        reading = True
        try:
            # Started here rather than in a task of its own: most requests finish without
            # blocking, and then cost no task switch. One that blocks hands reading on first.
            # It runs in a copy of the context, as a task of its own would.
            run = contextvars.copy_context().run
            coro = self.node.dispatch(request)
            try:
                trap = run(coro.send, None)
            except StopIteration as done:
                response = done.value
            else:
                reading = False
                self._pass_reading()
                response = await resume(coro, trap, run)
            text = self._encode_reply(request, response)
        except PacketFlowError as exc:
            text = encode(error_reply(exc, request.id, request.capability_id))
        except Exception as exc:  # a bug below dispatch: the connection survives it
            log.error("wire: request %r failed", request.id, exc_info=exc)
            failed = ExecutionFailedError(
                f"request {request.id!r} failed inside the node; see the node log"
            )
            text = encode(error_reply(failed, request.id, request.capability_id))
        # The reply is under way: a cancel must not cut it in half. The request still counts
        # against max_in_flight until its reply is *sent*: a peer that stops reading holds the
        # node's memory to max_in_flight replies, not more.
        self.in_flight[request.id] = None
        await self.send(text)
        return reading

    def _unavailable(self, request: _Request) -> str:
        unavailable = UnavailableError(
            f"node {self.node.name!r} shut down before request {request.id!r} "
            "finished; it may or may not have taken effect",
            retry_after_ms=1000,
        )
        return encode(error_reply(unavailable, request.id, request.capability_id))

    def _finished(self, request: _Request) -> None:
        del self.in_flight[request.id]
        self.server.request_finished()

    def _encode_reply(self, request: _Request, response: CapabilityResponse) -> str:
        reply: CapabilityResponse | McpResponse = response
        if request.type == "mcp_request":
            reply = McpResponse(id=request.id, payload=response.payload, metadata=response.metadata)
        elif response.id != request.id:
            reply = response.model_copy(update={"id": request.id})
        return self._sized(encode(reply), request.id)

    def _sized(self, text: str, what: str) -> str:
        limit = self.config.limits.max_bytes
        if len(text) <= limit:
            return text
        raise TooLargeError(
            f"reply to {what!r} would be {len(text)} bytes, above the limit of {limit}; "
            "return less data (or page it)",
            details={"limit": "max_bytes", "max": limit, "size": len(text)},
        )

    async def _on_cancel(self, cancel: Cancel) -> None:
        scope = self.in_flight.get(cancel.id)
        if scope is not None:  # unknown ids (or a reply being sent): nothing to do
            scope.cancel()

    # -- channels --------------------------------------------------------------------------

    async def _on_subscribe(self, msg: Subscribe) -> None:
        principal = self._admit(msg)
        principal.require("chan", "channel pattern", msg.channel)
        self.server.limiter.admit(principal)
        if msg.channel in self.subscriptions:
            raise ConflictError(f"already subscribed to {msg.channel!r} on this connection")
        if len(self.subscriptions) >= self.config.max_subscriptions:
            raise RateLimitedError(
                f"connection has {len(self.subscriptions)} subscriptions, the limit; "
                "unsubscribe first or use a glob",
                retry_after_ms=1000,
            )
        sub = self.node.channels.subscribe(msg.channel, buffer=self.config.subscription_buffer)
        scope = trio.CancelScope()
        self.subscriptions[msg.channel] = (sub, scope)
        ack = CapabilityResponse(id=msg.id, payload={"channel": msg.channel, "subscribed": True})
        await self.send(encode(ack))
        assert self._nursery is not None
        self._nursery.start_soon(self._forward, sub, msg.id, principal, scope)

    async def _forward(
        self, sub: Subscription, sub_id: str, principal: Principal, scope: trio.CancelScope
    ) -> None:
        with scope:
            async for event in sub:
                try:
                    principal.check_fresh()
                except UnauthenticatedError as exc:  # the token expired: the subscription ends
                    self.subscriptions.pop(sub.pattern, None)
                    sub.close()
                    await self._reply_error(exc, sub_id)
                    return
                # A glob subscription may be wider than the scope that let it in (globs do not
                # compare exactly): every event is checked against the scopes again.
                if not principal.allows("chan", event.channel):
                    continue
                message = Event(
                    id=sub_id,
                    channel=event.channel,
                    payload=event.payload,
                    metadata={"dropped": event.dropped},
                )
                try:
                    text = encode(message)
                except ValueError:  # a payload that is not JSON-serialisable
                    log.warning("wire: event on %r is not JSON-serialisable", event.channel)
                    continue
                await self.send(text)

    async def _on_unsubscribe(self, msg: Unsubscribe) -> None:
        self._admit(msg)
        entry = self.subscriptions.pop(msg.channel, None)
        if entry is None:
            raise NotFoundError(f"no subscription to {msg.channel!r} on this connection")
        sub, scope = entry
        sub.close()
        scope.cancel()
        ack = CapabilityResponse(id=msg.id, payload={"channel": msg.channel, "subscribed": False})
        await self.send(encode(ack))

    async def _on_publish(self, msg: Event) -> None:
        principal = self._admit(msg)
        principal.require("chan", "channel", msg.channel)
        self.server.limiter.admit(principal)
        delivered = self.node.channels.publish(msg.channel, msg.payload)
        ack = CapabilityResponse(
            id=msg.id, payload={"channel": msg.channel, "delivered": delivered}
        )
        await self.send(encode(ack))

    # -- discovery -------------------------------------------------------------------------

    async def _on_discover(self, msg: Discover) -> None:
        principal = self._admit(msg)
        self.server.limiter.admit(principal)
        found = self.node.registry.find(
            name=msg.name,
            tag=msg.tag,
            requires=msg.requires,
            provides=msg.provides,
            intent=msg.intent,
        )
        # Only what the token may call: discovery does not reveal other capabilities.
        visible = [cap.describe() for cap in found if principal.allows("cap", cap.name)]
        reply = Discovery(id=msg.id, capabilities=visible[: msg.limit])
        await self.send(self._sized(encode(reply), msg.id))


def _capability_of(message: Message) -> str | None:
    """The ``capability_id`` an error reply to ``message`` names: only a request's (a validated
    field); on other messages a ``capability_id`` is an unknown field, of any JSON type."""
    return message.capability_id if isinstance(message, _REQUEST_MODELS) else None
