"""MCP beside the wire server: what ``node.serve`` adds when the ``mcp`` extra is installed.

- The tunnel: ``mcp_request`` messages are answered by the node's MCP server
  (:func:`install_tunnel`), each tool and resource checked against the wire connection's token.
- Streamable HTTP on ``ServerConfig.mcp_http_port`` (``packetflow serve --mcp-http PORT``)
  (:func:`serve_mcp_beside`), with the wire's rules: bearer tokens of the node's
  :class:`~packetflow.TokenAuthority` (a node without a secret serves loopback only, like the
  wire, unless ``insecure_dev``), ``cap:`` / ``actor:`` scopes, the wire server's own per-token
  rate limiter (one bucket per token across both transports) and input limits; it stops
  accepting when the wire starts draining and gets the same drain timeout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import trio

from .._auth.principal import Principal as TokenPrincipal
from .._auth.principal import TokenLimiter
from .auth import Admission, Principal
from .http import serve_mcp_http
from .server import McpServer
from .tunnel import McpTunnel

if TYPE_CHECKING:
    from .._node import Node
    from .._wire.server import WireServer

__all__ = ["install_tunnel", "serve_mcp_beside", "token_admission"]


def install_tunnel(node: Node) -> None:
    """Answer the node's ``mcp_request`` messages with its MCP server, unless a handler is
    installed already (one of an earlier ``serve``, or the application's own)."""
    if node.request_handler("mcp_request") is None:
        McpTunnel(McpServer(node)).install(node)


def token_admission(limiter: TokenLimiter) -> Admission:
    """``limiter.admit`` for the principals it knows (the wire's); others pass."""

    def admit(principal: Principal) -> None:
        if isinstance(principal, TokenPrincipal):
            limiter.admit(principal)

    return admit


async def serve_mcp_beside(
    server: WireServer,
    host: str,
    *,
    task_status: trio.TaskStatus[str] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve the wire server's node over streamable HTTP on ``config.mcp_http_port`` until
    the wire server drains; ``task_status`` gets the endpoint URL."""
    config = server.config
    port = config.mcp_http_port
    if port is None:
        raise ValueError("serve_mcp_beside: the server config has no mcp_http_port")
    authority = config.authority
    mcp = McpServer(server.node, admit=token_admission(server.limiter))
    await serve_mcp_http(
        server.node,
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
