"""``packetflow.testing.open_memory_client``: the real client and the real wire protocol to a
node in the same process, over memory streams: no port, no socket."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import trio
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow.errors import (
    ContractViolationError,
    DeadlineExceededError,
    ExecutionFailedError,
    ForbiddenError,
    NotFoundError,
    UnauthenticatedError,
)
from packetflow.testing import open_memory_client
from packetflow.testing._memory import STREAM_BUFFER, memory_stream_pair

SECRET = "memory-secret-0123456789-abcdefghijklmn"


class Note(BaseModel):
    text: str


class Notes(BaseModel):
    texts: list[str] = []


class Count(BaseModel):
    count: int
    first: str


class Gate:
    """What the ``wait`` capability saw: it entered, and whether it was cancelled."""

    def __init__(self) -> None:
        self.entered = trio.Event()
        self.cancelled = trio.Event()


@pytest.fixture
def gate() -> Gate:
    return Gate()


@pytest.fixture
def node(gate: Gate, tmp_path: Path) -> pf.Node:
    node = pf.Node("memory-test", data_dir=tmp_path)

    @pf.capability(intent="Echo the payload back")
    async def echo(payload):  # untyped: the payload mapping
        return dict(payload)

    @pf.capability(intent="Shout a note")
    async def shout(note: Note) -> Note:
        return Note(text=note.text.upper())

    @pf.capability(intent="Always fails")
    async def broken(payload):  # untyped: the payload mapping
        raise RuntimeError("secret internal detail")

    @pf.capability(intent="Wait until cancelled")
    async def wait(payload):  # untyped: the payload mapping
        gate.entered.set()
        try:
            await trio.sleep_forever()
        finally:
            gate.cancelled.set()

    @pf.capability(intent="Publish to orders.created", effects=[pf.Notify("orders.created")])
    async def place_order(payload):  # untyped: the payload mapping
        return {"order": payload.get("order", 1)}

    @pf.actor(persistence="memory")
    class Notebook(pf.Actor[Notes]):
        async def handle(self, msg: Note, ctx: pf.Context) -> Count:
            self.state.texts.append(msg.text)
            return Count(count=len(self.state.texts), first=self.state.texts[0])

    node.register(echo, shout, broken, wait, place_order, Notebook)
    return node


@pytest.fixture
async def running(node: pf.Node) -> AsyncIterator[pf.Node]:
    async with node.started():
        yield node


@pytest.fixture
async def client(running: pf.Node) -> AsyncIterator[pf.Client]:
    async with open_memory_client(running) as client:
        yield client


async def test_calls_return_the_output_through_the_wire_protocol(
    node: pf.Node, client: pf.Client
) -> None:
    assert await client.call("echo", {"a": [1, 2]}) == {"a": [1, 2]}
    assert await client.call("shout", Note(text="hi")) == {"text": "HI"}
    assert client.welcome is not None and client.welcome.version == "1.0"
    assert node.stats()["echo"].count == 1  # it ran on the node, through its dispatch


@pytest.mark.parametrize(
    ("cap", "payload", "error"),
    [
        ("nope", {}, NotFoundError),
        ("shout", {"text": 3}, ContractViolationError),
        ("broken", {}, ExecutionFailedError),
    ],
    ids=["E404", "E422", "E500"],
)
async def test_errors_are_the_typed_exceptions(
    client: pf.Client, cap: str, payload: dict[str, Any], error: type[pf.PacketFlowError]
) -> None:
    with pytest.raises(error) as caught:
        await client.call(cap, payload)
    assert "secret internal detail" not in caught.value.message
    assert await client.call("echo", {"ok": 1}) == {"ok": 1}  # the connection lives on


async def test_an_exception_leaving_the_block_is_not_an_exception_group(node: pf.Node) -> None:
    async with node.started():
        with pytest.raises(NotFoundError):
            async with open_memory_client(node) as client:
                await client.call("nope")


async def test_the_node_must_be_running(node: pf.Node) -> None:
    with pytest.raises(RuntimeError, match="is idle"):
        async with open_memory_client(node):
            pass


async def test_events_reach_a_subscription(client: pf.Client) -> None:
    async with client.subscribe("orders.*") as events:
        await client.call("place_order", {"order": 7})
        assert await client.publish("orders.manual", {"by": "test"}) == 1
        first, second = await events.receive(), await events.receive()
    assert (first.channel, first.payload["result"]) == ("orders.created", {"order": 7})
    assert (second.channel, second.payload) == ("orders.manual", {"by": "test"})


async def test_a_cancelled_call_cancels_the_capability_on_the_node(
    client: pf.Client, gate: Gate
) -> None:
    async with trio.open_nursery() as nursery:
        nursery.start_soon(client.call, "wait")
        await gate.entered.wait()
        nursery.cancel_scope.cancel()  # the caller gives up: the client sends a cancel
    with trio.fail_after(5):
        await gate.cancelled.wait()
    assert await client.call("echo", {"after": "cancel"}) == {"after": "cancel"}


async def test_a_call_past_its_timeout_is_e408(client: pf.Client, gate: Gate) -> None:
    with pytest.raises(DeadlineExceededError):
        await client.call("wait", timeout=0.05)
    assert gate.cancelled.is_set()


async def test_actor_messages_keep_the_actors_state(client: pf.Client) -> None:
    notebook = client.actor("notebook", "n-1")
    assert await notebook.send({"text": "alpha"}) == {"count": 1, "first": "alpha"}
    assert await notebook.send(Note(text="beta")) == {"count": 2, "first": "alpha"}
    assert await client.actor("notebook", "n-2").send({"text": "x"}) == {"count": 1, "first": "x"}


async def test_the_mcp_tunnel_reaches_the_nodes_mcp_server(client: pf.Client) -> None:
    init = await client.mcp(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": "2025-06-18",
                "capabilities": {},
                "clientInfo": {"name": "memory-test", "version": "0"},
            },
        }
    )
    assert init["result"]["serverInfo"]["name"]
    listed = await client.mcp({"jsonrpc": "2.0", "id": 2, "method": "tools/list"})
    assert "echo" in {tool["name"] for tool in listed["result"]["tools"]}
    called = await client.mcp(
        {
            "jsonrpc": "2.0",
            "id": 3,
            "method": "tools/call",
            "params": {"name": "shout", "arguments": {"text": "mcp"}},
        }
    )
    assert called["result"]["structuredContent"] == {"text": "MCP"}


async def test_tokens_and_scopes_apply_as_on_a_socket(running: pf.Node) -> None:
    authority = pf.TokenAuthority(SECRET)
    config = pf.ServerConfig(authority=authority)
    token = authority.issue("alice", scopes=["cap:echo"])
    async with open_memory_client(running, token=token, config=config) as client:
        assert await client.call("echo", {"a": 1}) == {"a": 1}
        with pytest.raises(ForbiddenError):
            await client.call("shout", {"text": "no"})
    with pytest.raises(UnauthenticatedError):
        async with open_memory_client(running, config=config):
            pass  # no token: refused at the hello


async def test_heartbeats_keep_an_idle_memory_connection_alive(
    running: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    config = pf.ServerConfig(heartbeat_s=1.0, missed_heartbeats=2)
    async with open_memory_client(running, config=config) as client:
        await trio.sleep(30)  # thirty beats each way on the mock clock, no call
        assert await client.call("echo", {"still": "here"}) == {"still": "here"}
        assert client.reconnects == 0


async def test_no_socket_is_opened(running: pf.Node, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_sockets(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the memory client opened a socket")

    monkeypatch.setattr(trio.socket, "socket", no_sockets)
    async with open_memory_client(running) as client:
        assert await client.call("echo", {"a": 1}) == {"a": 1}


async def test_an_http_port_is_refused(running: pf.Node) -> None:
    with pytest.raises(ValueError, match="mcp_http_port"):
        async with open_memory_client(running, config=pf.ServerConfig(mcp_http_port=0)):
            pass


async def test_a_memory_stream_makes_its_sender_wait_beyond_its_buffer() -> None:
    ours, theirs = memory_stream_pair()
    sent = 0

    async def flood() -> None:
        nonlocal sent
        while True:
            await ours.send_all(b"x" * 4096)
            sent += 4096

    async with trio.open_nursery() as nursery:
        nursery.start_soon(flood)
        await trio.testing.wait_all_tasks_blocked()
        assert sent <= STREAM_BUFFER  # waiting, not queueing without bound
        assert await theirs.receive_some(10) == b"x" * 10
        nursery.cancel_scope.cancel()
    await ours.aclose()
    with pytest.raises(trio.BrokenResourceError):
        await theirs.send_all(b"to a closed peer")
    assert await theirs.receive_some() == b"x" * 4086  # the rest of the chunk it started
