"""The node's WebSocket server on trio-websocket.

:class:`WireServer` accepts connections and runs each one as a supervised child of the node
(restart ``temporary``: a crash closes that connection with 1011 and touches no other). Every
request goes through ``node.dispatch``, so the module chain sees it exactly as in-process calls.

Shutdown (:meth:`WireServer.shutdown`, or SIGINT/SIGTERM with ``shutdown_signals``): stop
accepting, let in-flight requests finish within ``drain_timeout``, answer the rest with E503,
then close every connection with 1001.

:func:`serve_node` also starts what the caller puts ``beside`` the wire, in the same nursery
and with the same shutdown: the node injects its MCP server there (:mod:`packetflow._serving`),
so the wire (layer 1) imports nothing of MCP or the node (``tests/test_layers.py``).
"""

from __future__ import annotations

import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import ExitStack
from functools import partial
from typing import TYPE_CHECKING, Any, TypeAlias

import trio
from trio_websocket import WebSocketRequest, serve_websocket, wrap_server_stream

from .._auth.principal import Principal, TokenLimiter
from ..errors import UnauthenticatedError
from .config import ServerConfig
from .connection import CLOSE_GOING_AWAY, CLOSE_INTERNAL, Connection

if TYPE_CHECKING:
    from .host import WireNode

__all__ = ["Beside", "WireServer", "serve_node"]

log = logging.getLogger("packetflow.wire")


class WireServer:
    """Serves one node over WebSocket (see the module docstring).

    Args:
        node: a running node.
        config: auth, limits, heartbeats, shutdown; default :meth:`ServerConfig.from_env`.
    """

    def __init__(self, node: WireNode, config: ServerConfig | None = None) -> None:
        self.node = node
        self.config = config if config is not None else ServerConfig.from_env()
        self.limiter = TokenLimiter(self.config.token_rate_limit)
        self.connections: set[Connection] = set()
        self.draining = False
        self.active_requests = 0
        self.host: str | None = None
        self.port: int | None = None
        self.http_url: str | None = None
        """The HTTP port's base URL (``/metrics``, the dashboard), when ``config.http_port``
        is set."""
        self.mcp_url: str | None = None
        """The streamable HTTP MCP endpoint (``<http_url>/mcp``), when the HTTP port is
        served and the ``mcp`` extra is installed."""
        self.refused: dict[str, int] = {}
        """Messages answered with an error before they ran, by code (E429: the in-flight or
        per-token limit; E401, E400...): a counter for ``/metrics``."""
        self._accepted = 0
        self._idle: trio.Event | None = None
        self._listen_scope: trio.CancelScope | None = None
        self._draining = trio.Event()
        self._closed = trio.Event()

    def __repr__(self) -> str:
        return f"<WireServer {self.url} connections={len(self.connections)}>"

    @property
    def url(self) -> str:
        """``ws://host:port`` once listening."""
        host = self.host or "0.0.0.0"
        return f"ws://{f'[{host}]' if ':' in host else host}:{self.port}"

    async def serve(
        self,
        host: str = "127.0.0.1",
        port: int = 8765,
        *,
        task_status: trio.TaskStatus[WireServer] = trio.TASK_STATUS_IGNORED,
    ) -> None:
        """Listen until cancelled, or until :meth:`shutdown` has closed every connection.

        Raises:
            PermissionError: a non-loopback ``host`` on a node without a token secret.
        """
        self.config.check_bind(host)
        self.node.supervisor  # noqa: B018 - fail now (not per connection) if the node is down
        async with trio.open_nursery() as handlers:
            with trio.CancelScope() as self._listen_scope:
                async with trio.open_nursery() as listening:
                    ws_server = await listening.start(
                        partial(
                            serve_websocket,
                            self._accept,
                            host,
                            port,
                            None,
                            handler_nursery=handlers,
                            max_message_size=self.config.limits.max_bytes,
                            connect_timeout=self.config.handshake_timeout,
                            disconnect_timeout=self.config.close_timeout,
                        )
                    )
                    self.host = host
                    self.port = ws_server.listeners[0].port
                    log.info("wire: node %s serving on %s", self.node.node_id, self.url)
                    task_status.started(self)
            await self.wait_closed()  # only shutdown() stops the listener
            handlers.cancel_scope.cancel()

    async def shutdown(self, drain_timeout: float | None = None) -> None:
        """Stop accepting, drain in-flight requests, close every connection with 1001."""
        if self.draining:
            await self._closed.wait()
            return
        self.draining = True
        self._draining.set()
        if self._listen_scope is not None:
            self._listen_scope.cancel()
        timeout = self.config.drain_timeout if drain_timeout is None else drain_timeout
        log.info("wire: draining %d in-flight requests (up to %gs)", self.active_requests, timeout)
        with trio.move_on_after(timeout):
            await self._wait_idle()
        for conn in list(self.connections):
            conn.cut_off()
        with trio.move_on_after(self.config.close_timeout):
            await self._wait_idle()  # the cut-off requests send their E503
        async with trio.open_nursery() as closing:
            for conn in list(self.connections):
                closing.start_soon(conn.close, CLOSE_GOING_AWAY, "node shutting down")
        self._closed.set()

    async def handle_stream(self, stream: trio.abc.Stream) -> None:
        """Serve one WebSocket connection arriving on ``stream`` (any trio byte stream: the
        in-memory transport of :mod:`packetflow.testing`) as the listener serves one accepted
        on its socket, until it ends."""
        try:
            async with trio.open_nursery() as nursery:
                request: WebSocketRequest | None = None
                with trio.move_on_after(self.config.handshake_timeout):
                    request = await wrap_server_stream(
                        nursery, stream, max_message_size=self.config.limits.max_bytes
                    )
                if request is not None:
                    await self._accept(request)
                nursery.cancel_scope.cancel()  # the WebSocket's reader task
        finally:
            await trio.aclose_forcefully(stream)

    async def wait_draining(self) -> None:
        """Wait until :meth:`shutdown` starts (transports served beside the wire drain then)."""
        await self._draining.wait()

    async def wait_closed(self) -> None:
        """Wait until :meth:`shutdown` has closed every connection."""
        await self._closed.wait()

    def authenticate(self, token: str | None) -> Principal:
        """The caller behind a ``hello`` token (anonymous when the node has no secret).

        Raises:
            UnauthenticatedError: E401, no or invalid token.
        """
        authority = self.config.authority
        if authority is None:
            return Principal.anonymous()
        if not token:
            raise UnauthenticatedError(
                "hello carries no token and this node requires one; create it with "
                "'packetflow token create --sub NAME --scope ...'",
                details={"reason": "missing"},
            )
        return authority.verify(token)

    def admit(self, principal: Principal) -> None:
        """Charge one message to ``principal``'s rate limit, shared by all its connections.

        Raises:
            RateLimitedError: E429, with ``retry_after_ms``.
        """
        self.limiter.admit(principal)

    def statistics(self) -> dict[str, Any]:
        """Connections, requests in flight, total accepted, draining."""
        return {
            "connections": len(self.connections),
            "active_requests": self.active_requests,
            "accepted": self._accepted,
            "draining": self.draining,
            "rate_limited_tokens": len(self.limiter),
            "refused": dict(self.refused),
        }

    def note_refused(self, code: str) -> None:
        """Count a message refused with ``code`` (connections call it for every error reply
        they send on their own)."""
        self.refused[code] = self.refused.get(code, 0) + 1

    def request_started(self) -> None:
        self.active_requests += 1

    def request_finished(self) -> None:
        self.active_requests -= 1
        if self.active_requests == 0 and self._idle is not None:
            self._idle.set()

    async def _wait_idle(self) -> None:
        while self.active_requests:
            self._idle = trio.Event()
            await self._idle.wait()

    async def _accept(self, request: WebSocketRequest) -> None:
        if self.draining:
            await request.reject(503, body=b"node is shutting down")
            return
        if len(self.connections) >= self.config.max_connections:
            await request.reject(503, body=b"too many connections")
            return
        ws = await request.accept()
        self._accepted += 1
        conn = Connection(self, ws, self._accepted)
        self.connections.add(conn)
        try:
            child = self.node.supervisor.start_child(
                f"wire-connection-{self._accepted}", conn.run, restart="temporary"
            )
            try:
                await child.wait_stopped()
            finally:
                child.cancel()
            if child.last_error is not None:
                await conn.close(CLOSE_INTERNAL, "internal error; see the node log")
        finally:
            self.connections.discard(conn)


