"""The module on a node: conformance, the history and its bound, models kept across a restart
(and an unreadable models file), stats, and the request hints."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest
import trio
from adaptive_kit import Calls, Num, Optimize

import packetflow as pf
from packetflow.testing import ModuleConformance
from packetflow_adaptive_optimization import AdaptiveOptimizationModule, History, Models


class TestAdaptiveOptimizationConformance(ModuleConformance):
    module = AdaptiveOptimizationModule
    config: ClassVar[dict[str, Any]] = {"ttl": 30}


async def test_every_request_and_step_is_recorded(
    module_node: pf.Node, optimize: Optimize, double: Calls, counter: Calls
) -> None:
    module = await optimize()
    module_node.register(pf.composition("chain", pf.pipeline(pf.step("double"))))
    await module_node.call("bump", {"n": 1})
    with pytest.raises(pf.errors.ContractViolationError):
        await module_node.call("bump", {"n": "not a number"})
    await module_node.call("chain", {"n": 2})
    await module_node.call("double", {"n": 2})  # a hit on the step's result
    records = module.tracker.history.records()
    assert [(r.capability, r.outcome, r.step) for r in records] == [
        ("bump", "ok", None),
        ("bump", "E422", None),
        ("double", "ok", "pipeline[0].step"),
        ("chain", "ok", None),
        ("double", "hit", None),
    ]
    assert records[2].payload_hash == records[4].payload_hash is not None
    stats = module.stats()["capabilities"]
    assert stats["double"]["calls"] == 1 and stats["double"]["hits"] == 1
    assert stats["bump"]["error_rate"] == 0.5 and stats["bump"]["codes"] == {"E422": 1}


def test_the_history_is_a_bounded_ring() -> None:
    history = History(16)
    for i in range(40):
        history.raw.append((float(i), "cap", "1", 1.0, "ok", None, 0, None, 1))
        history.total += 1
    fresh, lost = history.take_new()
    assert len(fresh) == 16 and lost == 24 and fresh[0][0] == 24.0
    assert history.take_new() == ([], 0)


async def test_models_survive_a_restart(tmp_path: Path, autojump_clock: Any) -> None:
    @pf.capability(idempotent=True)
    async def slow(inp: Num) -> Num:
        await trio.sleep(0.05)
        return inp

    async def run(calls: int) -> dict[str, Any]:
        node = pf.Node("restart", data_dir=tmp_path)
        node.modules.autoload = False
        node.modules.configure({})
        node.modules.register(AdaptiveOptimizationModule)
        node.register(slow)
        async with node.started():
            for n in range(calls):
                await node.call("slow", {"n": n})
            module = node.modules.instance("adaptive_optimization")
            assert isinstance(module, AdaptiveOptimizationModule)
            return module.stats()["capabilities"].get("slow", {})

    first = await run(6)
    assert first["calls"] == 6
    assert (tmp_path / "adaptive_optimization" / "models.json").is_file()
    again = await run(0)  # nothing ran in this process: the saved models speak
    assert again["calls"] == 6
    assert again["ewma_ms"] == pytest.approx(50.0)
    assert again["p95_ms"] == pytest.approx(50.0)


async def test_an_unreadable_models_file_is_reported_and_the_module_starts_fresh(
    module_node: pf.Node, optimize: Optimize, caplog: pytest.LogCaptureFixture
) -> None:
    path = module_node.data_dir / "adaptive_optimization" / "models.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"format": 1, "models": {"x": {"version": 1}}}')  # "calls" is missing
    with caplog.at_level(logging.WARNING, logger="packetflow.adaptive_optimization"):
        module = await optimize()
    assert len(module.models) == 0
    assert any("is unreadable" in r.getMessage() for r in caplog.records)


def test_a_version_change_starts_a_new_model() -> None:
    models = Models(window=16, alpha=0.5, max_models=2)
    models.fold([(0.0, "cap", "1", 10.0, "ok", None, 0, None, 1)])
    models.fold([(1.0, "cap", "2", 30.0, "ok", None, 0, None, 1)])
    model = models.get("cap")
    assert model is not None and model.version == "2" and model.ewma_ms == 30.0
    models.fold([(2.0, "a", "1", 1.0, "ok", None, 0, None, 1), (3.0, "b", "1", 1.0, "ok", None,
                  0, None, 1)])  # fmt: skip
    assert len(models) == 2 and models.get("cap") is None  # bounded: least recent dropped


class FakeCluster:
    """A cluster view as the scale-out layer would offer it: each peer's p50 by capability."""

    def __init__(self, latencies: Mapping[str, float]) -> None:
        self.latencies = latencies

    def peer_latency_ms(self, capability: str) -> Mapping[str, float]:
        return self.latencies


class HintReader(pf.Module):
    """After the optimizer (priority 300): records the hint fields its requests carry."""

    name = "hint_reader"
    priority = 400
    seen: ClassVar[list[dict[str, Any]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        extra = request.model_extra or {}
        self.seen.append({k: extra[k] for k in ("batching_hint", "preferred_node") if k in extra})


async def test_hints_fire_only_when_they_have_something_to_say(
    module_node: pf.Node, optimize: Optimize, register_module: Any, autojump_clock: Any
) -> None:
    HintReader.seen.clear()

    @pf.capability
    async def busy(inp: Num) -> Num:
        await trio.sleep(0.1)
        return inp

    module_node.register(busy)
    module = await optimize()
    await register_module(HintReader)
    for n in range(6):  # one at a time: served as fast as they arrive
        await module_node.call("busy", {"n": n})
    module.fold()
    assert module.stats("busy")["capabilities"]["busy"]["hints"] == {}
    async with trio.open_nursery() as nursery:  # 20 at once: arrivals outpace service
        for n in range(20):
            nursery.start_soon(module_node.call, "busy", {"n": n})
    module.fold()
    hint = module.stats("busy")["capabilities"]["busy"]["hints"]["batching_hint"]
    assert hint["key"] == "busy" and hint["batch_size"] > 1
    await module_node.call("busy", {"n": 0})
    assert HintReader.seen[-1]["batching_hint"] == hint
    assert "preferred_node" not in HintReader.seen[-1]  # a single node: no routing hint

    module_node.cluster = FakeCluster({"node-b": 10.0, "node-c": 95.0})  # type: ignore[attr-defined]
    module.tracker.forget()
    await module_node.call("busy", {"n": 0})
    assert HintReader.seen[-1]["preferred_node"] == "node-b"


async def test_a_fold_redecides_a_policy_but_keeps_its_keys_and_codec(
    module_node: pf.Node, optimize: Optimize, double: Calls
) -> None:
    module = await optimize()
    await module_node.call("double", {"n": 1})
    policy = module.tracker.policy("double")
    assert policy is not None and policy.codec is not None
    keys, codec = policy.keys, policy.codec
    for n in (2, 3):  # new records: each fold updates the model and redecides the policy
        await module_node.call("double", {"n": n})
        module.fold()
    assert module.tracker.policy("double") is policy
    assert (policy.keys, policy.codec) == (keys, codec)
    assert module.stats("double")["capabilities"]["double"]["calls"] == 3
    module_node.registry.add(module_node.registry.get("double"), replace=True)
    assert module.tracker.policy("double") is not policy  # registered again: decided anew
