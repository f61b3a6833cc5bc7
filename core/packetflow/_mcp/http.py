"""MCP over streamable HTTP, served by Hypercorn's trio worker.

A bearer token is required on every request unless ``insecure_dev`` is set: the
:class:`BearerGate` in front of the SDK's session manager verifies it with the injected
:data:`~packetflow._mcp.auth.TokenVerifier` and leaves the caller in the ASGI scope, where the
tool handlers find it. Sessions are bound to the credential that opened them (the SDK refuses a
session id presented with another principal's token). Behind the gate, :class:`BodyLimits`
holds every request body to the wire's input limits (size, nesting depth, string length).
SSE streams are resumable (event ids, ``retry``, ``Last-Event-ID`` replay from a bounded
per-session buffer: :mod:`.events`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import trio

try:
    from hypercorn.config import Config
    from hypercorn.trio import serve
except ImportError as exc:  # pragma: no cover - exercised by a subprocess without Hypercorn
    raise ImportError(
        "MCP over streamable HTTP needs Hypercorn; install the extra: pip install 'packetflow[mcp]'"
    ) from exc
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp, StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._wire.codec import DEFAULT_LIMITS, Limits, check_limits
from ..errors import PacketFlowError, TooLargeError, UnauthenticatedError
from .auth import CALLER_KEY, LOCAL, Caller, TokenVerifier, verify
from .events import ResumableSessions, SessionEventStore
from .server import McpServer
from .services import STREAM_STARTED_KEY

if TYPE_CHECKING:
    from .host import McpNode

__all__ = ["BearerGate", "BodyLimits", "StreamStarted", "mcp_asgi_app", "serve_mcp_http"]

log = logging.getLogger("packetflow.mcp.http")

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class BearerGate:
    """ASGI middleware: no valid ``Authorization: Bearer`` token, no MCP.

    Args:
        app: the MCP endpoint behind the gate.
        verify_token: checks a token and returns the principal (``None``: no check at all,
            every request is the local caller — only with ``insecure_dev``).
    """

    def __init__(self, app: ASGIApp, verify_token: TokenVerifier | None) -> None:
        self.app = app
        self.verify_token = verify_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        if self.verify_token is None:
            state[CALLER_KEY] = LOCAL
            await self.app(scope, receive, send)
            return
        token = _bearer(scope)
        try:
            if token is None:
                raise UnauthenticatedError(
                    "MCP endpoint requires 'Authorization: Bearer <token>'; create a token with "
                    "'packetflow token create'",
                    details={"reason": "missing"},
                )
            principal = await verify(self.verify_token, token)
        except PacketFlowError as exc:
            challenge = f'Bearer error="invalid_token", error_description="{exc.code} {exc.type}"'
            await _reply_error(send, 401, exc, [(b"www-authenticate", challenge.encode())])
            return
        state[CALLER_KEY] = Caller(principal)
        # The SDK binds each streamable HTTP session to the principal that created it.
        scope["user"] = AuthenticatedUser(
            AccessToken(
                token=token,
                client_id=principal.sub,
                scopes=list(getattr(principal, "scopes", ())),
                subject=principal.sub,
            )
        )
        await self.app(scope, receive, send)


def _bearer(scope: Scope) -> str | None:
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, token = value.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class BodyLimits:
    """ASGI middleware: the wire's input limits on every request body, before the SDK parses
    it. Above ``max_bytes`` (declared or sent), nested deeper than ``max_depth`` or holding a
    longer string than ``max_string``: HTTP 413 with the E413 error object; not UTF-8 or
    non-standard JSON (``NaN``): HTTP 400 with E400, as the wire codec would answer.

    Args:
        app: the MCP endpoint behind it.
        limits: the limits (``ServerConfig.limits`` when served by ``node.serve``).
    """

    def __init__(self, app: ASGIApp, limits: Limits = DEFAULT_LIMITS) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        try:
            body = await self._read(scope, receive)
            if body is None:
                return  # the client went away mid-body: nobody to answer
            check_limits(body, self.limits)
        except PacketFlowError as exc:
            # The rest of the body may be unread: the connection cannot carry another request,
            # and saying so keeps clients from reusing it.
            status = 413 if isinstance(exc, TooLargeError) else 400
            await _reply_error(send, status, exc, headers=[(b"connection", b"close")])
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # later messages: the disconnect
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read(self, scope: Scope, receive: Receive) -> bytes | None:
        limit = self.limits.max_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise _too_big(int(declared), limit)
        chunks: list[bytes] = []
        size = 0
        while True:  # bounded: a body above the limit is refused as soon as it gets there
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _too_big(size, limit)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _too_big(size: int, limit: int) -> TooLargeError:
    return TooLargeError(
        f"request body of {size} bytes: above the limit of {limit}; send smaller arguments",
        details={"limit": "max_bytes", "max": limit},
    )


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers", ()):
        if name.lower() == wanted:
            return bytes(value).decode("latin-1").strip()
    return None


async def _reply_error(
    send: Send,
    status: int,
    error: PacketFlowError,
    headers: Sequence[tuple[bytes, bytes]] = (),
) -> None:
    body = json.dumps({"error": error.to_wire()}, default=str).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class StreamStarted:
    """ASGI middleware: an event in the scope's ``state`` set when the response's first body
    bytes leave (for an SSE response: its priming event, the client's resume point), so
    :func:`~packetflow.mcp.close_sse_stream` never ends a stream before the client could
    resume it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = trio.Event()
        scope.setdefault("state", {})[STREAM_STARTED_KEY] = started

        async def watch(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and message.get("body"):
                started.set()

        try:
            await self.app(scope, receive, watch)
        finally:
            started.set()  # the response is over: nothing left to wait for


def mcp_asgi_app(
    mcp: McpServer,
    *,
    verify_token: TokenVerifier | None,
    host: str,
    path: str = "/mcp",
    limits: Limits = DEFAULT_LIMITS,
    session_idle_timeout: float = 30 * 60,
    max_sessions: int = 1000,
    retry_ms: int = 1000,
    replay_events: int = 256,
    replay_bytes: int = 1 << 20,
) -> tuple[Starlette, StreamableHTTPSessionManager]:
    """The ASGI app serving ``mcp`` at ``path`` behind a :class:`BearerGate` and
    :class:`BodyLimits`, and its session manager (run it around the app, or let the app's
    lifespan do it). The app only answers while ``mcp.serving()`` runs (list changes and
    subscriptions need it).

    Args:
        retry_ms: the SSE ``retry`` interval clients wait before reconnecting.
        replay_events / replay_bytes: the per-session replay buffer for ``Last-Event-ID``
            (the newest events are kept).
    """
    security = None
    if host in _LOOPBACK:  # DNS-rebinding protection for a loopback bind, as the SDK does
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*"],
            allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
        )
    manager = ResumableSessions(
        app=mcp.lowlevel,
        security_settings=security,
        session_idle_timeout=session_idle_timeout,
        max_sessions=max_sessions,
        retry_interval=retry_ms,
        store=partial(SessionEventStore, max_events=replay_events, max_bytes=replay_bytes),
    )
    gate = BearerGate(
        BodyLimits(StreamStarted(StreamableHTTPASGIApp(manager)), limits), verify_token
    )
    app = Starlette(routes=[Route(path, endpoint=gate)], lifespan=lambda _: manager.run())
    return app, manager


async def serve_mcp_http(
    node: McpNode,
    host: str = "127.0.0.1",
    port: int = 8766,
    *,
    verify_token: TokenVerifier | None = None,
    insecure_dev: bool = False,
    server: McpServer | None = None,
    path: str = "/mcp",
    limits: Limits = DEFAULT_LIMITS,
    shutdown_trigger: Callable[[], Awaitable[None]] | None = None,
    graceful_timeout: float = 1.0,
    task_status: trio.TaskStatus[str] = trio.TASK_STATUS_IGNORED,
    **options: Any,
) -> None:
    """Serve ``node`` as a streamable HTTP MCP server until cancelled (trio ``serve_*`` style):
    ``url = await nursery.start(serve_mcp_http, node, "127.0.0.1", 0, verify_token=...)``
    returns the endpoint URL (port 0 picks a free port). The node is started for the duration
    if it is not running.

    Args:
        node: the node to serve.
        host / port: where to listen.
        verify_token: checks each request's bearer token (the wire's token authority plugs in
            here); required unless ``insecure_dev``.
        insecure_dev: accept requests without a token (local development only).
        server: an :class:`McpServer` to use (default: one built from ``options``).
        path: the endpoint path.
        limits: input limits on request bodies (the wire's defaults).
        shutdown_trigger: when this returns, stop accepting and give requests in flight
            ``graceful_timeout`` seconds to finish, then return (``node.serve`` passes the
            wire server's drain, so both transports shut down together).
        graceful_timeout: seconds in-flight requests get on shutdown.
        options: :class:`McpServer` options (``authorize=``, ``admit=``, ``actors=``, ...).

    Raises:
        PermissionError: no ``verify_token`` and not ``insecure_dev``.
    """
    if verify_token is None and not insecure_dev:
        raise PermissionError(
            "serve_mcp_http: bearer tokens are required; pass verify_token= (e.g. the node's "
            "token authority) or insecure_dev=True for local development"
        )
    if verify_token is not None and insecure_dev:
        log.warning("serve_mcp_http: insecure_dev ignored, a token verifier is configured")
    mcp = server if server is not None else McpServer(node, **options)
    app, _ = mcp_asgi_app(mcp, verify_token=verify_token, host=host, path=path, limits=limits)
    config = Config()
    config.bind = [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    config.accesslog = None
    config.errorlog = log
    config.graceful_timeout = graceful_timeout
    async with mcp.serving(), trio.open_nursery() as nursery:
        binds: list[str] = await nursery.start(
            partial(serve, shutdown_trigger=shutdown_trigger), app, config
        )
        url = binds[0].rstrip("/") + path
        log.info("node %s serves MCP at %s", node.name, url)
        task_status.started(url)
