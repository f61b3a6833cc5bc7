"""One client session on a node: the trio shell around :class:`ServerProtocol` on a WebSocket.

The protocol object decides (hello, admission, in-flight ids, strikes, heartbeats, cancel,
limits); this shell reads the socket, runs what it says and sends what it answers.

One task at a time reads the connection's messages (the *reader*). The protocol admits a
request synchronously, and the reader starts it right there: one that finishes without blocking
(the usual quick capability) is answered with no task switch at all. One that blocks first
passes reading on to another task of the connection (an idle one, else a new one) and goes on
by itself, so replies go out in completion order, matched by ``id``, and a slow request never
holds up the others. A few tasks that finished a blocking request wait to read again; the rest
exit.

Nothing queues without bound: beyond ``max_in_flight`` the protocol answers E429 at once, and
while a reply cannot be sent the read loop waits (TCP backpressure to the client).
"""

from __future__ import annotations

import contextvars
import logging
from typing import TYPE_CHECKING

import trio
from trio_websocket import ConnectionClosed, WebSocketConnection

from .._auth.current import CURRENT_PRINCIPAL
from .._channels import Subscription
from .._lowlevel import resume
from ..errors import PacketFlowError
from .messages import Discover
from .protocol.clocks import Liveness
from .protocol.events import (
    CLOSE_DEAD_PEER,
    CLOSE_GOING_AWAY,
    CLOSE_INTERNAL,
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
from .protocol.server import SUPPORTED_VERSIONS, ServerProtocol
from .ticker import run_clock

if TYPE_CHECKING:
    from .._auth.principal import Principal
    from .host import WireNode
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

# Tasks that served a blocking request and wait to read again: enough for the bursts of a busy
# connection; beyond it they exit (a later blocking request spawns one), so an idle connection
# holds at most this many parked tasks.
_MAX_IDLE_TASKS = 4


class Connection:
    """The node side of one WebSocket (created by :class:`~packetflow._wire.server.WireServer`)."""

    def __init__(self, server: WireServer, ws: WebSocketConnection, number: int) -> None:
        self.server = server
        self.node: WireNode = server.node
        self.config = server.config
        self.ws = ws
        self.session_id = f"{self.node.node_id}/{number}"
        self.protocol = ServerProtocol(
            self.config,
            server,
            session_id=self.session_id,
            node_id=self.node.node_id,
            node_name=self.node.name,
            now=trio.current_time(),
        )
        self.subscriptions: dict[str, tuple[Subscription, trio.CancelScope]] = {}
        self.close_code: int | None = None
        # Request id -> the cancel scope of the task running it (the protocol says which ones
        # a cancel still applies to).
        self._scopes: dict[str, trio.CancelScope] = {}
        self._welcomed = trio.Event()
        self._nursery: trio.Nursery | None = None
        self._idle = trio.lowlevel.ParkingLot()  # tasks waiting for their turn to read

    def __repr__(self) -> str:
        who = self.principal.sub if self.principal else "-"
        return f"<Connection {self.session_id} {who} in_flight={len(self.in_flight)}>"

    @property
    def principal(self) -> Principal | None:
        return self.protocol.principal

    @property
    def in_flight(self) -> dict[str, bool]:
        """Request ids in flight (see :attr:`ServerProtocol.in_flight`)."""
        return self.protocol.in_flight

    @property
    def liveness(self) -> Liveness | None:
        """The heartbeats, once the session is established."""
        return self.protocol.liveness

    # -- lifecycle -------------------------------------------------------------------------

    async def run(self) -> None:
        """Serve the connection until the peer leaves or the node closes it."""
        try:
            async with trio.open_nursery() as nursery:
                self._nursery = nursery
                nursery.start_soon(self._watch)
                # Every reader is a child of this task, none this task itself: the requests
                # of one connection are then never in one another's task tree, which modules
                # read as nesting (a request made by a capability while it runs).
                nursery.start_soon(self._read_and_serve)
        finally:
            for sub, _ in self.subscriptions.values():
                sub.close()
            self.subscriptions.clear()

    async def send(self, text: str) -> None:
        """Send one message; a closed connection drops it (the read loop notices the close)."""
        try:  # noqa: SIM105 - contextlib.suppress builds a context manager per reply
            await self.ws.send_message(text)
        except ConnectionClosed:
            pass

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
        for output in self.protocol.cut_off():
            self._cancel(output)

    async def _watch(self) -> None:
        """The protocol's clock: the hello deadline, then heartbeats."""
        with trio.move_on_at(self.protocol.next_tick):
            await self._welcomed.wait()
        verdict = await run_clock(self.protocol, self.send)
        if verdict.code == CLOSE_DEAD_PEER:
            log.info("wire: dropping %s: %s", self.session_id, verdict.reason)
        await self.close(verdict.code, verdict.reason)

    # -- the read loop ---------------------------------------------------------------------

    async def _read_and_serve(self) -> None:
        """One task of the connection: read (and handle) messages; run each request that comes
        in; once a request blocked (reading went on elsewhere), wait for another turn to read,
        or exit when enough tasks already wait."""
        reading = True
        request: Request | None = None
        try:
            while True:
                # One scope for many requests: entering a scope per request costs more than
                # the rest of the request's bookkeeping. Only the request this task runs can
                # cancel it (``_scopes`` maps that request's id to it while it runs), so
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
                    text = self.protocol.cancelled(request)
                    if text is not None:
                        await self.send(text)
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

    async def _receive_loop(self, scope: trio.CancelScope) -> Request | None:
        """Read messages and carry out what the protocol answers, until it admits a request
        (returned, for the caller to run under ``scope``) or the connection ends (``None``)."""
        ws, protocol, current_time = self.ws, self.protocol, trio.current_time
        while True:
            try:
                data = await ws.get_message()
            except ConnectionClosed as exc:
                if self.close_code is None and exc.reason is not None:
                    self.close_code = exc.reason.code
                return None
            for output in protocol.receive(data, current_time()):
                if type(output) is Run:  # it always comes alone
                    request = output.request
                    self._scopes[request.id] = scope
                    self.server.request_started()
                    return request
                if not await self._carry_out(output):
                    return None

    async def _carry_out(self, output: ServerOutput) -> bool:
        """Do what one output of the protocol says; returns ``False`` once the connection is
        closing."""
        if isinstance(output, Send):
            await self.send(output.text)
        elif isinstance(output, Authenticate):
            return await self._authenticate(output)
        elif isinstance(output, CancelRun):
            self._cancel(output)
        elif isinstance(output, OpenSubscription):
            await self._open_subscription(output)
        elif isinstance(output, CloseSubscription):
            self._close_subscription(output.channel)
        elif isinstance(output, Publish):
            await self._publish(output)
        elif isinstance(output, Query):
            await self._on_discover(output.message)
        elif isinstance(output, Close):
            await self.close(output.code, output.reason)
            return False
        else:  # pragma: no cover - Run comes alone, Beat only from tick()
            raise AssertionError(f"unexpected protocol output {output!r}")
        return True

    async def _authenticate(self, auth: Authenticate) -> bool:
        protocol, now = self.protocol, trio.current_time()
        try:
            principal = self.server.authenticate(auth.hello.token)
        except PacketFlowError as exc:
            outputs = protocol.refuse(auth, exc, now)
        else:
            outputs = protocol.welcome(auth, principal, now)
            if protocol.principal is principal:
                # Every later request runs in a copy of this task's context.
                CURRENT_PRINCIPAL.set(principal)
                self._welcomed.set()
        for output in outputs:
            if not await self._carry_out(output):
                return False
        return True

    def _cancel(self, output: CancelRun) -> None:
        scope = self._scopes.get(output.request_id)
        if scope is not None:
            scope.cancel()

    # -- requests --------------------------------------------------------------------------

    async def _serve(self, request: Request) -> bool:
        """Run ``request`` and send its reply; returns whether this task is still the reader.

        Cancellation (the request's scope) propagates to the caller, which asks the protocol
        whether a cancelled request gets a reply (E503 when the node is shutting down).
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
            text = self.protocol.reply(request, response)
        except Exception as exc:  # a bug below dispatch is an E500: the connection survives it
            if not isinstance(exc, PacketFlowError):
                log.error("wire: request %r failed", request.id, exc_info=exc)
            text = self.protocol.fail(request, exc)
        await self.send(text)
        return reading

    def _finished(self, request: Request) -> None:
        self.protocol.done(request.id)
        del self._scopes[request.id]
        self.server.request_finished()

    # -- channels and discovery ------------------------------------------------------------

    async def _open_subscription(self, output: OpenSubscription) -> None:
        try:
            sub = self.node.channels.subscribe(
                output.channel, buffer=self.config.subscription_buffer
            )
        except PacketFlowError as exc:
            await self.send(self.protocol.failed(output, exc).text)
            return
        scope = trio.CancelScope()
        self.subscriptions[output.channel] = (sub, scope)
        await self.send(output.ack)
        assert self._nursery is not None
        self._nursery.start_soon(self._forward, sub, output, scope)

    async def _forward(
        self, sub: Subscription, output: OpenSubscription, scope: trio.CancelScope
    ) -> None:
        protocol = self.protocol
        with scope:
            async for event in sub:
                for step in protocol.forward(output.id, output.channel, event):
                    if isinstance(step, Send):
                        await self.send(step.text)
                    else:
                        assert isinstance(step, CloseSubscription)
                        self._close_subscription(step.channel)

    def _close_subscription(self, channel: str) -> None:
        entry = self.subscriptions.pop(channel, None)
        if entry is not None:
            sub, scope = entry
            sub.close()
            scope.cancel()

    async def _publish(self, output: Publish) -> None:
        msg = output.message
        try:
            delivered = self.node.channels.publish(msg.channel, msg.payload)
        except PacketFlowError as exc:
            await self.send(self.protocol.failed(output, exc).text)
            return
        await self.send(self.protocol.published(output, delivered).text)

    async def _on_discover(self, msg: Discover) -> None:
        query = Query(msg)
        try:
            found = self.node.registry.find(
                name=msg.name,
                tag=msg.tag,
                requires=msg.requires,
                provides=msg.provides,
                intent=msg.intent,
            )
        except PacketFlowError as exc:
            await self.send(self.protocol.failed(query, exc).text)
            return
        await self.send(self.protocol.discovered(query, found).text)
