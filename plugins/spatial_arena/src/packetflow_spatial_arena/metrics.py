"""What the arena reports to the node's ``/metrics`` (``packetflow_spatial_arena_*``): per
zone, the requests executing and waiting, its capacity, and how many were admitted, queued,
refused and timed out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import packetflow as pf

if TYPE_CHECKING:
    from .arena import Arena

__all__ = ["arena_metrics"]


def arena_metrics(arena: Arena) -> list[pf.MetricFamily]:
    """The arena's families (labels: zone ids, a handful)."""
    Samples = list[tuple[dict[str, str], float]]
    gauges: dict[str, tuple[str, Samples]] = {
        "zone_load": ("Requests executing in each zone.", []),
        "zone_queue": ("Requests waiting for a slot in each zone.", []),
        "zone_capacity": ("Requests each zone executes at once.", []),
    }
    counters: dict[str, tuple[str, Samples]] = {
        "zone_admitted": ("Requests admitted into each zone.", []),
        "zone_rejected": ("Requests refused with E429 by each zone.", []),
        "zone_timed_out": ("Requests that waited past their deadline.", []),
    }
    for zone_id, gate in sorted(arena.gates.items()):
        labels = {"zone": zone_id}
        gauges["zone_load"][1].append((labels, gate.in_use))
        gauges["zone_queue"][1].append((labels, gate.waiting))
        gauges["zone_capacity"][1].append((labels, gate.capacity))
        counters["zone_admitted"][1].append((labels, gate.admitted))
        counters["zone_rejected"][1].append((labels, gate.rejected))
        counters["zone_timed_out"][1].append((labels, gate.timed_out))
    return [
        *(
            pf.MetricFamily(name, text, "gauge", samples)
            for name, (text, samples) in gauges.items()
        ),
        *(
            pf.MetricFamily(name, text, "counter", samples)
            for name, (text, samples) in counters.items()
        ),
        pf.MetricFamily("physics_ticks", "Physics ticks run.", "counter", [({}, arena.ticks)]),
    ]
