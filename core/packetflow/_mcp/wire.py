"""MCP beside the wire server: what ``node.serve`` adds when the ``mcp`` extra is installed
(:func:`mcp_beside`, :func:`mcp_http_endpoint`). One :class:`~packetflow._mcp.server.McpServer`
serves

- the tunnel: ``mcp_request`` messages, each tool and resource checked against the wire
  connection's token (the wire already charged the message to the token's rate limit);
- streamable HTTP at ``/mcp`` on the node's HTTP port (``packetflow serve --http PORT``; its
  alias ``--mcp-http``), with the wire's rules: bearer tokens of the node's
  :class:`~packetflow.TokenAuthority` (a node without a secret serves loopback only, like the
  wire, unless ``insecure_dev``), ``cap:`` / ``actor:`` scopes, the wire server's own
  per-token rate limiter (one bucket per token across both transports) and input limits. The
  HTTP port stops accepting when the wire starts draining and gives requests in flight the
  same drain timeout.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any

from .._auth.principal import Principal as TokenPrincipal
from .._auth.principal import TokenLimiter
from .auth import Admission, Principal
from .server import McpServer
from .tunnel import McpTunnel

if TYPE_CHECKING:
    from .._wire.server import WireServer
    from .host import McpNode

__all__ = ["install_tunnel", "mcp_beside", "mcp_http_endpoint", "token_admission"]


def install_tunnel(node: McpNode, server: McpServer) -> None:
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


def mcp_beside(node: McpNode, server: WireServer) -> McpServer:
    """The MCP server of ``node`` (the one ``server`` serves), its tunnel installed on the
    node: tools and resources charged to the wire server's per-token limiter."""
    mcp = McpServer(node, admit=token_admission(server.limiter))
    install_tunnel(node, mcp)
    return mcp


def mcp_http_endpoint(
    mcp: McpServer, server: WireServer, host: str, path: str = "/mcp"
) -> tuple[Any, AbstractAsyncContextManager[None]]:
    """Streamable HTTP for ``mcp`` under the wire server's tokens and limits: the ASGI app to
    mount at ``path``, and what must run around serving it (the session manager, and the
    registry-change follower)."""
    from .http import mcp_asgi_app  # Hypercorn and Starlette only when HTTP is served

    authority = server.config.authority
    # Without a secret the wire serves everyone on loopback (check_bind refused the rest
    # unless insecure_dev); streamable HTTP follows the same rule.
    app, manager = mcp_asgi_app(
        mcp,
        verify_token=None if authority is None else authority.verify,
        host=host,
        path=path,
        limits=server.config.limits,
    )

    @asynccontextmanager
    async def running() -> AsyncIterator[None]:
        async with mcp.serving(), manager.run():
            yield

    return app, running()
