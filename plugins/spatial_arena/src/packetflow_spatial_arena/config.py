"""The spatial arena's config (the ``config`` table of its ``[[modules]]`` entry).

Bad values are refused when the module loads, with the key and the fix::

    bad config for module 'spatial_arena': field 'zones': Value error, zone 'ai': capacity
    must be > 0, got 0; give [[modules]].config.zones[1].capacity a positive number
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["DEFAULT_ZONES", "ArenaConfig", "ConnectionConfig", "PhysicsConfig", "ZoneConfig"]

# The tags that count as each built-in specialization (a zone's own ``tags`` replace them).
SPECIALIZATION_TAGS: dict[str, tuple[str, ...]] = {
    "general": (),
    "intelligence": (
        "ai", "ml", "llm", "nlp", "intelligence", "model", "inference", "planning", "embedding",
    ),
    "persistence": (
        "storage", "persistence", "db", "database", "sql", "cache", "files", "store", "archive",
    ),
}  # fmt: skip


class ZoneConfig(BaseModel):
    """One zone of the arena.

    Attributes:
        id: the zone's name (unique).
        capacity: how many of the zone's requests may execute at the same time.
        specialization: capabilities whose tags match it belong here (``intelligence``...).
        tags: the tags that match the specialization (default: the built-in list for
            ``general``/``intelligence``/``persistence``, else the specialization word).
        center / radius: where the zone lies in the arena (default: laid out on a circle,
            the radius growing with the square root of the capacity).
        timeout_multiplier: the zone's requests get their deadline multiplied by this.
        priority: the default ``metadata.priority`` of the zone's requests; waiters of a full
            zone are admitted by priority (higher first), then in arrival order.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    capacity: int
    specialization: str = "general"
    tags: list[str] | None = None
    center: tuple[float, float] | None = None
    radius: float | None = None
    timeout_multiplier: float = 1.0
    priority: int = 0

    def matching_tags(self) -> frozenset[str]:
        """The capability tags that put a capability in this zone."""
        if self.tags is not None:
            return frozenset(t.lower() for t in self.tags)
        words = SPECIALIZATION_TAGS.get(self.specialization, (self.specialization,))
        return frozenset(words)


DEFAULT_ZONES: tuple[dict[str, Any], ...] = (
    {"id": "processing", "capacity": 100, "specialization": "general"},
    {"id": "ai", "capacity": 20, "specialization": "intelligence"},
    {"id": "storage", "capacity": 50, "specialization": "persistence"},
)
DEFAULT_CONNECTIONS: tuple[dict[str, Any], ...] = (
    {"from": "processing", "to": "ai", "weight": 0.3},
    {"from": "processing", "to": "storage", "weight": 0.5},
)


