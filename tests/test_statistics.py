"""``statistics()`` everywhere: frozen, typed snapshots, as trio's are."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import trio
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow.testing import FakeCapabilities


class Counter(pf.Module):
    name = "counter"

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        return None


class Nothing(BaseModel):
    pass


@pf.actor(name="tally", persistence="memory")
class Tally(pf.Actor[Nothing]):
    async def handle(self, msg: Nothing, ctx: pf.Context) -> Nothing:
        return msg


async def test_node_statistics_is_one_frozen_snapshot(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Counter)
    module_node.register(Tally)
    published = module_node.channels.statistics().published  # registry changes so far
    with module_node.channels.subscribe("x", buffer=1):
        module_node.channels.publish("x", {})
        module_node.channels.publish("x", {})  # the buffer of one drops the first
        await module_node.call("echo", {"a": 1})
        await module_node.actors.send("tally", "t1", {})
        stats = module_node.statistics()
    assert isinstance(stats, pf.NodeStatistics)
    assert stats.state == "running"
    assert stats.capabilities["echo"].count == 1
    assert stats.capabilities == module_node.stats()  # the alias: capabilities alone
    assert stats.modules.active == ("counter",)
    assert stats.modules.modules["counter"].calls == 2  # the call and the actor message
    assert stats.modules.requests_in_flight == 0
    assert stats.actors.live == 1
    assert sum(stats.actors.types["tally"].values()) == 1
    assert stats.actors.stores["memory"] == pf.MemoryStoreStatistics(
        records=1, passivated=0, evicted=0
    )
    assert stats.channels == pf.ChannelStatistics(
        subscriptions=1,
        published=published + 2,
        dropped=1,
        by_subscription=(pf.SubscriptionStatistics("x", 1, 1),),
    )
    assert stats.effect_failures == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        stats.state = "stopped"  # type: ignore[misc]
    await module_node.call("echo", {})
    assert stats.capabilities["echo"].count == 1  # a snapshot: later calls do not change it


async def test_requests_in_flight_are_counted(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    gate = trio.Event()
    fake_capabilities.add("slow", gate=gate)
    await register_module(Counter)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(module_node.call, "slow", {})
        await trio.testing.wait_all_tasks_blocked()
        assert module_node.modules.statistics().requests_in_flight == 1
        gate.set()
    assert module_node.modules.statistics().requests_in_flight == 0


async def test_supervisor_statistics_are_typed(node: pf.Node) -> None:
    stopped = trio.Event()

    async def child() -> None:
        await stopped.wait()

    node.supervisor.start_child("waiter", child, restart="temporary")
    stats = node.supervisor.statistics()
    assert stats.children["waiter"] == pf.ChildStatistics("running", 0, None)
    stopped.set()
