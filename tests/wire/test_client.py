"""The Python client against a real node on 127.0.0.1."""

from __future__ import annotations

import pytest
import trio

import packetflow as pf
from packetflow import _lowlevel as lowlevel
from packetflow.errors import (
    ContractViolationError,
    DeadlineExceededError,
    ExecutionFailedError,
    ForbiddenError,
    NotFoundError,
    TooLargeError,
    UnauthenticatedError,
    UnavailableError,
)

from .conftest import SECRET, Probe, eventually

SECURED = pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(authority=pf.TokenAuthority(SECRET))], ids=["secured"]
)


async def test_call_returns_the_output(served: pf.WireServer) -> None:
    async with pf.open_client(served.url) as client:
        assert await client.call("echo", {"a": [1, 2]}) == {"a": [1, 2]}
        assert client.welcome is not None
        assert client.welcome.version == "1.0"


@pytest.mark.parametrize(
    ("cap", "payload", "error"),
    [
        ("nope", {}, NotFoundError),
        ("sleepy", {"ms": "x"}, ContractViolationError),
        ("broken", {}, ExecutionFailedError),
    ],
    ids=["E404", "E422", "E500"],
)
async def test_errors_are_raised_as_typed_exceptions(
    served: pf.WireServer, cap: str, payload: dict[str, object], error: type[Exception]
) -> None:
    async with pf.open_client(served.url) as client:
        with pytest.raises(error):
            await client.call(cap, payload)
        assert await client.call("echo", {"ok": 1}) == {"ok": 1}  # the connection lives on


async def test_200_concurrent_calls_on_one_client(served: pf.WireServer, probe: Probe) -> None:
    results: dict[int, int] = {}
    probe.gate = trio.Event()  # every call waits inside the node until all 200 are there
    async with pf.open_client(served.url) as client:

        async def one(tag: int) -> None:
            out = await client.call("sleepy", {"ms": (tag * 37) % 200, "tag": tag})
            results[tag] = out["tag"]

        async with trio.open_nursery() as nursery:
            for tag in range(200):
                nursery.start_soon(one, tag)
            await eventually(lambda: probe.running == 200)
            probe.gate.set()
    assert results == {tag: tag for tag in range(200)}
    assert probe.peak == 200


async def test_timeout_is_enforced_by_the_node(served: pf.WireServer, probe: Probe) -> None:
    async with pf.open_client(served.url) as client:
        with pytest.raises(DeadlineExceededError):
            await client.call("sleepy", {"ms": 5000}, timeout=0.05)
    assert probe.cancelled == 1


async def test_cancelling_a_call_cancels_the_work_on_the_node(
    served: pf.WireServer, probe: Probe
) -> None:
    async with pf.open_client(served.url) as client:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(client.call, "sleepy", {"ms": 10_000})
            await eventually(lambda: probe.running == 1)  # the node is working on it
            nursery.cancel_scope.cancel()
        await eventually(lambda: probe.cancelled == 1)
        assert await client.call("echo", {}) == {}


async def test_subscribe_is_an_async_iterator(served: pf.WireServer) -> None:
    async with pf.open_client(served.url) as client:
        async with client.subscribe("orders.*") as events:
            await client.call("place_order", {"order": 1})
            await client.call("place_order", {"order": 2})
            received = []
            async for event in events:
                received.append(event.payload["result"]["order"])
                if len(received) == 2:
                    break
        assert received == [1, 2]
        assert event.channel == "orders.created"


@pytest.mark.parametrize("hand_off", [True, False], ids=["hand-off", "get_message"])
async def test_replies_and_events_reach_the_client_either_way(
    served: pf.WireServer, monkeypatch: pytest.MonkeyPatch, hand_off: bool
) -> None:
    # The websocket's reader task routes the node's messages (_lowlevel.hand_off_messages);
    # without a tested trio-websocket the client's own reader task does, as before.
    monkeypatch.setattr(lowlevel, "FAST_TRIO_WEBSOCKET", hand_off)
    async with pf.open_client(served.url) as client, client.subscribe("orders.*") as events:
        async with trio.open_nursery() as nursery:
            for tag in range(20):
                nursery.start_soon(client.call, "sleepy", {"ms": tag % 3, "tag": tag})
        assert await client.call("place_order", {"order": 7}) == {"order": 7}
        event = await events.receive()
        assert event.payload["result"] == {"order": 7}
        with pytest.raises(NotFoundError):
            await client.call("nope", {})
    assert client.close_code == 1000  # the close still reached the client's reader task


