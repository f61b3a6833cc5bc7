"""MCP ``tools/call`` latency through PacketFlow (registry, ``node.dispatch``, contracts, error
mapping) against a plain low-level SDK ``Server`` exposing the same function, on the same
transport in the same run (issue 14: <= 1.1x, unchanged by context services, rich results,
prompts and resources). The two servers are timed in alternating rounds, so load on the machine
that drifts during the run weighs on both alike."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import mcp

from packetflow.mcp import McpServer

from .harness import Result, alternating
from .mcp_app import node, plain

ROOT = Path(__file__).resolve().parents[1]
PAYLOAD = {"user_id": "42", "count": 1}


def _caller(client: Any) -> Callable[[], Awaitable[object]]:
    async def call() -> object:
        result = await client.call_tool("bump", PAYLOAD)
        assert not result.is_error, result
        return result

    return call


async def _compare(name: str, ours: Any, theirs: Any, n: int) -> Result:
    async with mcp.Client(ours) as ours_client, mcp.Client(theirs) as plain_client:
        await ours_client.list_tools()  # the client checks results against the listed schema
        await plain_client.list_tools()
        best = await alternating(
            {"ours": _caller(ours_client), "plain": _caller(plain_client)}, n=n
        )
    return Result(name, best["ours"], best["plain"], "plain SDK Server", target=1.1)


def _stdio(*args: str) -> mcp.StdioServerParameters:
    return mcp.StdioServerParameters(command=sys.executable, args=list(args), cwd=str(ROOT))


async def run() -> list[Result]:
    server = McpServer(node)
    async with server.serving():
        memory = await _compare("MCP tools/call, in-memory", server.lowlevel, plain, n=3000)
    stdio = await _compare(
        "MCP tools/call, stdio subprocess",
        _stdio("-m", "packetflow._cli", "mcp", "--app", "bench.mcp_app:node"),
        _stdio("-m", "bench.mcp_app"),
        n=1000,
    )
    return [memory, stdio]
