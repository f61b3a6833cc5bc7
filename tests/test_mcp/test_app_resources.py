"""@pf.resource: static and templated resources, resources/templates/list, completions,
subscriptions with node.resources.updated (and actor commits), bounded delivery."""

from __future__ import annotations

import base64
import warnings
from contextlib import AsyncExitStack
from typing import Any, Literal

import anyio
import pytest
import trio
import trio.testing

mcp = pytest.importorskip("mcp")

from mcp.shared.exceptions import MCPDeprecationWarning, MCPError  # noqa: E402
from mcp.shared.message import SessionMessage  # noqa: E402
from mcp.types import (  # noqa: E402
    INVALID_PARAMS,
    JSONRPCNotification,
    JSONRPCRequest,
    ResourceListChangedNotification,
    ResourceTemplateReference,
    ResourceUpdatedNotification,
)
from pydantic import BaseModel  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow.mcp import Caller, McpServer, actor_uri  # noqa: E402

from .features import connected  # noqa: E402


class Order(BaseModel):
    id: int
    status: str


@pf.resource("docs://readme", mime_type="text/markdown")
async def readme() -> str:
    """The README."""
    return "# Hello"


@pf.resource("docs://logo")
def logo() -> bytes:
    return b"\x89PNG"


@pf.resource("orders://{order_id}/status", complete={"order_id": lambda prefix: ["17", "170"]})
async def order_status(order_id: int, ctx: pf.Context) -> Order:
    """An order's status."""
    return Order(id=order_id, status="shipped")


@pf.resource("shelf://{section}")
async def shelf(section: Literal["fiction", "fantasy", "history"]) -> list[str]:
    return [f"a {section} book"]


class CounterState(BaseModel):
    count: int = 0


class Bump(BaseModel):
    by: int = 1


@pf.actor(name="counter", persistence="memory", intent="counts")
class Counter(pf.Actor[CounterState]):
    async def handle(self, msg: Bump, ctx: pf.Context) -> CounterState:
        self.state.count += msg.by
        return self.state


def make_node() -> pf.Node:
    node = pf.Node("resources")
    node.modules.autoload = False
    node.register(readme, logo, order_status, shelf, Counter)
    return node


