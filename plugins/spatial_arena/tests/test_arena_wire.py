"""Zone capacity under 1,000 concurrent requests from real wire clients on 127.0.0.1: the
observed concurrency (counted inside the capability) never exceeds the zone's capacity,
every request gets exactly one answer (a response or E429 with retry_after_ms), none is lost."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

import trio
from arena_kit import Gauge

import packetflow as pf
from packetflow_spatial_arena import SpatialArenaModule

CLIENTS = 10
PER_CLIENT = 100
CAPACITY = 20


async def test_a_thousand_concurrent_wire_requests_never_exceed_capacity(
    tmp_path: Any, gauge: Gauge
) -> None:
    node = pf.Node("arena-wire", data_dir=tmp_path)
    node.modules.autoload = False
    node.modules.configure({})

    @pf.capability(intent="Think hard", tags=["llm"], requires=(), provides=())
    async def think(payload: dict[str, Any]) -> dict[str, Any]:
        await gauge.hold(seconds=0.002)  # the work itself, not a synchronisation
        return {"n": payload["n"]}

    node.register(think)
    node.modules.register(
        SpatialArenaModule,
        config={
            "zones": [
                {"id": "processing", "capacity": 100},
                {"id": "ai", "capacity": CAPACITY, "specialization": "intelligence"},
            ],
            "max_queue": 200,
            "tick_s": 3600,
        },
    )
    outcomes: Counter[str] = Counter()
    answers: set[int] = set()
    waits: list[int | None] = []

    async def one(client: pf.Client, n: int) -> None:
        try:
            out = await client.call("think", {"n": n})
        except pf.errors.RateLimitedError as exc:
            waits.append(exc.retry_after_ms)
            outcomes["E429"] += 1
        else:
            outcomes["ok" if out == {"n": n} else "wrong"] += 1
        answers.add(n)

    async def client_burst(url: str, first: int) -> None:
        async with pf.open_client(url, reconnect=False) as client, trio.open_nursery() as burst:
            for n in range(first, first + PER_CLIENT):
                burst.start_soon(one, client, n)

    async with node.started(), trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(partial(node.serve, "127.0.0.1", 0))
        async with trio.open_nursery() as clients:
            for c in range(CLIENTS):
                clients.start_soon(client_burst, server.url, c * PER_CLIENT)
        gate = node.modules.instance("spatial_arena").arena.gates["ai"]  # type: ignore[attr-defined]
        nursery.cancel_scope.cancel()

    total = CLIENTS * PER_CLIENT
    assert gauge.peak <= CAPACITY
    assert answers == set(range(total))  # every request answered, none lost
    assert outcomes["ok"] + outcomes["E429"] == total
    assert outcomes["ok"] == gauge.done == gate.admitted
    assert outcomes["E429"] == gate.rejected
    assert all(wait is not None and wait >= 1 for wait in waits)
    assert gate.in_use == 0 and gate.waiting == 0 and gate.peak <= CAPACITY
