"""Actors: ask round trip, creation rate, memory per idle actor, SQLite acknowledged rate.

Baselines measured in the same run:

- ask: a bare trio request/reply — a server task reading ``(request, reply)`` from a memory
  channel and answering through ``reply``, a slotted object holding the value and a
  ``trio.Event`` (no channel per request);
- creation: an ask to an actor that already exists;
- the absolute goals of the actor issue (10,000 creations/s, 5 KB per idle actor, 1,000 and
  3,000 acknowledged SQLite messages/s) appear as the baseline of their rows ("goal"), so the
  ratio column says how far above or below the goal we are.
"""

from __future__ import annotations

import gc
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import trio
from pydantic import BaseModel

import packetflow as pf

from .harness import Result, per_op_us

ACTORS = 10_000


class Count(BaseModel):
    n: int = 0


class Ping(BaseModel):
    n: int


class Pong(BaseModel):
    n: int


class Echo(pf.Actor[Count]):
    async def handle(self, msg: Ping, ctx: pf.Context) -> Pong:
        self.state.n += 1
        return Pong(n=msg.n)


MemoryEcho = pf.actor(name="echo", persistence="memory")(type("MemoryEcho", (Echo,), {}))
SqliteEcho = pf.actor(name="durable", persistence="sqlite")(type("SqliteEcho", (Echo,), {}))


class _Reply:
    __slots__ = ("event", "value")

    def __init__(self) -> None:
        self.event = trio.Event()
        self.value: Any = None


async def _bare_request_reply() -> float:
    send, receive = trio.open_memory_channel[tuple[Any, _Reply]](16)

    async def server() -> None:
        async for request, reply in receive:
            reply.value = request
            reply.event.set()

    async with trio.open_nursery() as nursery:
        nursery.start_soon(server)

        async def ask() -> None:
            reply = _Reply()
            await send.send(({"n": 1}, reply))
            await reply.event.wait()

        us = await per_op_us(ask, n=10_000, repeat=1)
        nursery.cancel_scope.cancel()
    return us


async def _creation_us(node: pf.Node, prefix: str, *, gc_paused: bool) -> float:
    send = node.actors.send
    gc.collect()
    if gc_paused:
        gc.disable()
    try:
        start = time.perf_counter()
        for i in range(ACTORS):
            await send("echo", f"{prefix}{i}", {"n": i})
        return (time.perf_counter() - start) / ACTORS * 1e6
    finally:
        gc.enable()


async def _idle_actor_bytes(node: pf.Node) -> float:
    await trio.sleep(0.1)  # earlier workers end
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(ACTORS):
            await node.actors.send("echo", f"mem{i}", {"n": i})
        await trio.sleep(0.1)  # every worker has ended: the actors are live and idle
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / ACTORS


async def _sqlite_rate(node: pf.Node, actors: int, seconds: float = 2.0) -> float:
    acked = 0
    deadline = trio.current_time() + seconds

    async def sender(i: int) -> None:
        nonlocal acked
        while trio.current_time() < deadline:
            await node.actors.send("durable", f"d{i}", {"n": 1})
            acked += 1

    start = time.perf_counter()
    async with trio.open_nursery() as nursery:
        for i in range(actors):
            nursery.start_soon(sender, i)
    return acked / (time.perf_counter() - start)


async def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="packetflow-bench-") as tmp:
        node = pf.Node("bench", data_dir=Path(tmp))
        node.modules.autoload = False  # actors alone: installed modules are measured elsewhere
        node.register(MemoryEcho, SqliteEcho)
        node.actors.max_actors = 4 * ACTORS
        async with node.started():

            async def ask() -> None:
                await node.actors.send("echo", "hot", {"n": 1})

            # Measured in turn with the bare baseline, best of rounds: load on a shared
            # machine hits both sides alike.
            ask_us = bare = float("inf")
            for _ in range(5):
                ask_us = min(ask_us, await per_op_us(ask, n=10_000, repeat=1))
                bare = min(bare, await _bare_request_reply())
            create_us = await _creation_us(node, "c", gc_paused=True)
            create_gc_us = await _creation_us(node, "g", gc_paused=False)
            per_actor = await _idle_actor_bytes(node)
            one = await _sqlite_rate(node, 1)
            hundred = await _sqlite_rate(node, 100)
    return [
        Result(
            "actor ask, memory", ask_us, bare, "trio channel + reply object with an Event",
            target=2.0,
        ),
        Result("actor creation (first message)", create_us, ask_us, "ask to a live actor"),
        Result(
            "actor creations/s", 1e6 / create_us, 10_000, "goal", target=1.0, unit="/s",
            higher_is_better=True,
        ),
        Result(
            "actor creations/s, GC running", 1e6 / create_gc_us, 10_000, "goal", target=1.0,
            unit="/s", higher_is_better=True,
        ),
        Result(
            f"memory per live idle actor ({ACTORS:,} actors)", per_actor / 1024, 5.0, "goal",
            target=1.0, unit="KB",
        ),
        Result(
            "sqlite acked msgs/s, 1 actor", one, 1_000, "goal", target=1.0, unit="/s",
            higher_is_better=True,
        ),
        Result(
            "sqlite acked msgs/s, 100 actors", hundred, 3_000, "goal", target=1.0, unit="/s",
            higher_is_better=True,
        ),
    ]  # fmt: skip
