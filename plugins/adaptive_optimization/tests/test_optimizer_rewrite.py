"""Plan rewriting: which pipeline nodes become parallel groups (dataflow, reorderable,
effects, caught failures), contention caps on map_reduce, the rewrite cache, and a rewrite
that does not validate being discarded."""

from __future__ import annotations

from typing import Any

import pytest
import trio
from adaptive_kit import Optimize
from pydantic import BaseModel

import packetflow as pf
from packetflow_adaptive_optimization import AdaptiveOptimizationModule, Rewriter


class X(BaseModel):
    x: int


class Y(BaseModel):
    y: int


class Z(BaseModel):
    z: int


class W(BaseModel):
    w: int


def pure(name: str, out: type[BaseModel], field: str, **options: Any) -> pf.Capability:
    async def run(inp: X) -> Any:
        await trio.sleep(0.01)
        return out(**{field: inp.x + 1})

    run.__annotations__["return"] = out  # a typed result: the rewriter knows what it writes
    return pf.capability(name=name, idempotent=options.pop("idempotent", True), **options)(run)


@pytest.fixture
def caps(module_node: pf.Node) -> pf.Node:
    module_node.register(
        pure("to_y", Y, "y"),
        pure("to_z", Z, "z"),
        pure("to_w", W, "w"),
        pure("plain_w", W, "w", idempotent=False),
        pure("free_w", W, "w", idempotent=False, reorderable=True),
        pure("notify_y", Y, "y", effects=[pf.Notify("ys")]),
        pure("notify_z", Z, "z", effects=[pf.Notify("zs")]),
        pure("metric_w", W, "w", effects=[pf.Metric("counter", "ws")]),
    )

    @pf.capability(idempotent=True)
    async def y_to_x(inp: Y) -> X:
        return X(x=inp.y * 10)

    module_node.register(y_to_x)
    return module_node


def rewriter(node: pf.Node) -> Rewriter:
    return Rewriter(node, lambda name: None, lambda: 0, max_cached=16)


def shape(plan: pf.PlanNode) -> Any:
    """A plan's structure: step names, lists for pipelines, sets for parallel groups."""
    if isinstance(plan, pf.Step):
        return plan.cap
    if isinstance(plan, pf.Pipeline):
        return [shape(child) for child in plan.steps]
    if isinstance(plan, pf.Parallel):
        return frozenset(shape(branch) for branch in plan.branches.values())
    return plan.type


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (["to_y", "to_z", "to_w"], [frozenset({"to_y", "to_z", "to_w"})]),
        (["to_y", "y_to_x"], ["to_y", "y_to_x"]),  # y_to_x reads the y that to_y writes
        (["to_y", "plain_w"], ["to_y", "plain_w"]),  # not reorderable
        (["to_y", "free_w"], [frozenset({"to_y", "free_w"})]),  # reorderable=True
        (["notify_y", "notify_z"], ["notify_y", "notify_z"]),  # two publishers keep order
        (["notify_y", "to_z", "metric_w"], [frozenset({"notify_y", "to_z", "metric_w"})]),
        (["to_w", "metric_w"], ["to_w", "metric_w"]),  # both write w
    ],
    ids=["independent", "dependency", "not-reorderable", "reorderable-flag", "two-notify",
         "one-notify-and-metrics", "same-output"],
)  # fmt: skip
async def test_which_steps_group(caps: pf.Node, steps: list[str], expected: Any) -> None:
    plan = pf.pipeline(*(pf.step(name) for name in steps))
    result = rewriter(caps).rewrite(plan)
    assert shape(result.plan) == expected
    assert result.changed == (shape(plan) != shape(result.plan))


async def test_a_later_writer_of_a_key_read_earlier_still_groups(caps: pf.Node) -> None:
    # y_to_x (y from the request) writes x, which to_z read before it: branches run on
    # copies of the blackboard, so to_z still sees the old x, exactly as in order.
    plan = pf.pipeline(pf.step("to_z"), pf.step("y_to_x"))
    rewritten = rewriter(caps).rewrite(plan).plan
    assert shape(rewritten) == [frozenset({"to_z", "y_to_x"})]
    inputs = {"x": 1, "y": 5}
    assert await caps.run(rewritten, inputs) == await caps.run(plan, inputs)
    assert (await caps.run(rewritten, inputs))["z"] == 2  # computed from the old x


async def test_nested_pipelines_are_flattened_and_other_nodes_rewritten_inside(
    caps: pf.Node,
) -> None:
    plan = pf.pipeline(
        pf.step("to_y"),
        pf.pipeline(pf.step("to_z"), pf.step("to_w")),
        pf.conditional(
            pf.when("x > 0", pf.pipeline(pf.step("notify_y"), pf.step("to_z"))),
        ),
    )
    rewritten = rewriter(caps).rewrite(plan).plan
    assert isinstance(rewritten, pf.Pipeline)
    assert shape(rewritten.steps[0]) == frozenset({"to_y", "to_z", "to_w"})
    arm = rewritten.steps[1]
    assert isinstance(arm, pf.Conditional)
    assert shape(arm.branches[0].then) == [frozenset({"notify_y", "to_z"})]


