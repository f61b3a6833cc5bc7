"""Spatial arena benchmarks (issue 11: packetflow-module-spatial-arena).

1. Admission overhead per request, zone not full: ``node.dispatch`` of one request with the
   arena module active, minus the same request on a node without modules (measured
   alternately, best of several rounds). Goal: <= 3 us. Also reported: the arena minus a
   module that makes the same decisions and does nothing else (the chain's own floor for an
   ``Intercept`` and a ``Transform``: the request copy carrying ``spatial_context`` and the
   response copy carrying it in ``metadata``), i.e. what admission, placement lookup and
   co-usage cost.
2. One physics tick with 1,000 capabilities and 5,000 co-usage edges: the worker-thread part
   (co-usage intake, springs, repulsion, containment) and the event-loop part (the copies it
   works on and taking the result back). Goal: <= 10 ms for the tick.
3. The event loop while a ticker runs every 10 ms on that arena (arithmetic in a worker
   thread, as the module's supervised ticker does): the worst delay of a 1 ms sleep, against
   the same loop with no ticks. Goal: at most 5 ms more (a tick never blocks the loop).
4. Capacity under 1,000 concurrent requests from 10 real wire clients on 127.0.0.1 against a
   zone of capacity 20: the peak concurrency counted inside the capability (goal <= 20) and
   the requests answered with a response or E429 (goal: all 1,000).
"""

from __future__ import annotations

import tempfile
import time
from functools import partial
from typing import Any

import numpy as np
import trio

import packetflow as pf
from packetflow_spatial_arena import Arena, ArenaConfig, SpatialArenaModule, ZoneGate
from packetflow_spatial_arena.physics import yield_cpu

from .harness import Result, per_op_us

CAPABILITIES = 1_000
EDGES = 5_000
WORDS = [
    "invoice",
    "user",
    "email",
    "order",
    "report",
    "image",
    "audio",
    "search",
    "payment",
    "profile",
    "stock",
    "weather",
    "calendar",
    "note",
    "file",
    "chat",
    "ticket",
    "refund",
    "shipment",
    "address",
]


_SPATIAL = {"zone": "ai"}


class _SameDecisions(pf.Module):
    """What the arena's hooks decide on the fast path (an Annotate adding the extra field to
    the request, one adding it to the response's metadata), with none of its work: the floor
    the module chain and those decisions set."""

    name = "same_decisions"
    _request = pf.Annotate(fields={"spatial_context": _SPATIAL})
    _response = pf.Annotate(metadata={"spatial_context": _SPATIAL})

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any, context: Any) -> pf.Annotate:
        return self._request

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: Any) -> pf.Annotate:
        return self._response


def _node(
    name: str, with_arena: bool, config: dict[str, Any] | None = None, module: Any = None
) -> pf.Node:
    node = pf.Node(name, data_dir=tempfile.mkdtemp())
    node.modules.autoload = False
    node.modules.configure({})

    @pf.capability(intent="Answer at once", tags=["llm"], requires=(), provides=())
    async def noop(payload: dict[str, Any]) -> dict[str, Any]:
        return {}

    node.register(noop)
    if module is not None:
        node.modules.register(module)
    if with_arena:
        node.modules.register(
            SpatialArenaModule, config={"tick_s": 3600, "persist": False, **(config or {})}
        )
    return node


async def _admission(rounds: int = 7) -> list[Result]:
    bare, arena = _node("bench-bare", False), _node("bench-arena", True)
    twin = _node("bench-twin", False, module=_SameDecisions)
    async with bare.started(), arena.started(), twin.started():
        request = pf.CapabilityRequest(id="b", capability_id="noop")

        async def without() -> None:
            await bare.dispatch(request)

        async def within() -> None:
            await arena.dispatch(request)

        async def floor() -> None:
            await twin.dispatch(request)

        best_bare = best_arena = best_floor = float("inf")
        for _ in range(rounds):  # alternately, so load on the machine hits all three alike
            best_bare = min(best_bare, await per_op_us(without, n=10_000, repeat=1))
            best_arena = min(best_arena, await per_op_us(within, n=10_000, repeat=1))
            best_floor = min(best_floor, await per_op_us(floor, n=10_000, repeat=1))
        best_overhead, best_own = best_arena - best_bare, best_arena - best_floor
        gate = arena.modules.instance("spatial_arena").arena.gates["ai"]  # type: ignore[attr-defined]
        assert gate.in_use == 0 and gate.rejected == 0
    return [
        Result(
            "arena: admission overhead per request, zone not full",
            best_overhead,
            3.0,
            "3 µs budget",
            target=1.0,
        ),
        Result(
            "arena: its own work per request (vs a module making the same decisions)",
            best_own,
            3.0,
            "3 µs budget",
        ),
        Result("arena: node.dispatch with the arena", best_arena, best_bare, "without modules"),
    ]


