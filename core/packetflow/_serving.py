"""``node.serve``: the wire server with the node's MCP server beside it.

The wire (:mod:`packetflow._wire.server`, layer 1) knows nothing of MCP; this module (layer 3,
beside the MCP package) injects it: with the ``mcp`` extra, the ``mcp_request`` tunnel and
streamable HTTP on ``ServerConfig.mcp_http_port`` (which drains with the wire,
:mod:`packetflow._mcp.wire`); without it, ``mcp_request`` is answered with E404 naming the
extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import trio

from ._wire.config import ServerConfig
from ._wire.server import WireServer
from ._wire.server import serve_node as serve_wire
from .errors import NotFoundError

if TYPE_CHECKING:
    from ._node import Node

__all__ = ["serve_node", "start_mcp"]


async def serve_node(
    node: Node,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    config: ServerConfig | None = None,
    shutdown_signals: Sequence[int] = (),
    task_status: trio.TaskStatus[WireServer] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve ``node`` over the wire, with its MCP server beside it (see
    :func:`packetflow._wire.server.serve_node` for the rest)."""
    config = config if config is not None else ServerConfig.from_env()
    if config.mcp_http_port is not None:
        import packetflow._mcp  # noqa: F401 - without the extra: ImportError naming the fix
    await serve_wire(
        node,
        host,
        port,
        config=config,
        shutdown_signals=shutdown_signals,
        beside=partial(start_mcp, node),
        task_status=task_status,
    )


async def start_mcp(node: Node, server: WireServer, host: str, nursery: trio.Nursery) -> str | None:
    """The node's MCP server beside ``server`` when the ``mcp`` extra is installed: the tunnel,
    and streamable HTTP on ``mcp_http_port`` (its URL)."""
    try:
        from ._mcp.wire import serve_mcp_beside
    except ImportError:
        if node.request_handler("mcp_request") is None:
            node.add_request_handler("mcp_request", partial(_no_mcp, node.name))
        return None
    url: str | None = await nursery.start(serve_mcp_beside, node, server, host)
    return url


async def _no_mcp(name: str, request: Any, ctx: Any, timeout: float | None) -> dict[str, Any]:
    raise NotFoundError(
        f"node {name!r} serves no MCP: the 'mcp' extra is not installed; install it with "
        "pip install 'packetflow[mcp]' and restart the node"
    )
