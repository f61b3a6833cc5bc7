"""Compositions as capabilities: contract, discovery, context, events, execution graph."""

from __future__ import annotations

import gc
import weakref
from typing import Any, ClassVar

import pytest

import packetflow as pf
from packetflow import errors
from packetflow._compose.compiled import MAX_SUBSTITUTES

from . import kit
from .kit import Num, Word


async def test_a_composition_registers_and_runs_like_a_capability(kit_node: pf.Node) -> None:
    comp = pf.composition(
        "number_words",
        pf.pipeline(
            pf.step("double"), pf.step("to_text", from_=["doubled->value"]), pf.step("score")
        ),
        intent="Turn a number into a scored text",
        tags=["numbers"],
        output=["text", "score"],
    )
    kit_node.register(comp)
    cap = kit_node.registry.get("number_words")
    assert cap.kind == "composition"
    assert cap.contract.requires == ("value",)
    assert cap.contract.provides == ("text", "score")
    assert cap.contract.output_schema["properties"]["score"]["type"] == "number"
    assert [c.name for c in kit_node.registry.find(tag="numbers")] == ["number_words"]
    assert await kit_node.call("number_words", {"value": 2}) == {"text": "n=4", "score": 0.3}
    with pytest.raises(errors.ContractViolationError) as info:
        await kit_node.call("number_words", {"value": "two"})
    assert info.value.details[0]["field"] == "value"
    assert kit_node.stats()["number_words"].count == 2


async def test_compositions_nest(kit_node: pf.Node) -> None:
    kit_node.register(pf.composition("twice", pf.pipeline(pf.step("inc"), pf.step("inc"))))
    kit_node.register(pf.composition("four", pf.pipeline(pf.step("twice"), pf.step("twice"))))
    assert await kit_node.call("four", {"value": 0}) == {"value": 4}


async def test_registry_changes_recompile_and_revalidate(kit_node: pf.Node) -> None:
    kit_node.register(pf.composition("chain", pf.pipeline(pf.step("inc"), pf.step("double"))))
    assert await kit_node.call("chain", {"value": 1}) == {"value": 2, "doubled": 4}
    kit_node.unregister("double")
    with pytest.raises(errors.PlanValidationError, match="'double' is not registered"):
        await kit_node.call("chain", {"value": 1})

    @pf.capability(name="double")
    async def triple(inp: Num) -> Any:
        return {"doubled": inp.value * 3}

    kit_node.register(triple)
    assert await kit_node.call("chain", {"value": 1}) == {"value": 2, "doubled": 6}


async def test_running_context_carries_composition_progress(kit_node: pf.Node) -> None:
    seen: list[dict[str, Any]] = []

    @pf.capability
    async def observe(inp: Word, ctx: pf.Context) -> Word:
        state = ctx.composition
        assert state is not None
        seen.append(
            {
                "type": state.type,
                "current_step": state.current_step,
                "steps_completed": state.steps_completed,
                "total_steps": state.total_steps,
                "results": dict(state.step_results),
                "trace": ctx.trace_id,
            }
        )
        return inp

    kit_node.register(observe)
    plan = pf.pipeline(pf.step("to_text"), pf.step("observe"), pf.step("score"))
    await kit_node.run(plan, {"value": 3}, context={"trace_id": "trace-x"})
    assert seen == [
        {
            "type": "pipeline",
            "current_step": "pipeline[1].step",
            "steps_completed": 1,
            "total_steps": 3,
            "results": {"pipeline[0].step": {"text": "n=3"}},
            "trace": "trace-x",
        }
    ]


async def test_every_step_emits_events_and_a_graph_record(kit_node: pf.Node) -> None:
    events: list[pf.ExecutionEvent] = []
    kit_node.events.subscribe(events.append)
    plan = pf.pipeline(pf.step("inc"), pf.parallel(pf.step("double"), pf.step("to_text")))
    await kit_node.run(plan, {"value": 1}, context={"trace_id": "t"}, name="demo")
    step_events = [(e.kind, e.path) for e in events if e.kind.startswith("step.")]
    assert step_events[0] == ("step.stop", "pipeline[0].step")
    assert sorted(step_events[1:]) == [
        ("step.stop", "pipeline[1].parallel.branch['double'].step"),
        ("step.stop", "pipeline[1].parallel.branch['to_text'].step"),
    ]
    assert all(e.trace_id == "t" for e in events)
    final = events[-1]
    assert final.kind == "composition.stop" and final.capability == "demo"
    graph = kit_node.executions[-1]
    assert final.extra["graph"] is graph
    assert graph.status == "ok" and len(graph.records) == 3
    assert graph.to_dict()["records"][0]["capability"] == "inc"


async def test_executions_history_is_bounded(kit_node: pf.Node) -> None:
    for _ in range(kit_node.engine.executions.maxlen + 5):  # type: ignore[operator]
        await kit_node.run(pf.step("inc"), {"value": 1})
    assert len(kit_node.executions) == kit_node.engine.executions.maxlen


class Substituting(pf.Module):
    """Optimizes every composition into ``plan``, or into a new plan object each time."""

    name = "substituting"
    plan: ClassVar[pf.PlanNode | None] = None
    returned: ClassVar[list[weakref.ref[pf.PlanNode]]] = []

    @pf.hookimpl
    def packetflow_handle_composition(self, plan: pf.PlanNode, context: pf.Context) -> Any:
        new = self.plan or pf.pipeline(pf.step("inc"), pf.step("inc"))
        self.returned.append(weakref.ref(new))
        return pf.Optimize(new)


@pytest.fixture
def lookups(module_node: pf.Node) -> list[str]:
    """The capability names the engine looks up (validating and compiling plans does)."""
    module_node.register(kit.ALL)
    module_node.register(pf.composition("once", pf.pipeline(pf.step("inc"))))
    seen: list[str] = []
    real = module_node.engine.lookup

    def counting(name: str) -> pf.Capability | None:
        seen.append(name)
        return real(name)

    module_node.engine.lookup = counting
    Substituting.returned.clear()
    return seen


async def test_a_substituted_plan_is_validated_and_compiled_once_per_generation(
    module_node: pf.Node, register_module: Any, lookups: list[str]
) -> None:
    Substituting.plan = pf.pipeline(pf.step("inc"), pf.step("inc"))
    await register_module(Substituting)
    assert await module_node.call("once", {"value": 0}) == {"value": 2}
    checked = len(lookups)
    assert checked > 0
    for value in range(3):
        assert await module_node.call("once", {"value": value}) == {"value": value + 2}
    assert len(lookups) == checked  # the same plan object: neither validated nor compiled again
    module_node.unregister("score")  # a registry change invalidates what was checked
    assert await module_node.call("once", {"value": 0}) == {"value": 2}
    rechecked = len(lookups)
    assert rechecked > checked
    assert await module_node.call("once", {"value": 0}) == {"value": 2}
    assert len(lookups) == rechecked


async def test_substituted_plans_kept_are_bounded(
    module_node: pf.Node, register_module: Any, lookups: list[str]
) -> None:
    Substituting.plan = None  # a new plan object on every run: each is checked, few are kept
    await register_module(Substituting)
    for _ in range(MAX_SUBSTITUTES * 3):
        assert await module_node.call("once", {"value": 0}) == {"value": 2}
    gc.collect()
    alive = [ref for ref in Substituting.returned if ref() is not None]
    assert 0 < len(alive) <= MAX_SUBSTITUTES
    assert Substituting.returned[-1]() is not None  # the most recent one is among them
