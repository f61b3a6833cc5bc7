"""Fixtures for the wire tests: a node served on 127.0.0.1 (port 0) and raw protocol peers.

The raw peer speaks the protocol with trio-websocket and plain JSON, not with our client, so
these tests check what travels on the socket.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import partial
from typing import Any

import pytest
import trio
from pydantic import BaseModel
from trio_websocket import ConnectionClosed, WebSocketConnection

import packetflow as pf
from packetflow._client.transport import open_websocket

SECRET = "test-secret-0123456789-abcdefghijklmnop"


class SleepIn(BaseModel):
    ms: int = 0
    tag: int = 0


class SleepOut(BaseModel):
    tag: int


class Probe:
    """Counts concurrent executions and remembers cancellations.

    A test that sets ``gate`` holds every ``sleepy`` call in flight until it sets the event:
    ``running`` then says how many are inside, with no guess at how long that takes.
    """

    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self.cancelled = 0
        self.finished = 0
        self.gate: trio.Event | None = None


def make_node(probe: Probe) -> pf.Node:
    node = pf.Node("wire-test")

    @pf.capability(intent="Echo the payload back", tags=["test"])
    async def echo(payload):  # untyped: the payload mapping
        return dict(payload)

    @pf.capability(intent="Sleep, then return the tag", tags=["test"])
    async def sleepy(inp: SleepIn) -> SleepOut:
        probe.running += 1
        probe.peak = max(probe.peak, probe.running)
        try:
            if probe.gate is not None:
                await probe.gate.wait()
            await trio.sleep(inp.ms / 1000)
        except trio.Cancelled:
            probe.cancelled += 1
            raise
        finally:
            probe.running -= 1
        probe.finished += 1
        return SleepOut(tag=inp.tag)

    @pf.capability(intent="Always fails")
    async def broken(payload):  # untyped: the payload mapping
        raise RuntimeError("secret internal detail")

    @pf.capability(intent="Return n characters")
    async def big(payload):  # untyped: the payload mapping
        return {"text": "x" * int(payload.get("n", 0))}

    @pf.capability(intent="Publish to orders.created", effects=[pf.Notify("orders.created")])
    async def place_order(payload):  # untyped: the payload mapping
        return {"order": payload.get("order", 1)}

    @pf.capability(intent="Admins only", authorize=["admin"])
    async def admin_only(payload):  # untyped: the payload mapping
        return {"ok": True}

    node.register(echo, sleepy, broken, big, place_order, admin_only)
    return node


@pytest.fixture
def probe() -> Probe:
    return Probe()


@pytest.fixture
def wire_config() -> pf.ServerConfig:
    """The server config; tests override it with ``@pytest.mark.parametrize`` or by fixture."""
    return pf.ServerConfig()


@pytest.fixture
async def served(probe: Probe, wire_config: pf.ServerConfig) -> AsyncIterator[pf.WireServer]:
    """A running node served on 127.0.0.1 with ``wire_config``."""
    node = make_node(probe)
    async with node.started(), trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(
            partial(node.serve, "127.0.0.1", 0, config=wire_config)
        )
        yield server
        nursery.cancel_scope.cancel()


@pytest.fixture
def authority() -> pf.TokenAuthority:
    return pf.TokenAuthority(SECRET)


class Peer:
    """A raw protocol peer: JSON over trio-websocket."""

    def __init__(self, ws: WebSocketConnection) -> None:
        self.ws = ws
        self._ids = 0

    def next_id(self) -> str:
        self._ids += 1
        return f"r{self._ids}"

    async def send(self, message: dict[str, Any] | str | bytes) -> None:
        await self.ws.send_message(
            message if isinstance(message, str | bytes) else json.dumps(message)
        )

    async def recv(self) -> dict[str, Any]:
        """The next message that is not one of the node's heartbeats (those are answered)."""
        while True:
            message: dict[str, Any] = json.loads(await self.ws.get_message())
            if message.get("type") == "heartbeat" and str(message.get("id")).startswith("hb-node"):
                await self.send(message)
                continue
            return message

    async def request(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send ``message`` (an id is added) and return the reply with the same id."""
        message = {"version": "1.0", "id": self.next_id(), **message}
        await self.send(message)
        while True:
            reply = await self.recv()
            if reply.get("id") == message["id"]:
                return reply

    async def call(
        self, cap: str, payload: dict[str, Any] | None = None, **extra: Any
    ) -> dict[str, Any]:
        return await self.request(
            {"type": "capability_request", "capability_id": cap, "payload": payload or {}, **extra}
        )

    async def hello(
        self, token: str | None = None, versions: list[str] | None = None
    ) -> dict[str, Any]:
        return await self.request(
            {"type": "hello", "token": token, "client": "raw-test", "versions": versions or ["1.0"]}
        )

    async def close_code(self) -> int | None:
        """Read until the node closes the connection; return the close code."""
        while True:
            try:
                await self.ws.get_message()
            except ConnectionClosed as exc:
                return None if exc.reason is None else exc.reason.code


Connect = Callable[..., Awaitable[Peer]]


async def eventually(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until ``predicate()`` holds (state changed by other tasks or by the node)."""
    with trio.fail_after(timeout):
        while not predicate():  # noqa: ASYNC110 - polling observable state is the point
            await trio.sleep(0.01)


@pytest.fixture
async def connect(served: pf.WireServer) -> AsyncIterator[Connect]:
    """``await connect(token=..., hello=True)`` opens a raw peer on the served node."""
    done = trio.Event()
    async with trio.open_nursery() as nursery:

        async def hold(
            max_message_size: int, task_status: trio.TaskStatus[WebSocketConnection]
        ) -> None:
            # Each socket lives in a task of this fixture, which closes it at teardown.
            async with open_websocket(
                served.url, max_message_size=max_message_size, connect_timeout=5
            ) as ws:
                task_status.started(ws)
                await done.wait()

        async def open_peer(
            *, token: str | None = None, hello: bool = True, max_message_size: int = 1 << 24
        ) -> Peer:
            peer = Peer(await nursery.start(hold, max_message_size))
            if hello:
                welcome = await peer.hello(token)
                assert welcome["type"] == "welcome", welcome
            return peer

        yield open_peer
        done.set()
