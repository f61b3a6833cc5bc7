"""Per-capability statistics: counts, errors and latency percentiles over a bounded window."""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from dataclasses import dataclass

__all__ = ["BUCKETS", "CapabilityStatistics", "LatencyWindow", "percentile"]

# Percentiles are computed over the most recent samples only: bounded memory, and they follow
# the capability's current behaviour rather than its whole history.
WINDOW = 2048

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 2.5, 10.0)
"""Upper bounds (seconds) of the latency histogram ``/metrics`` exports; the last bucket
(``+Inf``) takes the rest. Few buckets: a scrape formats one line per bucket per capability."""


def percentile(sorted_samples: list[float], q: float) -> float:
    """Nearest-rank percentile of already-sorted samples (0.0 when empty)."""
    if not sorted_samples:
        return 0.0
    index = min(len(sorted_samples) - 1, max(0, round(q * (len(sorted_samples) - 1))))
    return sorted_samples[index]


@dataclass(frozen=True, slots=True)
class CapabilityStatistics:
    """A snapshot returned by ``node.stats()``; latencies in milliseconds."""

    count: int
    errors: int
    p50_ms: float
    p99_ms: float
    max_ms: float


class LatencyWindow:
    """Mutable counters behind :class:`CapabilityStatistics`.

    ``codes`` counts errors by wire code. ``buckets`` (per :data:`BUCKETS` bound, plus one for
    ``+Inf``; not cumulative) and ``total`` (seconds) form the cumulative latency histogram of
    ``/metrics``; they are ``None``/``0.0`` until :meth:`keep_histogram` (a node whose metrics
    nobody scrapes pays nothing for them).
    """

    __slots__ = ("buckets", "codes", "count", "errors", "samples", "total")

    def __init__(self, histogram: bool = False) -> None:
        self.count = 0
        self.errors = 0
        self.samples: deque[float] = deque(maxlen=WINDOW)
        self.codes: dict[str, int] = {}
        self.buckets: list[int] | None = [0] * (len(BUCKETS) + 1) if histogram else None
        self.total = 0.0

    def keep_histogram(self) -> None:
        """Start counting the latency histogram (from the next call on)."""
        if self.buckets is None:
            self.buckets = [0] * (len(BUCKETS) + 1)

    def record(self, seconds: float, code: str | None = None) -> None:
        """Count one call that took ``seconds`` and failed with ``code`` (``None``: it
        succeeded)."""
        self.count += 1
        if code is not None:
            self.errors += 1
            self.codes[code] = self.codes.get(code, 0) + 1
        self.samples.append(seconds)
        buckets = self.buckets
        if buckets is not None:
            buckets[bisect_left(BUCKETS, seconds)] += 1
            self.total += seconds

    def snapshot(self) -> CapabilityStatistics:
        ordered = sorted(self.samples)
        return CapabilityStatistics(
            count=self.count,
            errors=self.errors,
            p50_ms=percentile(ordered, 0.50) * 1000,
            p99_ms=percentile(ordered, 0.99) * 1000,
            max_ms=(ordered[-1] * 1000) if ordered else 0.0,
        )