Beside: TypeAlias = Callable[[WireServer, str, trio.Nursery], Awaitable[str | None]]
"""Starts a transport beside the wire server (given the server, its host and a nursery that
outlives the wire's drain) and returns its URL, if it has one."""


async def serve_node(
    node: WireNode,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    config: ServerConfig | None = None,
    shutdown_signals: Sequence[int] = (),
    beside: Beside | None = None,
    task_status: trio.TaskStatus[WireServer] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve ``node`` (starting it if needed) until cancelled or shut down.

    With ``shutdown_signals`` (e.g. ``(signal.SIGINT, signal.SIGTERM)``; main thread only), the
    first signal starts a graceful :meth:`WireServer.shutdown` and the second stops at once.
    ``beside`` starts another transport once the wire listens; its URL becomes
    :attr:`WireServer.mcp_url`.
    """
    config = config if config is not None else ServerConfig.from_env()
    config.check_bind(host)  # before starting the node
    if node.state == "running":
        await _serve_running(node, host, port, config, shutdown_signals, beside, task_status)
    else:
        async with node.started():
            await _serve_running(node, host, port, config, shutdown_signals, beside, task_status)


async def _serve_running(
    node: WireNode,
    host: str,
    port: int,
    config: ServerConfig,
    signals: Sequence[int],
    beside: Beside | None,
    task_status: trio.TaskStatus[WireServer],
) -> None:
    server = WireServer(node, config)
    with ExitStack() as stack:
        # Installed before listening, so a signal sent as soon as the port is known is caught.
        received = stack.enter_context(trio.open_signal_receiver(*signals)) if signals else None
        async with trio.open_nursery() as nursery:
            if received is not None:
                nursery.start_soon(_watch_signals, server, received, nursery)
            async with trio.open_nursery() as transports:
                await transports.start(server.serve, host, port)
                if beside is not None:
                    server.mcp_url = await beside(server, host, transports)
                task_status.started(server)
            # Each transport returns once drained: the wire when shutdown() has closed every
            # connection, MCP over HTTP when its requests in flight are done.
            nursery.cancel_scope.cancel()


async def _watch_signals(
    server: WireServer, received: AsyncIterator[int], nursery: trio.Nursery
) -> None:
    async for signum in received:
        if server.draining:
            log.warning("wire: second %s, stopping now", signal.Signals(signum).name)
            nursery.cancel_scope.cancel()
            return
        log.info("wire: %s, shutting down gracefully", signal.Signals(signum).name)
        nursery.start_soon(server.shutdown)
