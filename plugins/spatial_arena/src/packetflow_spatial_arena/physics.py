"""One physics tick: co-used capabilities attract, close ones repel, zones contain, friction
settles it.

Forces on each capability (arena units, one tick = one unit of time):

- **springs** on co-usage edges: ``spring * w * link * max(0, d - rest_length)`` towards the
  partner, where ``w`` is the edge's weight relative to the strongest edge (so forces stay
  bounded however much traffic there is) and ``link`` the zones' connection share;
- **repulsion** between every pair closer than ``cutoff``: ``repulsion * (1/d - 1/cutoff)``.
  Short-ranged on purpose: it keeps capabilities from piling up without a global pressure
  that would push unrelated capabilities around (or against the walls);
- **containment**: a capability outside its zone is pulled back with ``anchor * gap``
  (pinned capabilities fully, floating ones at a quarter, so a strong enough co-usage pull
  can carry a floater into another zone).

Velocities keep ``damping`` (< 1) of themselves per tick and a move is at most ``max_step``,
so with no new co-usage the kinetic energy decays geometrically: the system settles.

Everything is vectorised numpy on a snapshot (:class:`Bodies`), so a tick can run in a worker
thread while the event loop goes on. The repulsion only looks at pairs in neighbouring cells
of a grid (:func:`close_pairs`), so a tick costs O(n + close pairs), with the close pairs
capped at ``MAX_PAIRS``: a tick's time is bounded whatever the registry's size.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .config import PhysicsConfig

__all__ = ["MAX_PAIRS", "Bodies", "Motion", "close_pairs", "step", "yield_cpu"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
MAX_PAIRS = 2_000_000


def _no_pause() -> None:
    return None


def yield_cpu() -> None:
    """The ``pause`` of a tick in a worker thread: hand the CPU (and the GIL) to the event
    loop's thread if it is waiting."""
    if hasattr(os, "sched_yield"):
        os.sched_yield()
    else:  # pragma: no cover - not on Linux/macOS
        time.sleep(0)


@dataclass(frozen=True, slots=True)
class Bodies:
    """What one tick reads (copies: the event loop may change the arena meanwhile).

    Attributes:
        positions / velocities: n x 2.
        zones: each capability's current zone index; ``pinned`` is true where it is pinned.
        edge_a / edge_b / weight: co-usage springs (indices into the rows; weights > 0).
        centers / radii / links: the zones' geometry and their connection shares.
        size: the arena's side.
    """

    positions: FloatArray
    velocities: FloatArray
    zones: IntArray
    pinned: npt.NDArray[np.bool_]
    edge_a: IntArray
    edge_b: IntArray
    weight: FloatArray
    centers: FloatArray
    radii: FloatArray
    links: FloatArray
    size: float


@dataclass(frozen=True, slots=True)
class Motion:
    """What one tick produced."""

    positions: FloatArray
    velocities: FloatArray
    kinetic: float
    potential: float

    @property
    def energy(self) -> float:
        return self.kinetic + self.potential


def step(bodies: Bodies, params: PhysicsConfig, pause: Callable[[], object] = _no_pause) -> Motion:
    """Advance the bodies by one tick; ``pause`` is called between the phases (a worker
    thread passes :func:`yield_cpu` so the event loop's thread gets the CPU and the GIL
    between them, even on a busy machine)."""
    p = bodies.positions
    n = len(p)
    if n == 0:
        empty = np.zeros((0, 2))
        return Motion(empty, empty, 0.0, 0.0)
    force = np.zeros((n, 2))
    potential = _springs(bodies, params, force)
    pause()
    cutoff = max(3.0 * params.rest_length, bodies.size / 10.0)
    _repel(bodies, params.repulsion, cutoff, force, pause)
    pause()
    _contain(bodies, params.anchor, force)
    v = (bodies.velocities + force) * params.damping
    speed = np.hypot(v[:, 0], v[:, 1])
    fast = speed > params.max_step
    if fast.any():
        v[fast] *= (params.max_step / speed[fast])[:, None]
    moved = p + v
    clipped = np.clip(moved, 0.0, bodies.size)
    v = np.where(clipped != moved, 0.0, v)  # a wall stops the motion across it
    kinetic = 0.5 * float(np.sum(v * v))
    return Motion(clipped, v, kinetic, potential)


