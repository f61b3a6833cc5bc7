"""retry: backoff, retry_on, fallback, metadata, and the shared circuit breaker."""

from __future__ import annotations

import pytest
import trio
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow import errors


class Ping(BaseModel):
    value: int = 0


class Pong(BaseModel):
    pong: int


class Flaky:
    """Fails its first ``failures`` calls with ``error``; records call times."""

    def __init__(
        self, failures: int, error: type[errors.PacketFlowError] = errors.UnavailableError
    ):
        self.failures = failures
        self.error = error
        self.calls: list[float] = []

    async def __call__(self, inp: Ping) -> Pong:
        self.calls.append(trio.current_time())
        if len(self.calls) <= self.failures:
            raise self.error("flaky dependency")
        return Pong(pong=len(self.calls))


@pytest.fixture
def flaky() -> Flaky:
    return Flaky(failures=2)


@pytest.fixture
async def retry_node(kit_node: pf.Node, flaky: Flaky) -> pf.Node:
    @pf.capability(name="fallback_pong")
    async def fallback_pong(inp: Ping) -> Pong:
        return Pong(pong=-1)

    kit_node.register(pf.capability(name="flaky")(flaky.__call__), fallback_pong)
    return kit_node


async def test_retry_succeeds_after_failures_with_backoff(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    plan = pf.retry(
        pf.step("flaky"), max_attempts=3, backoff=pf.exponential(base=1.0, max=10.0, jitter=0.0)
    )
    out = await retry_node.run(plan, {"value": 1})
    assert out["pong"] == 3
    assert out["retry_metadata"] == {
        "attempts": 3,
        "succeeded": True,
        "fallback_used": False,
        "last_error": None,
        "circuit": None,
    }
    gaps = [b - a for a, b in zip(flaky.calls, flaky.calls[1:], strict=False)]
    assert gaps == pytest.approx([1.0, 2.0])  # exponential: base, base * 2


async def test_jitter_stays_within_its_fraction(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 5
    plan = pf.retry(pf.step("flaky"), max_attempts=6, backoff=pf.exponential(1.0, 100, jitter=0.5))
    await retry_node.run(plan, {})
    gaps = [b - a for a, b in zip(flaky.calls, flaky.calls[1:], strict=False)]
    for attempt, gap in enumerate(gaps, start=1):
        nominal = 2.0 ** (attempt - 1)
        assert nominal * 0.5 <= gap <= nominal * 1.5


async def test_exhausted_retries_raise_the_last_error_with_metadata(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 10
    with pytest.raises(errors.UnavailableError) as info:
        await retry_node.run(pf.retry(pf.step("flaky"), max_attempts=3), {})
    assert len(flaky.calls) == 3
    assert info.value.details["path"] == "retry.body.step"
    assert info.value.details["retry_metadata"]["attempts"] == 3


async def test_codes_outside_retry_on_are_not_retried(
    retry_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    calls = []

    @pf.capability
    async def picky(inp: Ping) -> Pong:
        calls.append(1)
        raise errors.ContractViolationError("bad input is not transient")

    retry_node.register(picky)
    with pytest.raises(errors.ContractViolationError):
        await retry_node.run(pf.retry(pf.step("picky"), max_attempts=5), {})
    assert len(calls) == 1


async def test_fallback_runs_after_the_last_attempt(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 10
    plan = pf.retry(pf.step("flaky"), max_attempts=2, fallback=pf.step("fallback_pong"))
    out = await retry_node.run(plan, {})
    assert out["pong"] == -1
    assert len(flaky.calls) == 2
    meta = out["retry_metadata"]
    assert (meta["attempts"], meta["succeeded"], meta["fallback_used"]) == (2, False, True)
    assert meta["last_error"]["code"] == "E503"


async def test_failed_attempts_leave_no_partial_writes(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 1
    plan = pf.retry(pf.pipeline(pf.step("inc"), pf.step("flaky")), max_attempts=3)
    out = await retry_node.run(plan, {"value": 1})
    # Attempt 1 incremented then failed; attempt 2 starts again from the original value.
    assert out["value"] == 2
    assert out["pong"] == 2


BREAKER = pf.CircuitBreaker(failure_threshold=3, recovery_timeout=10.0, half_open_max_calls=1)


async def test_breaker_opens_after_the_threshold_then_half_opens(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 3
    plan = pf.retry(pf.step("flaky"), max_attempts=1, circuit_breaker=BREAKER)
    for _ in range(3):
        with pytest.raises(errors.UnavailableError, match="flaky dependency"):
            await retry_node.run(plan, {})
    assert retry_node.breakers.snapshot() == {"flaky": "open"}
    # Open: rejected without calling the capability.
    with pytest.raises(errors.UnavailableError, match="circuit 'flaky' is open") as info:
        await retry_node.run(plan, {})
    assert len(flaky.calls) == 3
    assert info.value.retry_after_ms == 10_000
    await trio.sleep(10.0)
    out = await retry_node.run(plan, {})  # half-open trial succeeds and closes the circuit
    assert out["pong"] == 4
    assert out["retry_metadata"]["circuit"] == "closed"


async def test_half_open_failure_reopens(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 100
    plan = pf.retry(pf.step("flaky"), max_attempts=1, circuit_breaker=BREAKER)
    for _ in range(3):
        with pytest.raises(errors.UnavailableError):
            await retry_node.run(plan, {})
    await trio.sleep(10.0)
    with pytest.raises(errors.UnavailableError, match="flaky dependency"):
        await retry_node.run(plan, {})  # the trial call runs and fails
    assert retry_node.breakers.snapshot()["flaky"] == "open"
    with pytest.raises(errors.UnavailableError, match="is open"):
        await retry_node.run(plan, {})
    assert len(flaky.calls) == 4


async def test_half_open_admits_only_the_trial_calls(
    retry_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    @pf.capability
    async def slow_then_ok(inp: Ping) -> Pong:
        if inp.value < 0:
            raise errors.UnavailableError("down")
        await trio.sleep(5)
        return Pong(pong=inp.value)

    retry_node.register(slow_then_ok)
    plan = pf.retry(pf.step("slow_then_ok"), max_attempts=1, circuit_breaker=BREAKER)
    for _ in range(3):
        with pytest.raises(errors.UnavailableError):
            await retry_node.run(plan, {"value": -1})
    await trio.sleep(10.0)
    results: list[str] = []

    async def attempt(value: int) -> None:
        try:
            await retry_node.run(plan, {"value": value})
            results.append("ok")
        except errors.UnavailableError as exc:
            results.append(exc.type)

    async with trio.open_nursery() as nursery:
        nursery.start_soon(attempt, 1)
        await trio.testing.wait_all_tasks_blocked()
        nursery.start_soon(attempt, 2)
    assert sorted(results) == ["ok", "unavailable"]
    assert retry_node.breakers.snapshot()["slow_then_ok"] == "closed"


async def test_the_breaker_is_shared_per_capability(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 100
    first = pf.retry(pf.step("flaky"), max_attempts=3, circuit_breaker=BREAKER)
    second = pf.pipeline(pf.retry(pf.step("flaky"), max_attempts=1, circuit_breaker=BREAKER))
    with pytest.raises(errors.UnavailableError):
        await retry_node.run(first, {})  # three failures open the shared circuit
    with pytest.raises(errors.UnavailableError, match="is open"):
        await retry_node.run(second, {})
    assert len(flaky.calls) == 3


async def test_open_breaker_goes_straight_to_the_fallback(
    retry_node: pf.Node, flaky: Flaky, autojump_clock: trio.testing.MockClock
) -> None:
    flaky.failures = 100
    plan = pf.retry(
        pf.step("flaky"), max_attempts=5, circuit_breaker=BREAKER, fallback=pf.step("fallback_pong")
    )
    out = await retry_node.run(plan, {})
    assert len(flaky.calls) == 3  # the circuit opened after three, the rest were not attempted
    assert out["pong"] == -1
    assert out["retry_metadata"]["circuit"] == "open"
    assert out["retry_metadata"]["last_error"]["code"] == "E503"
