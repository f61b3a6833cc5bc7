"""Composition runs as the dashboard's timeline: one bar per step, the critical path marked.

The execution graph records when each step started and ended, not which step waited for
which; the critical path is read from those times, as trace viewers do: start from the step
that ended last, then repeatedly take the step that ended last before the current one started
(it is what the current one waited for, directly or through the plan's order). Two steps
in different branches of one ``parallel`` never wait for each other, whatever their times say
(a branch that never blocks finishes before its sibling starts), so such a step is passed
over. Steps on the path are the ones whose speed-up would shorten the run.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._compose.engine import ExecutionGraph

__all__ = ["MAX_BARS", "critical_path", "run_view"]

MAX_BARS = 200
"""Steps drawn per run (a long loop's first steps; ``truncated`` counts the rest)."""

_SLACK_MS = 0.05  # two steps closer than this are back to back (timer resolution, scheduling)


def critical_path(bars: list[tuple[float, float]], paths: list[str] | None = None) -> set[int]:
    """Indices of the bars on the critical path; ``bars`` are ``(start, duration)``, ``paths``
    their plan paths (to tell parallel branches apart)."""
    if not bars:
        return set()
    ends = [start + duration for start, duration in bars]
    by_end = sorted(range(len(bars)), key=lambda i: (ends[i], -bars[i][0]))
    sorted_ends = [ends[i] for i in by_end]
    position = len(by_end) - 1  # the step that ended last
    path = {by_end[position]}
    while True:
        current = by_end[position]
        # The latest-ending step that ended before this one started (earlier in end order),
        # not counting steps of a sibling branch.
        found = bisect_right(sorted_ends, bars[current][0] + _SLACK_MS, 0, position) - 1
        while found >= 0 and paths is not None and _siblings(paths[by_end[found]], paths[current]):
            found -= 1
        if found < 0:
            return path
        position = found
        path.add(by_end[position])


def _siblings(a: str, b: str) -> bool:
    """Whether plan paths ``a`` and ``b`` lie in different branches of one ``parallel``."""
    for left, right in zip(a.split("."), b.split("."), strict=False):
        if left != right:
            return left.startswith("branch[") and right.startswith("branch[")
    return False


def run_view(graph: ExecutionGraph, number: int) -> dict[str, Any]:
    """One run for the dashboard: its steps as bars (ms from the run's start)."""
    records = graph.records
    shown = records[:MAX_BARS]
    critical = critical_path(
        [(r.started_ms, r.duration_ms) for r in shown], [r.path for r in shown]
    )
    return {
        "id": number,
        "composition": graph.composition,
        "trace_id": graph.trace_id,
        "status": graph.status,
        "duration_ms": round(graph.duration_ms, 3),
        "truncated": len(records) - len(shown) + graph.dropped,
        "steps": [
            {
                "path": r.path,
                "capability": r.capability,
                "status": r.status,
                "start_ms": round(r.started_ms, 3),
                "duration_ms": round(r.duration_ms, 3),
                "error_code": r.error_code,
                "critical": i in critical,
            }
            for i, r in enumerate(shown)
        ],
    }
