"""What the optimizer reports to the node's ``/metrics``
(``packetflow_adaptive_optimization_*``): its result cache (hits, misses, hit ratio, entries,
bytes, evictions) and its plan rewrites."""

from __future__ import annotations

from typing import TYPE_CHECKING

import packetflow as pf

if TYPE_CHECKING:
    from .cache import ResultCache
    from .rewrite import Rewriter

__all__ = ["optimizer_metrics"]


def optimizer_metrics(cache: ResultCache, rewriter: Rewriter) -> list[pf.MetricFamily]:
    """The optimizer's families (no labels: one cache per node)."""
    looked = cache.hits + cache.misses
    ratio = cache.hits / looked if looked else 0.0

    def one(name: str, text: str, value: float, kind: str = "counter") -> pf.MetricFamily:
        return pf.MetricFamily(name, text, kind, [({}, value)])  # type: ignore[arg-type]

    return [
        one("cache_hits", "Requests answered from the result cache.", cache.hits),
        one("cache_misses", "Cacheable requests the cache could not answer.", cache.misses),
        one("cache_hit_ratio", "Hits over hits and misses, since start.", ratio, "gauge"),
        one("cache_entries", "Results held in the cache.", len(cache), "gauge"),
        one("cache_bytes", "Bytes the cached results take.", cache.bytes, "gauge"),
        one("cache_evictions", "Results evicted by the LRU bounds.", cache.evictions),
        one("plan_rewrites", "Composition plans the optimizer changed.", rewriter.rewritten),
    ]
