"""Fixtures of the nl_planning tests (the SDK's come from packetflow.testing)."""

from __future__ import annotations

from typing import Any

import pytest
from small_registry import CAPABILITIES

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule


@pytest.fixture
async def planning(module_node: pf.Node, register_module: Any) -> NlPlanningModule:
    """The module (cache off unless a test turns it on) on a node with the small registry."""
    module_node.register(CAPABILITIES)
    module: NlPlanningModule = await register_module(NlPlanningModule, config={"cache_size": 0})
    return module
