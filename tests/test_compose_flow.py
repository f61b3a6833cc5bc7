"""pipeline, parallel and conditional."""

from __future__ import annotations

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow import errors

from .kit import tracker


async def test_pipeline_threads_the_blackboard(kit_node: pf.Node) -> None:
    plan = pf.pipeline(
        pf.step("inc"),
        pf.step("inc"),
        pf.step("double"),
        pf.step("to_text", from_=["doubled->value"]),
        pf.step("score"),
    )
    out = await kit_node.run(plan, {"value": 1})
    assert out == {"value": 3, "doubled": 6, "text": "n=6", "score": 0.3}


async def test_pipeline_stops_at_the_first_error(kit_node: pf.Node) -> None:
    plan = pf.sequence(pf.step("inc"), pf.step("rejects"), pf.step("double"))
    with pytest.raises(errors.ContractViolationError) as info:
        await kit_node.run(plan, {"value": 1})
    assert info.value.details == {"path": "sequence[1].step"}
    graph = kit_node.executions[-1]
    assert [r.capability for r in graph.records] == ["inc", "rejects"]
    assert graph.status == "error"


async def test_parallel_merges_branch_outputs(kit_node: pf.Node) -> None:
    plan = pf.parallel(pf.step("double"), pf.step("to_text"))
    assert await kit_node.run(plan, {"value": 4}) == {"value": 4, "doubled": 8, "text": "n=4"}


async def test_parallel_by_branch_keys_results(kit_node: pf.Node) -> None:
    plan = pf.parallel({"a": pf.step("inc"), "b": pf.step("double")}, combine="by_branch")
    out = await kit_node.run(plan, {"value": 1})
    assert out == {"value": 1, "a": {"value": 2}, "b": {"doubled": 2}}


async def test_parallel_runs_branches_concurrently(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    plan = pf.parallel(
        {
            "one": pf.step("sleepy", from_=["one->seconds", "l1->label"], to=["done->d1"]),
            "two": pf.step("sleepy", from_=["two->seconds", "l2->label"], to=["done->d2"]),
        }
    )
    out = await kit_node.run(plan, {"one": 3.0, "two": 5.0, "l1": "a", "l2": "b"})
    assert (out["d1"], out["d2"]) == ("a", "b")
    assert trio.current_time() == pytest.approx(5.0)
    assert tracker.peak == 2


async def test_parallel_max_concurrency_bounds_branches_with_the_same_results(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    branches = {
        f"b{i}": pf.step("sleepy", from_=[f"s{i}->seconds", f"l{i}->label"], to=[f"done->d{i}"])
        for i in range(5)
    }
    inputs = {**{f"s{i}": 1.0 for i in range(5)}, **{f"l{i}": f"x{i}" for i in range(5)}}
    free = await kit_node.run(pf.parallel(branches), dict(inputs))
    assert tracker.peak == 5
    tracker.peak = 0
    started = trio.current_time()
    bounded = await kit_node.run(pf.parallel(branches, max_concurrency=2), dict(inputs))
    assert bounded == free
    assert tracker.peak == 2
    assert trio.current_time() - started == pytest.approx(3.0)  # 5 branches, 2 at a time
    assert pf.dump_plan(pf.parallel(branches)).count("max_concurrency") == 0  # default omitted


async def test_parallel_fail_fast_cancels_siblings(
    kit_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    plan = pf.parallel(
        {
            "slow": pf.step("sleepy", from_=["slow->seconds", "label"]),
            "bad": pf.step("unavailable"),
        }
    )
    with pytest.raises(errors.UnavailableError) as info:
        await kit_node.run(plan, {"slow": 60.0, "label": "slow", "value": 1})
    assert info.value.details == {"path": "parallel.branch['bad'].step"}
    assert tracker.cancelled == ["slow"]
    assert tracker.finished == []
    assert trio.current_time() < 60


async def test_parallel_continue_keeps_successes(kit_node: pf.Node) -> None:
    plan = pf.parallel(
        {"ok": pf.step("double"), "bad": pf.step("rejects")}, partial_failure="continue"
    )
    out = await kit_node.run(plan, {"value": 5})
    assert out["doubled"] == 10
    assert out["parallel_errors"]["bad"]["code"] == "E422"
    assert set(out["parallel_errors"]) == {"bad"}


async def test_parallel_timeout(kit_node: pf.Node, autojump_clock: trio.testing.MockClock) -> None:
    slow = pf.step("sleepy", from_=["seconds", "label"])
    with pytest.raises(errors.DeadlineExceededError) as info:
        await kit_node.run(pf.parallel({"s": slow}, timeout=1.5), {"seconds": 9.0, "label": "x"})
    assert info.value.details["path"] == "parallel"
    assert trio.current_time() == pytest.approx(1.5)
    lenient = pf.parallel(
        {"s": slow, "fast": pf.step("double")}, timeout=1.5, partial_failure="continue"
    )
    out = await kit_node.run(lenient, {"seconds": 9.0, "label": "y", "value": 2})
    assert out["doubled"] == 4
    assert out["parallel_errors"]["s"]["code"] == "E408"


async def test_conditional_picks_the_first_matching_arm(kit_node: pf.Node) -> None:
    plan = pf.conditional(
        pf.when("value > 10", pf.step("double")),
        pf.when(lambda bb: bb["value"] > 5, pf.step("to_text")),
        otherwise=pf.step("inc"),
    )
    assert await kit_node.run(plan, {"value": 11}) == {"value": 11, "doubled": 22}
    assert await kit_node.run(plan, {"value": 7}) == {"value": 7, "text": "n=7"}
    assert await kit_node.run(plan, {"value": 1}) == {"value": 2}
    no_otherwise = pf.conditional(pf.when("value > 10", pf.step("double")))
    assert await kit_node.run(no_otherwise, {"value": 1}) == {"value": 1}


async def test_a_raising_python_condition_is_e500_with_the_path(kit_node: pf.Node) -> None:
    plan = pf.conditional(pf.when(lambda bb: 1 / 0 > 0, pf.step("inc")))
    with pytest.raises(errors.ExecutionFailedError) as info:
        await kit_node.run(plan, {"value": 1})
    assert info.value.details == {"path": "conditional.when[0]"}
