"""Shared fixtures for the core tests."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest
import trio.testing

import packetflow as pf

# Core tests run without the modules installed in the test env (the nox session installs every
# plugin); the discovery tests turn autoload back on explicitly.
os.environ["PACKETFLOW_DISABLE_MODULE_AUTOLOAD"] = "1"


@pytest.fixture
async def node() -> AsyncIterator[pf.Node]:
    """A started node with nothing registered."""
    async with pf.open_node("test") as running:
        yield running


@pytest.fixture
def autojump_clock() -> trio.testing.MockClock:
    """Virtual time: sleeps and deadlines complete instantly (pytest-trio uses this fixture
    name as the run's clock)."""
    return trio.testing.MockClock(autojump_threshold=0)


@pytest.fixture
async def kit_node() -> AsyncIterator[pf.Node]:
    """A started node with the composition test capabilities (``tests/kit.py``)."""
    from . import kit

    kit.tracker.__init__()  # type: ignore[misc]
    async with pf.open_node("kit") as running:
        running.register(kit.ALL)
        yield running
