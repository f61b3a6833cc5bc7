"""adaptive_optimization benchmarks (issue 12).

1. k independent 50 ms steps (k = 2, 4, 8), run as written (sequential) and as the module
   rewrites them (one parallel group); blackboards checked identical. Goal: speed-up >= 0.9*k.
2. A cache hit through the module vs a module that only returns a ready ``Respond``. Goal <= 1.2.
3. A cache miss (canonical key, lookup, single-flight, store) on a ~3 µs capability call, vs
   the same chain with a module that does nothing (the module system's own cost is the
   ``bench_modules`` rows; also reported: vs no module at all). Goal <= 1.3.
4. Rewriting a 20-step plan: the first time (dataflow analysis, grouping, validation), and
   again (the cache). Goals <= 200 µs / <= 5 µs.
5. Prediction error after a warm-up on steps of known latency (a nested plan, real time).
   Goal <= 20 %.
"""

from __future__ import annotations

import tempfile
import time
from typing import Any

import trio
from pydantic import BaseModel, create_model

import packetflow as pf
from packetflow_adaptive_optimization import AdaptiveOptimizationModule, Rewriter

from .harness import Result, alternating, per_op_us


def _node(*modules: type[pf.Module], **config: Any) -> pf.Node:
    node = pf.Node("bench-opt", data_dir=tempfile.mkdtemp(prefix="pf-bench-opt-"))
    node.modules.autoload = False
    node.modules.configure({})
    for module in modules:
        node.modules.register(
            module, config=config if module is AdaptiveOptimizationModule else None
        )
    return node


def _sleeper(name: str, seconds: float, reorderable: bool = True) -> pf.Capability:
    out: type[BaseModel] = create_model(f"Out_{name}", **{f"{name}_out": (int, ...)})

    class In(BaseModel):
        v: int = 0

    async def run(inp: In) -> Any:
        await trio.sleep(seconds)
        return out(**{f"{name}_out": inp.v + 1})

    run.__annotations__ = {"inp": In, "return": out}
    return pf.capability(name=name, reorderable=reorderable)(run)


async def _speedup(k: int) -> Result:
    caps = [_sleeper(f"s{i}", 0.05) for i in range(k)]
    plan = pf.pipeline(*(pf.step(cap.name) for cap in caps))
    node = _node(AdaptiveOptimizationModule, cache=[])
    node.register(*caps)
    async with node.started():
        rewritten = Rewriter(node, lambda name: None, lambda: 0, 4).rewrite(plan).plan
        assert isinstance(rewritten, pf.Pipeline) and len(rewritten.steps) == 1
        best: dict[str, float] = {"sequential": float("inf"), "rewritten": float("inf")}
        boards: dict[str, dict[str, Any]] = {}
        for _ in range(3):
            for label, candidate in (("sequential", plan), ("rewritten", rewritten)):
                node.engine.rewrite = None  # run exactly this plan
                started = time.perf_counter()
                boards[label] = await node.run(candidate, {"v": 1})
                best[label] = min(best[label], (time.perf_counter() - started) * 1000)
        assert boards["sequential"] == boards["rewritten"], "blackboards differ"
    speedup = best["sequential"] / best["rewritten"]
    return Result(
        f"rewrite: {k} independent 50 ms steps, parallel group (speed-up {speedup:.2f}x, "
        "blackboard identical)",
        best["rewritten"],
        best["sequential"],
        "as written, sequential",
        target=1 / (0.9 * k),
        unit="ms",
    )


class Small(BaseModel):
    user_id: str
    n: int = 1


class SmallOut(BaseModel):
    v: int


@pf.capability(idempotent=True)
async def small(inp: Small) -> SmallOut:
    return SmallOut(v=inp.n)


READY = pf.Respond(pf.CapabilityResponse(id="", capability_id="small", payload={"v": 7}))


class ReadyRespond(pf.Module):
    """The baseline of a hit: a module that only returns a ready Respond."""

    name = "ready_respond"
    priority = 300

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any, context: Any) -> pf.Respond:
        return READY

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: Any) -> None:
        return None


class Nothing(pf.Module):
    """The baseline of a miss: a module whose hooks do nothing."""

    name = "nothing"
    priority = 300

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any, context: Any) -> None:
        return None

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: Any) -> None:
        return None