def _big_arena() -> Arena:
    config = ArenaConfig(tick_s=3600, persist=False)
    gates = {z.id: ZoneGate(z.id, z.capacity, 10) for z in config.zones}
    arena = Arena(config, gates)

    async def body(payload: dict[str, Any]) -> dict[str, Any]:
        return {}

    caps = [
        pf.capability(
            name=f"{WORDS[i % len(WORDS)]}_{i}",
            intent=f"handle {WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]} number {i}",
            requires=(),
            provides=(),
        )(body)
        for i in range(CAPABILITIES)
    ]
    arena.place_all(caps, None)
    rng = np.random.default_rng(0)
    edges = []
    seen: set[tuple[int, int]] = set()
    while len(edges) < EDGES:
        a, b = sorted(int(x) for x in rng.choice(CAPABILITIES, 2, replace=False))
        if (a, b) not in seen:
            seen.add((a, b))
            edges.append((arena.names[a], arena.names[b], float(rng.uniform(0.1, 5.0))))
    arena.usage.load(edges)
    for _ in range(5):  # past the first big moves of a fresh placement
        arena.tick()
    return arena


def _tick(arena: Arena, repeat: int = 15) -> list[Result]:
    compute = loop = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        frame = arena.prepare()
        prepared = time.perf_counter()
        motion, taken = arena.compute(frame)
        computed = time.perf_counter()
        arena.absorb(frame, motion, taken)
        absorbed = time.perf_counter()
        compute = min(compute, computed - prepared)
        loop = min(loop, (prepared - started) + (absorbed - computed))
    return [
        Result(
            f"arena: physics tick, {CAPABILITIES} capabilities, {EDGES} edges (worker thread)",
            compute * 1000,
            10.0,
            "10 ms budget",
            target=1.0,
            unit="ms",
        ),
        Result(
            "arena: physics tick, event-loop part (copies in, positions back)",
            loop * 1000,
            5.0,
            "5 ms budget",
            target=1.0,
            unit="ms",
        ),
    ]


async def _worst_sleep_delay(seconds: float) -> float:
    worst = 0.0
    deadline = trio.current_time() + seconds
    while trio.current_time() < deadline:
        before = time.perf_counter()
        await trio.sleep(0.001)
        worst = max(worst, time.perf_counter() - before - 0.001)
    return worst


async def _loop_delay(arena: Arena, rounds: int = 5, seconds: float = 0.4) -> list[Result]:
    """The worst lateness of a 1 ms sleep while ticks run every 10 ms in a worker thread,
    against the same measure with no tick running (what the machine itself adds). Rounds
    alternate idle and ticking; each side keeps its best round, so one scheduling hiccup of
    a shared machine does not decide the row."""
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await trio.sleep(0.01)
            frame = arena.prepare()
            motion, taken = await trio.to_thread.run_sync(arena.compute, frame, yield_cpu)
            arena.absorb(frame, motion, taken)
            ticks += 1

    idle = busy = float("inf")
    for _ in range(rounds):
        idle = min(idle, await _worst_sleep_delay(seconds))
        async with trio.open_nursery() as nursery:
            nursery.start_soon(ticker)
            busy = min(busy, await _worst_sleep_delay(seconds))
            nursery.cancel_scope.cancel()
    return [
        Result(
            f"arena: worst event-loop delay while ticking ({ticks} ticks)",
            busy * 1000,
            idle * 1000 + 5.0,
            "idle loop's worst + 5 ms",
            target=1.0,
            unit="ms",
        )
    ]


async def _capacity(clients: int = 10, per_client: int = 100, capacity: int = 20) -> list[Result]:
    running = peak = answered = refused = 0
    node = _node(
        "bench-capacity",
        True,
        {
            "zones": [{"id": "processing", "capacity": 100}, {"id": "ai", "capacity": capacity}],
            "assign": {"think": "ai"},
            "max_queue": 200,
        },
    )

    @pf.capability(intent="Work for 2 ms", requires=(), provides=())
    async def think(payload: dict[str, Any]) -> dict[str, Any]:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        try:
            await trio.sleep(0.002)
        finally:
            running -= 1
        return {}

    node.register(think)

    async def one(client: pf.Client) -> None:
        nonlocal answered, refused
        try:
            await client.call("think", {})
        except pf.errors.RateLimitedError:
            refused += 1
        answered += 1

    async def burst(url: str) -> None:
        async with pf.open_client(url, reconnect=False) as client, trio.open_nursery() as calls:
            for _ in range(per_client):
                calls.start_soon(one, client)

    async with node.started(), trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(partial(node.serve, "127.0.0.1", 0))
        async with trio.open_nursery() as all_clients:
            for _ in range(clients):
                all_clients.start_soon(burst, server.url)
        nursery.cancel_scope.cancel()
    total = clients * per_client
    return [
        Result(
            f"arena: peak concurrency, {total} wire requests vs capacity {capacity}",
            peak,
            capacity,
            "the zone's capacity",
            target=1.0,
            unit="",
        ),
        Result(
            f"arena: answered (response or E429) of {total}; {refused} were E429",
            answered,
            total,
            "requests sent",
            target=1.0,
            unit="",
            higher_is_better=True,
        ),
    ]


async def run() -> list[Result]:
    results = await _admission()
    arena = _big_arena()
    results += _tick(arena)
    results += await _loop_delay(arena)
    results += await _capacity()
    return results
