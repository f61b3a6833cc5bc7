"""Single-flight: concurrent identical requests run the capability once; a leader that fails
or is cancelled releases its followers, which run the capability themselves (never hang)."""

from __future__ import annotations

from typing import Any

import pytest
import trio
from adaptive_kit import Num, Optimize

import packetflow as pf


class Gate:
    """A capability that blocks until released, counting its runs."""

    def __init__(self) -> None:
        self.runs = 0
        self.started = trio.Event()
        self.second = trio.Event()  # a second run started
        self.release = trio.Event()
        self.fail_first = False

    def capability(self) -> pf.Capability:
        @pf.capability(name="gated", idempotent=True)
        async def gated(inp: Num) -> Num:
            self.runs += 1
            self.started.set()
            if self.runs == 2:
                self.second.set()
            await self.release.wait()
            if self.fail_first and self.runs == 1:
                raise pf.errors.UnavailableError("gated: the first run fails")
            return Num(n=inp.n + 100)

        return gated


@pytest.fixture
def gate(module_node: pf.Node) -> Gate:
    found = Gate()
    module_node.register(found.capability())
    return found


async def _followers_joined(module: Any, count: int) -> None:
    # wait (without sleeping) until `count` followers are parked on the leader's flight
    while module.tracker.flights.waiting() < count:
        await trio.lowlevel.checkpoint()


async def test_concurrent_identical_requests_run_once(
    module_node: pf.Node, optimize: Optimize, gate: Gate
) -> None:
    module = await optimize()
    replies: list[pf.CapabilityResponse] = []

    async def call() -> None:
        request = pf.CapabilityRequest(capability_id="gated", payload={"n": 1})
        replies.append(await module_node.dispatch(request))

    async with trio.open_nursery() as nursery:
        for _ in range(5):
            nursery.start_soon(call)
        await gate.started.wait()
        await _followers_joined(module, 4)
        gate.release.set()
    assert gate.runs == 1
    assert [r.payload for r in replies] == [{"n": 101, "scale": 1}] * 5
    assert all(r.capability_id == "gated" for r in replies)
    assert sum(bool(r.metadata.get("single_flight")) for r in replies) == 4
    assert module.tracker.flights.shared == 4


async def test_a_failed_leader_releases_its_followers_which_run_themselves(
    module_node: pf.Node, optimize: Optimize, gate: Gate
) -> None:
    module = await optimize()
    gate.fail_first = True
    outcomes: list[object] = []

    async def call() -> None:
        try:
            outcomes.append(await module_node.call("gated", {"n": 2}))
        except pf.PacketFlowError as exc:
            outcomes.append(exc.code)

    async with trio.open_nursery() as nursery:
        for _ in range(3):
            nursery.start_soon(call)
        await gate.started.wait()
        await _followers_joined(module, 2)
        gate.release.set()
    # the leader's error stays its own; the followers each ran the capability
    result = {"n": 102, "scale": 1}
    assert sorted(outcomes, key=str) == sorted(["E503", result, result], key=str)
    assert gate.runs == 3
    assert module.tracker.flights.released == 2


async def test_a_cancelled_leader_releases_its_followers(
    module_node: pf.Node, optimize: Optimize, gate: Gate
) -> None:
    module = await optimize()
    follower_out: list[dict[str, Any]] = []
    leader_scope = trio.CancelScope()

    async def leader() -> None:
        with leader_scope:
            await module_node.call("gated", {"n": 3})

    async def follower() -> None:
        follower_out.append(await module_node.call("gated", {"n": 3}))

    with trio.fail_after(30):
        async with trio.open_nursery() as nursery:
            nursery.start_soon(leader)
            await gate.started.wait()
            nursery.start_soon(follower)
            await _followers_joined(module, 1)
            leader_scope.cancel()  # the leader's caller goes away mid-run
            while gate.runs < 2:  # the released follower runs the capability itself
                await trio.lowlevel.checkpoint()
            gate.release.set()
    assert follower_out == [{"n": 103, "scale": 1}]
    assert module.tracker.flights.released == 1


async def test_a_follower_waits_a_bounded_time_then_runs_itself(
    module_node: pf.Node, optimize: Optimize, gate: Gate, autojump_clock: Any
) -> None:
    module = await optimize(single_flight_wait=5)
    outs: list[dict[str, Any]] = []

    async def call() -> None:
        outs.append(await module_node.call("gated", {"n": 4}))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(call)
        await gate.started.wait()
        nursery.start_soon(call)
        await gate.second.wait()  # after 5 virtual seconds the follower runs on its own
        assert trio.current_time() >= 5
        gate.release.set()
    assert outs == [{"n": 104, "scale": 1}] * 2
    assert module.tracker.flights.released == 1


async def test_single_flight_can_be_switched_off(
    module_node: pf.Node, optimize: Optimize, gate: Gate
) -> None:
    await optimize(single_flight=False)
    async with trio.open_nursery() as nursery:
        for _ in range(2):
            nursery.start_soon(module_node.call, "gated", {"n": 5})
        while gate.runs < 2:
            await trio.lowlevel.checkpoint()
        gate.release.set()
    assert gate.runs == 2


async def test_a_follower_wait_must_fit_the_hook_timeout(
    module_node: pf.Node, optimize: Optimize
) -> None:
    with pytest.raises(pf.errors.ModuleFailedError, match="single_flight_wait 40s must be below"):
        await optimize(single_flight_wait=40)


async def test_only_the_query_api_is_contributed(module_node: pf.Node, optimize: Optimize) -> None:
    await optimize()
    own = sorted(c.name for c in module_node.registry if c.name.startswith("adaptive_opt"))
    assert own == [
        "adaptive_optimization.invalidate",
        "adaptive_optimization.predict",
        "adaptive_optimization.stats",
    ]
