"""MCP for PacketFlow nodes (``pip install 'packetflow[mcp]'``).

Serve a node's capabilities and compositions as MCP tools::

    from packetflow.mcp import serve_mcp_stdio, serve_mcp_http

    trio.run(serve_mcp_stdio, node)                      # what `packetflow mcp --app ...` runs
    await nursery.start(serve_mcp_http, node, "127.0.0.1", 8766, verify_token=verify)

``node.serve`` does this by itself when this extra is installed: the wire's ``mcp_request``
tunnel, and streamable HTTP with ``ServerConfig(mcp_http_port=...)`` under the wire's tokens,
scopes and rate limits. Mount external MCP servers as capabilities with
:meth:`packetflow.Node.mount_mcp`.
"""

from ._mcp.auth import (
    Admission,
    Authorizer,
    Caller,
    Principal,
    StaticPrincipal,
    TokenVerifier,
    allow_all,
    token_scopes,
)
from ._mcp.http import BearerGate, BodyLimits, serve_mcp_http
from ._mcp.mount import McpMount, MountStatus
from ._mcp.resources import ActorDirectory, ActorEntry, actor_uri, parse_actor_uri
from ._mcp.results import error_text
from ._mcp.server import McpServer
from ._mcp.stdio import serve_mcp_stdio
from ._mcp.tunnel import McpTunnel

__all__ = [
    "ActorDirectory",
    "ActorEntry",
    "Admission",
    "Authorizer",
    "BearerGate",
    "BodyLimits",
    "Caller",
    "McpMount",
    "McpServer",
    "McpTunnel",
    "MountStatus",
    "Principal",
    "StaticPrincipal",
    "TokenVerifier",
    "actor_uri",
    "allow_all",
    "error_text",
    "parse_actor_uri",
    "serve_mcp_http",
    "serve_mcp_stdio",
    "token_scopes",
]
