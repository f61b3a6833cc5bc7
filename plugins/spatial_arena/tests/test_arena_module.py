"""The arena on a node: spatial_context on every request, zone effects applied for real,
admission by zone capacity (steps included), and no slot leaked on any path."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
import trio
import trio.testing
from arena_kit import Gauge, Start, untyped

import packetflow as pf
from packetflow.testing import ModuleConformance
from packetflow_spatial_arena import SpatialArenaModule


class TestSpatialArenaConformance(ModuleConformance):
    module = SpatialArenaModule
    config: ClassVar[dict[str, Any]] = {"tick_s": 3600}


class Seen(pf.Module):
    """A later module (priority 300): what it sees of each request."""

    name = "seen"
    priority = 300
    steps = True
    requests: ClassVar[list[dict[str, Any]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        self.requests.append(
            {
                "cap": request.capability_id,
                "spatial": (request.model_extra or {}).get("spatial_context"),
                "metadata": dict(request.metadata),
            }
        )


@pytest.fixture(autouse=True)
def _clear() -> None:
    Seen.requests.clear()


def _zones(**ai: Any) -> dict[str, Any]:
    return {
        "zones": [
            {"id": "processing", "capacity": 10},
            {"id": "ai", "capacity": 2, "specialization": "intelligence", **ai},
        ],
        "connections": [{"from": "processing", "to": "ai", "weight": 0.5}],
    }


async def test_every_request_carries_its_spatial_context(
    module_node: pf.Node, start_arena: Start, register_module: Any
) -> None:
    async def reply(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return {"ok": True}

    for name in ("summarize", "translate", "classify"):
        module_node.register(untyped(name, reply, tags=["llm"], intent=f"{name} text"))
    module_node.register(untyped("store_doc", reply, tags=["storage"]))
    await start_arena(_zones())
    await register_module(Seen)
    response = await module_node.dispatch(pf.CapabilityRequest(id="r1", capability_id="translate"))
    [seen] = Seen.requests
    spatial = seen["spatial"]
    assert spatial["zone"] == "ai"
    assert spatial["zone_effects"] == {
        "timeout_multiplier": 1.0,
        "priority": 0,
        "capacity": 2,
        "specialization": "intelligence",
    }
    assert len(spatial["position"]) == 2
    nearby = spatial["nearby_capabilities"]
    assert {n["name"] for n in nearby} == {"summarize", "classify", "store_doc"}
    assert [n["distance"] for n in nearby] == sorted(n["distance"] for n in nearby)
    assert response.metadata["modules"] == ["spatial_arena"]
    assert response.metadata["spatial_context"] == spatial  # the response says where it ran
    assert "queued_ms" not in spatial  # it did not wait


async def test_the_timeout_multiplier_changes_the_real_deadline(
    module_node: pf.Node, start_arena: Start
) -> None:
    async def slow(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await trio.sleep(0.15)
        return {"done": True}

    module_node.register(untyped("think", slow, tags=["llm"]))
    await start_arena(_zones(timeout_multiplier=3.0))
    request = pf.CapabilityRequest(capability_id="think", metadata={"timeout_ms": 100})
    # 100 ms x 3 = 300 ms: the 150 ms capability finishes
    assert (await module_node.dispatch(request)).payload == {"done": True}
    assert await module_node.call("think", {}, timeout=0.1) == {"done": True}


async def test_a_multiplier_below_one_shortens_the_deadline(
    module_node: pf.Node, start_arena: Start
) -> None:
    async def slow(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await trio.sleep(0.15)
        return {"done": True}

    module_node.register(untyped("think", slow, tags=["llm"]))
    await start_arena(_zones(timeout_multiplier=0.5))
    with pytest.raises(pf.errors.DeadlineExceededError):
        await module_node.call("think", {}, timeout=0.2)  # 200 ms x 0.5 = 100 ms < 150 ms


async def test_zone_priority_is_the_requests_default_priority(
    module_node: pf.Node, start_arena: Start, register_module: Any
) -> None:
    async def reply(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return {}

    module_node.register(untyped("think", reply, tags=["llm"]))
    await start_arena(_zones(priority=7))
    await register_module(Seen)
    await module_node.call("think", {})
    await module_node.dispatch(
        pf.CapabilityRequest(capability_id="think", metadata={"priority": 1})
    )
    assert [seen["metadata"]["priority"] for seen in Seen.requests] == [7, 1]


async def test_at_most_capacity_run_and_the_rest_wait_then_e429(
    module_node: pf.Node, start_arena: Start, gauge: Gauge
) -> None:
    async def hold(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(gauge.release)
        return {}

    module_node.register(untyped("think", hold, tags=["llm"]))
    await start_arena({**_zones(), "max_queue": 3, "queue_timeout": 5.0})
    outcomes: list[str] = []
    refusals: list[pf.errors.RateLimitedError] = []

    async def call() -> None:
        try:
            await module_node.call("think", {})
            outcomes.append("ok")
        except pf.errors.RateLimitedError as exc:
            refusals.append(exc)
            outcomes.append("E429")

    async with trio.open_nursery() as nursery:
        for _ in range(10):
            nursery.start_soon(call)
        await trio.testing.wait_all_tasks_blocked()
        # 2 run, 3 wait, 5 are refused at once
        assert gauge.running == 2
        assert outcomes.count("E429") == 5
        gauge.release.set()
    assert gauge.peak == 2
    assert sorted(outcomes) == ["E429"] * 5 + ["ok"] * 5
    assert all(exc.retry_after_ms and exc.retry_after_ms >= 1 for exc in refusals)
    assert {exc.details["zone"] for exc in refusals} == {"ai"}


async def test_a_request_that_waited_says_where_and_how_long(
    module_node: pf.Node, start_arena: Start, gauge: Gauge
) -> None:
    async def hold(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(gauge.release)
        return {}

    module_node.register(untyped("think", hold, tags=["llm"]))
    await start_arena({**_zones(), "queue_timeout": 5.0})
    responses: list[pf.CapabilityResponse] = []

    async def dispatch() -> None:
        responses.append(await module_node.dispatch(pf.CapabilityRequest(capability_id="think")))

    async with trio.open_nursery() as nursery:
        for _ in range(3):
            nursery.start_soon(dispatch)
        await trio.testing.wait_all_tasks_blocked()
        gauge.release.set()
    [waited] = [r for r in responses if "queued_ms" in r.metadata["spatial_context"]]
    spatial = waited.metadata["spatial_context"]
    assert spatial["zone"] == "ai" and spatial["queued_ms"] >= 0
    assert waited.metadata["modules"] == ["spatial_arena"]


async def test_queue_timeout_refuses_with_retry_after(
    module_node: pf.Node, start_arena: Start, gauge: Gauge
) -> None:
    async def hold(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(gauge.release)
        return {}

    module_node.register(untyped("think", hold, tags=["llm"]))
    arena = await start_arena({**_zones(), "queue_timeout": 0.05})
    async with trio.open_nursery() as nursery:
        for _ in range(2):
            nursery.start_soon(module_node.call, "think", {})
        await trio.testing.wait_all_tasks_blocked()
        with pytest.raises(pf.errors.RateLimitedError, match="no slot within queue_timeout"):
            await module_node.call("think", {})
        gauge.release.set()
    gate = arena.arena.gates["ai"]
    assert (gate.in_use, gate.waiting, gate.timed_out) == (0, 0, 1)


async def test_no_slot_leaks_on_crash_cancel_or_refusal(
    module_node: pf.Node, start_arena: Start, gauge: Gauge, register_module: Any
) -> None:
    async def crash(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        raise RuntimeError("boom")

    async def hold(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(gauge.release)
        return {}

    class Refuse(pf.Module):  # a later module that refuses what the arena admitted
        name = "refuse"
        priority = 300

        @pf.hookimpl
        def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Fail | None:
            return pf.Fail("E403", "refuse: no") if request.capability_id == "denied" else None

    module_node.register(untyped("crash", crash, tags=["llm"]))
    module_node.register(untyped("hold", hold, tags=["llm"]))
    module_node.register(untyped("denied", hold, tags=["llm"]))
    arena = await start_arena(_zones())
    await register_module(Refuse)
    gate = arena.arena.gates["ai"]
    for _ in range(5):
        with pytest.raises(pf.errors.ExecutionFailedError):
            await module_node.call("crash", {})
        with pytest.raises(pf.errors.ForbiddenError):
            await module_node.call("denied", {})
        with pytest.raises(pf.errors.DeadlineExceededError):
            await module_node.call("hold", {}, timeout=0.01)
        with trio.move_on_after(0.01):
            await module_node.call("hold", {})
    assert (gate.in_use, gate.waiting, len(arena.holdings)) == (0, 0, 0)
    assert gate.admitted == 20


async def test_each_step_is_admitted_in_its_own_zone(
    module_node: pf.Node, start_arena: Start, gauge: Gauge
) -> None:
    async def hold(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(seconds=0.01)
        return {}

    for i in range(6):
        module_node.register(untyped(f"think_{i}", hold, tags=["llm"]))
    branches = {f"b{i}": pf.step(f"think_{i}") for i in range(6)}
    module_node.register(pf.composition("fan_out", pf.parallel(branches, combine="by_branch")))
    # max_queue 10: the steps wait their turn instead of being refused
    arena = await start_arena({**_zones(), "max_queue": 10, "queue_timeout": 10.0})
    await module_node.call("fan_out", {})
    gate = arena.arena.gates["ai"]
    assert gauge.done == 6
    assert gauge.peak <= 2
    assert gate.admitted == 6 and gate.in_use == 0
    assert arena.arena.gates["processing"].admitted == 0  # the composition holds no slot


async def test_a_composition_waiting_on_its_own_zone_does_not_deadlock(
    module_node: pf.Node, start_arena: Start
) -> None:
    """Capacity 1 and every step in that zone: a composition that held a slot itself would
    wait forever for its own steps; it holds none, so its steps run one after the other."""

    async def reply(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return {}

    for name in ("first", "second"):
        module_node.register(untyped(name, reply, tags=["llm"]))
    module_node.register(
        pf.composition("chain", pf.pipeline(pf.step("first"), pf.step("second")), tags=["llm"])
    )
    config = _zones()
    config["zones"][1]["capacity"] = 1
    arena = await start_arena({**config, "queue_timeout": 0.5})
    assert arena.arena.placed["chain"].zone.id == "ai"
    with trio.fail_after(5):
        await module_node.call("chain", {})
    assert arena.arena.gates["ai"].admitted == 2


async def test_a_nested_call_in_a_full_zone_runs_on_its_callers_slot(
    module_node: pf.Node, start_arena: Start
) -> None:
    async def inner(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return {"inner": True}

    async def outer(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        return await ctx.node.call("inner", {})

    module_node.register(untyped("inner", inner, tags=["llm"]))
    module_node.register(untyped("outer", outer, tags=["llm"]))
    config = _zones()
    config["zones"][1]["capacity"] = 1
    arena = await start_arena({**config, "queue_timeout": 0.5})
    with trio.fail_after(5):
        assert await module_node.call("outer", {}) == {"inner": True}
    gate = arena.arena.gates["ai"]
    assert (gate.reused, gate.timed_out, gate.in_use) == (1, 0, 0)


async def test_a_failing_step_gives_its_slot_back(module_node: pf.Node, start_arena: Start) -> None:
    async def fine(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await trio.sleep(0.01)
        return {}

    async def broken(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        raise RuntimeError("step failed")

    module_node.register(untyped("fine", fine, tags=["llm"]))
    module_node.register(untyped("broken", broken, tags=["llm"]))
    module_node.register(
        pf.composition(
            "both", pf.parallel({"a": pf.step("fine"), "b": pf.step("broken")}, combine="by_branch")
        )
    )
    arena = await start_arena(_zones())
    for _ in range(3):  # fail-fast cancels "fine": its slot comes back too
        with pytest.raises(pf.errors.ExecutionFailedError):
            await module_node.call("both", {})
    gate = arena.arena.gates["ai"]
    assert (gate.in_use, gate.admitted, len(arena.holdings)) == (0, 6, 0)


async def test_restart_keeps_capacity_across_the_swap(
    module_node: pf.Node, start_arena: Start, gauge: Gauge
) -> None:
    async def hold(payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        await gauge.hold(gauge.release)
        return {}

    module_node.register(untyped("think", hold, tags=["llm"]))
    await start_arena({**_zones(), "max_queue": 0})
    async with trio.open_nursery() as nursery:
        for _ in range(2):
            nursery.start_soon(module_node.call, "think", {})
        await trio.testing.wait_all_tasks_blocked()
        await module_node.modules.reload("spatial_arena", wait=False)
        await module_node.modules.wait_ready("spatial_arena")
        # the new instance shares the zone's gate: still full
        with pytest.raises(pf.errors.RateLimitedError):
            await module_node.call("think", {})
        gauge.release.set()
    fresh: Any = module_node.modules.instance("spatial_arena")  # reloaded: a new class
    assert fresh.arena.gates["ai"].in_use == 0
    assert gauge.peak == 2
