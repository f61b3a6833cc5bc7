"""Positions and co-usage persist under the node's data dir and come back on restart; a
damaged file is set aside, never a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import packetflow as pf
from packetflow_spatial_arena import SpatialArenaModule


def node(data: Path) -> pf.Node:
    app = pf.Node("persist", data_dir=data)
    app.modules.autoload = False
    app.modules.configure({})

    async def body(payload: dict[str, Any]) -> dict[str, Any]:
        return {}

    for name in ("alpha_read", "alpha_write", "beta_send"):
        app.register(pf.capability(name=name, intent=name, requires=(), provides=())(body))
    app.modules.register(SpatialArenaModule, config={"tick_s": 3600})
    return app


def arena_of(app: pf.Node) -> Any:
    return app.modules.instance("spatial_arena").arena  # type: ignore[attr-defined]


async def test_positions_and_edges_survive_a_restart(tmp_path: Path) -> None:
    first = node(tmp_path)
    async with first.started():
        world = arena_of(first)
        for i in range(5):
            await first.call("alpha_read", {}, context={"trace_id": f"t{i}"})
            await first.call("beta_send", {}, context={"trace_id": f"t{i}"})
        for _ in range(20):
            world.tick()
        moved = {name: list(world.positions[world.index[name]]) for name in world.names}
        edges = world.usage.view
    saved = json.loads((tmp_path / "spatial_arena" / "arena.json").read_text())
    assert set(saved["positions"]) == {"alpha_read", "alpha_write", "beta_send"}

    second = node(tmp_path)
    async with second.started():
        world = arena_of(second)
        for name, position in moved.items():
            assert list(world.positions[world.index[name]]) == pytest.approx(position, abs=1e-3)
        assert [(a, b) for a, b, _ in world.usage.view] == [(a, b) for a, b, _ in edges]


async def test_a_damaged_file_is_set_aside(tmp_path: Path) -> None:
    state = tmp_path / "spatial_arena" / "arena.json"
    state.parent.mkdir(parents=True)
    state.write_text("{not json", encoding="utf-8")
    app = node(tmp_path)
    async with app.started():
        assert app.modules.info("spatial_arena").status == "active"
        assert len(arena_of(app).names) == 3
    assert (tmp_path / "spatial_arena" / "arena.json.bad").read_text() == "{not json"
    assert json.loads(state.read_text())["format"] == 1
