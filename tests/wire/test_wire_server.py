"""The WebSocket server on real sockets: multiplexing, cancel, heartbeats, backpressure,
channels, discovery, supervision, bind policy."""

from __future__ import annotations

import contextvars
import json
import random
from typing import Any

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow._wire.connection import _MAX_IDLE_TASKS, Connection

from .conftest import SECRET, Connect, Probe, eventually

SECURED = pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(authority=pf.TokenAuthority(SECRET))], ids=["secured"]
)
MARK: contextvars.ContextVar[str] = contextvars.ContextVar("test_wire_server.mark", default="-")


async def test_200_concurrent_calls_with_different_delays_get_their_own_replies(
    connect: Connect, probe: Probe
) -> None:
    peer = await connect()
    probe.gate = trio.Event()  # every call waits inside the node until all 200 are there
    delays = list(range(200))
    random.Random(7).shuffle(delays)
    for tag, delay in enumerate(delays):
        await peer.send(
            {
                "type": "capability_request",
                "id": f"c{tag}",
                "capability_id": "sleepy",
                "payload": {"ms": delay, "tag": tag},
            }
        )
    await eventually(lambda: probe.running == 200)  # they really run concurrently
    probe.gate.set()  # then each sleeps its own delay
    arrived = []
    with trio.fail_after(10):
        for _ in range(200):
            reply = await peer.recv()
            assert reply["type"] == "capability_response", reply
            assert reply["id"] == f"c{reply['payload']['tag']}"
            arrived.append(reply["payload"]["tag"])
    assert sorted(arrived) == list(range(200))
    assert arrived != list(range(200))  # completion order, not send order
    assert probe.peak == 200


async def test_cancel_stops_the_work_and_sends_no_reply(connect: Connect, probe: Probe) -> None:
    peer = await connect()
    await peer.send(
        {
            "type": "capability_request",
            "id": "long",
            "capability_id": "sleepy",
            "payload": {"ms": 10_000},
        }
    )
    await eventually(lambda: probe.running == 1)  # "long" is running
    await peer.send({"type": "cancel", "id": "long"})
    await peer.send({"type": "cancel", "id": "unknown"})  # ignored: nothing in flight
    reply = await peer.call("echo", {"n": 1})
    assert reply["payload"] == {"n": 1}  # the first reply on the socket: none for "long"
    assert probe.cancelled == 1


async def test_quick_requests_are_answered_while_one_blocks(connect: Connect, probe: Probe) -> None:
    peer = await connect()
    slow = {"type": "capability_request", "capability_id": "sleepy", "payload": {"ms": 10_000}}
    await peer.send({**slow, "id": "slow"})
    for n in range(20):  # each answered by the connection while "slow" still runs
        assert (await peer.call("echo", {"n": n}))["payload"] == {"n": n}
    assert probe.running == 1
    await peer.send({"type": "cancel", "id": "slow"})
    await eventually(lambda: probe.cancelled == 1)


async def test_tasks_left_after_a_burst_of_blocking_requests_are_bounded(
    served: pf.WireServer, connect: Connect, probe: Probe
) -> None:
    peer = await connect()
    probe.gate = trio.Event()
    for n in range(50):
        await peer.send(
            {
                "type": "capability_request",
                "id": f"b{n}",
                "capability_id": "sleepy",
                "payload": {"ms": 50, "tag": n},
            }
        )
    await eventually(lambda: probe.running == 50)  # at once, each in a task of the connection
    probe.gate.set()
    replies = [await peer.recv() for _ in range(50)]
    assert sorted(r["payload"]["tag"] for r in replies) == list(range(50))
    assert probe.peak == 50
    [conn] = served.connections
    assert conn._nursery is not None
    # What stays: the reader, the heartbeat task and at most _MAX_IDLE_TASKS waiting ones.
    await eventually(lambda: len(conn._nursery.child_tasks) <= _MAX_IDLE_TASKS + 2)
    assert (await peer.call("echo", {"a": 1}))["payload"] == {"a": 1}


