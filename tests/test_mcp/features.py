"""Shared pieces of the MCP feature tests: an SDK client connected in-memory to a node's
:class:`McpServer`, in either protocol era, with the client callbacks a test gives."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import mcp

import packetflow as pf
from packetflow.mcp import McpServer


@asynccontextmanager
async def connected(
    node: pf.Node, *, mode: str = "legacy", **callbacks: Any
) -> AsyncIterator[tuple[Any, McpServer]]:
    """``(client, server)``: the node started and served, an official client connected."""
    server = McpServer(node)
    async with (
        node.started(),
        server.serving(),
        mcp.Client(server.lowlevel, mode=mode, **callbacks) as client,
    ):
        yield client, server


def text_of(result: Any) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


async def set_level(client: Any, level: str) -> None:
    """``logging/setLevel`` (the SDK client warns that 2026-07-28 dropped it; handshake-era
    servers still take it)."""
    import warnings

    from mcp.shared.exceptions import MCPDeprecationWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MCPDeprecationWarning)
        await client.set_logging_level(level)
