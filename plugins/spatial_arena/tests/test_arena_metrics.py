"""``packetflow_collect_metrics``: each zone's load, queue and capacity, as the node's
``/metrics`` exports them."""

from __future__ import annotations

from arena_kit import Start

import packetflow as pf


async def test_zone_loads_per_zone(module_node: pf.Node, start_arena: Start) -> None:
    module = await start_arena()
    families = {f.name: f for f in module.packetflow_collect_metrics()}
    zones = {labels["zone"] for labels, _ in families["zone_capacity"].samples}
    assert zones == set(module.arena.gates)
    capacity = {labels["zone"]: v for labels, v in families["zone_capacity"].samples}
    assert capacity == {z: g.capacity for z, g in module.arena.gates.items()}
    assert all(v == 0 for _, v in families["zone_load"].samples)
    assert families["zone_admitted"].kind == "counter"