@pytest.mark.parametrize("blocks", [False, True], ids=["quick", "blocking"])
async def test_requests_on_one_connection_do_not_share_context_variables(blocks: bool) -> None:
    node = pf.Node("vars")

    @pf.capability
    async def mark(payload):  # untyped: the payload mapping
        before = MARK.get()
        MARK.set(payload["value"])
        if payload["block"]:
            await trio.sleep(0.001)
        return {"before": before, "after": MARK.get()}

    node.register(mark)
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(_serve(node, pf.ServerConfig()))
        async with pf.open_client(server.url) as client:
            first = await client.call("mark", {"value": "a", "block": blocks})
            second = await client.call("mark", {"value": "b", "block": blocks})
        nursery.cancel_scope.cancel()
    assert first == {"before": "-", "after": "a"}
    assert second == {"before": "-", "after": "b"}  # as if each request had a task of its own


async def test_a_request_failing_after_it_blocked_is_e500_and_the_connection_goes_on() -> None:
    node = pf.Node("late-failure")

    @pf.capability
    async def fails_later(payload):  # untyped: the payload mapping
        await trio.sleep(0.01)
        raise RuntimeError("secret internal detail")

    node.register(fails_later, pf.capability(name="ping")(lambda: {"pong": True}))
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(_serve(node, pf.ServerConfig()))
        async with pf.open_client(server.url) as client:
            with pytest.raises(pf.errors.ExecutionFailedError) as caught:
                await client.call("fails_later")
            assert "secret internal detail" not in str(caught.value)
            assert await client.call("ping") == {"pong": True}
        nursery.cancel_scope.cancel()


async def test_node_answers_client_heartbeats_with_the_same_id(connect: Connect) -> None:
    peer = await connect()
    await peer.send({"type": "heartbeat", "id": "client-beat-1"})
    assert await peer.recv() == {
        "version": "1.0",
        "type": "heartbeat",
        "id": "client-beat-1",
        "metadata": {},
    }


@pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(heartbeat_s=0.1, missed_heartbeats=3)], ids=["fast-beats"]
)
async def test_a_peer_that_stops_answering_heartbeats_is_dropped(
    served: pf.WireServer, connect: Connect
) -> None:
    silent = await connect()
    lively = await connect()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(lively.recv)  # answers the node's beats; the silent peer does not
        await eventually(lambda: len(served.connections) == 1)
        nursery.cancel_scope.cancel()
    assert await silent.close_code() == 4408
    assert (await lively.call("echo"))["type"] == "capability_response"


async def test_our_client_keeps_a_quiet_connection_alive(probe: Probe) -> None:
    node = pf.Node("beats")
    node.register(pf.capability(name="ping")(lambda: {"pong": True}))
    config = pf.ServerConfig(heartbeat_s=0.1, missed_heartbeats=3)
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(_serve(node, config))
        async with pf.open_client(server.url) as client:
            [conn] = server.connections
            # Eight heartbeats without a call (three unanswered would have dropped it).
            await eventually(lambda: conn.liveness.beats >= 8)
            assert await client.call("ping") == {"pong": True}
            assert client.reconnects == 0
        nursery.cancel_scope.cancel()


def _serve(node: pf.Node, config: pf.ServerConfig) -> Any:
    async def serve(task_status: Any) -> None:
        await node.serve("127.0.0.1", 0, config=config, task_status=task_status)

    return serve


@pytest.mark.parametrize("wire_config", [pf.ServerConfig(max_in_flight=8)], ids=["eight"])
async def test_a_flood_gets_e429_and_never_more_than_the_limit_runs(
    served: pf.WireServer, connect: Connect, probe: Probe
) -> None:
    peer = await connect()
    probe.gate = trio.Event()  # nothing finishes until every request has been answered or run
    total = 2000
    codes: dict[str, int] = {}
    peak_in_flight = 0

    async def read_all() -> None:
        for _ in range(total):
            reply = await peer.recv()
            key = reply["error"]["code"] if reply["type"] == "capability_error" else "ok"
            codes[key] = codes.get(key, 0) + 1
            if key == "E429":
                assert reply["error"]["retry_after_ms"] > 0

    async with trio.open_nursery() as nursery:
        nursery.start_soon(read_all)
        for n in range(total):
            await peer.send(
                {
                    "type": "capability_request",
                    "id": f"f{n}",
                    "capability_id": "sleepy",
                    "payload": {"ms": 20},
                }
            )
            peak_in_flight = max(peak_in_flight, *(len(c.in_flight) for c in served.connections))
        await eventually(lambda: codes.get("E429") == total - 8, timeout=60)
        probe.gate.set()
    assert codes == {"E429": total - 8, "ok": 8}  # one reply per request
    assert probe.peak == 8
    assert peak_in_flight <= 8