def _springs(bodies: Bodies, params: PhysicsConfig, force: FloatArray) -> float:
    a, b = bodies.edge_a, bodies.edge_b
    if len(a) == 0 or params.spring == 0:
        return 0.0
    p, n = bodies.positions, len(bodies.positions)
    weight = bodies.weight / max(float(bodies.weight.max()), 1e-12)
    share = bodies.links[bodies.zones[a], bodies.zones[b]]
    delta = p[b] - p[a]
    distance = np.hypot(delta[:, 0], delta[:, 1])
    stretch = np.maximum(distance - params.rest_length, 0.0)
    strength = params.spring * weight * share
    pull = (strength * stretch / np.maximum(distance, 1e-9))[:, None] * delta
    for axis in range(2):
        force[:, axis] += np.bincount(a, weights=pull[:, axis], minlength=n)
        force[:, axis] -= np.bincount(b, weights=pull[:, axis], minlength=n)
    return float(0.5 * np.sum(strength * stretch * stretch))


def _repel(
    bodies: Bodies,
    repulsion: float,
    cutoff: float,
    force: FloatArray,
    pause: Callable[[], object],
) -> None:
    p = bodies.positions
    n = len(p)
    if repulsion <= 0 or n < 2:
        return
    i, j = close_pairs(p, cutoff, bodies.size)
    pause()
    if len(i) == 0:
        return
    # 1-D takes per axis: much cheaper than fancy-indexing rows of an n x 2 array.
    x, y = p[:, 0], p[:, 1]
    dx = np.take(x, i) - np.take(x, j)
    dy = np.take(y, i) - np.take(y, j)
    distance = np.sqrt(dx * dx + dy * dy)
    np.maximum(distance, 0.25, out=distance)  # coincident points get a finite push
    # |F| = repulsion * (1/d - 1/cutoff), along (dx, dy) / d; zero at and beyond the cutoff.
    inverse = 1.0 / distance
    scale = np.maximum(repulsion * (inverse - 1.0 / cutoff), 0.0) * inverse
    for axis, delta in enumerate((dx, dy)):
        push = scale * delta
        force[:, axis] += np.bincount(i, weights=push, minlength=n)
        force[:, axis] -= np.bincount(j, weights=push, minlength=n)


# Each cell and the four neighbours "after" it: every pair of adjacent cells once.
_HALF = ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1))


def close_pairs(
    positions: FloatArray, cutoff: float, size: float, max_pairs: int = MAX_PAIRS
) -> tuple[IntArray, IntArray]:
    """Index pairs ``(i, j)``, each once, of points that may lie within ``cutoff`` of each
    other: the points in the same or adjacent grid cells of side ``cutoff`` (a cell list, so
    the work grows with the number of close pairs, not with n^2). Beyond ``max_pairs``
    candidates an evenly spaced subset is kept, which bounds a tick's time even when every
    capability piles into one spot."""
    n = len(positions)
    side = int(np.ceil(size / cutoff)) + 1
    cells = np.minimum((positions / cutoff).astype(np.intp), side - 1)
    cell = cells[:, 0] * side + cells[:, 1]
    order = np.argsort(cell, kind="stable")
    ordered = cell[order]
    starts = np.searchsorted(ordered, np.arange(side * side), side="left")
    ends = np.searchsorted(ordered, np.arange(side * side), side="right")
    cx, cy = cells[order, 0], cells[order, 1]
    firsts, seconds = [], []
    for ox, oy in _HALF:
        nx, ny = cx + ox, cy + oy
        valid = (nx >= 0) & (nx < side) & (ny >= 0) & (ny < side)
        neighbour = np.where(valid, nx * side + ny, 0)
        lo = np.where(valid, starts[neighbour], 0)
        counts = np.where(valid, ends[neighbour] - lo, 0)
        total = int(counts.sum())
        if total == 0:
            continue
        first = np.repeat(np.arange(n), counts)
        skip = np.repeat(np.cumsum(counts) - counts, counts)
        second = np.repeat(lo, counts) + (np.arange(total) - skip)
        if (ox, oy) == (0, 0):  # same cell: each unordered pair once, never a point itself
            keep = second > first
            first, second = first[keep], second[keep]
        firsts.append(first)
        seconds.append(second)
    if not firsts:
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    if len(a) > max_pairs:
        pick = np.linspace(0, len(a) - 1, max_pairs).astype(np.intp)
        a, b = a[pick], b[pick]
    return order[a], order[b]


def _contain(bodies: Bodies, anchor: float, force: FloatArray) -> None:
    if anchor == 0:
        return
    p = bodies.positions
    center = bodies.centers[bodies.zones]
    offset = p - center
    distance = np.hypot(offset[:, 0], offset[:, 1])
    gap = distance - 0.9 * bodies.radii[bodies.zones]
    outside = gap > 0
    if not outside.any():
        return
    strength = np.where(bodies.pinned, anchor, anchor * 0.25) * np.maximum(gap, 0.0)
    force -= (strength / np.maximum(distance, 1e-9))[:, None] * offset