async def test_publish_and_subscribe_between_two_clients(served: pf.WireServer) -> None:
    async with (
        pf.open_client(served.url) as a,
        pf.open_client(served.url) as b,
        a.subscribe("chat.*") as events,
    ):
        assert await b.publish("chat.lobby", {"text": "hi"}) == 1
        event = await events.receive()
    assert (event.channel, event.payload, event.dropped) == ("chat.lobby", {"text": "hi"}, 0)


async def test_discover_returns_contracts(served: pf.WireServer) -> None:
    async with pf.open_client(served.url) as client:
        [sleepy] = await client.discover("sleep*")
        assert sleepy["input_schema"]["properties"]["ms"]["type"] == "integer"
        found = await client.discover(intent="echo the payload back")
        assert found[0]["name"] == "echo"


async def test_reconnects_with_backoff_and_renews_subscriptions(
    served: pf.WireServer, probe: Probe
) -> None:
    async with (
        pf.open_client(served.url, backoff_base=0.01) as client,
        client.subscribe("orders.*") as events,
    ):
        [conn] = served.connections
        pending_failed = []

        async def pending_call() -> None:
            try:
                await client.call("sleepy", {"ms": 10_000})
            except UnavailableError as exc:
                pending_failed.append(exc)

        async with trio.open_nursery() as nursery:
            nursery.start_soon(pending_call)
            await eventually(lambda: probe.running == 1)  # the call is in flight on the node
            await conn.close(1011, "simulated failure")  # the node drops the connection
        [lost] = pending_failed
        assert lost.details["close_code"] == 1011
        await eventually(lambda: events.gaps == 1)  # renewed after the reconnect
        assert client.reconnects == 1
        await client.call("place_order", {"order": 5})
        event = await events.receive()
        assert event.payload["result"] == {"order": 5}


async def test_gives_up_after_the_reconnect_budget(probe: Probe) -> None:
    node = pf.Node("gone")
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(node.serve, "127.0.0.1", 0)
        client_cm = pf.open_client(
            server.url, backoff_base=0.01, backoff_max=0.02, max_reconnect_attempts=2
        )
        async with client_cm as client:
            async with client.subscribe("x") as events:
                await server.shutdown(drain_timeout=0)  # the node goes away for good
                nursery.cancel_scope.cancel()
                with pytest.raises(UnavailableError), trio.fail_after(5):
                    await events.receive()
            with pytest.raises(UnavailableError, match="gave up"):
                await client.call("anything")
            assert client.close_code == 1001


@SECURED
async def test_refused_token_raises_from_open_client(
    served: pf.WireServer, authority: pf.TokenAuthority
) -> None:
    with pytest.raises(UnauthenticatedError, match=r"no token"):
        async with pf.open_client(served.url, token=None):
            pass
    async with pf.open_client(served.url, token=authority.issue("a", ["cap:echo"])) as client:
        with pytest.raises(ForbiddenError):
            await client.call("sleepy")
        with pytest.raises(ForbiddenError):
            async with client.subscribe("orders.*"):
                pass


async def test_unreachable_node_raises_unavailable() -> None:
    with pytest.raises(UnavailableError, match="cannot connect"):
        async with pf.open_client("ws://127.0.0.1:1", connect_timeout=2):
            pass


@pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(limits=pf.Limits(max_bytes=2048))], ids=["2KiB"]
)
async def test_oversized_requests_are_refused_before_sending(served: pf.WireServer) -> None:
    async with pf.open_client(served.url) as client:
        with pytest.raises(TooLargeError):
            await client.call("echo", {"blob": "x" * 4096})
        assert await client.call("echo", {"small": 1}) == {"small": 1}


async def test_errors_raised_in_the_block_are_not_wrapped(served: pf.WireServer) -> None:
    with pytest.raises(KeyError):
        async with pf.open_client(served.url):
            raise KeyError("mine")


async def test_remote_actor_messages_go_through_dispatch(served: pf.WireServer) -> None:
    async def handler(request: pf.CapabilityRequest, ctx: pf.Context, timeout: object) -> dict:
        return {"actor": request.actor_id, "echo": request.payload}  # type: ignore[attr-defined]

    served.node.add_request_handler("actor_message", handler)
    async with pf.open_client(served.url) as client:
        reply = await client.actor("assistant", "alice-1").send({"text": "hi"})
    assert reply == {"actor": "alice-1", "echo": {"text": "hi"}}
