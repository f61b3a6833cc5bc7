"""``pf.Annotate``: a hook adds metadata keys and extra top-level fields to the message instead
of replacing it; the chain writes into the messages it built for the request and copies any
other once."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
import trio

import packetflow as pf
from packetflow.testing import FakeCapabilities


class Tagger(pf.Module):
    """Annotates every request and response (``zone`` and ``spatial_context``)."""

    name = "tagger"
    priority = 100

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Annotate:
        return pf.Annotate(metadata={"zone": "ai"}, fields={"spatial_context": {"zone": "ai"}})

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Annotate:
        return pf.Annotate(metadata={"served_in": "ai"})


class Second(pf.Module):
    """After the tagger: records what it sees, and annotates the response once more."""

    name = "second"
    priority = 200
    requests: ClassVar[list[pf.CapabilityRequest]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Annotate:
        self.requests.append(request)
        return pf.Annotate(fields={"checked": True})

    @pf.hookimpl
    async def packetflow_handle_response(self, response: Any) -> pf.Annotate:
        await trio.lowlevel.checkpoint()  # an async hook that blocks before it decides
        return pf.Annotate(metadata={"second": True})


class Seeing(pf.Module):
    """Seen by the capability: copies the fields the request reached the execution with."""

    name = "seeing"
    priority = 300
    seen: ClassVar[list[dict[str, Any]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        self.seen.append(
            {
                "metadata": dict(request.metadata),
                "spatial_context": getattr(request, "spatial_context", None),
                "checked": getattr(request, "checked", None),
            }
        )


@pytest.fixture(autouse=True)
def _reset() -> None:
    Second.requests.clear()
    Seeing.seen.clear()


async def test_later_modules_and_the_response_see_every_annotation(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    for module in (Tagger, Second, Seeing):
        await register_module(module)
    request = pf.CapabilityRequest(id="r1", capability_id="echo", payload={"x": 1})
    response = await module_node.dispatch(request)
    assert Seeing.seen == [
        {"metadata": {"zone": "ai"}, "spatial_context": {"zone": "ai"}, "checked": True}
    ]
    assert response.payload == {"x": 1}
    assert response.metadata["served_in"] == "ai" and response.metadata["second"] is True
    assert response.metadata["modules"] == ["tagger", "second"]
    # the caller's request is never written into: the chain annotated its own copy
    assert request.metadata == {} and request.model_extra == {}


async def test_the_request_node_call_builds_is_annotated_in_place(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Tagger)
    await register_module(Second)
    assert await module_node.call("echo", {"x": 2}) == {"x": 2}
    (seen,) = Second.requests
    # the tagger's annotation went into the request node.call built: the second module was
    # handed that very object, and its own annotation is in it too
    assert seen.metadata == {"zone": "ai"}
    assert seen.model_extra == {"spatial_context": {"zone": "ai"}, "checked": True}


async def test_composition_steps_are_annotated_as_requests_are(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(type("StepTagger", (Tagger,), {"name": "step_tagger", "steps": True}))
    await register_module(type("StepSeeing", (Seeing,), {"name": "step_seeing", "steps": True}))
    module_node.register(pf.composition("twice", pf.pipeline(pf.step("echo"), pf.step("echo"))))
    await module_node.call("twice", {"x": 3})
    assert fake_capabilities.calls["echo"] == [{"x": 3}, {"x": 3}]
    steps = [seen for seen in Seeing.seen if "step" in seen["metadata"]]
    assert [seen["metadata"] for seen in steps] == [
        {"step": "pipeline[0].step", "zone": "ai"},
        {"step": "pipeline[1].step", "zone": "ai"},
    ]


class Stamp(pf.Module):
    """Acts on responses only (the request passes untouched)."""

    name = "stamp"

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Annotate:
        return pf.Annotate(metadata={"stamped": True})


async def test_a_module_acting_on_responses_only_is_listed_in_the_response(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Stamp)
    response = await module_node.dispatch(pf.CapabilityRequest(id="r4", capability_id="echo"))
    assert response.metadata["stamped"] is True
    assert response.metadata["modules"] == ["stamp"]
    assert "execution_time_ms" in response.metadata  # the execution's own response, annotated


class Deadline(pf.Module):
    name = "deadline"

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Annotate:
        return pf.Annotate(metadata={"timeout_ms": 1})


async def test_an_annotated_timeout_is_the_deadline_the_request_executes_under(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    gate = trio.Event()  # never set: the capability waits until the deadline cuts it off
    fake_capabilities.add("held", gate=gate)
    await register_module(Deadline)
    with pytest.raises(pf.errors.DeadlineExceededError):
        await module_node.call("held", {})
    with pytest.raises(pf.errors.DeadlineExceededError):
        await module_node.dispatch(pf.CapabilityRequest(capability_id="held"))


class Cached(pf.Module):
    """Answers with one shared response object; a later module annotates the response."""

    name = "cached"
    priority = 50
    answer = pf.CapabilityResponse(id="", capability_id="echo", payload={"cached": True})

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Respond:
        return pf.Respond(self.answer)


async def test_a_module_s_own_response_is_copied_before_it_is_annotated(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Cached)
    await register_module(Tagger)
    first = await module_node.dispatch(pf.CapabilityRequest(capability_id="echo"))
    second = await module_node.dispatch(pf.CapabilityRequest(capability_id="echo"))
    assert first.metadata["served_in"] == second.metadata["served_in"] == "ai"
    assert Cached.answer.metadata == {}  # the module's object was never written into
    assert first is not second


class Planner(pf.Module):
    name = "planner"

    @pf.hookimpl
    def packetflow_handle_composition(self, plan: pf.PlanNode) -> Any:
        return pf.Annotate(metadata={"nope": True})


async def test_annotate_is_not_a_composition_decision(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Planner)
    module_node.register(pf.composition("one", pf.pipeline(pf.step("echo"))))
    # fail-open (the default): the hook's invalid decision is counted, the plan runs as is
    await module_node.call("one", {"x": 4})
    assert fake_capabilities.calls["echo"] == [{"x": 4}]
    assert module_node.modules.info("planner").errors == 1


def test_annotate_refuses_declared_fields_and_non_mappings() -> None:
    with pytest.raises(TypeError, match=r"\['payload'\] are declared message fields"):
        pf.Annotate(fields={"payload": {}})
    with pytest.raises(TypeError, match="expected a mapping"):
        pf.Annotate(metadata=[("zone", "ai")])  # type: ignore[arg-type]
