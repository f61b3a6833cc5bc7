"""MCP over stdio: the transport desktop AI clients launch (``packetflow mcp --app ...``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import trio
from mcp.server.stdio import stdio_server

from .server import McpServer

if TYPE_CHECKING:
    from .._node import Node

__all__ = ["serve_mcp_stdio"]


async def serve_mcp_stdio(
    node: Node,
    *,
    server: McpServer | None = None,
    task_status: trio.TaskStatus[McpServer] = trio.TASK_STATUS_IGNORED,
    **options: Any,
) -> None:
    """Serve ``node`` as an MCP server on this process's stdin/stdout until the client closes
    stdin (or until cancelled). The node is started for the duration if it is not running.

    While serving, stray writes to stdout go to stderr instead (the SDK diverts file
    descriptor 1), so a capability's ``print`` cannot corrupt the protocol stream.

    Args:
        node: the node to serve.
        server: an :class:`McpServer` to use (default: one built from ``options``).
        options: :class:`McpServer` options (``authorize=``, ``actors=``, ...).
    """
    mcp = server if server is not None else McpServer(node, **options)
    async with mcp.serving(), stdio_server() as (read_stream, write_stream):
        task_status.started(mcp)
        await mcp.run(read_stream, write_stream)