@pytest.mark.parametrize("wire_config", [pf.ServerConfig(max_in_flight=4)], ids=["four"])
async def test_a_flood_that_never_reads_is_backpressured_not_buffered(
    served: pf.WireServer, connect: Connect
) -> None:
    peer = await connect()
    # Large requests and replies fill the kernel's socket buffers quickly (small ones would
    # take a few hundred thousand messages before anything blocks).
    request = json.dumps(
        {
            "type": "capability_request",
            "id": "x",
            "capability_id": "big",
            "payload": {"n": 100_000, "pad": "p" * 50_000},
        }
    )
    sent = 0

    async def flood() -> None:
        nonlocal sent
        while sent < 20_000:
            await peer.send(request.replace('"x"', f'"x{sent}"'))
            sent += 1

    async with trio.open_nursery() as nursery:
        nursery.start_soon(flood)
        # Every task blocked with no I/O ready, the flood mid-send: the node stopped reading
        # once its replies could not be sent, so the flood waits in TCP buffers instead of
        # growing a queue in the node.
        await trio.testing.wait_all_tasks_blocked()
        nursery.cancel_scope.cancel()
    assert sent < 20_000, f"{sent} requests went out without backpressure"
    conn = next(iter(served.connections))
    assert len(conn.in_flight) <= 4


async def test_subscription_receives_published_events(connect: Connect) -> None:
    peer = await connect()
    ack = await peer.request({"type": "subscribe", "channel": "orders.*"})
    assert ack["payload"] == {"channel": "orders.*", "subscribed": True}
    await peer.call("place_order", {"order": 7})
    event = await peer.recv()
    assert event["type"] == "event"
    assert event["id"] == ack["id"]  # events answer their subscription
    assert event["channel"] == "orders.created"
    assert event["payload"] == {"capability": "place_order", "result": {"order": 7}}
    assert event["metadata"]["dropped"] == 0
    bye = await peer.request({"type": "unsubscribe", "channel": "orders.*"})
    assert bye["payload"]["subscribed"] is False
    missing = await peer.request({"type": "unsubscribe", "channel": "orders.*"})
    assert missing["error"]["code"] == "E404"


@pytest.mark.parametrize(
    "wire_config", [pf.ServerConfig(subscription_buffer=4)], ids=["four-buffered"]
)
async def test_slow_subscriber_drops_oldest_and_is_told_how_many(
    served: pf.WireServer, connect: Connect
) -> None:
    peer = await connect()
    await peer.request({"type": "subscribe", "channel": "burst"})
    for n in range(20):  # published synchronously: the forwarder cannot keep up
        served.node.channels.publish("burst", {"n": n})
    events = [await peer.recv() for _ in range(4)]
    assert [e["payload"]["n"] for e in events] == [16, 17, 18, 19]
    assert events[0]["metadata"]["dropped"] == 16


async def test_client_publish_reaches_subscribers_on_other_connections(connect: Connect) -> None:
    listener = await connect()
    publisher = await connect()
    await listener.request({"type": "subscribe", "channel": "chat.*"})
    ack = await publisher.request(
        {"type": "event", "channel": "chat.room1", "payload": {"m": "hi"}}
    )
    assert ack["payload"] == {"channel": "chat.room1", "delivered": 1}
    event = await listener.recv()
    assert (event["channel"], event["payload"]) == ("chat.room1", {"m": "hi"})


