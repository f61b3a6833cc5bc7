"""MCP over streamable HTTP, served by Hypercorn's trio worker.

A bearer token is required on every request unless ``insecure_dev`` is set: the
:class:`BearerGate` in front of the SDK's session manager verifies it with the injected
:data:`~packetflow._mcp.auth.TokenVerifier` and leaves the caller in the ASGI scope, where the
tool handlers find it. Sessions are bound to the credential that opened them (the SDK refuses a
session id presented with another principal's token).
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

import trio
from hypercorn.config import Config
from hypercorn.trio import serve
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp, StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import PacketFlowError, UnauthenticatedError
from .auth import CALLER_KEY, LOCAL, Caller, TokenVerifier, verify
from .server import McpServer

if TYPE_CHECKING:
    from .._node import Node

__all__ = ["BearerGate", "serve_mcp_http"]

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
            await _refuse(send, exc)
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
    for name, value in scope.get("headers", ()):
        if name.lower() == b"authorization":
            scheme, _, token = bytes(value).decode("latin-1").partition(" ")
            token = token.strip()
            if scheme.lower() == "bearer" and token:
                return token
    return None


async def _refuse(send: Send, error: PacketFlowError) -> None:
    body = json.dumps({"error": error.to_wire()}).encode()
    challenge = f'Bearer error="invalid_token", error_description="{error.code} {error.type}"'
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"www-authenticate", challenge.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def mcp_asgi_app(
    mcp: McpServer,
    *,
    verify_token: TokenVerifier | None,
    host: str,
    path: str = "/mcp",
    session_idle_timeout: float = 30 * 60,
    max_sessions: int = 1000,
) -> tuple[Starlette, StreamableHTTPSessionManager]:
    """The ASGI app serving ``mcp`` at ``path`` behind a :class:`BearerGate`, and its session
    manager (run it around the app, or let the app's lifespan do it)."""
    security = None
    if host in _LOOPBACK:  # DNS-rebinding protection for a loopback bind, as the SDK does
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*"],
            allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
        )
    manager = StreamableHTTPSessionManager(
        app=mcp.lowlevel,
        security_settings=security,
        session_idle_timeout=session_idle_timeout,
        max_sessions=max_sessions,
    )
    gate = BearerGate(StreamableHTTPASGIApp(manager), verify_token)
    app = Starlette(routes=[Route(path, endpoint=gate)], lifespan=lambda _: manager.run())
    return app, manager


async def serve_mcp_http(
    node: Node,
    host: str = "127.0.0.1",
    port: int = 8766,
    *,
    verify_token: TokenVerifier | None = None,
    insecure_dev: bool = False,
    server: McpServer | None = None,
    path: str = "/mcp",
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
        options: :class:`McpServer` options (``authorize=``, ``actors=``, ...).

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
    app, _ = mcp_asgi_app(mcp, verify_token=verify_token, host=host, path=path)
    config = Config()
    config.bind = [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    config.accesslog = None
    config.errorlog = log
    config.graceful_timeout = 1.0
    async with mcp.serving(), trio.open_nursery() as nursery:
        binds: list[str] = await nursery.start(serve, app, config)
        url = binds[0].rstrip("/") + path
        log.info("node %s serves MCP at %s", node.name, url)
        task_status.started(url)
