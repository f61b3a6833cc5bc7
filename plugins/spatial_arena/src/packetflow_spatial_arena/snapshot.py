"""What the arena looks like right now, as plain data: the ``spatial_arena.snapshot``
capability's output, the input of :func:`~packetflow_spatial_arena.render.render_svg`, and
what ``packetflow arena show`` prints."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

import packetflow as pf

from .arena import Arena
from .render import render_svg

__all__ = ["RenderInput", "SnapshotInput", "arena_capabilities", "build_snapshot"]


class SnapshotInput(BaseModel):
    """Input of ``spatial_arena.snapshot``: how many co-usage edges to list (strongest first)."""

    model_config = ConfigDict(extra="forbid")

    max_edges: int = Field(default=500, ge=0, le=100_000)


class RenderInput(SnapshotInput):
    """Input of ``spatial_arena.render``."""

    title: str | None = Field(default=None, max_length=200)


def build_snapshot(arena: Arena, max_edges: int = 500) -> dict[str, Any]:
    """Zones with their load, every placed capability, and the strongest co-usage edges."""
    members: dict[str, int] = {}
    for placed in arena.placed.values():
        members[placed.zone.id] = members.get(placed.zone.id, 0) + 1
    zones = []
    for zone in arena.zones.zones:
        gate = arena.gates[zone.id]
        zones.append(
            {
                "id": zone.id,
                "specialization": zone.specialization,
                "capacity": gate.capacity,
                "in_use": gate.in_use,
                "queued": gate.waiting,
                "admitted": gate.admitted,
                "waited": gate.queued,
                "rejected": gate.rejected,
                "timed_out": gate.timed_out,
                "reused": gate.reused,
                "peak": gate.peak,
                "hold_ms": round(gate.hold_s * 1000, 3),
                "max_queue": gate.max_queue,
                "center": [round(c, 3) for c in zone.center],
                "radius": round(zone.radius, 3),
                "timeout_multiplier": zone.timeout_multiplier,
                "priority": zone.priority,
                "members": members.get(zone.id, 0),
            }
        )
    capabilities = [
        {
            "name": name,
            "zone": arena.placed[name].zone.id,
            "position": [round(float(x), 3), round(float(y), 3)],
            "pinned": arena.placed[name].pinned,
        }
        for name, (x, y) in sorted(zip(arena.names, arena.positions, strict=True))
    ]
    usage = arena.usage
    return {
        "size": arena.config.size,
        "ticks": arena.ticks,
        "energy": round(arena.energy, 6),
        "zones": zones,
        "connections": [{"from": a, "to": b, "weight": w} for a, b, w in arena.zones.connections],
        "capabilities": capabilities,
        "edges": [{"a": a, "b": b, "weight": round(w, 4)} for a, b, w in usage.view[:max_edges]],
        "usage": {
            "edges": len(usage.view),
            "max_edges": usage.max_edges,
            "evicted_edges": usage.evicted_edges,
            "dropped_observations": usage.dropped_observations,
        },
    }


def arena_capabilities(arena: Arena) -> list[pf.Capability]:
    """``spatial_arena.snapshot`` and ``spatial_arena.render`` for ``arena``."""

    @pf.capability(
        name="spatial_arena.snapshot",
        intent="The spatial arena: zones with capacity, load and queue, positions, co-usage",
        tags=["spatial_arena", "inspect"],
        provides=("size", "ticks", "energy", "zones", "connections", "capabilities", "edges"),
    )
    async def snapshot(inp: SnapshotInput) -> dict[str, Any]:
        return build_snapshot(arena, inp.max_edges)

    @pf.capability(
        name="spatial_arena.render",
        intent="Draw the spatial arena as an SVG: zones, capabilities and co-usage edges",
        tags=["spatial_arena", "inspect"],
        provides=("svg",),
    )
    async def render(inp: RenderInput) -> dict[str, Any]:
        return {"svg": render_svg(build_snapshot(arena, inp.max_edges), title=inp.title)}

    return [snapshot, render]
