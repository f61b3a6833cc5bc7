"""The dispatcher's deadlines for ``async def`` hooks that block: each gets the rest of its
own budget, wherever it blocks (inside ``trio.sleep``, its own nursery or its own timeout),
and the run goes on after it."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow.testing import FakeCapabilities


class Nursing(pf.Module):
    """Blocks inside a nursery of its own, with a child task that never ends."""

    name = "nursing"
    hook_timeout = 0.1
    cancelled: ClassVar[list[str]] = []

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        async def child() -> None:
            try:
                await trio.sleep_forever()
            except trio.Cancelled:
                self.cancelled.append("child")
                raise

        async with trio.open_nursery() as nursery:
            nursery.start_soon(child)
            await trio.sleep_forever()


class OwnTimeout(pf.Module):
    """Blocks under a timeout of its own that fires well inside its budget, then decides."""

    name = "own_timeout"
    hook_timeout = 1.0

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Intercept:
        with trio.move_on_after(0.05):
            await trio.sleep(10)
        await trio.sleep(0.05)
        return pf.Intercept(request.evolve(payload={"own": True}))


class Second(pf.Module):
    """Runs after the others and blocks past its own deadline."""

    name = "second"
    priority = 200
    hook_timeout = 0.2

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        await trio.sleep(5)


class Swallower(pf.Module):
    """Blocks past its deadline and swallows the cancellation (it must not)."""

    name = "swallower"
    hook_timeout = 0.05

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Intercept:
        try:  # noqa: SIM105 - the point: a hook that eats its cancellation
            await trio.sleep(10)
        except trio.Cancelled:
            pass
        return pf.Intercept(request.evolve(payload={"swallowed": True}))


class BlockThenDefer(pf.Module):
    """Blocks for part of its budget, then defers: the deferral gets only the rest."""

    name = "block_then_defer"
    hook_timeout = 0.3

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Defer:
        await trio.sleep(0.2)
        return pf.Defer(self._wait())

    async def _wait(self) -> None:
        await trio.sleep(1)


class SlowResponse(pf.Module):
    """A fail-closed response hook that blocks past its deadline."""

    name = "slow_response"
    hook_timeout = 0.05
    on_error = "fail"

    @pf.hookimpl
    async def packetflow_handle_response(self, response: Any) -> None:
        await trio.sleep(1)


@pytest.fixture(autouse=True)
def _reset() -> None:
    Nursing.cancelled.clear()


async def test_a_hook_blocked_in_its_own_nursery_is_cut_off_with_its_tasks(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Nursing)
    started = trio.current_time()
    assert await module_node.call("echo", {"x": 1}) == {"x": 1}
    assert trio.current_time() - started == pytest.approx(0.1, abs=1e-3)
    assert Nursing.cancelled == ["child"]
    assert module_node.modules.info("nursing").timeouts == 1


async def test_a_hook_whose_own_timeout_fires_first_keeps_its_decision(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(OwnTimeout)
    assert await module_node.call("echo", {}) == {"own": True}
    info = module_node.modules.info("own_timeout")
    assert (info.calls, info.timeouts, info.errors) == (1, 0, 0)


async def test_every_blocking_hook_of_a_run_gets_its_own_deadline(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Nursing)
    await register_module(Second)
    started = trio.current_time()
    assert await module_node.call("echo", {"x": 2}) == {"x": 2}
    assert trio.current_time() - started == pytest.approx(0.3, abs=1e-3)
    assert module_node.modules.info("second").timeouts == 1


async def test_a_hook_that_swallows_its_cancellation_is_a_timeout(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Swallower)
    assert await module_node.call("echo", {"x": 3}) == {"x": 3}  # its decision is dropped
    assert module_node.modules.info("swallower").timeouts == 1


async def test_a_deferral_after_blocking_gets_the_rest_of_the_budget(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(BlockThenDefer)
    started = trio.current_time()
    assert await module_node.call("echo", {}) == {}
    assert trio.current_time() - started == pytest.approx(0.3, abs=1e-3)
    assert module_node.modules.info("block_then_defer").timeouts == 1


async def test_a_fail_closed_response_hook_cut_off_answers_e408(
    autojump_clock: trio.testing.MockClock,
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(SlowResponse)
    with pytest.raises(pf.errors.DeadlineExceededError) as caught:
        await module_node.call("echo", {})
    assert caught.value.details["hook"] == "packetflow_handle_response"
