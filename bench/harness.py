"""The shared benchmark harness: timing helpers and the result table.

A benchmark module is ``bench/bench_<area>.py`` with ``async def run() -> list[Result]``.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

__all__ = ["Result", "alternating", "per_op_us", "print_table"]


@dataclass(frozen=True)
class Result:
    """One row: ours vs a baseline measured in the same run (lower is better unless
    ``higher_is_better``)."""

    name: str
    ours: float
    baseline: float
    baseline_name: str
    target: float | None = None
    unit: str = "µs"
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    @property
    def ok(self) -> bool | None:
        if self.target is None:
            return None
        return self.ratio >= self.target if self.higher_is_better else self.ratio <= self.target


async def per_op_us(
    op: Callable[[], Awaitable[object]],
    *,
    n: int = 20_000,
    repeat: int = 5,
    warmup: int | None = None,
) -> float:
    """Best-of-``repeat`` mean time of ``await op()`` in microseconds (GC paused while timing),
    after ``warmup`` untimed calls (default ``min(n, 1000)``)."""
    for _ in range(min(n, 1000) if warmup is None else warmup):  # caches, lazy schemas
        await op()
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            for _ in range(n):
                await op()
            best = min(best, (time.perf_counter() - start) / n * 1e6)
        finally:
            gc.enable()
    return best


async def alternating(
    ops: dict[str, Callable[[], Awaitable[object]]], *, n: int, rounds: int = 5
) -> dict[str, float]:
    """Best-of-``rounds`` µs per op of each entry, timed in turn (warmed up once), so load on
    a shared machine that drifts during the run weighs on all of them alike."""
    best = dict.fromkeys(ops, float("inf"))
    for round_ in range(rounds):
        for label, op in ops.items():
            us = await per_op_us(op, n=n, repeat=1, warmup=None if round_ == 0 else 0)
            best[label] = min(best[label], us)
    return best


def print_table(results: list[Result]) -> None:
    """Print the results as a Markdown table (pasteable into a closing note)."""
    header = "| benchmark | ours | baseline | ratio | target | |"
    print(header)
    print("|---|---:|---|---:|---:|---|")
    for r in results:
        target = (
            "" if r.target is None else ("≥ " if r.higher_is_better else "≤ ") + f"{r.target:g}"
        )
        mark = {None: "", True: "ok", False: "MISS"}[r.ok]
        print(
            f"| {r.name} | {r.ours:.2f} {r.unit} | {r.baseline:.2f} {r.unit} ({r.baseline_name}) "
            f"| {r.ratio:.2f} | {target} | {mark} |"
        )