async def _cache() -> list[Result]:
    optimized = _node(AdaptiveOptimizationModule)
    ready, nothing, bare = _node(ReadyRespond), _node(Nothing), _node()
    for node in (optimized, ready, nothing, bare):
        node.register(small)
    hit_payload = {"user_id": "42", "n": 7}
    counter = iter(range(10**9))
    async with optimized.started(), ready.started(), nothing.started(), bare.started():
        assert (
            await optimized.dispatch(
                pf.CapabilityRequest(capability_id="small", payload=hit_payload)
            )
        ).metadata.get("cache_hit") is None
        hit = await optimized.dispatch(
            pf.CapabilityRequest(capability_id="small", payload=hit_payload)
        )
        assert hit.metadata["cache_hit"] is True  # fmt: skip

        async def miss() -> None:  # a payload never seen: key, lookup, flight, store
            await optimized.call("small", {"user_id": "u", "n": next(counter)})

        async def plain(node: pf.Node) -> None:
            await node.call("small", {"user_id": "u", "n": next(counter)})

        # timed in turn (harness.alternating): load on the shared machine weighs on all alike
        times = await alternating(
            {
                "hit": lambda: optimized.call("small", hit_payload),
                "ready": lambda: ready.call("small", hit_payload),
                "miss": miss,
                "nothing": lambda: plain(nothing),
                "bare": lambda: plain(bare),
            },
            n=10_000,
        )
    return [
        Result(
            "cache hit through the module (key + lookup + fresh copy)",
            times["hit"],
            times["ready"],
            "a module returning a ready Respond",
            target=1.2,
        ),
        Result(
            f"cache miss on a {times['bare']:.1f} µs call (key + lookup + flight + store)",
            times["miss"],
            times["nothing"],
            "the chain with a do-nothing module",
            target=1.3,
        ),
        Result(
            "cache miss, against no module at all (the module system's own cost included)",
            times["miss"],
            times["bare"],
            "node.call without modules",
        ),
    ]


async def _rewrite() -> list[Result]:
    caps = [_sleeper(f"r{i}", 0.0, reorderable=i % 3 != 0) for i in range(20)]
    plan = pf.pipeline(*(pf.step(cap.name) for cap in caps))
    node = _node()
    node.register(*caps)
    async with node.started():
        rewriter = Rewriter(node, lambda name: None, lambda: 0, 4)
        assert rewriter.compute(plan).changed

        async def first() -> None:
            rewriter.compute(plan)

        async def cached() -> None:
            rewriter.rewrite(plan)

        first_us = await per_op_us(first, n=300)
        cached_us = await per_op_us(cached, n=20_000)
    return [
        Result("rewrite a 20-step plan, first time", first_us, 200.0, "200 µs goal", target=1.0),
        Result("rewrite a 20-step plan, cached", cached_us, 5.0, "5 µs goal", target=1.0),
    ]


async def _prediction() -> Result:
    latencies = {"a": 0.01, "b": 0.02, "c": 0.04, "d": 0.03}
    caps = [_sleeper(name, s, reorderable=False) for name, s in latencies.items()]
    plan = pf.pipeline(
        pf.step("a"),
        pf.parallel(pf.step("b"), pf.pipeline(pf.step("c"), pf.step("a"))),
        pf.step("d"),
    )
    node = _node(AdaptiveOptimizationModule, cache=[])
    node.register(*caps)
    async with node.started():
        for _ in range(10):
            await node.run(plan, {"v": 1})
        module = node.modules.instance("adaptive_optimization")
        assert isinstance(module, AdaptiveOptimizationModule)
        predicted = module.predict(plan, {"v": 1})["estimated_ms"]
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            await node.run(plan, {"v": 1})
            runs.append((time.perf_counter() - started) * 1000)
    measured = sorted(runs)[len(runs) // 2]
    error = abs(predicted - measured) / measured * 100
    return Result(
        f"prediction error after warm-up (estimated {predicted:.1f} ms, measured "
        f"{measured:.1f} ms)",
        error,
        20.0,
        "20 % goal",
        target=1.0,
        unit="%",
    )


async def run() -> list[Result]:
    results = [await _speedup(k) for k in (2, 4, 8)]
    results += await _cache()
    results += await _rewrite()
    results.append(await _prediction())
    return results
