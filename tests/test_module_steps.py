"""Modules that see composition steps (``Module.steps``): every step of a plan runs through
their request and response hooks, with the step path and the composition state."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from pydantic import BaseModel

import packetflow as pf


class StepWatcher(pf.Module):
    """Records every request and outcome it sees: (capability, step path, composition step)."""

    name = "step_watcher"
    steps = True
    requests: ClassVar[list[tuple[str | None, Any, Any]]] = []
    outcomes: ClassVar[list[tuple[str, str | None, Any]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest, context: pf.Context) -> None:
        state = context.composition
        self.requests.append(
            (request.capability_id, request.metadata.get("step"), state and state.current_step)
        )

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: pf.Context) -> None:
        self.outcomes.append((response.type, response.capability_id, response.metadata.get("x")))


class TopOnly(pf.Module):
    name = "top_only"
    seen: ClassVar[list[str | None]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        self.seen.append(request.capability_id)


@pytest.fixture(autouse=True)
def _clear() -> None:
    for store in (StepWatcher.requests, StepWatcher.outcomes, TopOnly.seen):
        store.clear()


class A(BaseModel):
    a: int


class B(BaseModel):
    b: int


class Calls(dict[str, list[dict[str, Any]]]):
    """The payloads each capability received, by name."""


@pytest.fixture
def two_steps(module_node: pf.Node) -> Calls:
    calls = Calls()

    @pf.capability
    async def first(x: int) -> A:
        calls.setdefault("first", []).append({"x": x})
        return A(a=1)

    @pf.capability
    async def second(a: int) -> B:
        calls.setdefault("second", []).append({"a": a})
        return B(b=2)

    module_node.register(first, second)
    module_node.register(
        pf.composition("both", pf.pipeline(pf.step("first"), pf.step("second")), input=["x"])
    )
    return calls


async def test_a_module_with_steps_sees_every_step_and_others_only_the_request(
    module_node: pf.Node, register_module: Any, two_steps: Calls
) -> None:
    await register_module(StepWatcher)
    await register_module(TopOnly)
    out = await module_node.call("both", {"x": 5})
    assert out == {"a": 1, "b": 2}
    assert StepWatcher.requests == [
        ("both", None, None),
        ("first", "pipeline[0].step", "pipeline[0].step"),
        ("second", "pipeline[1].step", "pipeline[1].step"),
    ]
    assert [(kind, cap) for kind, cap, _ in StepWatcher.outcomes] == [
        ("capability_response", "first"),
        ("capability_response", "second"),
        ("capability_response", "both"),
    ]
    assert TopOnly.seen == ["both"]
    assert two_steps["first"] == [{"x": 5}]


class StepCache(pf.Module):
    """Answers step ``first`` itself and fails step ``second`` when told to."""

    name = "step_cache"
    steps = True
    fail_second: ClassVar[bool] = False

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Decision | None:
        if request.metadata.get("step") is None:
            return None
        if request.capability_id == "first":
            return pf.Respond(pf.CapabilityResponse(payload={"a": 40}))
        if request.capability_id == "second" and self.fail_second:
            return pf.Fail("E429", "step_cache: zone full")
        return pf.Intercept(request.model_copy(update={"payload": {"a": 41}}))


async def test_respond_answers_a_step_and_intercept_changes_its_payload(
    module_node: pf.Node, register_module: Any, two_steps: Calls
) -> None:
    await register_module(StepCache)
    await module_node.call("both", {"x": 5})
    assert "first" not in two_steps  # answered by the module: never ran
    assert two_steps["second"] == [{"a": 41}]


async def test_fail_fails_the_step_with_its_path(
    module_node: pf.Node, register_module: Any, two_steps: Calls
) -> None:
    StepCache.fail_second = True
    try:
        await register_module(StepCache)
        with pytest.raises(pf.errors.RateLimitedError) as caught:
            await module_node.call("both", {"x": 5})
    finally:
        StepCache.fail_second = False
    assert caught.value.details["path"] == "pipeline[1].step"
    assert "second" not in two_steps


async def test_without_step_modules_steps_run_directly(
    module_node: pf.Node, register_module: Any, two_steps: Calls
) -> None:
    await register_module(TopOnly)
    assert module_node.engine.steps is None
    await module_node.call("both", {"x": 5})
    assert TopOnly.seen == ["both"]
    assert two_steps["second"] == [{"a": 1}]