@SECURED
async def test_chan_scopes_guard_subscribe_publish_and_each_event(
    served: pf.WireServer, connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(token=authority.issue("alice", ["chan:orders.?", "cap:*"]))
    denied = await peer.request({"type": "subscribe", "channel": "payments.*"})
    assert denied["error"]["code"] == "E403"
    denied = await peer.request({"type": "event", "channel": "payments.x", "payload": {}})
    assert denied["error"]["code"] == "E403"
    # Globs do not compare exactly: 'orders.*' passes the check against 'orders.?' (the '?'
    # matches the '*') yet is wider, so every event is checked against the scopes again.
    ok = await peer.request({"type": "subscribe", "channel": "orders.*"})
    assert ok["type"] == "capability_response"
    served.node.channels.publish("orders.created", {"hidden": True})
    served.node.channels.publish("orders.x", {"visible": True})
    event = await peer.recv()
    assert (event["channel"], event["payload"]) == ("orders.x", {"visible": True})


async def test_discovery_returns_contracts(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.request({"type": "discover", "name": "slee*"})
    assert reply["type"] == "discovery"
    [sleepy] = reply["capabilities"]
    assert sleepy["name"] == "sleepy"
    assert sleepy["input_schema"]["properties"]["ms"]["type"] == "integer"
    assert sleepy["output_schema"]["required"] == ["tag"]
    by_tag = await peer.request({"type": "discover", "tag": "test"})
    assert {c["name"] for c in by_tag["capabilities"]} == {"echo", "sleepy"}
    by_intent = await peer.request({"type": "discover", "intent": "sleep for a while"})
    assert by_intent["capabilities"][0]["name"] == "sleepy"
    by_keys = await peer.request({"type": "discover", "provides": ["tag"]})
    assert [c["name"] for c in by_keys["capabilities"]] == ["sleepy"]


@SECURED
async def test_discovery_shows_only_what_the_token_may_call(
    connect: Connect, authority: pf.TokenAuthority
) -> None:
    peer = await connect(token=authority.issue("alice", ["cap:echo", "cap:big"]))
    reply = await peer.request({"type": "discover"})
    assert {c["name"] for c in reply["capabilities"]} == {"big", "echo"}


async def test_registry_changes_are_published(served: pf.WireServer, connect: Connect) -> None:
    peer = await connect()
    await peer.request({"type": "subscribe", "channel": "packetflow.registry.changed"})

    @pf.capability
    async def late() -> dict[str, Any]:
        return {}

    served.node.register(late)
    event = await peer.recv()
    assert event["payload"]["action"] == "registered"
    assert event["payload"]["name"] == "late"


async def test_a_crashing_connection_handler_does_not_affect_other_connections(
    served: pf.WireServer, connect: Connect, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Connection._on_discover

    async def crashing(self: Connection, msg: Any) -> None:
        if msg.name == "boom":
            raise RuntimeError("bug in a handler")
        await real(self, msg)

    monkeypatch.setattr(Connection, "_on_discover", crashing)
    victim = await connect()
    bystander = await connect()
    await victim.send({"type": "discover", "id": "d", "name": "boom"})
    assert await victim.close_code() == 1011
    assert (await bystander.call("echo", {"a": 1}))["payload"] == {"a": 1}
    assert served.node.state == "running"
    assert (await connect()).ws.closed is None  # new connections are still accepted


async def test_connections_are_supervised_children_forgotten_when_they_end(
    served: pf.WireServer, connect: Connect
) -> None:
    peer = await connect()
    children = served.node.supervisor.children
    assert any(name.startswith("wire-connection-") for name in children)
    await peer.ws.aclose()
    await eventually(lambda: not any(name.startswith("wire-connection-") for name in children))


async def test_context_user_and_session_come_from_the_connection() -> None:
    seen: list[pf.Context] = []
    node = pf.Node("ctx")

    @pf.capability
    async def whoami(ctx: pf.Context) -> dict[str, Any]:
        seen.append(ctx)
        return {}

    node.register(whoami)
    authority = pf.TokenAuthority(SECRET)
    config = pf.ServerConfig(authority=authority)
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(_serve(node, config))
        token = authority.issue("alice", ["cap:*"], roles=["ops"])
        async with pf.open_client(server.url, token=token) as client:
            await client.call("whoami", context={"user_id": "mallory", "trace_id": "t-1"})
        nursery.cancel_scope.cancel()
    [ctx] = seen
    assert (ctx.user_id, ctx.roles, ctx.trace_id) == ("alice", ["ops"], "t-1")
    assert ctx.session_id is not None
    assert ctx.session_id.startswith(node.node_id)


async def test_non_loopback_bind_without_secret_is_refused() -> None:
    node = pf.Node("exposed")
    with pytest.raises(PermissionError, match="insecure-dev"):
        await node.serve("0.0.0.0", 0, config=pf.ServerConfig())
    assert node.state == "idle"  # refused before starting anything
    pf.ServerConfig(insecure_dev=True).check_bind("0.0.0.0")
    pf.ServerConfig(authority=pf.TokenAuthority(SECRET)).check_bind("0.0.0.0")
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        pf.ServerConfig().check_bind(host)


async def test_too_many_connections_are_rejected_at_upgrade() -> None:
    node = pf.Node("full")
    config = pf.ServerConfig(max_connections=1)
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(_serve(node, config))
        async with pf.open_client(server.url):
            with pytest.raises(pf.errors.UnavailableError, match="cannot connect"):
                async with pf.open_client(server.url):
                    pass
        nursery.cancel_scope.cancel()