class ConnectionConfig(BaseModel):
    """A link between two zones: co-usage pulls across it with ``weight`` (0..1) of its full
    strength (pairs in one zone pull with 1, pairs in unconnected zones with
    ``PhysicsConfig.unconnected``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from", min_length=1)
    to: str = Field(min_length=1)
    weight: float = Field(default=0.5, ge=0.0, le=1.0)


class PhysicsConfig(BaseModel):
    """Constants of the co-usage physics (the defaults settle in a few dozen ticks).

    Attributes:
        spring: pull per unit of co-usage weight and distance.
        repulsion: push between every pair (falls off with distance).
        anchor: pull back into its zone of a capability pinned there (``assign``/tags).
        damping: the share of velocity kept per tick (< 1, so the energy settles).
        max_step: the largest move of one capability in one tick (arena units).
        unconnected: spring share across zones that no connection links.
        rest_length: co-used pairs stop pulling below this distance.
    """

    model_config = ConfigDict(extra="forbid")

    spring: float = Field(default=0.02, ge=0)
    repulsion: float = Field(default=2.0, ge=0)
    anchor: float = Field(default=0.05, ge=0)
    damping: float = Field(default=0.6, ge=0, lt=1)
    max_step: float = Field(default=2.0, gt=0)
    unconnected: float = Field(default=0.1, ge=0, le=1)
    rest_length: float = Field(default=4.0, ge=0)


class ArenaConfig(BaseModel):
    """Settings of the spatial arena module.

    Attributes:
        zones: the zones (default: the seed's processing 100, ai 20, storage 50).
        connections: links between zones (``from``, ``to``, ``weight``); by default the
            seed's processing-ai and processing-storage links, between the zones that exist.
        assign: capability glob -> zone id; the first matching glob wins over tags.
        ignore: capability globs the arena neither places nor admits (its own and the node's
            management capabilities by default).
        size: the arena is a ``size`` x ``size`` square.
        max_queue: waiters per zone once it is full; one more gets E429 at once.
        queue_timeout: seconds a waiter waits for a slot before E429.
        tick_s: seconds between physics ticks.
        k_nearest: how many neighbours ``spatial_context.nearby_capabilities`` lists.
        seed: makes placement deterministic (same registry + seed = same positions).
        max_edges: co-usage edges kept (the weakest are evicted).
        edge_decay: co-usage weight kept per tick (older co-usage fades).
        max_traces: traces remembered for "consecutive calls in one trace" (oldest dropped).
        max_observations: completed requests buffered between ticks (oldest dropped).
        persist: keep positions and co-usage under the node's data dir across restarts.
        state_file: where (default ``<data_dir>/spatial_arena/arena.json``).
        physics: the physics constants.
    """

    model_config = ConfigDict(extra="forbid")

    zones: list[ZoneConfig] = Field(
        default_factory=lambda: [ZoneConfig.model_validate(z) for z in DEFAULT_ZONES]
    )
    connections: list[ConnectionConfig] = Field(
        default_factory=lambda: [ConnectionConfig.model_validate(c) for c in DEFAULT_CONNECTIONS]
    )
    assign: dict[str, str] = {}
    ignore: list[str] = ["packetflow.*", "spatial_arena.*"]
    size: float = Field(default=100.0, gt=0)
    max_queue: int = Field(default=100, ge=0, le=1_000_000)
    queue_timeout: float = Field(default=1.0, gt=0)
    tick_s: float = Field(default=1.0, gt=0)
    k_nearest: int = Field(default=5, ge=0, le=100)
    seed: int = 0
    max_edges: int = Field(default=5_000, ge=1, le=1_000_000)
    edge_decay: float = Field(default=0.99, gt=0, le=1)
    max_traces: int = Field(default=4_096, ge=1)
    max_observations: int = Field(default=10_000, ge=1)
    persist: bool = True
    state_file: str | None = None
    physics: PhysicsConfig = PhysicsConfig()

    @field_validator("zones")
    @classmethod
    def _zones(cls, zones: list[ZoneConfig]) -> list[ZoneConfig]:
        if not zones:
            raise ValueError("at least one zone is needed; add a [[modules]].config.zones entry")
        for index, zone in enumerate(zones):
            where = f"[[modules]].config.zones[{index}]"
            if zone.capacity <= 0:
                raise ValueError(
                    f"zone {zone.id!r}: capacity must be > 0, got {zone.capacity}; give "
                    f"{where}.capacity a positive number"
                )
            if zone.timeout_multiplier <= 0:
                raise ValueError(
                    f"zone {zone.id!r}: timeout_multiplier must be > 0, got "
                    f"{zone.timeout_multiplier}; fix {where}.timeout_multiplier"
                )
            if zone.radius is not None and zone.radius <= 0:
                raise ValueError(
                    f"zone {zone.id!r}: radius must be > 0, got {zone.radius}; fix {where}.radius"
                )
        twice = [zone_id for zone_id, n in Counter(z.id for z in zones).items() if n > 1]
        if twice:
            raise ValueError(
                f"zone id {twice[0]!r} is used by more than one zone; give each "
                "[[modules]].config.zones entry its own id"
            )
        return zones

    @model_validator(mode="after")
    def _references(self) -> ArenaConfig:
        ids = {zone.id for zone in self.zones}
        if "connections" not in self.model_fields_set:  # the seed's links, where they apply
            self.connections = [c for c in self.connections if {c.from_, c.to} <= ids]
        known = ", ".join(sorted(ids))
        for glob, zone_id in self.assign.items():
            if zone_id not in ids:
                raise ValueError(
                    f"assign {glob!r} = {zone_id!r}: no such zone (zones: {known}); fix "
                    "[[modules]].config.assign or add the zone"
                )
        for index, link in enumerate(self.connections):
            for end in (link.from_, link.to):
                if end not in ids:
                    raise ValueError(
                        f"connection {link.from_!r} -> {link.to!r}: no zone {end!r} (zones: "
                        f"{known}); fix [[modules]].config.connections[{index}]"
                    )
        for zone in self.zones:
            if zone.center is not None and not all(0 <= c <= self.size for c in zone.center):
                raise ValueError(
                    f"zone {zone.id!r}: center {zone.center} lies outside the arena "
                    f"(0..{self.size:g}); fix its center or [[modules]].config.size"
                )
        return self
