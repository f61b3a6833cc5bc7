"""The conformance suite module authors subclass (``packetflow.testing.ModuleConformance``):
it passes a well-behaved module and its verdicts come from the host's counters, not a clock."""

from __future__ import annotations

import time
from typing import Any

import pytest

import packetflow as pf
from packetflow.testing import ChainRecorder, FakeCapabilities, ModuleConformance


class Tagging(pf.Module):
    name = "tagging"

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform:
        return pf.Transform(response.model_copy(update={"metadata": {"tagged": True}}))


class TestTaggingConformance(ModuleConformance):
    module = Tagging


class Overrunning(pf.Module):
    name = "overrunning"
    hook_timeout = 0.005

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> None:
        time.sleep(0.01)  # the behaviour under test: a sync hook blocking past its budget


class OverrunningSuite(ModuleConformance):  # not collected: run by hand below
    module = Overrunning


async def test_the_timeout_check_fails_on_the_hosts_timeout_counter(
    module_node: pf.Node,
    register_module: Any,
    chain_recorder: ChainRecorder,
    fake_capabilities: FakeCapabilities,
) -> None:
    with pytest.raises(AssertionError) as caught:
        await OverrunningSuite().test_respects_its_timeout(
            module_node, register_module, chain_recorder, fake_capabilities
        )
    timeouts = module_node.modules.info("overrunning").timeouts
    assert timeouts > 0
    assert f"overrunning: {timeouts} of its " in str(caught.value)
    assert "ran past its hook_timeout of 0.005s" in str(caught.value)
