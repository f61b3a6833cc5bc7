"""Costs that must grow with the work, not faster (issue 15, item 9).

Each row is a ratio of one cost at a large size to the same cost at a small size, measured in
the same run (sizes alternated, best of several rounds, so that load on the machine hits both
alike). A flat cost gives ≈ 1; a quadratic one gives the size ratio (20x or 100x).

1. A pipeline run through ``node.run`` (validate, compile, execute), per step, at 2,000 steps
   vs 100. Every step writes its own key, so the blackboard and the validator's scope grow.
2. Validating that pipeline (``node.validate``), per step, 2,000 vs 100.
3. Intent search (``registry.find(intent=...)``, what the wire's ``discover`` runs) in a
   registry of 10,000 capabilities vs 100, for a query matching the same few capabilities.
4. The same search at 10,000 capabilities against the 1 ms goal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import packetflow as pf

from .bench_core import PAYLOAD, bump
from .harness import Result, per_op_us

SMALL_PLAN, LARGE_PLAN = 100, 2_000
SMALL_REGISTRY, LARGE_REGISTRY = 100, 10_000
TARGET = 1.3  # ≈ 1: what a flat cost measures on a shared machine

Op = Callable[[], Awaitable[object]]


async def _alternating(ops: dict[str, tuple[Op, int]], rounds: int = 3) -> dict[str, float]:
    """Best-of-``rounds`` µs per call of each ``(op, calls per round)``, measured in turn."""
    best = dict.fromkeys(ops, float("inf"))
    for _ in range(rounds):
        for label, (op, n) in ops.items():
            best[label] = min(best[label], await per_op_us(op, n=n, repeat=1))
    return best


def _plan(steps: int) -> pf.PlanNode:
    return pf.pipeline(*(pf.step("bump", to=[f"count->c{i}"]) for i in range(steps)))


async def _pipeline(node: pf.Node) -> list[Result]:
    small, large = _plan(SMALL_PLAN), _plan(LARGE_PLAN)

    def running(plan: pf.PlanNode) -> Op:
        return lambda: node.run(plan, PAYLOAD)

    def validating(plan: pf.PlanNode) -> Op:
        async def op() -> object:
            return node.validate(plan, PAYLOAD)

        return op

    us = await _alternating(
        {
            "run small": (running(small), 60),
            "run large": (running(large), 3),
            "validate small": (validating(small), 200),
            "validate large": (validating(large), 10),
        }
    )
    per_step = {
        label: value / (LARGE_PLAN if "large" in label else SMALL_PLAN)
        for label, value in us.items()
    }
    return [
        Result(
            f"pipeline run per step, {LARGE_PLAN:,} vs {SMALL_PLAN} steps (validate + compile + "
            "execute; each step writes its own key)",
            per_step["run large"],
            per_step["run small"],
            f"at {SMALL_PLAN} steps",
            target=TARGET,
        ),
        Result(
            f"plan validation per step, {LARGE_PLAN:,} vs {SMALL_PLAN} steps",
            per_step["validate large"],
            per_step["validate small"],
            f"at {SMALL_PLAN} steps",
            target=TARGET,
        ),
    ]


_SYLLABLES = [c + v for c in "bdkm" for v in "aeiou"]  # ba be bi bo bu da ... mu


def _word(i: int) -> str:
    """A distinct made-up word per ``i`` (``babeka``), not a stem of another."""
    return "".join(_SYLLABLES[(i // 20**k) % 20] for k in range(4))


def _registry(size: int) -> pf.Registry:
    """``size`` capabilities; every word is in about ten documents, whatever the size."""
    registry = pf.Registry()
    for i in range(size):
        area, topic = _word(i // 10), _word(50_000 + (i * 7_919 % size) // 10)
        cap = pf.capability(name=f"{area}_{i}", intent=f"{topic} {area}", tags=[area])(bump.fn)
        registry.add(cap)
    return registry


def _query(size: int) -> str:
    # Two words: an area (ten capabilities) and a topic (ten others, mostly): ~20 matches.
    return f"please {_word(42 // 10)} the {_word(50_000 + (size // 2 * 7_919 % size) // 10)}"


async def _discover() -> list[Result]:
    small, large = _registry(SMALL_REGISTRY), _registry(LARGE_REGISTRY)
    small_query, large_query = _query(SMALL_REGISTRY), _query(LARGE_REGISTRY)
    assert 10 <= len(large.find(intent=large_query)) <= 20

    async def find_small() -> object:
        return small.find(intent=small_query, limit=10)

    async def find_large() -> object:
        return large.find(intent=large_query, limit=10)

    us = await _alternating({"small": (find_small, 2_000), "large": (find_large, 2_000)})
    return [
        Result(
            f"intent search (discover), {LARGE_REGISTRY:,} vs {SMALL_REGISTRY} capabilities, "
            "~20 matches",
            us["large"],
            us["small"],
            f"at {SMALL_REGISTRY} capabilities",
            target=TARGET,
        ),
        Result(
            f"intent search (discover) at {LARGE_REGISTRY:,} capabilities",
            us["large"],
            1000.0,
            "1 ms goal",
            target=1.0,
        ),
    ]


async def run() -> list[Result]:
    node = pf.Node("bench-scaling")
    node.modules.autoload = False  # the core alone
    async with node.started():
        node.register(bump)
        results = await _pipeline(node)
    return results + await _discover()
