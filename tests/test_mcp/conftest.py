"""MCP test fixtures: the official SDK client connected to a node over each transport
(in-memory, stdio subprocess, streamable HTTP) in each protocol era (auto: 2026-07-28,
legacy: the initialize handshake)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import trio

mcp = pytest.importorskip("mcp")

import httpx2  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402
from mcp.types import ToolListChangedNotification  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow.mcp import McpServer, StaticPrincipal, serve_mcp_http  # noqa: E402
from tests.apps.mcp_app import make_node  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-alice"

TRANSPORTS = ("memory", "stdio", "http")
MODES = ("auto", "legacy")


def verify_token(token: str) -> StaticPrincipal | None:
    """The tests' token verifier (the wire's JWT authority plugs in here later)."""
    return StaticPrincipal("alice", roles=("user",)) if token == TOKEN else None


def packetflow_mcp(app: str, *extra: str) -> mcp.StdioServerParameters:
    """``packetflow mcp --app APP`` as a subprocess the SDK client launches."""
    return mcp.StdioServerParameters(
        command=sys.executable,
        args=["-m", "packetflow._cli", "mcp", "--app", app, *extra],
        cwd=str(ROOT),
    )


@dataclass
class Session:
    """A connected SDK client plus what the test needs around it."""

    client: Any
    transport: str
    mode: str
    node: pf.Node | None  # None when the node runs in a subprocess
    list_changed: trio.Event = field(default_factory=trio.Event)

    async def expect_tools_changed(self, action: Callable[[], Awaitable[object]]) -> None:
        """Run ``action`` and wait for the tools list-changed notification it causes."""
        if self.mode == "legacy":
            self.list_changed = trio.Event()
            await action()
            with trio.fail_after(10):
                await self.list_changed.wait()
            return
        async with self.client.listen(tools_list_changed=True) as events:
            await action()
            with trio.fail_after(10):
                async for _ in events:
                    return


# The SDK's HTTP client (httpx2) abandons its SSE response generators when a stream is cancelled
# or the client closes; trio's async-generator finalizer then warns (asyncio stays silent). That
# is the client library's teardown, not ours, so only HTTP runs ignore exactly those warnings.
HTTPX_GENERATORS = pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*async_generator object "
    "(Response|EventSource|PoolByteStream):pytest.PytestUnraisableExceptionWarning"
)


def _variant(transport: str, mode: str) -> Any:
    marks = [HTTPX_GENERATORS] if transport == "http" else []
    return pytest.param((transport, mode), id=f"{transport}-{mode}", marks=marks)


@pytest.fixture(params=[_variant(t, m) for t in TRANSPORTS for m in MODES])
def via(request: pytest.FixtureRequest) -> tuple[str, str]:
    transport, mode = request.param
    return transport, mode


@pytest.fixture
async def session(via: tuple[str, str]) -> AsyncIterator[Session]:
    transport, mode = via
    async with AsyncExitStack() as stack:
        holder: dict[str, Session] = {}

        async def on_message(message: Any) -> None:
            if isinstance(message, ToolListChangedNotification):
                holder["session"].list_changed.set()

        node: pf.Node | None = None
        target: Any
        if transport == "stdio":
            target = packetflow_mcp("tests.apps.mcp_app:make_node")
        else:
            node = make_node()
            await stack.enter_async_context(node.started())
            server = McpServer(node)
            if transport == "memory":
                await stack.enter_async_context(server.serving())
                target = server.lowlevel
            else:
                servers = await stack.enter_async_context(trio.open_nursery())
                stack.callback(servers.cancel_scope.cancel)
                url = await servers.start(
                    partial(serve_mcp_http, verify_token=verify_token, server=server),
                    node,
                    "127.0.0.1",
                    0,
                )
                http = await stack.enter_async_context(
                    httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"})
                )
                target = streamable_http_client(url, http_client=http)
        client = await stack.enter_async_context(
            mcp.Client(target, mode=mode, message_handler=on_message)
        )
        holder["session"] = Session(client, transport, mode, node)
        yield holder["session"]
