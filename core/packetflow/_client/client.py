"""The Python client of the wire protocol (trio).

::

    async with pf.open_client("ws://127.0.0.1:8765", token=token) as client:
        out = await client.call("user_transform", {"user_id": "42"}, timeout=5)
        async with client.subscribe("orders.*") as events:
            async for event in events:
                ...

One connection carries any number of concurrent calls (replies are matched by id). Errors
arrive as the typed exceptions of :mod:`packetflow.errors`. When the connection drops, calls
waiting for a reply fail with E503 (they may or may not have run), and the client reconnects
with exponential backoff and renews its subscriptions.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import trio
from trio_websocket import ConnectionClosed, HandshakeError, WebSocketConnection

from .._backoff import backoff_delay
from .._channels import Channels
from .._lowlevel import hand_off_messages
from .._tracing import outgoing_context
from .._wire.codec import encode
from .._wire.messages import (
    ActorOptions,
    Discover,
    Event,
    McpRequest,
    Subscribe,
    Unsubscribe,
    Welcome,
)
from .._wire.protocol.client import CLIENT_LIMITS, ClientProtocol, outcome, request_text
from .._wire.protocol.events import CLOSE_DEAD_PEER, Refused, Welcomed
from .._wire.ticker import run_clock
from ..errors import DeadlineExceededError, PacketFlowError, UnavailableError
from .actor import RemoteActor
from .session import Session, Slot
from .subscription import ClientSubscription
from .transport import Connect, open_websocket, unwrap

__all__ = ["Client", "open_client"]

log = logging.getLogger("packetflow.client")

_REPLY_GRACE = 1.0  # seconds past a call's timeout to wait for the node's own E408


class Client:
    """A connection to a node. Create it with :func:`open_client`.

    Args:
        url: ``ws://host:port``.
        token: the access token (``packetflow token create``); ``None`` for a node without
            a secret.
        name: sent in ``hello`` (shows in node logs).
        reconnect: reconnect (with backoff) when the connection drops.
        max_reconnect_attempts: consecutive failed attempts before giving up (E503 from then on).
        backoff_base / backoff_max: reconnect delays grow from ``backoff_base`` to
            ``backoff_max`` seconds, with jitter.
        connect_timeout: seconds for connecting plus the ``hello``/``welcome`` handshake, and
            how long a call made while reconnecting waits for the connection.
        subscription_buffer: events buffered per subscription before drop-oldest.
        connect: opens the WebSocket of each (re)connection; default: a TCP (or TLS)
            connection to ``url``. :func:`packetflow.testing.open_memory_client` passes one
            that reaches a node in the same process without a socket.
    """

    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        name: str = "packetflow-python",
        reconnect: bool = True,
        max_reconnect_attempts: int = 10,
        backoff_base: float = 0.1,
        backoff_max: float = 5.0,
        connect_timeout: float = 10.0,
        subscription_buffer: int = 256,
        connect: Connect | None = None,
    ) -> None:
        if connect_timeout <= 0 or backoff_base <= 0 or backoff_max < backoff_base:
            raise ValueError(
                "connect_timeout and backoff_base must be positive, backoff_max >= backoff_base"
            )
        self.url = url
        self.token = token
        self.name = name
        self.reconnect = reconnect
        self.max_reconnect_attempts = max_reconnect_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.connect_timeout = connect_timeout
        self.subscription_buffer = subscription_buffer
        self._connect: Connect = connect or partial(
            open_websocket, url, max_message_size=CLIENT_LIMITS.max_bytes,
            connect_timeout=connect_timeout,
        )  # fmt: skip
        self.welcome: Welcome | None = None
        self.reconnects = 0
        self.close_code: int | None = None
        self._session: Session | None = None
        self._ready = trio.Event()
        self._ids = itertools.count(1)
        self._local = Channels(default_buffer=subscription_buffer)
        self._subs: dict[str, ClientSubscription] = {}
        self._closing = False
        self._failure: PacketFlowError | None = None

    def __repr__(self) -> str:
        state = "connected" if self._session else ("failed" if self._failure else "connecting")
        return f"<Client {self.url} {state}>"

    @property
    def connected(self) -> bool:
        return self._session is not None

    # -- calls -----------------------------------------------------------------------------

    async def call(
        self,
        capability: str,
        payload: Mapping[str, Any] | Any = None,
        *,
        timeout: float | None = None,
        context: Mapping[str, Any] | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Run ``capability`` on the node and return its output.

        Args:
            payload: a mapping or a pydantic model.
            timeout: seconds; the node enforces it (E408) and the client gives up shortly after.
            context: ``user_id``, ``session_id``, ``trace_id``... (the node sets ``user_id``
                and ``roles`` from the token).
            metadata: extra request metadata (``priority``...).

        Raises:
            PacketFlowError: the typed error of the reply (E404, E422, E408, E429, E503...).
        """
        return await self._run_request(
            "capability_request", {"capability_id": capability}, payload, timeout, context,
            metadata,
        )  # fmt: skip

    def actor(
        self, capability: str, actor_id: str, *, create_if_missing: bool = True
    ) -> RemoteActor:
        """A handle on the stateful actor ``(capability, actor_id)`` of the node."""
        return RemoteActor(
            self, capability, actor_id, ActorOptions(create_if_missing=create_if_missing)
        )

    async def mcp(
        self, message: Mapping[str, Any], *, timeout: float | None = None
    ) -> dict[str, Any]:
        """Tunnel one MCP JSON-RPC message to the node's MCP server; returns its reply."""
        msg_id = self._next_id()
        request = McpRequest(id=msg_id, payload=dict(message))
        if timeout is not None:
            request.metadata["timeout_ms"] = timeout * 1000
        reply = await self._roundtrip(msg_id, encode(request), timeout)
        payload: dict[str, Any] = reply.get("payload", {})
        return payload

    async def discover(
        self,
        name: str | None = None,
        *,
        tag: str | None = None,
        intent: str | None = None,
        requires: Iterable[str] = (),
        provides: Iterable[str] = (),
        limit: int = 100,
        timeout: float | None = None,
    ) -> list[dict[str, Any]]:
        """Capabilities matching every given criterion, with their contracts (JSON Schemas).

        Args:
            name: a glob on the name (``"user_*"``).
            tag: a tag the capability has.
            intent: free text, ranked by relevance.
            requires / provides: input / output keys the capability must have.
        """
        msg_id = self._next_id()
        query = Discover(
            id=msg_id, name=name, tag=tag, intent=intent, requires=list(requires),
            provides=list(provides), limit=limit,
        )  # fmt: skip
        reply = await self._roundtrip(msg_id, encode(query), timeout)
        found: list[dict[str, Any]] = reply.get("capabilities", [])
        return found

    # -- channels --------------------------------------------------------------------------

    @asynccontextmanager
    async def subscribe(
        self, pattern: str, *, buffer: int | None = None
    ) -> AsyncIterator[ClientSubscription]:
        """Receive events of channels matching the glob ``pattern`` for the ``async with`` block.

        Raises:
            ForbiddenError: E403 when the token has no ``chan:`` scope covering ``pattern``.
        """
        sub_id = self._next_id()
        sub = ClientSubscription(pattern, sub_id, self._local.subscribe(pattern, buffer=buffer))
        self._subs[sub_id] = sub  # before subscribing: events may follow the ack at once
        try:
            await self._roundtrip(sub_id, encode(Subscribe(id=sub_id, channel=pattern)), None)
            yield sub
        finally:
            del self._subs[sub_id]
            sub.close()
            await self._unsubscribe(sub)

    async def publish(
        self, channel: str, payload: Mapping[str, Any], *, timeout: float | None = None
    ) -> int:
        """Publish on ``channel`` (needs a ``chan:`` scope); returns how many subscribers the
        node reached."""
        msg_id = self._next_id()
        event = Event(id=msg_id, channel=channel, payload=dict(payload))
        reply = await self._roundtrip(msg_id, encode(event), timeout)
        return int(reply.get("payload", {}).get("delivered", 0))

    async def _unsubscribe(self, sub: ClientSubscription) -> None:
        session = self._session
        if session is None or session.closed:
            return
        with trio.CancelScope(shield=True) as scope:
            scope.deadline = trio.current_time() + 1.0
            await session.send_quietly(encode(Unsubscribe(id=self._next_id(), channel=sub.pattern)))

    # -- lifecycle -------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connection (pending calls fail with E503) and stop reconnecting."""
        self._closing = True
        session = self._session
        if session is not None:
            with trio.CancelScope(shield=True) as scope:
                scope.deadline = trio.current_time() + 2.0
                await session.ws.aclose()
        for sub in list(self._subs.values()):
            sub.close()

    # -- internals -------------------------------------------------------------------------

    def _next_id(self) -> str:
        return str(next(self._ids))

    async def _run_request(
        self,
        kind: str,
        fields: dict[str, Any],
        payload: Any,
        timeout: float | None,
        context: Mapping[str, Any] | None,
        metadata: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
        if timeout is not None and timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout!r}")
        msg_id = self._next_id()
        context = outgoing_context(context)  # the current trace's traceparent, when tracing
        text = request_text(kind, msg_id, fields, payload, timeout, context, metadata)
        reply = await self._roundtrip(msg_id, text, timeout)
        out: dict[str, Any] = reply.get("payload", {})
        return out

    async def _roundtrip(self, msg_id: str, text: str, timeout: float | None) -> dict[str, Any]:
        """Send one request and wait for its reply; raises the reply's typed error."""
        session = self._session
        if session is None:  # not connected (yet): wait for it, or fail
            session = await self._current_session(timeout)
        protocol = session.protocol
        slot = Slot()
        protocol.expect(msg_id, text, slot)
        try:
            await session.send(text)
            if timeout is None:
                await slot.wait()
            else:
                with trio.move_on_after(timeout + _REPLY_GRACE):
                    await slot.wait()
        finally:
            cancel = protocol.forget(msg_id)
            if cancel is not None:
                # Cancelled or timed out: tell the node to stop the work (best effort).
                with trio.CancelScope(shield=True) as scope:
                    scope.deadline = trio.current_time() + 1.0
                    await session.send_quietly(cancel)
        reply = slot.reply
        if reply is None:
            raise DeadlineExceededError(
                f"request {msg_id!r}: no reply within {timeout:g}s (cancelled on the node)",
                details={"timeout_s": timeout},
            )
        return outcome(reply)

    async def _current_session(self, timeout: float | None) -> Session:
        session = self._session
        if session is not None:
            return session
        if not self._failure and not self._closing:
            with trio.move_on_after(timeout if timeout is not None else self.connect_timeout):
                await self._ready.wait()
            session = self._session
            if session is not None:
                return session
        if self._failure is not None and not self._closing:
            raise UnavailableError(
                f"client for {self.url} gave up reconnecting: {self._failure.message}",
                details={"cause": self._failure.code},
            )
        raise UnavailableError(
            f"not connected to {self.url}"
            + ("; the client is closed" if self._closing else " (reconnecting); retry later"),
            retry_after_ms=None if self._closing else int(self.backoff_base * 1000),
        )

    async def _run(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        """Connect, then keep the connection up (reconnecting) until closed."""
        first = True
        failures = 0
        while True:
            try:
                async with self._connect() as ws:
                    session = await self._handshake(ws)
                    failures = 0
                    if first:
                        first = False
                        task_status.started()
                    else:
                        self.reconnects += 1
                    await self._serve(session, resubscribe=self.reconnects > 0)
            except PacketFlowError as exc:  # refused by the node (E401, E600...): not transient
                if first:
                    raise
                self._give_up(exc)
                return
            except (OSError, HandshakeError, ConnectionClosed, trio.TooSlowError) as exc:
                error = UnavailableError(
                    f"cannot connect to {self.url}: {exc!r}", retry_after_ms=1000
                )
                if first:
                    raise error from exc
                failures += 1
                log.info("client: reconnect to %s failed (%d): %r", self.url, failures, exc)
                if failures > self.max_reconnect_attempts:
                    self._give_up(error)
                    return
            if self._closing or not self.reconnect:
                self._give_up(UnavailableError(f"connection to {self.url} closed"))
                return
            await trio.sleep(backoff_delay(failures + 1, self.backoff_base, self.backoff_max))

    async def _handshake(self, ws: WebSocketConnection) -> Session:
        protocol = ClientProtocol(self.url, self._subs)
        with trio.fail_after(self.connect_timeout):
            await ws.send_message(protocol.hello(self.token, self.name))
            while True:
                for output in protocol.receive(await ws.get_message(), trio.current_time()):
                    if isinstance(output, Welcomed):
                        self.welcome = output.welcome
                        return Session(ws, protocol)
                    if isinstance(output, Refused):
                        raise output.error

    async def _serve(self, session: Session, *, resubscribe: bool) -> None:
        self._session = session
        self._ready.set()
        try:
            async with trio.open_nursery() as nursery:
                nursery.start_soon(self._beat, session, nursery.cancel_scope)
                if resubscribe:
                    nursery.start_soon(self._resubscribe)
                await self._read(session)
                nursery.cancel_scope.cancel()
        finally:
            self._session = None
            self._ready = trio.Event()
            self.close_code = session.close_code
            session.fail_pending()

    async def _read(self, session: Session) -> None:
        """Route the node's messages until the connection closes."""
        ws = session.ws
        # The websocket's own reader task routes each message from now on: a reply then wakes
        # its call directly, not through this task (a task switch fewer per call). This task
        # reads what came before, everything when the hand-off is not possible, and the close.
        hand_off_messages(ws, session.receive)
        while True:
            try:
                data = await ws.get_message()
            except ConnectionClosed as exc:
                if session.close_code is None and exc.reason is not None:
                    session.close_code = exc.reason.code
                return
            await session.receive(data)

    async def _beat(self, session: Session, scope: trio.CancelScope) -> None:
        verdict = await run_clock(session.protocol, session.send_quietly)
        log.warning("client: node at %s looks dead: %s", self.url, verdict.reason)
        session.close_code = CLOSE_DEAD_PEER
        with trio.move_on_after(1.0):
            await session.ws.aclose(CLOSE_DEAD_PEER, "heartbeat timeout")
        scope.cancel()

    async def _resubscribe(self) -> None:
        for sub_id, sub in list(self._subs.items()):
            try:
                message = encode(Subscribe(id=sub_id, channel=sub.pattern))
                await self._roundtrip(sub_id, message, self.connect_timeout)
                sub.gaps += 1
            except PacketFlowError as exc:
                log.warning("client: cannot renew subscription %r: %s", sub.pattern, exc.message)
                sub.fail(exc)

    def _give_up(self, error: PacketFlowError) -> None:
        if not self._closing:
            log.warning("client: giving up on %s: %s", self.url, error.message)
        self._failure = error
        self._ready.set()  # wake calls waiting for a connection: they raise E503
        for sub in list(self._subs.values()):
            sub.fail(error)


@asynccontextmanager
async def open_client(
    url: str, *, token: str | None = None, **options: Any
) -> AsyncIterator[Client]:
    """Connect to the node at ``url`` for the ``async with`` block (see :class:`Client` for
    ``options``).

    Raises:
        UnauthenticatedError: E401, the node refused the token.
        VersionUnsupportedError: E600, no protocol version in common.
        UnavailableError: E503, the node cannot be reached.
    """
    client = Client(url, token=token, **options)
    try:
        async with trio.open_nursery() as nursery:
            await nursery.start(client._run)
            try:
                yield client
            finally:
                await client.aclose()
                nursery.cancel_scope.cancel()
    except BaseExceptionGroup as group:
        unwrap(group)
