"""Fault isolation: failure policies, timeouts, quarantine, restarts with backoff, `failed`."""

from __future__ import annotations

import time
from typing import Any

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow.testing import FakeCapabilities


@pytest.fixture
def autojump_clock() -> trio.testing.MockClock:
    return trio.testing.MockClock(autojump_threshold=0)


class Crasher(pf.Module):
    name = "crasher"
    starts = 0

    async def start(self, config: Any, node: pf.Node) -> None:
        type(self).starts += 1

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        raise RuntimeError("crasher always fails")


async def test_quarantine_restart_with_backoff_then_failed(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    Crasher.starts = 0
    await register_module(
        Crasher, max_failures=3, failure_window=60, max_restarts=2, restart_backoff=1.0
    )
    modules = module_node.modules

    async def three_failures() -> None:
        for i in range(3):  # requests keep being served (fail-open) throughout
            assert await module_node.call("echo", {"i": i}) == {"i": i}

    await three_failures()
    assert modules.info("crasher").status == "quarantined"
    assert not modules.active  # out of the chain at once: the circuit is open
    assert await module_node.call("echo", {"open": 1}) == {"open": 1}
    before = trio.current_time()
    await trio.sleep(1.6)  # first backoff: 1s ±50%
    info = modules.info("crasher")
    assert (info.status, info.restarts, Crasher.starts) == ("active", 1, 2)
    assert trio.current_time() - before >= 0.5

    await three_failures()
    await trio.sleep(3.1)  # second backoff: 2s ±50%
    assert (modules.info("crasher").status, modules.info("crasher").restarts) == ("active", 2)

    await three_failures()
    await trio.sleep(60)
    info = modules.info("crasher")
    assert (info.status, info.restarts, info.errors) == ("failed", 2, 9)
    assert "re-enable" in (info.error or "")
    assert await module_node.call("echo", {"still": 1}) == {"still": 1}

    await modules.enable("crasher")  # the operator brings it back: budget reset
    assert (modules.info("crasher").status, modules.info("crasher").restarts) == ("active", 0)


async def test_a_few_failures_leave_it_degraded_not_quarantined(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Crasher, max_failures=5)
    await module_node.call("echo", {})
    assert module_node.modules.info("crasher").status == "degraded"
    assert module_node.modules.active


async def test_fail_closed_module_answers_e502(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Crasher, on_error="fail")
    with pytest.raises(pf.errors.ModuleFailedError) as caught:
        await module_node.call("echo", {})
    assert caught.value.code == "E502"
    assert "module 'crasher'" in caught.value.message
    assert "RuntimeError" in caught.value.message
    assert caught.value.details["hook"] == "packetflow_handle_request"
    assert fake_capabilities.calls["echo"] == []  # refused before execution


class Sleeper(pf.Module):
    name = "sleeper"
    hook_timeout = 0.05
    finished = 0

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Intercept:
        await trio.sleep(10)
        type(self).finished += 1
        return pf.Intercept(request.model_copy(update={"payload": {"late": True}}))


async def test_a_hook_sleeping_past_its_timeout_is_cut_off(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    Sleeper.finished = 0
    await register_module(Sleeper)
    started = trio.current_time()
    assert await module_node.call("echo", {"x": 1}) == {"x": 1}  # its decision never counted
    assert trio.current_time() - started == pytest.approx(0.05, abs=1e-3)
    info = module_node.modules.info("sleeper")
    assert (info.timeouts, info.errors, Sleeper.finished) == (1, 0, 0)


async def test_fail_closed_timeout_answers_e408(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Sleeper, on_error="fail")
    with pytest.raises(pf.errors.DeadlineExceededError) as caught:
        await module_node.call("echo", {})
    assert caught.value.details["reason"] == "timeout"


class Blocker(pf.Module):
    name = "blocker"
    hook_timeout = 0.005

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> None:
        time.sleep(0.02)  # a sync hook cannot be interrupted: its overrun is measured


async def test_a_sync_hook_overrunning_counts_as_a_timeout(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Blocker)
    assert await module_node.call("echo", {"x": 1}) == {"x": 1}
    assert module_node.modules.info("blocker").timeouts == 1


class Awaiter(pf.Module):
    name = "awaiter"

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Intercept:
        await trio.sleep(0.01)  # really yields to trio, within its budget
        return pf.Intercept(request.model_copy(update={"payload": {"awaited": True}}))


async def test_an_async_hook_that_blocks_within_budget_keeps_its_decision(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Awaiter)
    assert await module_node.call("echo", {}) == {"awaited": True}
    info = module_node.modules.info("awaiter")
    assert (info.calls, info.timeouts, info.errors) == (1, 0, 0)


async def test_cancelling_a_request_cancels_its_blocked_hook(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Sleeper, hook_timeout=100)
    with trio.move_on_after(1) as scope:
        await module_node.call("echo", {})
    assert scope.cancelled_caught
    info = module_node.modules.info("sleeper")
    assert (info.timeouts, info.errors, Sleeper.finished) == (0, 0, 0)


class Gatekeeper(pf.Module):
    """Fail-closed and failing on demand: while it is out, nothing it covers may be served."""

    name = "gatekeeper"
    on_error = "fail"
    broken = False

    async def start(self, config: Any, node: pf.Node) -> None:
        if type(self).broken:
            raise RuntimeError("gatekeeper cannot reach its ledger")

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        if type(self).broken:
            raise RuntimeError("gatekeeper cannot reach its ledger")


@pytest.fixture
def gatekeeper() -> Any:
    Gatekeeper.broken = False
    yield Gatekeeper
    Gatekeeper.broken = False


async def test_a_quarantined_fail_closed_module_refuses_until_it_is_back(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    gatekeeper: Any,
) -> None:
    await register_module(gatekeeper, max_failures=2, restart_backoff=1.0, max_restarts=1)
    gatekeeper.broken = True
    for _ in range(2):
        with pytest.raises(pf.errors.ModuleFailedError):
            await module_node.call("echo", {})
    assert module_node.modules.info("gatekeeper").status == "quarantined"
    with pytest.raises(pf.errors.UnavailableError, match=r"gatekeeper.*fail-closed") as caught:
        await module_node.call("echo", {})
    assert caught.value.details == {"module": "gatekeeper", "status": "quarantined"}
    with pytest.raises(pf.errors.UnavailableError):  # compositions run ad hoc too
        await module_node.run(pf.pipeline(pf.step("echo")), {})
    gatekeeper.broken = False  # the restart after the backoff succeeds
    await trio.sleep(2)
    assert module_node.modules.info("gatekeeper").status == "active"
    assert await module_node.call("echo", {"back": 1}) == {"back": 1}


async def test_a_fail_open_module_out_of_the_chain_is_served_around(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Crasher, max_failures=1)
    await module_node.call("echo", {})
    assert module_node.modules.info("crasher").status == "quarantined"
    assert await module_node.call("echo", {"served": 1}) == {"served": 1}


async def test_a_fail_closed_module_that_fails_to_start_guards_only_its_scope(
    module_node: pf.Node, fake_capabilities: FakeCapabilities, gatekeeper: Any
) -> None:
    gatekeeper.broken = True
    module_node.modules.register(gatekeeper, only=["ech*"])
    info = await module_node.modules.wait_ready("gatekeeper")
    assert info.status == "failed_to_load"
    with pytest.raises(pf.errors.UnavailableError, match="failed_to_load"):
        await module_node.call("echo", {})
    fake_capabilities.add("other", result={"ok": True})
    assert await module_node.call("other", {}) == {"ok": True}
    await module_node.modules.disable("gatekeeper")  # an operator's choice: no guard
    assert await module_node.call("echo", {"x": 1}) == {"x": 1}
