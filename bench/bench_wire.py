"""The wire path: a trivial capability through our server and client vs a raw trio-websocket
echo server/client pair exchanging messages of the same size, the raw client parsing each JSON
reply (as any client must), in the same process and run.

Rows: requests/s sequential and with 64 in flight (target >= 0.8x the raw echo), the same
against the raw pair doing the sans-IO protocol's own work per request (``protocol_echo``: what
the trio shells add; near 1 means the gap to the echo is the request's own work), p50/p99
round-trip latency, and a soak of many connections calling at once (zero errors, peak RSS).
The soak's size and length come from ``PACKETFLOW_BENCH_CONNECTIONS`` (default 1000) and
``PACKETFLOW_BENCH_SOAK_S`` (default 10).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import trio
from trio_websocket import WebSocketRequest, serve_websocket

import packetflow as pf
from packetflow._capabilities.stats import percentile
from packetflow._client.transport import open_websocket

from .harness import Result
from .protocol_echo import protocol_client, protocol_echo

PAYLOAD = {"user_id": "42"}
IN_FLIGHT = 64


@pf.capability
async def noop(payload):  # type: ignore[no-untyped-def]  # untyped: the payload itself
    return payload


async def _echo(request: WebSocketRequest) -> None:
    ws = await request.accept()
    try:
        while True:
            await ws.send_message(await ws.get_message())
    except Exception:  # the peer went away
        return


async def _throughput(
    ops: dict[str, Callable[[], Awaitable[object]]], total: int, workers: int, rounds: int = 7
) -> dict[str, float]:
    """Best-of-``rounds`` operations per second of each entry, ``workers`` tasks sharing
    ``total`` operations; the entries are timed in turn, round after round, so load on a shared
    machine that drifts during the run weighs on all of them alike."""

    async def worker(op: Callable[[], Awaitable[object]], n: int) -> None:
        for _ in range(n):
            await op()

    for op in ops.values():  # warm-up
        for _ in range(min(total, 500)):
            await op()
    best = dict.fromkeys(ops, 0.0)
    per_worker = total // workers
    for _ in range(rounds):
        for label, op in ops.items():
            start = time.perf_counter()
            async with trio.open_nursery() as nursery:
                for _ in range(workers):
                    nursery.start_soon(worker, op, per_worker)
            rate = per_worker * workers / (time.perf_counter() - start)
            best[label] = max(best[label], rate)
    return best


async def _latencies(op: Callable[[], Awaitable[object]], n: int) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        await op()
        samples.append((time.perf_counter() - start) * 1e6)
    samples.sort()
    return samples


def _rss_mib() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


async def _soak(url: str, connections: int, seconds: float) -> tuple[int, int]:
    """``connections`` clients each calling in a loop for ``seconds``: (calls, errors)."""
    counts = {"calls": 0, "errors": 0}

    async def one(task_status: trio.TaskStatus[None]) -> None:
        async with pf.open_client(url, reconnect=False, connect_timeout=60) as client:
            task_status.started()
            await ready.wait()
            deadline = trio.current_time() + seconds
            while trio.current_time() < deadline:
                try:
                    await client.call("noop", PAYLOAD)
                    counts["calls"] += 1
                except pf.PacketFlowError:
                    counts["errors"] += 1

    ready = trio.Event()
    async with trio.open_nursery() as nursery:
        for _ in range(connections):
            await nursery.start(one)
        ready.set()
    return counts["calls"], counts["errors"]


async def run() -> list[Result]:
    n = int(os.environ.get("PACKETFLOW_BENCH_WIRE_N", "2000"))
    connections = int(os.environ.get("PACKETFLOW_BENCH_CONNECTIONS", "1000"))
    soak_s = float(os.environ.get("PACKETFLOW_BENCH_SOAK_S", "10"))
    node = pf.Node("bench")
    node.modules.autoload = False  # the wire path alone: installed modules are measured elsewhere
    node.register(noop)
    config = pf.ServerConfig(max_connections=connections + 10)
    results: list[Result] = []
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(partial(node.serve, "127.0.0.1", 0, config=config))
        echo = await nursery.start(partial(serve_websocket, _echo, "127.0.0.1", 0, None))
        echo_url = f"ws://127.0.0.1:{echo.port}"
        worker = await nursery.start(
            partial(serve_websocket, protocol_echo(node), "127.0.0.1", 0, None)
        )
        async with (
            pf.open_client(server.url) as client,
            open_websocket(echo_url, max_message_size=1 << 20, connect_timeout=5) as raw,
            open_websocket(
                f"ws://127.0.0.1:{worker.port}", max_message_size=1 << 20, connect_timeout=5
            ) as bare,
        ):
            bare_call = await protocol_client(bare)
            request = pf.CapabilityRequest(id="12345", capability_id="noop", payload=PAYLOAD)
            message = request.model_dump_json(exclude_none=True)  # same size as ours

            async def ours() -> Any:
                return await client.call("noop", PAYLOAD)

            async def baseline() -> Any:
                await raw.send_message(message)
                return json.loads(await raw.get_message())

            async def protocol_only() -> Any:
                return await bare_call("noop", PAYLOAD)

            ops = {"ours": ours, "raw": baseline, "protocol": protocol_only}
            for label, workers in (("sequential", 1), (f"{IN_FLIGHT} in flight", IN_FLIGHT)):
                rates = await _throughput(ops, n, workers)
                results.append(
                    Result(f"wire {label} (one connection)", rates["ours"], rates["raw"],
                           "raw ws echo", target=0.8, unit="req/s", higher_is_better=True)
                )  # fmt: skip
                results.append(
                    Result(f"wire {label}: the trio shells", rates["ours"], rates["protocol"],
                           "raw pair doing the protocol's work", unit="req/s",
                           higher_is_better=True)
                )  # fmt: skip
            mine_lat = await _latencies(ours, n)
            theirs_lat = await _latencies(baseline, n)
            for q in (0.5, 0.99):
                results.append(
                    Result(f"wire round trip p{round(q * 100)}", percentile(mine_lat, q),
                           percentile(theirs_lat, q), "raw ws echo")
                )  # fmt: skip
        idle_rss = _rss_mib()
        print(f"  soak: {connections} connections x {soak_s:g}s ...", file=sys.stderr)
        calls, errors = await _soak(server.url, connections, soak_s)
        print(f"  soak: {calls} calls, {errors} errors", file=sys.stderr)
        if errors:
            raise RuntimeError(f"wire soak: {errors} of {calls + errors} calls failed")
        results.append(
            Result(f"wire soak {connections} conns: peak RSS ({calls} calls, 0 errors)",
                   _rss_mib(), idle_rss, "RSS before the soak", unit="MiB")
        )  # fmt: skip
        nursery.cancel_scope.cancel()
    return results
