"""Shared fixtures for the core tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

import packetflow as pf


@pytest.fixture
async def node() -> AsyncIterator[pf.Node]:
    """A started node with nothing registered."""
    async with pf.open_node("test") as running:
        yield running
