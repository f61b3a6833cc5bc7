"""Streamable HTTP resumability: priming events with ids and ``retry``, ``Last-Event-ID``
replay from a per-session bounded buffer, and tools that end their stream early (SEP-1699
polling) with ``close_sse_stream``."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import pytest
import trio

mcp = pytest.importorskip("mcp")

import httpx2  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402
from mcp.types import JSONRPCResponse  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow._mcp.events import ResumableSessions, SessionEventStore  # noqa: E402
from packetflow.mcp import McpServer, close_sse_stream, serve_mcp_http  # noqa: E402

from .conftest import HTTPX_GENERATORS  # noqa: E402

pytestmark = HTTPX_GENERATORS

HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
VERSION = "2025-11-25"


def make_node(released: trio.Event) -> pf.Node:
    @pf.capability(intent="ends its stream, then answers once released")
    async def poll(ctx: pf.Context) -> str:
        closed = await close_sse_stream(ctx)
        await released.wait()
        return f"closed={closed}"

    node = pf.Node("sse")
    node.modules.autoload = False
    node.register(poll)
    return node


@asynccontextmanager
async def serving(node: pf.Node) -> AsyncIterator[str]:
    async with node.started(), trio.open_nursery() as nursery:
        url = await nursery.start(partial(serve_mcp_http, insecure_dev=True), node, "127.0.0.1", 0)
        yield url
        nursery.cancel_scope.cancel()


async def events(response: Any) -> list[dict[str, str]]:
    """The SSE events of a response, read to its end."""
    out: list[dict[str, str]] = []
    current: dict[str, str] = {}
    async for line in response.aiter_lines():
        if not line:
            if current:
                out.append(current)
            current = {}
            continue
        field, _, value = line.partition(":")
        current[field] = current.get(field, "") + value.removeprefix(" ")
    if current:
        out.append(current)
    return out


async def open_session(http: Any, url: str) -> str:
    hello = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": VERSION,
            "capabilities": {},
            "clientInfo": {"name": "raw", "version": "1"},
        },
    }
    async with http.stream("POST", url, json=hello, headers=HEADERS) as response:
        session = response.headers["mcp-session-id"]
        first = (await events(response))[0]
    assert first["data"] == "" and first["id"] and first["retry"] == "1000"  # the priming event
    headers = {**HEADERS, "mcp-session-id": session, "mcp-protocol-version": VERSION}
    note = {"jsonrpc": "2.0", "method": "notifications/initialized"}
    assert (await http.post(url, json=note, headers=headers)).status_code == 202
    return session


async def test_a_closed_stream_is_resumed_with_last_event_id() -> None:
    released = trio.Event()
    async with serving(make_node(released)) as url, httpx2.AsyncClient(timeout=30) as http:
        session = await open_session(http, url)
        headers = {**HEADERS, "mcp-session-id": session, "mcp-protocol-version": VERSION}
        call = {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "poll"}}
        async with http.stream("POST", url, json=call, headers=headers) as response:
            posted = await events(response)  # the tool closed it: only the priming event
        assert [e["data"] for e in posted] == [""]
        released.set()
        resume = {"Accept": "text/event-stream", "mcp-session-id": session,
                  "mcp-protocol-version": VERSION, "last-event-id": posted[0]["id"]}  # fmt: skip
        async with http.stream("GET", url, headers=resume) as response:
            async for line in response.aiter_lines():
                if line.startswith("data: {"):
                    answer = JSONRPCResponse.model_validate(json.loads(line[6:]))
                    break
    assert answer.id == 7
    assert answer.result["structuredContent"] == {"result": "closed=True"}


async def test_the_sdk_client_reconnects_by_itself() -> None:
    released = trio.Event()
    released.set()
    async with (
        serving(make_node(released)) as url,
        httpx2.AsyncClient(timeout=30) as http,
        mcp.Client(streamable_http_client(url, http_client=http), mode="legacy") as client,
    ):
        result = await client.call_tool("poll", {})
    assert result.structured_content == {"result": "closed=True"}


async def test_another_session_cannot_replay_these_events() -> None:
    released = trio.Event()
    async with serving(make_node(released)) as url, httpx2.AsyncClient(timeout=30) as http:
        first = await open_session(http, url)
        second = await open_session(http, url)
        headers = {**HEADERS, "mcp-session-id": first, "mcp-protocol-version": VERSION}
        call = {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "poll"}}
        async with http.stream("POST", url, json=call, headers=headers) as response:
            priming = (await events(response))[0]["id"]
        released.set()
        foreign = {"Accept": "text/event-stream", "mcp-session-id": second,
                   "mcp-protocol-version": VERSION, "last-event-id": priming}  # fmt: skip
        with trio.fail_after(10):
            async with http.stream("GET", url, headers=foreign) as response:
                replayed = await events(response)
    assert not any(e.get("data", "").startswith("{") for e in replayed)


def test_each_session_gets_its_own_store() -> None:
    """The SDK reads ``event_store`` once per new session; this fails if a release caches it
    (then sessions would share one store and its request-id keyed streams)."""
    manager = ResumableSessions(app=McpServer(pf.Node("x")).lowlevel)
    assert manager.event_store is not manager.event_store
    transport = manager._admit_session(None)
    assert isinstance(transport._event_store, SessionEventStore)
    assert manager._admit_session(None)._event_store is not transport._event_store


async def test_the_replay_buffer_is_bounded() -> None:
    store = SessionEventStore(max_events=3, max_bytes=10_000)
    message = JSONRPCResponse(jsonrpc="2.0", id=1, result={"x": "y"})
    ids = [await store.store_event("s", message) for _ in range(10)]
    assert store.count == 3
    sent: list[str | None] = []

    async def send(event: Any) -> None:
        sent.append(event.event_id)

    assert await store.replay_events_after(ids[0], send) is None  # dropped: nothing to resume
    assert await store.replay_events_after(ids[7], send) == "s"
    assert sent == ids[8:]
    small = SessionEventStore(max_events=100, max_bytes=100)
    for _ in range(10):
        await small.store_event("s", message)
    assert small.size <= 100
