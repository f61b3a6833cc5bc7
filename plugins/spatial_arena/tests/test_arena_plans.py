"""handle_composition: a parallel or map_reduce wider than its zone gets max_concurrency
bounded, and the results (the whole blackboard) are the same as without the arena."""

from __future__ import annotations

from typing import Any

import pytest
import trio
from arena_kit import Gauge, Start, untyped

import packetflow as pf
from packetflow_spatial_arena.plans import bound

ZONES = {
    "zones": [{"id": "processing", "capacity": 50}, {"id": "ai", "capacity": 3, "tags": ["llm"]}],
    "max_queue": 0,  # a step beyond capacity would be refused: bounding must prevent it
}


def zone_of(cap: str) -> str | None:
    return "ai" if cap.startswith("think") else "processing"


def test_a_wide_parallel_is_bounded_per_zone() -> None:
    plan = pf.parallel({f"b{i}": pf.step(f"think_{i}") for i in range(8)}, combine="by_branch")
    bounded = bound(plan, zone_of, {"ai": 3, "processing": 50})
    assert isinstance(bounded, pf.Parallel) and bounded.max_concurrency == 3
    narrow = pf.parallel({"a": pf.step("think_a"), "b": pf.step("plain")}, combine="by_branch")
    assert bound(narrow, zone_of, {"ai": 3, "processing": 50}) is narrow


def test_branches_with_two_steps_of_a_zone_count_twice() -> None:
    two = pf.pipeline(
        pf.parallel({"x": pf.step("think_x"), "y": pf.step("think_y")}, combine="by_branch")
    )
    plan = pf.parallel({f"b{i}": two for i in range(4)}, combine="by_branch")
    bounded = bound(plan, zone_of, {"ai": 5})
    assert isinstance(bounded, pf.Parallel) and bounded.max_concurrency == 2  # 2 x 2 <= 5


def test_map_reduce_workers_are_bounded_and_nested_nodes_rewritten() -> None:
    mapped = pf.map_reduce(over="items", map=pf.step("think_m"), emit=["out"], max_concurrency=10)
    plan = pf.pipeline(pf.step("plain"), mapped)
    bounded = bound(plan, zone_of, {"ai": 4})
    assert isinstance(bounded, pf.Pipeline)
    inner = bounded.steps[1]
    assert isinstance(inner, pf.MapReduce) and inner.max_concurrency == 4
    assert plan.steps[1].max_concurrency == 10  # type: ignore[union-attr]  # plans are immutable


@pytest.mark.parametrize("shape", ["parallel", "map_reduce"], ids=["parallel", "map_reduce"])
async def test_results_are_identical_with_and_without_the_arena(
    module_node: pf.Node, start_arena: Start, gauge: Gauge, shape: str
) -> None:
    async def think(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(seconds=0.005)
        item = payload.get("item", payload.get("n", 0))
        return {"out": item * 10, "n": payload.get("n", 0)}

    for i in range(8):
        module_node.register(untyped(f"think_{i}", think, tags=["llm"]))
    module_node.register(untyped("think_m", think, tags=["llm"], provides=("out", "n")))
    if shape == "parallel":
        plan: pf.PlanNode = pf.parallel(
            {f"b{i}": pf.step(f"think_{i}", from_=["n"]) for i in range(8)}, combine="by_branch"
        )
        payload: dict[str, Any] = {"n": 4}
    else:
        plan = pf.map_reduce(
            over="items", map=pf.step("think_m", from_=["item"]), emit=["out"], max_concurrency=8
        )
        payload = {"items": list(range(12))}
    without = await module_node.run(plan, dict(payload))
    assert gauge.peak > 3  # unbounded, the plan alone would overrun the zone
    gauge.peak = 0
    await start_arena(ZONES)
    with trio.fail_after(10):
        within = await module_node.run(plan, dict(payload))
    assert within == without
    assert gauge.peak <= 3
    assert module_node.modules.instance("spatial_arena").arena.gates["ai"].rejected == 0  # type: ignore[attr-defined]
