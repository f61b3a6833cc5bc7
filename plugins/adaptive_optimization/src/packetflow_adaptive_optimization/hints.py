"""Request hints, decided per capability from its model (SPEC 5.5, the seed's
``batching_hint``, ``cache_strategy`` and ``preferred_node``).

A hint *fires* only when it has something to say; the module then adds the firing hints to
the capability's requests as top-level fields (the wire models keep extra fields), for the
modules after it and for a cluster router. Every hint, fired or not, is in ``stats``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fnmatch import fnmatchcase
from typing import Any, Protocol, runtime_checkable

import packetflow as pf

from .config import OptimizationConfig
from .models import CapabilityModel
from .predict import MIN_SAMPLES

__all__ = [
    "OWN_PREFIX",
    "ClusterView",
    "batching_hint",
    "cache_decision",
    "cache_strategy",
    "preferred_node",
]

OWN_PREFIX = "adaptive_optimization."
_SLOW_MS = 10.0  # an idempotent capability this slow is worth caching somewhere
_FASTER = 0.8  # a peer must be this much faster than this node to be preferred


@runtime_checkable
class ClusterView(Protocol):
    """What the module needs from a cluster (``node.cluster``, when the node has one): each
    peer's recent p50 latency of a capability, by node id."""

    def peer_latency_ms(self, capability: str) -> Mapping[str, float]: ...


def cache_decision(
    cap: pf.Capability, config: OptimizationConfig, model: CapabilityModel | None
) -> tuple[bool, str]:
    """Whether this module caches ``cap``'s results, and why (or why not)."""
    if not cap.idempotent:
        return False, "not idempotent"
    if cap.name.startswith(OWN_PREFIX):
        return False, "the module's own capability"
    if any(fnmatchcase(cap.name, glob) for glob in config.deny):
        return False, "listed in config.deny"
    if not any(fnmatchcase(cap.name, glob) for glob in config.cache):
        return False, "not listed in config.cache"
    if cap.kind == "remote":
        return True, "idempotent, remote"
    if config.min_latency_ms > 0:
        p50 = model.quantiles()[0] if model is not None and model.samples >= MIN_SAMPLES else None
        if p50 is None:
            return False, f"not measured yet (min_latency_ms={config.min_latency_ms:g})"
        if p50 < config.min_latency_ms:
            return False, f"p50 {p50:.2f} ms < min_latency_ms {config.min_latency_ms:g}"
    return True, "idempotent"


def cache_strategy(
    cap: pf.Capability,
    decision: tuple[bool, str],
    config: OptimizationConfig,
    model: CapabilityModel | None,
) -> dict[str, Any]:
    """The capability's cache strategy; ``fires`` when it is idempotent and slow but not
    cached by this node, so a cache further along (a remote node's) may take it."""
    cached, reason = decision
    strategy: dict[str, Any] = {"cached": cached, "reason": reason}
    if cached:
        strategy["ttl_s"] = config.ttl
        strategy["key_context"] = list(config.context_keys)
    p50 = model.quantiles()[0] if model is not None and model.samples >= MIN_SAMPLES else 0.0
    strategy["fires"] = (
        not cached and cap.idempotent and not cap.name.startswith(OWN_PREFIX) and p50 >= _SLOW_MS
    )
    return strategy


def batching_hint(model: CapabilityModel | None) -> dict[str, Any] | None:
    """Fires when requests arrive faster than the capability serves them one at a time
    (arrival rate x mean latency > 1): batching them would cut the queue."""
    if model is None or model.ewma_ms is None or model.samples < MIN_SAMPLES:
        return None
    rate = model.call_rate
    if not math.isfinite(rate) or rate <= 0 or model.ewma_ms <= 0:
        return None
    backlog = rate * model.ewma_ms / 1000
    if backlog <= 1:
        return None
    return {
        "key": model.name,
        "arrival_per_s": round(rate, 2),
        "service_per_s": round(1000 / model.ewma_ms, 2),
        "batch_size": math.ceil(backlog),
    }


def preferred_node(name: str, local_ms: float | None, cluster: object) -> str | None:
    """The id of a peer that serves ``name`` clearly faster than this node, when the node
    reports cluster peers; ``None`` on a single node."""
    if not isinstance(cluster, ClusterView) or local_ms is None:
        return None
    peers = cluster.peer_latency_ms(name)
    if not peers:
        return None
    best, best_ms = min(peers.items(), key=lambda item: (item[1], item[0]))
    return best if best_ms < local_ms * _FASTER else None