async def test_nothing_is_regrouped_where_a_failure_is_caught(caps: pf.Node) -> None:
    body = pf.pipeline(pf.step("to_y"), pf.step("to_z"))
    for plan in (
        pf.retry(body),
        pf.loop(over="items", body=body, as_="x", on_error="skip"),
        pf.parallel({"one": body}, partial_failure="continue"),
    ):
        assert rewriter(caps).rewrite(plan).plan is plan
    failing_loop = pf.loop(over="items", body=body, as_="x")  # on_error="fail": a failure fails
    rewritten = rewriter(caps).rewrite(failing_loop).plan
    assert isinstance(rewritten, pf.Loop)
    assert shape(rewritten.body) == [frozenset({"to_y", "to_z"})]


async def test_rewrites_are_cached_by_plan_until_the_registry_changes(caps: pf.Node) -> None:
    plan = pf.pipeline(pf.step("to_y"), pf.step("to_z"))
    found = rewriter(caps)
    first = found.rewrite(plan)
    assert found.rewrite(plan) is first
    assert found.rewrite(pf.load_plan(pf.dump_plan(plan))) is first  # same JSON, new object
    assert (found.plans, found.cache_hits) == (1, 2)
    caps.register(pure("another", Y, "y"))
    found.rewrite(plan)
    assert found.plans == 2


async def test_a_capability_re_registered_unsafe_stops_grouping(caps: pf.Node) -> None:
    plan = pf.pipeline(pf.step("to_y"), pf.step("to_z"))
    found = rewriter(caps)
    assert found.compute(plan).changed  # both reorderable: one parallel group
    caps.registry.add(pure("to_z", Z, "z", idempotent=False), replace=True)
    assert not found.compute(plan).changed  # what was known of to_z went with the registry


async def test_a_rewrite_that_does_not_validate_is_discarded_and_counted(caps: pf.Node) -> None:
    original = caps.validate(pf.pipeline(pf.step("to_y"), pf.step("y_to_x")))
    broken = pf.parallel(pf.step("to_y"), pf.step("y_to_x"))  # y_to_x would miss y
    found = rewriter(caps)
    assert found.accept(original, broken) is False
    assert found.invalid == 1
    assert found.describe()["invalid"] == 1


async def test_a_registered_composition_runs_rewritten_with_the_same_result(
    caps: pf.Node, optimize: Optimize
) -> None:
    caps.register(
        pf.composition("fan", pf.pipeline(pf.step("to_y"), pf.step("to_z"), pf.step("to_w")))
    )
    without = await caps.call("fan", {"x": 1})
    await optimize()
    assert await caps.call("fan", {"x": 2}) == {"y": 3, "z": 3, "w": 3}
    assert without == {"y": 2, "z": 2, "w": 2}
    paths = [record.path for record in caps.executions[-1].records]
    assert all(".parallel.branch[" in path for path in paths)


class Item(BaseModel):
    item: int


class Done(BaseModel):
    done: int


async def test_contention_lowers_a_map_reduce_concurrency(
    module_node: pf.Node, optimize: Optimize
) -> None:
    running = 0

    @pf.capability(idempotent=True)
    async def scarce(inp: Item) -> Done:
        nonlocal running
        running += 1
        try:
            if running > 2:  # a resource that takes two at a time
                raise pf.errors.RateLimitedError("scarce: busy", retry_after_ms=1)
            await trio.sleep(0.01)
            return Done(done=inp.item)
        finally:
            running -= 1

    plan = pf.map_reduce(over="items", map=pf.step("scarce"), emit=["done"], max_concurrency=8)
    module_node.register(scarce, pf.composition("spread", plan))
    module = await optimize(cache=[])
    with pytest.raises(pf.errors.RateLimitedError):
        await module_node.call("spread", {"items": list(range(8))})
    module.fold()
    assert module.models.allowed_concurrency("scarce") is not None
    out = await module_node.call("spread", {"items": list(range(8, 16))})
    assert out == {"all_done": list(range(8, 16))}
    rewritten = module.rewriter.rewrite(plan)
    assert rewritten.capped and rewritten.capped[0][1:] == (8, rewritten.plan.max_concurrency)


async def test_rewriting_can_be_switched_off(caps: pf.Node, register_module: Any) -> None:
    module = await register_module(AdaptiveOptimizationModule, config={"rewrite": False})
    caps.register(pf.composition("fan2", pf.pipeline(pf.step("to_y"), pf.step("to_z"))))
    await caps.call("fan2", {"x": 1})
    assert module.rewriter.plans == 0
