"""packetflow-module-spatial-arena: capabilities placed in a 2-D arena, zone capacity as
admission control, and a physics of co-usage."""

from __future__ import annotations

from .admission import Refused, ZoneGate
from .arena import Arena, Placed, TickResult
from .config import ArenaConfig, ConnectionConfig, PhysicsConfig, ZoneConfig
from .module import SpatialArenaModule
from .render import render_svg
from .snapshot import build_snapshot
from .usage import CoUsage

__all__ = [
    "Arena",
    "ArenaConfig",
    "CoUsage",
    "ConnectionConfig",
    "PhysicsConfig",
    "Placed",
    "Refused",
    "SpatialArenaModule",
    "TickResult",
    "ZoneConfig",
    "ZoneGate",
    "build_snapshot",
    "render_svg",
]
