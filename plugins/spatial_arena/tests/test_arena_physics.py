"""The physics of co-usage, with ticks driven directly (no clock, no sleeps): co-used pairs
come together, uninvolved capabilities do not, positions stay in the arena, energy settles."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

import packetflow as pf
from packetflow_spatial_arena import Arena, ArenaConfig, ZoneGate
from packetflow_spatial_arena.physics import Bodies, Motion, close_pairs, step

WORDS = [
    "invoice",
    "user",
    "email",
    "order",
    "report",
    "image",
    "audio",
    "search",
    "payment",
    "profile",
    "stock",
    "weather",
    "calendar",
    "note",
    "file",
    "chat",
]


def capabilities(n: int) -> list[pf.Capability]:
    caps = []
    for i in range(n):
        word = WORDS[i % len(WORDS)]

        async def body(payload: dict[str, Any]) -> dict[str, Any]:
            return {}

        caps.append(
            pf.capability(
                name=f"{word}_{i}", intent=f"handle {word} number {i}", requires=(), provides=()
            )(body)
        )
    return caps


def arena(n: int, **config: Any) -> Arena:
    settings = ArenaConfig.model_validate(config)
    gates = {z.id: ZoneGate(z.id, z.capacity, 10) for z in settings.zones}
    world = Arena(settings, gates)
    world.place_all(capabilities(n), None)
    return world


def mean_distance(world: Arena, pairs: list[tuple[int, int]]) -> float:
    p = world.positions
    return float(np.mean([np.hypot(*(p[i] - p[j])) for i, j in pairs]))


def test_co_used_pairs_come_together_and_uninvolved_ones_do_not() -> None:
    world = arena(40)
    for _ in range(300):  # let the fresh placement settle first
        world.tick()
    rng = np.random.default_rng(7)
    co_used: set[tuple[int, int]] = set()
    while len(co_used) < 10:
        i, j = sorted(rng.choice(len(world.names), 2, replace=False))
        co_used.add((int(i), int(j)))
    involved = {k for pair in co_used for k in pair}
    uninvolved = [
        (i, j)
        for i, j in itertools.combinations(range(len(world.names)), 2)
        if i not in involved and j not in involved
    ]
    pairs = sorted(co_used)
    before_used, before_other = mean_distance(world, pairs), mean_distance(world, uninvolved)

    trace = 0
    for _ in range(200):  # the synthetic workload: each pair called back to back in a trace
        for i, j in pairs:
            trace += 1
            world.usage.observe(f"trace-{trace}", world.names[i])
            world.usage.observe(f"trace-{trace}", world.names[j])
        world.tick()

    after_used, after_other = mean_distance(world, pairs), mean_distance(world, uninvolved)
    assert after_used <= 0.7 * before_used, (before_used, after_used)
    assert after_other >= before_other, (before_other, after_other)
    assert len(world.usage.view) == 10


def test_energy_settles_once_the_work_stops() -> None:
    world = arena(30)
    names = world.names
    for round_ in range(50):
        world.usage.observe(f"t{round_}", names[0])
        world.usage.observe(f"t{round_}", names[1])
        world.tick()
    # (2000 ticks: the decay has a slow stretch around tick 500-1000 whose depth depends on
    # the machine's floating point, so a shorter run can end there)
    quiet = [world.tick() for _ in range(2000)]
    # friction wins: the motion dies down by orders of magnitude, and keeps dying down
    assert quiet[-1].kinetic < quiet[0].kinetic / 1000
    assert max(t.kinetic for t in quiet[-100:]) < min(t.kinetic for t in quiet[:100])
    assert abs(quiet[-1].energy - quiet[-2].energy) < 1e-4


def test_positions_stay_inside_the_arena() -> None:
    world = arena(60, size=50.0)
    for _ in range(100):
        world.tick()
    assert world.positions.min() >= 0.0
    assert world.positions.max() <= 50.0


def test_the_tick_is_bounded_for_a_pile_of_points() -> None:
    """All capabilities on one spot: the close pairs are capped, the tick still finishes and
    pushes them apart."""
    n = 300
    bodies = Bodies(
        positions=np.full((n, 2), 50.0),
        velocities=np.zeros((n, 2)),
        zones=np.zeros(n, dtype=np.intp),
        pinned=np.zeros(n, dtype=np.bool_),
        edge_a=np.zeros(0, np.intp),
        edge_b=np.zeros(0, np.intp),
        weight=np.zeros(0),
        centers=np.array([[50.0, 50.0]]),
        radii=np.array([20.0]),
        links=np.ones((1, 1)),
        size=100.0,
    )
    i, j = close_pairs(bodies.positions, 12.0, 100.0, max_pairs=1000)
    assert len(i) == 1000 and (i != j).all()
    motion = step(bodies, ArenaConfig().physics)
    assert np.isfinite(motion.positions).all()


@pytest.mark.parametrize("n", [0, 1, 2], ids=["empty", "one", "two"])
def test_tiny_arenas_tick(n: int) -> None:
    world = arena(n)
    result = world.tick()
    assert result.ran
    assert world.positions.shape == (n, 2)


def test_close_pairs_finds_every_pair_within_the_cutoff() -> None:
    rng = np.random.default_rng(3)
    points = rng.uniform(0, 100, (200, 2))
    i, j = close_pairs(points, 10.0, 100.0)
    found = {tuple(sorted(pair)) for pair in zip(i.tolist(), j.tolist(), strict=True)}
    assert len(found) == len(i)  # each pair once
    expected = {
        (a, b)
        for a, b in itertools.combinations(range(200), 2)
        if np.hypot(*(points[a] - points[b])) < 10.0
    }
    assert expected <= found


def test_small_moves_that_add_up_refresh_the_spatial_context() -> None:
    """Each tick below moves one capability less than the cache's tolerance; together they
    move it past it, and its spatial_context must follow."""
    world = arena(4)
    row, name = 0, world.names[0]

    def tick_moving(dx: float) -> None:
        frame = world.prepare()
        positions = world.positions.copy()
        positions[row] += (dx, 0.0)
        world.absorb(frame, Motion(positions, np.zeros_like(positions), 0.0, 0.0), 0)

    tick_moving(0.0)  # the first tick after placing takes stock
    before = world.context(world.placed[name])["position"]
    for _ in range(3):  # 3 x 0.006: each below the 0.01 tolerance, together above it
        tick_moving(0.006)
    after = world.context(world.placed[name])["position"]
    x, y = world.positions[row]
    assert after == [round(float(x), 3), round(float(y), 3)]
    assert after[0] == pytest.approx(before[0] + 0.018, abs=1e-3)