async def follow(client: Any, uri: str) -> None:
    """``resources/subscribe`` (the SDK client warns that 2026-07-28 replaced it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MCPDeprecationWarning)
        await client.subscribe_resource(uri)


async def unfollow(client: Any, uri: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MCPDeprecationWarning)
        await client.unsubscribe_resource(uri)


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_static_and_templated_resources_are_listed_and_read(mode: str) -> None:
    async with connected(make_node(), mode=mode) as (client, _):
        listed = {r.uri: r for r in (await client.list_resources()).resources}
        templates = [
            t.uri_template for t in (await client.list_resource_templates()).resource_templates
        ]
        text = (await client.read_resource("docs://readme")).contents[0]
        binary = (await client.read_resource("docs://logo")).contents[0]
        order = (await client.read_resource("orders://17/status")).contents[0]
    assert listed["docs://readme"].description == "The README."
    assert listed["docs://readme"].mime_type == "text/markdown"
    assert "docs://logo" in listed
    assert templates[:2] == ["orders://{order_id}/status", "shelf://{section}"]
    assert any(t.startswith("packetflow://actors/") for t in templates)
    assert (text.text, text.mime_type) == ("# Hello", "text/markdown")
    assert base64.b64decode(binary.blob) == b"\x89PNG"
    assert binary.mime_type == "application/octet-stream"
    assert (order.uri, order.mime_type, order.text) == (
        "orders://17/status",
        "application/json",
        '{"id":17,"status":"shipped"}',
    )


@pytest.mark.parametrize(
    ("uri", "code", "fields"),
    [
        ("orders://seventeen/status", "E422", ["order_id"]),
        ("shelf://poetry", "E422", ["section"]),
        ("docs://missing", "E404", None),
    ],
    ids=["not-a-number", "not-an-option", "unknown"],
)
async def test_bad_reads_are_32602_with_the_error(uri: str, code: str, fields: Any) -> None:
    async with connected(make_node()) as (client, _):
        with pytest.raises(MCPError) as caught:
            await client.read_resource(uri)
    assert caught.value.error.code == INVALID_PARAMS
    data = caught.value.error.data
    assert data["code"] == code
    first, *listed = caught.value.error.message.splitlines()
    assert first.startswith(f"{code} ")
    if fields is not None:
        assert [item["field"] for item in data["details"]] == fields
        # Listed in the message too: clients such as the MCP Inspector show only the message.
        assert [line.split(":")[0] for line in listed] == [f"  - {field}" for field in fields]


@pytest.mark.parametrize(
    ("template", "argument", "prefix", "values"),
    [
        ("orders://{order_id}/status", "order_id", "1", ["17", "170"]),
        ("shelf://{section}", "section", "f", ["fiction", "fantasy"]),
    ],
    ids=["callable", "enum-default"],
)
async def test_template_completions(
    template: str, argument: str, prefix: str, values: list[str]
) -> None:
    async with connected(make_node()) as (client, _):
        result = await client.complete(
            ResourceTemplateReference(uri=template), {"name": argument, "value": prefix}
        )
    assert result.completion.values == values


async def test_subscribers_hear_updates_until_they_unsubscribe() -> None:
    node = make_node()
    heard: list[str] = []
    arrived = trio.Event()

    async def on_message(message: Any) -> None:
        if isinstance(message, ResourceUpdatedNotification):
            heard.append(message.params.uri)
            arrived.set()

    async with connected(node, message_handler=on_message) as (client, server):
        assert client.server_capabilities.resources.subscribe
        await follow(client, "docs://readme")
        node.resources.updated("docs://other")  # nobody follows it
        node.resources.updated("docs://readme")
        with trio.fail_after(10):
            await arrived.wait()
        await unfollow(client, "docs://readme")
        node.resources.updated("docs://readme")
        assert not server.subscriptions._by_uri  # nothing is pending for anyone
        await client.list_resources()
        assert len(server.subscriptions) == 1  # still connected, following nothing
    assert heard == ["docs://readme"]
    assert len(server.subscriptions) == 0  # a closed connection is forgotten


async def test_actor_state_resources_notify_on_every_commit() -> None:
    node = make_node()
    heard: list[str] = []
    twice = trio.Event()

    async def on_message(message: Any) -> None:
        if isinstance(message, ResourceUpdatedNotification):
            heard.append(message.params.uri)
            if len(heard) == 2:
                twice.set()

    async with connected(node, message_handler=on_message) as (client, _):
        uri = actor_uri("counter", "c1")
        await follow(client, uri)
        await client.call_tool("counter", {"actor_id": "c1", "by": 2})
        with trio.fail_after(10):
            while not heard:
                await trio.lowlevel.checkpoint()
        await client.call_tool("counter", {"actor_id": "c1", "by": 3})
        with trio.fail_after(10):
            await twice.wait()
        state = (await client.read_resource(uri)).contents[0].text
    assert heard == [uri, uri]
    assert state == '{"count": 5}'


async def test_modern_clients_follow_resources_with_listen() -> None:
    node = make_node()
    async with (
        connected(node, mode="auto") as (client, _),
        client.listen(resource_subscriptions=["docs://readme"]) as events,
    ):
        node.resources.updated("docs://readme")
        with trio.fail_after(10):
            async for event in events:
                assert event.uri == "docs://readme"
                break


async def test_an_update_reaches_100_subscribers_once_each() -> None:
    node = make_node()
    server = McpServer(node)
    counts = [0] * 100
    all_heard = trio.Event()

    def handler(index: int) -> Any:
        async def on_message(message: Any) -> None:
            if isinstance(message, ResourceUpdatedNotification):
                counts[index] += 1
                if all(counts):
                    all_heard.set()

        return on_message

    async with node.started(), server.serving(), AsyncExitStack() as stack:
        clients = [
            await stack.enter_async_context(
                mcp.Client(server.lowlevel, mode="legacy", message_handler=handler(i))
            )
            for i in range(100)
        ]
        for client in clients:
            await follow(client, "docs://readme")
        node.resources.updated("docs://readme")
        with trio.fail_after(30):
            await all_heard.wait()
        assert len(server.subscriptions) == 100
    assert counts == [1] * 100
    assert server.subscriptions.sent == 100


class RawConnection:
    """A handshake-era connection driven by hand: it can subscribe and then stop reading."""

    def __init__(self) -> None:
        self.to_server, self.server_reads = anyio.create_memory_object_stream[Any](0)
        self.server_writes, self.from_server = anyio.create_memory_object_stream[Any](0)

    async def request(self, request_id: int, method: str, params: dict[str, Any]) -> Any:
        message = JSONRPCRequest(jsonrpc="2.0", id=request_id, method=method, params=params)
        await self.to_server.send(SessionMessage(message))
        return (await self.from_server.receive()).message

    async def open(self) -> None:
        client = {"name": "stuck", "version": "1"}
        hello = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": client}
        await self.request(1, "initialize", hello)
        initialized = JSONRPCNotification(jsonrpc="2.0", method="notifications/initialized")
        await self.to_server.send(SessionMessage(initialized))


async def test_a_subscriber_that_stops_reading_is_dropped(
    autojump_clock: trio.testing.MockClock,
) -> None:
    """A raw connection subscribes and never reads again; a healthy client beside it gets
    every update, and the stuck one is dropped after ``send_timeout``."""
    node = make_node()
    server = McpServer(node)
    healthy: list[str] = []
    heard = trio.Event()

    async def keep_reading(message: Any) -> None:
        nonlocal heard
        if isinstance(message, ResourceUpdatedNotification):
            healthy.append(message.params.uri)
            heard.set()

    raw = RawConnection()
    subscriptions = server.subscriptions
    async with (
        raw.to_server,
        raw.from_server,
        node.started(),
        server.serving(),
        trio.open_nursery() as nursery,
    ):
        nursery.start_soon(server.run, raw.server_reads, raw.server_writes)
        await raw.open()
        subscribed = await raw.request(2, "resources/subscribe", {"uri": "docs://readme"})
        assert subscribed.result == {}
        async with mcp.Client(server.lowlevel, mode="legacy", message_handler=keep_reading) as c:
            await follow(c, "docs://readme")
            assert len(subscriptions) == 2
            for _ in range(5):  # the raw connection reads none of these
                heard = trio.Event()
                node.resources.updated("docs://readme")
                with trio.fail_after(5):
                    await heard.wait()
            # Virtual time (MockClock) past the stuck send's deadline.
            await trio.sleep(subscriptions.send_timeout + 1)
            assert (subscriptions.dropped, len(subscriptions)) == (1, 1)
        nursery.cancel_scope.cancel()
    assert healthy == ["docs://readme"] * 5


async def test_registering_a_resource_notifies_clients() -> None:
    node = make_node()
    changed = trio.Event()

    async def on_message(message: Any) -> None:
        if isinstance(message, ResourceListChangedNotification):
            changed.set()

    async with connected(node, message_handler=on_message) as (client, _):
        await client.list_resources()  # a round trip: the server has seen 'initialized'
        node.register(pf.resource("docs://new")(lambda: "new"))
        with trio.fail_after(10):
            await changed.wait()
        uris = [r.uri for r in (await client.list_resources()).resources]
    assert "docs://new" in uris


def test_resource_declarations_are_checked() -> None:
    with pytest.raises(ValueError, match="expected a URI"):
        pf.resource("no-scheme")(lambda: "x")
    with pytest.raises(TypeError, match="placeholders"):
        pf.resource("a://{x}")(lambda y: "x")
    node = make_node()
    with pytest.raises(pf.errors.ConflictError):
        node.register(readme)


async def test_template_completions_follow_the_tokens_cap_scopes() -> None:
    authority = pf.TokenAuthority("template-completion-secret-0123456789-ab")
    principal = authority.verify(authority.issue("alice", ["cap:shelf"]))
    node = make_node()
    server = McpServer(node, caller=Caller(principal=principal))
    async with node.started(), server.serving(), mcp.Client(server.lowlevel) as client:
        allowed = await client.complete(
            ResourceTemplateReference(uri="shelf://{section}"), {"name": "section", "value": "h"}
        )
        with pytest.raises(MCPError) as refused:
            await client.complete(
                ResourceTemplateReference(uri="orders://{order_id}/status"),
                {"name": "order_id", "value": "1"},
            )
    assert allowed.completion.values == ["history"]
    assert refused.value.error.data["code"] == "E403"
    assert "order_status" in refused.value.error.message
