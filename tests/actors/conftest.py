"""Fixtures for the actor tests: nodes on a data dir under ``tmp_path``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import packetflow as pf

NodeFactory = Callable[..., pf.Node]


@pytest.fixture
def make_node(tmp_path: Path) -> NodeFactory:
    """``make_node(*actor_classes, name=...)``: a (not started) node on ``tmp_path/data``;
    every node made by one test shares that data dir, like a restarted process would."""

    def make(*items: object, name: str = "test") -> pf.Node:
        node = pf.Node(name, data_dir=tmp_path / "data")
        node.register(*items)
        return node

    return make
