"""``pf.Defer``: a plain ``def`` request hook that must wait hands the chain an awaitable;
the chain awaits it under the hook's deadline and takes its result as the decision."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow.testing import FakeCapabilities


class Waiter(pf.Module):
    """Answers at once for ``echo``; for the rest, waits for ``gate`` and then intercepts."""

    name = "waiter"
    hook_timeout = 5.0
    gate: ClassVar[trio.Event]
    behaviour: ClassVar[str] = "intercept"

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Decision | None:
        if request.capability_id == "echo":
            return None
        return pf.Defer(self._later(request))

    async def _later(self, request: pf.CapabilityRequest) -> Any:
        await self.gate.wait()
        if self.behaviour == "raise":
            raise RuntimeError("the wait broke")
        if self.behaviour == "defer":
            return pf.Defer(self._later(request))
        if self.behaviour == "fail":
            return pf.Fail("E429", "waiter: full", retry_after_ms=5)
        return pf.Intercept(request.evolve(payload={"waited": True}))


class Later(pf.Module):
    """Runs after the waiter: records what it sees, and every outcome."""

    name = "later"
    priority = 200
    seen: ClassVar[list[dict[str, Any]]] = []
    outcomes: ClassVar[list[Any]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        self.seen.append(dict(request.payload))

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> None:
        self.outcomes.append(response)


@pytest.fixture(autouse=True)
def _reset() -> None:
    Waiter.gate = trio.Event()
    Waiter.behaviour = "intercept"
    Later.seen.clear()
    Later.outcomes.clear()


@pytest.fixture
async def deferring(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> FakeCapabilities:
    fake_capabilities.add("slow_one")
    await register_module(Waiter)
    await register_module(Later)
    return fake_capabilities


async def test_the_deferred_decision_applies_and_the_chain_goes_on(
    module_node: pf.Node, deferring: FakeCapabilities
) -> None:
    assert await module_node.call("echo", {"now": 1}) == {"now": 1}  # no deferral
    async with trio.open_nursery() as nursery:
        nursery.start_soon(module_node.call, "slow_one", {"asked": True})
        await trio.testing.wait_all_tasks_blocked()
        assert Later.seen == [{"now": 1}]  # the later module waits for the decision
        Waiter.gate.set()
    assert Later.seen == [{"now": 1}, {"waited": True}]
    assert deferring.calls["slow_one"] == [{"waited": True}]
    info = module_node.modules.info("waiter")
    assert (info.errors, info.timeouts) == (0, 0)


async def test_a_deferral_past_the_hook_deadline_is_a_timeout(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    autojump_clock: trio.testing.MockClock,
) -> None:
    fake_capabilities.add("slow_one")
    await register_module(Waiter, hook_timeout=0.5)
    await register_module(Later)
    assert await module_node.call("slow_one", {"x": 1}) == {"x": 1}  # fail-open: goes on
    assert module_node.modules.info("waiter").timeouts == 1
    assert Later.seen == [{"x": 1}]


async def test_a_deferral_past_the_deadline_fails_closed_with_e408(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    autojump_clock: trio.testing.MockClock,
) -> None:
    fake_capabilities.add("slow_one")
    await register_module(Waiter, hook_timeout=0.5, on_error="fail")
    with pytest.raises(pf.errors.DeadlineExceededError):
        await module_node.call("slow_one", {})
    assert fake_capabilities.calls["slow_one"] == []


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [("raise", pf.errors.ModuleFailedError), ("defer", pf.errors.ModuleFailedError)],
    ids=["awaitable-raises", "defer-of-a-defer"],
)
async def test_a_broken_deferral_counts_against_the_module(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    behaviour: str,
    error: type[pf.PacketFlowError],
) -> None:
    fake_capabilities.add("slow_one")
    Waiter.behaviour = behaviour
    Waiter.gate.set()
    await register_module(Waiter, on_error="fail")
    with pytest.raises(error):
        await module_node.call("slow_one", {})
    assert module_node.modules.info("waiter").errors == 1


async def test_a_deferred_fail_keeps_its_retry_after(
    module_node: pf.Node, deferring: FakeCapabilities
) -> None:
    Waiter.behaviour = "fail"
    Waiter.gate.set()
    with pytest.raises(pf.errors.RateLimitedError) as caught:
        await module_node.call("slow_one", {})
    assert caught.value.retry_after_ms == 5
    assert Later.seen == []  # a refusal stops the chain
    assert Later.outcomes[-1].error.code == "E429"


async def test_cancelled_while_deferred_the_response_hooks_still_see_it(
    module_node: pf.Node, deferring: FakeCapabilities
) -> None:
    with trio.move_on_after(0.01):
        await module_node.call("slow_one", {})
    [outcome] = Later.outcomes
    assert outcome.error.code == "E408" and outcome.error.details == {"cancelled": True}


class LateDefer(pf.Module):
    name = "late_defer"

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> Any:
        async def never() -> None:
            return None

        return pf.Defer(never())  # not a response decision: counted, and closed unawaited


async def test_defer_is_a_request_decision_only(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(LateDefer)
    assert await module_node.call("echo", {"a": 1}) == {"a": 1}
    assert module_node.modules.info("late_defer").errors == 1


def test_defer_needs_an_awaitable() -> None:
    async def wait() -> None:
        return None

    with pytest.raises(TypeError, match="expected an awaitable"):
        pf.Defer(wait)  # type: ignore[arg-type]
