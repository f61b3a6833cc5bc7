"""MCP for PacketFlow nodes (``pip install 'packetflow[mcp]'``).

Rich results for capabilities and prompts: :class:`Text`, :class:`Image`, :class:`Audio`,
:class:`EmbeddedResource` (any of them: :data:`Content`) and :class:`Message`; elicitation
forms with titled options: :func:`titled`; SSE polling: :func:`close_sse_stream`.

Serve a node's capabilities and compositions as MCP tools::

    from packetflow.mcp import serve_mcp_stdio, serve_mcp_http

    trio.run(serve_mcp_stdio, node)                      # what `packetflow mcp --app ...` runs
    await nursery.start(serve_mcp_http, node, "127.0.0.1", 8766, verify_token=verify)

``node.serve`` does this by itself when this extra is installed: the wire's ``mcp_request``
tunnel, and streamable HTTP with ``ServerConfig(mcp_http_port=...)`` under the wire's tokens,
scopes and rate limits. Mount external MCP servers as capabilities with
:meth:`packetflow.Node.mount_mcp`.

The streamable HTTP names (``serve_mcp_http``, ``mcp_asgi_app``, ``BearerGate``, ``BodyLimits``)
are imported on first use, so stdio works without Hypercorn installed.
"""

import typing as _typing

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
from ._mcp.elicitation import titled
from ._mcp.events import SessionEventStore
from ._mcp.mount import McpMount, MountStatus
from ._mcp.resources import ActorDirectory, ActorEntry, actor_uri, parse_actor_uri
from ._mcp.results import error_text
from ._mcp.server import McpServer
from ._mcp.services import close_sse_stream
from ._mcp.stdio import serve_mcp_stdio
from ._mcp.tunnel import McpTunnel
from ._rich import Audio, Content, ContentBlock, EmbeddedResource, Image, Message, Text
from ._services import Elicitation, Sampled

if _typing.TYPE_CHECKING:
    from ._mcp.http import BearerGate, BodyLimits, mcp_asgi_app, serve_mcp_http

_HTTP = frozenset({"BearerGate", "BodyLimits", "mcp_asgi_app", "serve_mcp_http"})

__all__ = [
    "ActorDirectory",
    "ActorEntry",
    "Admission",
    "Audio",
    "Authorizer",
    "BearerGate",
    "BodyLimits",
    "Caller",
    "Content",
    "ContentBlock",
    "Elicitation",
    "EmbeddedResource",
    "Image",
    "McpMount",
    "McpServer",
    "McpTunnel",
    "Message",
    "MountStatus",
    "Principal",
    "Sampled",
    "SessionEventStore",
    "StaticPrincipal",
    "Text",
    "TokenVerifier",
    "actor_uri",
    "allow_all",
    "close_sse_stream",
    "error_text",
    "mcp_asgi_app",
    "parse_actor_uri",
    "serve_mcp_http",
    "serve_mcp_stdio",
    "titled",
    "token_scopes",
]


def __getattr__(name: str) -> object:
    if name in _HTTP:  # Hypercorn and Starlette only for the HTTP transport
        from ._mcp import http

        return getattr(http, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_HTTP})
