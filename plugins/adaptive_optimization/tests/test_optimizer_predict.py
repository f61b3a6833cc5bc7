"""Prediction: after a warm-up on capabilities with known latencies (virtual time), the
estimate is within 20 % of the measured duration for pipelines, parallels, their nesting, a
rewritten pipeline and a loop; an invalid plan is E422 with the validator's node paths."""

from __future__ import annotations

from typing import Any

import pytest
import trio
from adaptive_kit import Optimize
from pydantic import BaseModel, create_model

import packetflow as pf

LATENCIES = {"a": 0.010, "b": 0.020, "c": 0.040, "d": 0.080, "r1": 0.030, "r2": 0.050}


class V(BaseModel):
    v: int = 0


def timed(name: str, seconds: float) -> pf.Capability:
    out: type[BaseModel] = create_model(f"Out_{name}", **{f"out_{name}": (int, ...)})

    async def run(inp: V) -> Any:
        await trio.sleep(seconds)
        return out(**{f"out_{name}": inp.v})

    run.__annotations__["return"] = out
    # r1/r2 may run out of order (so the rewrite parallelises them); a-d may not
    return pf.capability(name=name, reorderable=name.startswith("r"))(run)


@pytest.fixture
async def warmed(module_node: pf.Node, optimize: Optimize) -> tuple[pf.Node, Any]:
    """The node after six calls of every capability (the tests take ``autojump_clock`` so
    these latencies are exact virtual time; pytest-trio reads the clock from the test)."""
    module_node.register(*(timed(name, s) for name, s in LATENCIES.items()))
    module = await optimize()
    for name in LATENCIES:
        for i in range(6):
            await module_node.call(name, {"v": i})
    return module_node, module


def s(name: str) -> pf.Step:
    return pf.step(name)


PLANS = {
    "pipeline": pf.pipeline(s("a"), s("b"), s("c")),
    "parallel": pf.parallel(s("a"), s("d")),
    "nested": pf.pipeline(s("a"), pf.parallel(s("b"), pf.pipeline(s("c"), s("a"))), s("d")),
    "rewritten": pf.pipeline(s("r1"), s("r2")),
    "loop": pf.loop(over="items", as_="v", body=s("b")),
}


@pytest.mark.parametrize("kind", list(PLANS), ids=list(PLANS))
async def test_the_estimate_is_within_20_percent_of_the_run(
    warmed: tuple[pf.Node, Any], kind: str, autojump_clock: Any
) -> None:
    node, _ = warmed
    plan = PLANS[kind]
    inputs: dict[str, Any] = {"items": [1, 2, 3]} if kind == "loop" else {"v": 1}
    document = {"plan": pf.load_plan(pf.dump_plan(plan)).model_dump(mode="json", by_alias=True)}
    predicted = await node.call("adaptive_optimization.predict", {**document, "inputs": inputs})
    started = trio.current_time()
    await node.run(plan, inputs)  # through the module: rewritten as predicted
    measured_ms = (trio.current_time() - started) * 1000
    assert abs(predicted["estimated_ms"] - measured_ms) <= 0.2 * measured_ms
    assert predicted["confidence"] > 0.5
    assert predicted["critical_path"]


async def test_the_critical_path_and_the_bottlenecks(
    warmed: tuple[pf.Node, Any], autojump_clock: Any
) -> None:
    _, module = warmed
    nested = module.predict(PLANS["nested"], {"v": 1})
    assert nested["critical_path"] == [
        "pipeline[0].step",
        "pipeline[1].parallel.branch['pipeline1'].pipeline[0].step",
        "pipeline[1].parallel.branch['pipeline1'].pipeline[1].step",
        "pipeline[2].step",
    ]
    assert nested["estimated_ms"] == pytest.approx(140, rel=0.01)
    slow = [b for b in nested["bottlenecks"] if b["type"] == "slow_step"]
    assert slow and slow[0]["steps"] == ["pipeline[2].step"]  # d: 80 of 140 ms
    rewritten = module.predict(PLANS["rewritten"], {"v": 1})
    assert rewritten["rewritten"] is True
    assert rewritten["unoptimized_ms"] == pytest.approx(80, rel=0.01)
    assert rewritten["estimated_ms"] == pytest.approx(50, rel=0.01)
    [group] = [b for b in rewritten["bottlenecks"] if b["type"] == "sequential_independent"]
    assert group["steps"] == ["pipeline[0].step", "pipeline[1].step"]
    assert rewritten["plan"]["steps"][0]["type"] == "parallel"


async def test_a_registered_composition_is_predicted_by_name(
    warmed: tuple[pf.Node, Any], autojump_clock: Any
) -> None:
    node, _ = warmed
    node.register(pf.composition("abc", PLANS["pipeline"]))
    out = await node.call("adaptive_optimization.predict", {"composition": "abc"})
    assert out["estimated_ms"] == pytest.approx(70, rel=0.01)


async def test_an_unmeasured_plan_has_no_confidence(
    module_node: pf.Node, optimize: Optimize
) -> None:
    module_node.register(timed("fresh", 0.01))
    module = await optimize()
    out = module.predict(pf.pipeline(s("fresh")), None)
    assert out["confidence"] == 0.0
    assert [b["type"] for b in out["bottlenecks"]] == ["unmeasured"]


async def test_an_invalid_plan_is_e422_with_the_node_paths(
    warmed: tuple[pf.Node, Any], autojump_clock: Any
) -> None:
    node, _ = warmed
    bad = pf.pipeline(s("a"), pf.step("nope"), pf.step("b", from_=["missing->v"]))
    document = {"plan": pf.load_plan(pf.dump_plan(bad)).model_dump(mode="json", by_alias=True)}
    with pytest.raises(pf.errors.ContractViolationError) as caught:
        await node.call("adaptive_optimization.predict", {**document, "inputs": {"v": 1}})
    assert caught.value.code == "E422"
    paths = {issue["path"] for issue in caught.value.details}
    assert paths == {"pipeline[1].step", "pipeline[2].step"}


@pytest.mark.parametrize(
    "payload",
    [{}, {"plan": {"type": "step", "cap": "a"}, "composition": "abc"}],
    ids=["neither", "both"],
)
async def test_predict_needs_exactly_one_of_plan_and_composition(
    warmed: tuple[pf.Node, Any], payload: dict[str, Any], autojump_clock: Any
) -> None:
    node, _ = warmed
    with pytest.raises(pf.errors.ContractViolationError, match="exactly one of 'plan'"):
        await node.call("adaptive_optimization.predict", payload)


async def test_a_malformed_plan_document_is_e400(
    warmed: tuple[pf.Node, Any], autojump_clock: Any
) -> None:
    node, _ = warmed
    with pytest.raises(pf.errors.MalformedError):
        await node.call("adaptive_optimization.predict", {"plan": {"type": "teleport"}})
