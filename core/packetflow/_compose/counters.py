"""Counters of composition runs for ``/metrics``: runs by composition and outcome, and the
latency histogram of their steps (kept only while metrics are served).

Bounded: at most :data:`MAX_COMPOSITIONS` names are counted apiece (registered compositions,
``adhoc`` runs); further names share the ``other`` row, so a caller choosing run names cannot
grow the table.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .._capabilities.stats import BUCKETS

if TYPE_CHECKING:
    from .engine import ExecutionGraph

__all__ = ["MAX_COMPOSITIONS", "CompositionCounters", "RunCounts"]

MAX_COMPOSITIONS = 1000


@dataclass(slots=True)
class RunCounts:
    """One composition's counters; ``step_buckets`` as in ``LatencyWindow.buckets``."""

    ok: int = 0
    error: int = 0
    step_buckets: list[int] = field(default_factory=lambda: [0] * (len(BUCKETS) + 1))
    step_total: float = 0.0
    steps: int = 0


class CompositionCounters:
    """Run and step counters by composition name (see the module docstring)."""

    __slots__ = ("by_name", "histograms")

    def __init__(self) -> None:
        self.by_name: dict[str, RunCounts] = {}
        self.histograms = False

    def record(self, graph: ExecutionGraph, status: Literal["ok", "error"]) -> None:
        """Count a finished run (its steps too, while histograms are kept)."""
        name = graph.composition
        counts = self.by_name.get(name)
        if counts is None:
            if len(self.by_name) >= MAX_COMPOSITIONS:
                name = "other"
            counts = self.by_name.setdefault(name, RunCounts())
        if status == "ok":
            counts.ok += 1
        else:
            counts.error += 1
        if self.histograms:
            buckets = counts.step_buckets
            for _path, _cap, started, ended, _code in graph.raw:
                seconds = ended - started
                buckets[bisect_left(BUCKETS, seconds)] += 1
                counts.step_total += seconds
            counts.steps += len(graph.raw)
