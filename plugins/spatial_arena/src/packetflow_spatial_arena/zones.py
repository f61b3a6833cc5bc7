"""Zones: where they lie, which capabilities belong to them, and what they do to a request.

A capability belongs to one zone, decided in this order:

1. **explicit**: the first ``assign`` glob that matches its name (``{"user_*" = "processing"}``);
2. **specialization**: the first zone (in config order) whose specialization tags include one
   of the capability's tags (``tags=["llm"]`` -> the ``intelligence`` zone);
3. **nearest**: the zone whose edge is closest to the capability's position.

Capabilities placed by 1 or 2 are *pinned*: the physics keeps them inside their zone. The
others float and follow their co-users; their zone is the nearest one after every tick.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import numpy as np
import numpy.typing as npt

from .config import ArenaConfig, ZoneConfig

__all__ = ["Zone", "ZoneMap"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Zone:
    """A zone as laid out in the arena (config values resolved)."""

    id: str
    capacity: int
    specialization: str
    tags: frozenset[str]
    center: tuple[float, float]
    radius: float
    timeout_multiplier: float
    priority: int

    def effects(self) -> dict[str, Any]:
        """What the zone does to its requests (``spatial_context.zone_effects``)."""
        return {
            "timeout_multiplier": self.timeout_multiplier,
            "priority": self.priority,
            "capacity": self.capacity,
            "specialization": self.specialization,
        }


def _layout(zones: list[ZoneConfig], size: float) -> list[Zone]:
    """Zones without a center sit on a circle around the arena's middle; a radius defaults to
    one that grows with the square root of the capacity (area ~ capacity)."""
    largest = max(zone.capacity for zone in zones)
    free = [zone for zone in zones if zone.center is None]
    ring = 0.0 if len(free) <= 1 else size * 0.28
    laid: list[Zone] = []
    turn = 0
    for zone in zones:
        if zone.center is not None:
            center = (float(zone.center[0]), float(zone.center[1]))
        else:
            angle = -math.pi / 2 + 2 * math.pi * turn / max(1, len(free))
            turn += 1
            center = (size / 2 + ring * math.cos(angle), size / 2 + ring * math.sin(angle))
        radius = zone.radius
        if radius is None:
            radius = size * (0.08 + 0.12 * math.sqrt(zone.capacity / largest))
        laid.append(
            Zone(
                id=zone.id,
                capacity=zone.capacity,
                specialization=zone.specialization,
                tags=zone.matching_tags(),
                center=center,
                radius=float(radius),
                timeout_multiplier=zone.timeout_multiplier,
                priority=zone.priority,
            )
        )
    return laid


class ZoneMap:
    """The zones of one arena, the assignment rules, and the links between zones."""

    def __init__(self, config: ArenaConfig) -> None:
        self.zones: tuple[Zone, ...] = tuple(_layout(config.zones, config.size))
        self.index = {zone.id: i for i, zone in enumerate(self.zones)}
        self.assign = tuple(config.assign.items())
        self.centers: FloatArray = np.array([z.center for z in self.zones], dtype=np.float64)
        self.radii: FloatArray = np.array([z.radius for z in self.zones], dtype=np.float64)
        n = len(self.zones)
        # Spring share between zones: 1 inside a zone, the connection weight across a link,
        # ``unconnected`` otherwise.
        links = np.full((n, n), config.physics.unconnected, dtype=np.float64)
        np.fill_diagonal(links, 1.0)
        for link in config.connections:
            a, b = self.index[link.from_], self.index[link.to]
            if a != b:
                links[a, b] = links[b, a] = link.weight
        self.links = links
        self.connections = [(c.from_, c.to, c.weight) for c in config.connections]

    def pinned(self, name: str, tags: tuple[str, ...]) -> int | None:
        """The zone (index) a capability is pinned to by ``assign`` or its tags, if any."""
        for glob, zone_id in self.assign:
            if fnmatchcase(name, glob):
                return self.index[zone_id]
        lowered = {tag.lower() for tag in tags}
        for i, zone in enumerate(self.zones):
            if zone.tags & lowered or zone.id.lower() in lowered:
                return i
        return None

    def nearest(self, positions: FloatArray) -> npt.NDArray[np.intp]:
        """For each row of ``positions`` (n x 2), the zone whose edge is closest (inside a
        zone counts as negative distance, so the deepest zone wins where zones overlap)."""
        if len(positions) == 0:
            return np.zeros(0, dtype=np.intp)
        gap = np.linalg.norm(positions[:, None, :] - self.centers[None, :, :], axis=2)
        nearest: npt.NDArray[np.intp] = np.argmin(gap - self.radii[None, :], axis=1)
        return nearest

    def inside(self, zone: int, position: FloatArray) -> FloatArray:
        """``position`` moved (if needed) just inside zone ``zone``."""
        center = self.centers[zone]
        offset = position - center
        distance = float(np.hypot(offset[0], offset[1]))
        limit = self.radii[zone] * 0.9
        if distance <= limit:
            return position
        moved: FloatArray = center + offset * (limit / distance)
        return moved
