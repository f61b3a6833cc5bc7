"""The arena: every placed capability with its position, zone and spatial context, the zones'
gates, the co-usage table, and the physics tick that moves them.

The event loop owns this object. A tick works on copies (:meth:`Arena.prepare`), so its
arithmetic can run in a worker thread while requests go on; :meth:`Arena.absorb` then takes
the new positions back in by name (capabilities registered or removed meanwhile are fine).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from typing import Any

import numpy as np
import numpy.typing as npt

import packetflow as pf

from .admission import ZoneGate
from .config import ArenaConfig
from .physics import Bodies, Motion, step
from .placement import DIMENSIONS, Bag, Vectorizer, embed, jitter, near_neighbours, words_of
from .store import SavedArena
from .usage import CoUsage
from .zones import Zone, ZoneMap

__all__ = ["Arena", "Placed", "TickResult"]

FloatArray = npt.NDArray[np.float64]


def _no_pause() -> None:
    return None


_SETTLED = 1e-4  # below this kinetic energy (and with nothing new) a tick is skipped
_MOVED = 0.01  # arena units: smaller drifts keep the cached spatial contexts


@dataclass(slots=True)
class Placed:
    """What a request of one capability needs, precomputed (the request hook's lookup)."""

    name: str
    zone: Zone
    gate: ZoneGate
    composition: bool
    pinned: bool
    effects: bool = field(init=False)  # the zone changes its requests' deadline or priority

    def __post_init__(self) -> None:
        self.effects = self.zone.timeout_multiplier != 1.0 or bool(self.zone.priority)


@dataclass(frozen=True, slots=True)
class TickResult:
    """What one tick did (for tests, the bench and the snapshot)."""

    ran: bool
    observations: int = 0
    energy: float = 0.0
    kinetic: float = 0.0
    moved: float = 0.0


@dataclass(frozen=True, slots=True)
class _Frame:
    names: tuple[str, ...]
    generation: int
    bodies: Bodies
    index: dict[str, int]


class Arena:
    """The placed capabilities of one node (see the module docstring)."""

    def __init__(self, config: ArenaConfig, gates: dict[str, ZoneGate]) -> None:
        self.config = config
        self.zones = ZoneMap(config)
        self.gates = gates
        self.usage = CoUsage(
            max_edges=config.max_edges,
            decay=config.edge_decay,
            max_traces=config.max_traces,
            max_observations=config.max_observations,
        )
        self.vectorizer = Vectorizer()
        self.names: list[str] = []
        self.index: dict[str, int] = {}
        self.positions: FloatArray = np.zeros((0, 2))
        self.velocities: FloatArray = np.zeros((0, 2))
        self.vectors: FloatArray = np.zeros((0, DIMENSIONS))
        self.bags: list[Bag] = []
        self.pins: list[int | None] = []
        self.zone_of: list[int] = []
        self.placed: dict[str, Placed] = {}
        # name -> spatial_context, built on first use; replaced wholesale when anything
        # moves (one assignment, however many capabilities there are)
        self.contexts: dict[str, dict[str, Any]] = {}
        # The positions the cached contexts were built from (None: since a membership change)
        self._shown: FloatArray | None = None
        self.generation = 0
        self.ticks = 0
        self.energy = 0.0  # kinetic + spring potential after the last tick
        self.kinetic = 0.0
        self._ticked = -1  # the membership generation the last tick saw
        # (usage version, generation) -> spring index arrays; only the tick thread uses it
        self._springs: tuple[tuple[int, int], Any, Any, Any] | None = None
        self.dirty = False  # something changed since the last save

    # -- membership ------------------------------------------------------------------------

    def ignored(self, name: str) -> bool:
        return any(fnmatchcase(name, glob) for glob in self.config.ignore)

    def place_all(self, caps: list[pf.Capability], saved: SavedArena | None) -> None:
        """Place the registry at start (blocking; fine in a worker thread before the arena
        is in use): saved positions where known; when nothing was saved, a full embedding;
        otherwise each new capability next to its most similar saved ones."""
        caps = sorted((c for c in caps if not self.ignored(c.name)), key=lambda c: c.name)
        if saved is not None:
            self.usage.load(saved.edges)
        if not caps:
            return
        known = saved.positions if saved is not None else {}
        bags = [words_of(cap) for cap in caps]
        self.vectorizer.learn(bags)
        vectors = np.array([self.vectorizer.vector(bag) for bag in bags])
        pins = [self.zones.pinned(cap.name, cap.tags) for cap in caps]
        size = self.config.size
        positions = np.zeros((len(caps), 2))
        if not any(cap.name in known for cap in caps):
            unit = embed(vectors, [cap.name for cap in caps], self.config.seed)
            nearest = self.zones.nearest(unit * size * 0.9 + size * 0.05)
            for i in range(len(caps)):
                zone = pins[i] if pins[i] is not None else int(nearest[i])
                # Inside its zone a capability keeps its place in the embedding (the unit
                # square mapped onto the zone's disc): similar capabilities stay together.
                center, radius = self.zones.centers[zone], self.zones.radii[zone]
                positions[i] = center + (unit[i] - 0.5) * 2 * radius * 0.63
        else:
            rows = [i for i, cap in enumerate(caps) if cap.name in known]
            for i in rows:
                positions[i] = known[caps[i].name]
            anchors, placed = vectors[rows], positions[rows]
            for i, cap in enumerate(caps):
                if cap.name not in known:
                    positions[i] = self._guess(cap.name, vectors[i], pins[i], anchors, placed)
        positions = np.clip(positions, 0.0, size)
        self.names = [cap.name for cap in caps]
        self.index = {name: i for i, name in enumerate(self.names)}
        self.positions, self.velocities = positions, np.zeros_like(positions)
        self.vectors, self.bags, self.pins = vectors, bags, pins
        nearest = self.zones.nearest(positions)
        self.zone_of = [pin if pin is not None else int(nearest[i]) for i, pin in enumerate(pins)]
        self.placed = {
            cap.name: self._entry(cap, self.zone_of[i], pins[i] is not None)
            for i, cap in enumerate(caps)
        }
        self._changed()

    def add(self, cap: pf.Capability) -> None:
        """Place a new capability next to its most similar neighbours; nobody else moves."""
        if self.ignored(cap.name):
            return
        if cap.name in self.index:
            self.remove(cap.name)
        bag = words_of(cap)
        self.vectorizer.learn([bag])
        vector = self.vectorizer.vector(bag)
        pin = self.zones.pinned(cap.name, cap.tags)
        position = self._guess(cap.name, vector, pin, self.vectors, self.positions)
        position = np.clip(position, 0.0, self.config.size)
        zone = pin if pin is not None else int(self.zones.nearest(position[None, :])[0])
        self.index[cap.name] = len(self.names)
        self.names.append(cap.name)
        self.bags.append(bag)
        self.pins.append(pin)
        self.zone_of.append(zone)
        self.positions = np.vstack([self.positions, position[None, :]])
        self.velocities = np.vstack([self.velocities, np.zeros((1, 2))])
        self.vectors = np.vstack([self.vectors, vector[None, :]])
        self.placed[cap.name] = self._entry(cap, zone, pin is not None)
        self._changed()

    def _guess(
        self,
        name: str,
        vector: FloatArray,
        pin: int | None,
        vectors: FloatArray,
        positions: FloatArray,
    ) -> FloatArray:
        """Where a newcomer goes: the similarity-weighted mean of its three most similar
        placed capabilities, or its zone's middle when nothing is similar (plus a small
        reproducible jitter); kept inside its zone when it is pinned."""
        neighbours = near_neighbours(vector, vectors, k=3)
        seed, size = self.config.seed, self.config.size
        if neighbours:
            rows = [row for row, _ in neighbours]
            weights = np.array([similarity for _, similarity in neighbours])
            position = (positions[rows] * weights[:, None]).sum(axis=0) / weights.sum()
            position = position + jitter(name, seed, size * 0.02)
        else:
            zone = pin if pin is not None else int(np.argmax(self.zones.radii))
            spread = float(self.zones.radii[zone]) * 0.5
            position = self.zones.centers[zone] + jitter(name, seed, spread)
        if pin is not None:
            position = self.zones.inside(pin, position)
        guessed: FloatArray = position
        return guessed

    def remove(self, name: str) -> None:
        """Take an unregistered capability out of the arena."""
        row = self.index.pop(name, None)
        if row is None:
            return
        self.vectorizer.forget(self.bags[row])
        del self.names[row], self.bags[row], self.pins[row], self.zone_of[row]
        self.positions = np.delete(self.positions, row, axis=0)
        self.velocities = np.delete(self.velocities, row, axis=0)
        self.vectors = np.delete(self.vectors, row, axis=0)
        self.index = {n: i for i, n in enumerate(self.names)}
        del self.placed[name]
        self.usage.forget(name)
        self._changed()

    def _entry(self, cap: pf.Capability, zone: int, pinned: bool) -> Placed:
        spec = self.zones.zones[zone]
        return Placed(cap.name, spec, self.gates[spec.id], cap.kind == "composition", pinned)

    def _changed(self) -> None:
        self.generation += 1
        self.dirty = True
        self.contexts = {}
        self._shown = None

    # -- the spatial context ---------------------------------------------------------------

    def context(self, placed: Placed) -> dict[str, Any]:
        """``spatial_context`` of a capability (built once per move, then shared: never
        mutate it)."""
        found = self.contexts.get(placed.name)
        if found is None:
            row = self.index[placed.name]
            position = self.positions[row]
            found = self.contexts[placed.name] = {
                "position": [round(float(position[0]), 3), round(float(position[1]), 3)],
                "zone": placed.zone.id,
                "zone_effects": placed.zone.effects(),
                "nearby_capabilities": self.nearby(row),
            }
        return found

    def nearby(self, row: int) -> list[dict[str, Any]]:
        k = min(self.config.k_nearest, len(self.names) - 1)
        if k <= 0:
            return []
        delta = self.positions - self.positions[row]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        distance[row] = np.inf
        picked = np.argpartition(distance, k - 1)[:k]
        picked = picked[np.lexsort((picked, distance[picked]))]
        return [{"name": self.names[i], "distance": round(float(distance[i]), 3)} for i in picked]

    # -- the physics tick ------------------------------------------------------------------

    def idle(self) -> bool:
        """Nothing to do: no new observations, no co-usage left to decay, no membership
        change since the last tick, and the motion has settled."""
        return (
            not self.usage.observations
            and not self.usage.ordered
            and self.kinetic < _SETTLED
            and self._ticked == self.generation
        )

    def prepare(self) -> _Frame:
        """Copies of what a tick reads (cheap: n x 2 arrays and the index)."""
        zones = self.zones
        bodies = Bodies(
            positions=self.positions.copy(),
            velocities=self.velocities.copy(),
            zones=np.array(self.zone_of, dtype=np.intp),
            pinned=np.array([pin is not None for pin in self.pins], dtype=np.bool_),
            edge_a=np.zeros(0, np.intp),
            edge_b=np.zeros(0, np.intp),
            weight=np.zeros(0),
            centers=zones.centers,
            radii=zones.radii,
            links=zones.links,
            size=self.config.size,
        )
        return _Frame(tuple(self.names), self.generation, bodies, dict(self.index))

    def compute(self, frame: _Frame, pause: Callable[[], object] = _no_pause) -> tuple[Motion, int]:
        """The tick's work (safe in a worker thread: touches only the frame and the co-usage
        table, which nothing else writes); ``pause`` runs between its phases."""
        taken = self.usage.tick()
        key = (self.usage.version, frame.generation)
        if self._springs is None or self._springs[0] != key:
            # Rebuilt only when the edges or the membership changed: a decay-only tick keeps
            # the proportions the springs use (weights relative to the strongest).
            index = frame.index
            edges = [
                (index[a], index[b], w)
                for a, b, w in self.usage.ordered
                if a in index and b in index
            ]
            a, b, w = zip(*edges, strict=True) if edges else ((), (), ())
            self._springs = (
                key,
                np.array(a, dtype=np.intp),
                np.array(b, dtype=np.intp),
                np.array(w, dtype=np.float64),
            )
        _, edge_a, edge_b, weight = self._springs
        bodies = replace(frame.bodies, edge_a=edge_a, edge_b=edge_b, weight=weight)
        pause()
        return step(bodies, self.config.physics, pause), taken

    def absorb(self, frame: _Frame, motion: Motion, taken: int) -> TickResult:
        """Take a tick's new positions back in (by name if the membership changed)."""
        self._ticked = frame.generation
        if len(frame.names) == 0:
            self.ticks += 1
            self.energy = self.kinetic = 0.0
            return TickResult(True, taken)
        if frame.generation == self.generation:
            old = self.positions
            self.positions, self.velocities = motion.positions, motion.velocities
            moved = float(np.max(np.hypot(*(motion.positions - old).T)))
        else:
            moved = 0.0
            for row, name in enumerate(frame.names):
                now = self.index.get(name)
                if now is not None:
                    step_ = motion.positions[row] - self.positions[now]
                    moved = max(moved, float(np.hypot(step_[0], step_[1])))
                    self.positions[now] = motion.positions[row]
                    self.velocities[now] = motion.velocities[row]
        self.ticks += 1
        self.energy, self.kinetic = motion.energy, motion.kinetic
        # Measured from where the cached contexts (and zones) were last taken, not from the
        # last tick: many ticks of small moves add up, and must not leave them stale.
        drift = self._drift()
        if drift > _MOVED or taken:
            self.dirty = True
        if drift > _MOVED:
            self._rezone()
        return TickResult(True, taken, motion.energy, motion.kinetic, moved)

    def _drift(self) -> float:
        """The farthest any capability moved since :meth:`_rezone` last ran (infinite when
        the membership changed since)."""
        shown = self._shown
        if shown is None or shown.shape != self.positions.shape:
            return math.inf
        return float(np.max(np.hypot(*(self.positions - shown).T)))

    def tick(self) -> TickResult:
        """One tick, all in the calling thread (tests, and the first tick at start)."""
        frame = self.prepare()
        motion, taken = self.compute(frame)
        return self.absorb(frame, motion, taken)

    def _rezone(self) -> None:
        """Floating capabilities belong to the nearest zone after they moved."""
        self.contexts = {}
        self._shown = self.positions.copy()
        nearest = self.zones.nearest(self.positions)
        floating = np.array([pin is None for pin in self.pins], dtype=np.bool_)
        moved = np.flatnonzero(floating & (nearest != np.array(self.zone_of, dtype=np.intp)))
        for row in moved.tolist():
            name, zone = self.names[row], int(nearest[row])
            self.zone_of[row] = zone
            spec = self.zones.zones[zone]
            old = self.placed[name]
            self.placed[name] = Placed(name, spec, self.gates[spec.id], old.composition, False)

    # -- persistence and inspection ----------------------------------------------------------

    def saved(self) -> SavedArena:
        positions = {
            n: (float(x), float(y)) for n, (x, y) in zip(self.names, self.positions, strict=True)
        }
        return SavedArena(self.config.seed, self.config.size, positions, list(self.usage.view))
