"""Mailboxes: ordering, one message at a time, bounded (E429), actor limits (E429)."""

from __future__ import annotations

import pytest
import trio
import trio.lowlevel
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow.errors import RateLimitedError

from .conftest import NodeFactory


class LogState(BaseModel):
    seen: list[tuple[str, int]] = []


class Entry(BaseModel):
    sender: str
    i: int


class Ack(BaseModel):
    n: int


@pf.actor(persistence="memory", history=0, mailbox_size=1000)
class Recorder(pf.Actor[LogState]):
    """Records every message; yields inside handle and fails loudly on any overlap."""

    inside = False

    async def handle(self, msg: Entry, ctx: pf.Context) -> Ack:
        assert not self.inside, "two messages inside one actor's handle at once"
        self.inside = True
        await trio.lowlevel.checkpoint()  # give any would-be interleaver a chance
        self.state.seen.append((msg.sender, msg.i))
        await trio.lowlevel.checkpoint()
        self.inside = False
        return Ack(n=len(self.state.seen))


async def test_one_sender_thousand_messages_in_order(make_node: NodeFactory) -> None:
    node = make_node(Recorder)
    async with node.started():
        for i in range(1000):
            await node.actors.send("recorder", "r", {"sender": "s", "i": i})
        state = await node.actors.get_state("recorder", "r")
        assert isinstance(state, LogState)
        assert [i for _, i in state.seen] == list(range(1000))


async def test_concurrent_senders_never_interleave(make_node: NodeFactory) -> None:
    node = make_node(Recorder)
    async with node.started():

        async def sender(name: str) -> None:
            for i in range(100):
                await node.actors.send("recorder", "r", {"sender": name, "i": i})

        async with trio.open_nursery() as nursery:
            for k in range(8):
                nursery.start_soon(sender, f"s{k}")
        state = await node.actors.get_state("recorder", "r")
        assert isinstance(state, LogState)
        assert len(state.seen) == 800
        for k in range(8):  # every sender's messages were handled in its order
            assert [i for s, i in state.seen if s == f"s{k}"] == list(range(100))


class Gate(BaseModel):
    pass


@pf.actor(persistence="memory", mailbox_size=2)
class Slow(pf.Actor[Gate]):
    release: trio.Event

    async def handle(self, msg: Gate, ctx: pf.Context) -> Gate:
        await type(self).release.wait()
        return msg


async def test_a_full_mailbox_is_e429(make_node: NodeFactory) -> None:
    Slow.release = trio.Event()
    node = make_node(Slow)
    done: list[dict[str, object]] = []

    async def send() -> None:
        done.append(await node.actors.send("slow", "s", {}))

    async with node.started(), trio.open_nursery() as nursery:
        nursery.start_soon(send)  # being handled (blocked)
        await trio.testing.wait_all_tasks_blocked()
        nursery.start_soon(send)  # queued
        nursery.start_soon(send)  # queued: the mailbox (2) is full
        await trio.testing.wait_all_tasks_blocked()
        with pytest.raises(RateLimitedError, match="mailbox full") as caught:
            await node.actors.send("slow", "s", {})
        assert caught.value.retry_after_ms is not None
        Slow.release.set()
    assert len(done) == 3


class Nothing(BaseModel):
    pass


@pf.actor(persistence="memory")
class Tiny(pf.Actor[Nothing]):
    async def handle(self, msg: Nothing, ctx: pf.Context) -> Nothing:
        return msg


async def test_max_actors_per_node_is_e429(make_node: NodeFactory) -> None:
    node = make_node(Tiny)
    node.actors.max_actors = 3
    async with node.started():
        for i in range(3):
            await node.actors.send("tiny", f"t{i}", {})
        with pytest.raises(RateLimitedError, match=r"max_actors"):
            await node.actors.send("tiny", "t3", {})
        await node.actors.send("tiny", "t0", {})  # existing actors keep working
        await node.actors.stop("tiny", "t0")
        await node.actors.send("tiny", "t3", {})  # room again


async def test_max_actors_per_user_is_e429(make_node: NodeFactory) -> None:
    node = make_node(Tiny)
    node.actors.max_actors_per_user = 2
    async with node.started():
        alice = {"user_id": "alice"}
        await node.actors.send("tiny", "a1", {}, context=alice)
        await node.actors.send("tiny", "a2", {}, context=alice)
        with pytest.raises(RateLimitedError, match=r"user 'alice'.*max_actors_per_user"):
            await node.actors.send("tiny", "a3", {}, context=alice)
        await node.actors.send("tiny", "b1", {}, context={"user_id": "bob"})
