"""MCP over stdio: the transport desktop AI clients launch (``packetflow mcp --app ...``).

The protocol owns the process's stdout, so nothing else may write there. :func:`stdout_diverted`
keeps a private duplicate of the real stdout for the protocol and points file descriptor 1 and
``sys.stdout`` at stderr: a ``print()`` in a capability, in the app's import-time code, in a C
extension or in a child process lands on stderr, never in the JSON-RPC stream. ``packetflow
mcp`` diverts before it imports the app; :func:`serve_mcp_stdio` diverts for its own duration
when it is not handed the protocol stream.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from io import TextIOWrapper
from typing import TYPE_CHECKING, Any, BinaryIO

import anyio
import trio
from mcp.server.stdio import stdio_server

from .server import McpServer

if TYPE_CHECKING:
    from .host import McpNode

__all__ = ["serve_mcp_stdio", "stdout_diverted"]


@contextmanager
def stdout_diverted() -> Iterator[BinaryIO]:
    """Point fd 1 and ``sys.stdout`` at stderr for the block; yields the real stdout (binary)
    for the protocol. Both are restored on exit."""
    saved = sys.stdout
    if saved is not None:
        saved.flush()  # what was written before belongs where it was going
    protocol_fd = os.dup(1)  # not inheritable: child processes never see the protocol stream
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    protocol = os.fdopen(protocol_fd, "wb", buffering=0, closefd=False)
    try:
        yield protocol
    finally:
        if saved is not None:
            saved.flush()  # still pointing at stderr: stray output stays off the protocol
        sys.stdout = saved
        os.dup2(protocol_fd, 1)
        os.close(protocol_fd)


async def serve_mcp_stdio(
    node: McpNode,
    *,
    server: McpServer | None = None,
    admin: bool = False,
    protocol: BinaryIO | None = None,
    task_status: trio.TaskStatus[McpServer] = trio.TASK_STATUS_IGNORED,
    **options: Any,
) -> None:
    """Serve ``node`` as an MCP server on this process's stdin/stdout until the client closes
    stdin (or until cancelled). The node is started for the duration if it is not running.

    stdout carries JSON-RPC only: while serving, everything else written to stdout goes to
    stderr (see :func:`stdout_diverted`).

    Args:
        node: the node to serve.
        server: an :class:`McpServer` to use (default: one built from ``options``).
        admin: offer the node's management capabilities (``packetflow.*``) as tools. Off by
            default: stdio has no token, so whoever launches the process would get them.
            (With ``server=``, that server's own ``management`` applies.)
        protocol: the binary stream to write JSON-RPC to (``packetflow mcp`` passes the real
            stdout it diverted before importing the app); default: divert stdout now.
        options: :class:`McpServer` options (``authorize=``, ``actors=``, ...).
    """
    mcp = server if server is not None else McpServer(node, management=admin, **options)
    if protocol is None:
        with stdout_diverted() as diverted:
            await _serve(mcp, diverted, task_status)
    else:
        await _serve(mcp, protocol, task_status)


async def _serve(
    mcp: McpServer, protocol: BinaryIO, task_status: trio.TaskStatus[McpServer]
) -> None:
    # The SDK writes text lines and flushes each; it still claims fd 0 (pointing it at the null
    # device, so handlers and children read EOF) and reads the client from there.
    stdout = anyio.wrap_file(TextIOWrapper(protocol, encoding="utf-8", write_through=True))
    async with mcp.serving(), stdio_server(stdout=stdout) as (read_stream, write_stream):
        task_status.started(mcp)
        await mcp.run(read_stream, write_stream)
