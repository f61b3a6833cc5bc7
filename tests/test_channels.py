"""Channels: glob subscriptions, bounded drop-oldest buffers, limits."""

from __future__ import annotations

import pytest
import trio

import packetflow as pf
from packetflow import errors


async def test_glob_subscription_receives_matching_events() -> None:
    hub = pf.Channels()
    with hub.subscribe("orders.*") as orders, hub.subscribe("*") as everything:
        assert hub.publish("orders.created", {"id": 1}) == 2
        assert hub.publish("users.created", {"id": 2}) == 1
        got = await orders.receive()
        assert (got.channel, got.payload, got.dropped) == ("orders.created", {"id": 1}, 0)
        with pytest.raises(trio.WouldBlock):  # empty: trio's *_nowait convention
            orders.receive_nowait()
        assert [
            e.channel for e in (everything.receive_nowait(), everything.receive_nowait()) if e
        ] == [
            "orders.created",
            "users.created",
        ]


async def test_overflow_drops_the_oldest_and_reports_the_count() -> None:
    hub = pf.Channels()
    sub = hub.subscribe("t", buffer=3)
    for i in range(10):
        hub.publish("t", {"i": i})
    first = await sub.receive()
    assert first.payload == {"i": 7}
    assert first.dropped == 7
    assert sub.dropped == 7
    assert [(await sub.receive()).payload["i"] for _ in range(2)] == [8, 9]


def test_statistics_count_drops_of_subscriptions_that_have_left() -> None:
    # ``dropped`` backs a Prometheus counter: it must not go down when a subscriber leaves.
    hub = pf.Channels()
    with hub.subscribe("t", buffer=1) as sub:
        hub.publish("t", {})
        hub.publish("t", {})
        assert hub.statistics().by_subscription == (pf.SubscriptionStatistics("t", 1, 1),)
    assert sub.dropped == 1
    stats = hub.statistics()
    assert (stats.subscriptions, stats.dropped, stats.by_subscription) == (0, 1, ())


async def test_receive_waits_for_a_publish_and_ends_when_closed() -> None:
    hub = pf.Channels()
    sub = hub.subscribe("news")
    received: list[int] = []

    async def reader() -> None:
        async for event in sub:
            received.append(event.payload["n"])

    async with trio.open_nursery() as nursery:
        nursery.start_soon(reader)
        await trio.testing.wait_all_tasks_blocked()
        hub.publish("news", {"n": 1})
        hub.publish("news", {"n": 2})
        await trio.testing.wait_all_tasks_blocked()
        sub.close()
    assert received == [1, 2]
    assert hub.subscriber_count() == 0


def test_names_patterns_and_limits_are_validated() -> None:
    hub = pf.Channels(max_subscriptions=1)
    with pytest.raises(errors.MalformedError):
        hub.publish("bad name!", {})
    with pytest.raises(errors.MalformedError):
        hub.publish("orders.*", {})  # publishing needs a concrete name
    with pytest.raises(errors.MalformedError):
        hub.subscribe("no spaces")
    hub.subscribe("a")
    with pytest.raises(errors.RateLimitedError):
        hub.subscribe("b")


async def test_capabilities_publish_through_the_context(node: pf.Node) -> None:
    @pf.capability(provides=["ok"])
    async def announce(payload: dict[str, object], ctx: pf.Context) -> dict[str, object]:
        ctx.publish("announcements", {"by": ctx.user_id})
        return {"ok": True}

    node.register(announce)
    with node.channels.subscribe("announcements") as sub:
        await node.call("announce", {}, context={"user_id": "ann"})
        event = sub.receive_nowait()
    assert event is not None and event.payload == {"by": "ann"}
