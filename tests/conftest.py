"""Shared fixtures for the core tests."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

import packetflow as pf

# Core tests run without the modules installed in the test env (the nox session installs every
# plugin); the discovery tests turn autoload back on explicitly.
os.environ["PACKETFLOW_DISABLE_MODULE_AUTOLOAD"] = "1"


@pytest.fixture
async def node() -> AsyncIterator[pf.Node]:
    """A started node with nothing registered."""
    async with pf.open_node("test") as running:
        yield running
