"""MCP beside the wire server: what ``node.serve`` adds when the ``mcp`` extra is installed
(:func:`serve_mcp_beside`). One :class:`~packetflow._mcp.server.McpServer` serves

- the tunnel: ``mcp_request`` messages, each tool and resource checked against the wire
  connection's token (the wire already charged the message to the token's rate limit);
- streamable HTTP on ``ServerConfig.mcp_http_port`` (``packetflow serve --mcp-http PORT``),
  with the wire's rules: bearer tokens of the node's :class:`~packetflow.TokenAuthority` (a
  node without a secret serves loopback only, like the wire, unless ``insecure_dev``),
  ``cap:`` / ``actor:`` scopes, the wire server's own per-token rate limiter (one bucket per
  token across both transports) and input limits. It stops accepting when the wire starts
  draining and gives requests in flight the same drain timeout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import trio

from .._auth.principal import Principal as TokenPrincipal
from .._auth.principal import TokenLimiter
from .auth import Admission, Principal
from .server import McpServer
from .tunnel import McpTunnel

if TYPE_CHECKING:
    from .._node import Node
    from .._wire.server import WireServer

__all__ = ["install_tunnel", "serve_mcp_beside", "token_admission"]


def install_tunnel(node: Node, server: McpServer) -> None:
    """Answer the node's ``mcp_request`` messages with ``server``, unless a handler is
    installed already (the application's own, or one of an earlier ``serve``)."""
    if node.request_handler("mcp_request") is None:
        McpTunnel(server).install(node)


def token_admission(limiter: TokenLimiter) -> Admission:
    """``limiter.admit`` for the principals it knows (the wire's); others pass."""

    def admit(principal: Principal) -> None:
        if isinstance(principal, TokenPrincipal):
            limiter.admit(principal)

    return admit


async def serve_mcp_beside(
    node: Node,
    server: WireServer,
    host: str,
    *,
    task_status: trio.TaskStatus[str | None] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Install the tunnel on ``node`` (the one ``server`` serves) and, with
    ``config.mcp_http_port``, serve it over streamable HTTP until the wire server drains.
    ``task_status`` gets the endpoint URL (``None`` without a port: the task ends at once)."""
    config = server.config
    mcp = McpServer(node, admit=token_admission(server.limiter))
    install_tunnel(node, mcp)
    port = config.mcp_http_port
    if port is None:
        task_status.started(None)
        return
    from .http import serve_mcp_http  # Hypercorn only when HTTP is served

    authority = config.authority
    await serve_mcp_http(
        node,
        host,
        port,
        verify_token=None if authority is None else authority.verify,
        # Without a secret the wire serves everyone on loopback (check_bind refused the rest
        # unless insecure_dev); streamable HTTP follows the same rule.
        insecure_dev=authority is None,
        server=mcp,
        limits=config.limits,
        shutdown_trigger=server.wait_draining,
        graceful_timeout=config.drain_timeout,
        task_status=task_status,
    )
