"""Per-capability statistics: counts, errors and latency percentiles over a bounded window."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

__all__ = ["CapabilityStatistics", "LatencyWindow", "percentile"]

# Percentiles are computed over the most recent samples only: bounded memory, and they follow
# the capability's current behaviour rather than its whole history.
WINDOW = 2048


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
    """Mutable counters behind :class:`CapabilityStatistics`."""

    __slots__ = ("count", "errors", "samples")

    def __init__(self) -> None:
        self.count = 0
        self.errors = 0
        self.samples: deque[float] = deque(maxlen=WINDOW)

    def record(self, seconds: float, failed: bool) -> None:
        self.count += 1
        if failed:
            self.errors += 1
        self.samples.append(seconds)

    def snapshot(self) -> CapabilityStatistics:
        ordered = sorted(self.samples)
        return CapabilityStatistics(
            count=self.count,
            errors=self.errors,
            p50_ms=percentile(ordered, 0.50) * 1000,
            p99_ms=percentile(ordered, 0.99) * 1000,
            max_ms=(ordered[-1] * 1000) if ordered else 0.0,
        )
