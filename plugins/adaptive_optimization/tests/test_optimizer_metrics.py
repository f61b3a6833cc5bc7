"""``packetflow_collect_metrics``: the optimizer's cache hits, misses and hit ratio, as the
node's ``/metrics`` exports them."""

from __future__ import annotations

from adaptive_kit import Calls, Optimize

import packetflow as pf


async def test_the_cache_hit_ratio_follows_the_cache(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    module = await optimize()
    for n in (1, 1, 1, 2):  # a miss, two hits, a miss
        await module_node.dispatch(pf.CapabilityRequest(capability_id="double", payload={"n": n}))
    figures = {f.name: f for f in module.packetflow_collect_metrics()}
    value = {name: f.samples[0][1] for name, f in figures.items()}
    assert value["cache_hits"] == 2 and value["cache_misses"] == 2
    assert value["cache_hit_ratio"] == 0.5
    assert figures["cache_hit_ratio"].kind == "gauge"
    assert figures["cache_hits"].kind == "counter"
    assert value["cache_entries"] == 2
