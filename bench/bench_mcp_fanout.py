"""A resource update reaching 100 MCP subscribers (issue 14: every subscriber notified once,
bounded buffers): ``node.resources.updated(uri)`` until the 100th in-memory SDK client has its
``notifications/resources/updated``, against a plain low-level SDK ``Server`` that keeps the
subscribing sessions in a list and sends to each in turn. Reported, no target (the goal is that
each subscriber hears each update once, which the run checks): PacketFlow sends from one task
per subscriber, whose pending set bounds what a slow one holds; the plain loop has no bound and
waits on each client in turn."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import mcp
import trio
import trio.testing
from mcp.server import Server
from mcp.shared.exceptions import MCPDeprecationWarning
from mcp.types import EmptyResult, ListResourcesResult, Resource, ResourceUpdatedNotification

import packetflow as pf
from packetflow.mcp import McpServer

from .harness import Result, alternating

URI = "docs://readme"
SUBSCRIBERS = 100


@pf.resource(URI, mime_type="text/markdown")
async def readme() -> str:
    """The document the subscribers follow."""
    return "# Hello"


class _Heard:
    """Counts the notifications of one round; ``done`` is set by the last subscriber."""

    def __init__(self) -> None:
        self.count = 0
        self.total = 0
        self.rounds = 0
        self.done = trio.Event()

    def reset(self) -> None:
        self.count = 0
        self.rounds += 1
        self.done = trio.Event()

    async def on_message(self, message: Any) -> None:
        if isinstance(message, ResourceUpdatedNotification):
            self.count += 1
            self.total += 1
            if self.count == SUBSCRIBERS:
                self.done.set()


@asynccontextmanager
async def _subscribed(server: Any, heard: _Heard) -> AsyncIterator[None]:
    async with AsyncExitStack() as stack:
        for _ in range(SUBSCRIBERS):
            client = await stack.enter_async_context(
                mcp.Client(server, mode="legacy", message_handler=heard.on_message)
            )
            with warnings.catch_warnings():  # 2026-07-28 replaced resources/subscribe
                warnings.simplefilter("ignore", MCPDeprecationWarning)
                await client.subscribe_resource(URI)
        yield


def _round(heard: _Heard, send: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
    async def one() -> None:
        heard.reset()
        await send()
        with trio.fail_after(30):
            await heard.done.wait()

    return one


def _plain() -> tuple[Server[Any], Callable[[], Awaitable[None]]]:
    sessions: list[Any] = []

    async def list_resources(ctx: Any, params: Any) -> ListResourcesResult:
        return ListResourcesResult(resources=[Resource(uri=URI, name="readme")])

    async def subscribe(ctx: Any, params: Any) -> EmptyResult:
        sessions.append(ctx.session)
        return EmptyResult()

    async def send() -> None:
        for session in sessions:
            await session.send_resource_updated(URI)

    server: Server[Any] = Server(
        "plain", on_list_resources=list_resources, on_subscribe_resource=subscribe
    )
    return server, send


async def run() -> list[Result]:
    node = pf.Node("bench-fanout")
    node.modules.autoload = False  # the MCP layer alone
    node.register(readme)
    ours, plain = McpServer(node), _plain()
    ours_heard, plain_heard = _Heard(), _Heard()

    async def ours_send() -> None:
        node.resources.updated(URI)

    async with (
        node.started(),
        ours.serving(),
        _subscribed(ours.lowlevel, ours_heard),
        _subscribed(plain[0], plain_heard),
    ):
        best = await alternating(
            {
                "ours": _round(ours_heard, ours_send),
                "plain": _round(plain_heard, plain[1]),
            },
            n=50,
        )
        await trio.testing.wait_all_tasks_blocked()  # any duplicate would have arrived by now
        assert ours.subscriptions.dropped == 0
        assert ours_heard.total == ours_heard.rounds * SUBSCRIBERS, "a subscriber heard twice"
    return [
        Result(
            f"MCP resource update to {SUBSCRIBERS} subscribers, in-memory",
            best["ours"],
            best["plain"],
            "plain SDK Server, a send loop",
        )
    ]
