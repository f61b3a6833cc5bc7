"""The chain: order, decisions, response hooks on every outcome, scoping, tracing."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow.testing import ChainRecorder, FakeCapabilities

seen: list[tuple[str, str]] = []


class Recording(pf.Module):
    """Records its request and response hooks in ``seen``."""

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest, context: pf.Context) -> None:
        seen.append(("request", self.name))

    @pf.hookimpl
    async def packetflow_handle_response(self, response: Any, context: pf.Context) -> None:
        seen.append(("response", self.name))


def recording(name: str, priority: int, **attrs: Any) -> type[pf.Module]:
    return type(name, (Recording,), {"name": name, "priority": priority, **attrs})


@pytest.fixture(autouse=True)
def _clear() -> None:
    seen.clear()


async def test_requests_ascend_and_responses_descend_by_priority(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    for name, priority in (("third", 300), ("first", 100), ("second", 200)):
        await register_module(recording(name, priority))
    await module_node.call("echo", {"x": 1})
    assert seen == [
        ("request", "first"),
        ("request", "second"),
        ("request", "third"),
        ("response", "third"),
        ("response", "second"),
        ("response", "first"),
    ]
    assert module_node.modules.chain_order() == {
        "request": ["first", "second", "third"],
        "composition": [],
        "response": ["third", "second", "first"],
    }


async def test_equal_priorities_order_by_name(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    for name in ("zeta", "alpha", "mid"):
        await register_module(recording(name, 100))
    await module_node.dispatch(pf.CapabilityRequest(capability_id="echo"))
    assert [m for chain, m in seen if chain == "request"] == ["alpha", "mid", "zeta"]
    assert [m for chain, m in seen if chain == "response"] == ["zeta", "mid", "alpha"]


class Tagger(pf.Module):
    name = "tagger"
    priority = 10

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Intercept:
        payload = {**request.payload, "tagged": True}
        return pf.Intercept(request.model_copy(update={"payload": payload, "origin": "tagger"}))


class Witness(pf.Module):
    name = "witness"
    priority = 20
    requests: ClassVar[list[pf.CapabilityRequest]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        self.requests.append(request)


async def test_intercept_is_seen_by_later_modules_and_the_capability(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Tagger)
    witness = await register_module(Witness)
    response = await module_node.dispatch(pf.CapabilityRequest(id="r1", capability_id="echo"))
    assert witness.requests[-1].payload == {"tagged": True}
    assert witness.requests[-1].model_extra == {"origin": "tagger"}  # extra fields survive
    assert response.payload == {"tagged": True}
    assert response.metadata["modules"] == ["tagger"]


class ModulesSeen(pf.Module):
    """Records ``metadata.modules`` of the responses its hook sees; with ``stale``, answers
    with a copy carrying a wrong list."""

    name = "modules_seen"
    stale = False
    lists: ClassVar[list[Any]] = []

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform | None:
        self.lists.append(response.metadata.get("modules"))
        if not self.stale:
            return None
        return pf.Transform(response.evolve(metadata={**response.metadata, "modules": ["x"]}))


async def test_response_hooks_see_the_modules_that_acted_on_the_request(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    ModulesSeen.lists.clear()
    await register_module(Tagger)
    seen_by = await register_module(ModulesSeen)
    response = await module_node.dispatch(pf.CapabilityRequest(id="r1", capability_id="echo"))
    assert seen_by.lists == [["tagger"]]
    assert response.metadata["modules"] == ["tagger"]
    assert await module_node.call("echo", {}) == {"tagged": True}
    assert seen_by.lists[-1] == ["tagger"]


async def test_the_final_response_lists_every_module_that_acted_once(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Tagger)
    await register_module(type("Stale", (ModulesSeen,), {"stale": True}))
    response = await module_node.dispatch(pf.CapabilityRequest(id="r1", capability_id="echo"))
    assert response.metadata["modules"] == ["tagger", "modules_seen"]


ANSWER = pf.CapabilityResponse(id="r9", capability_id="echo", payload={"kept": True})


class Constant(pf.Module):
    """Answers with one module-level response object (as a cache might)."""

    name = "constant"

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Respond:
        return pf.Respond(ANSWER)


async def test_a_module_s_own_response_object_is_never_written_to(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Constant)
    response = await module_node.dispatch(pf.CapabilityRequest(id="r9", capability_id="echo"))
    assert response.payload == {"kept": True}
    assert response.metadata["modules"] == ["constant"]
    assert ANSWER.metadata == {}


class Cache(pf.Module):
    name = "cache"
    priority = 50

    @pf.hookimpl
    async def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Respond:
        return pf.Respond({"cached": True})


async def test_respond_skips_execution_and_later_request_hooks_but_not_responses(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(recording("before", 10))
    await register_module(Cache)
    await register_module(recording("after", 90))
    response = await module_node.dispatch(pf.CapabilityRequest(id="r2", capability_id="echo"))
    assert response.payload == {"cached": True}
    assert response.id == "r2"
    assert fake_capabilities.calls["echo"] == []
    assert seen == [("request", "before"), ("response", "after"), ("response", "before")]
    assert await module_node.call("echo", {"x": 1}) == {"cached": True}


SHARED_PAYLOAD = {"cached": True}


class CacheWithMetadata(pf.Module):
    name = "cache_meta"
    priority = 50

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Respond:
        return pf.Respond(SHARED_PAYLOAD, metadata={"cache_hit": True})


async def test_respond_with_a_payload_and_metadata_builds_the_response_from_a_copy(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(CacheWithMetadata)
    response = await module_node.dispatch(pf.CapabilityRequest(id="r3", capability_id="echo"))
    assert (response.id, response.capability_id) == ("r3", "echo")
    assert response.payload == {"cached": True}
    assert response.metadata == {"cache_hit": True, "modules": ["cache_meta"]}
    assert response == pf.CapabilityResponse(
        id="r3", capability_id="echo", payload={"cached": True}, metadata=response.metadata
    )
    response.payload["cached"] = False  # the response owns its payload, not the module
    assert SHARED_PAYLOAD == {"cached": True}
    assert fake_capabilities.calls["echo"] == []


def test_respond_refuses_metadata_beside_a_whole_response_and_non_mappings() -> None:
    whole = pf.CapabilityResponse(id="x", capability_id="echo", payload={})
    with pytest.raises(TypeError, match="metadata goes with a payload mapping"):
        pf.Respond(whole, metadata={"cache_hit": True})
    with pytest.raises(TypeError, match="expected a mapping"):
        pf.Respond({"a": 1}, metadata=["cache_hit"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expected a pf\.CapabilityResponse or a payload"):
        pf.Respond(["a"])  # type: ignore[arg-type]


class Guard(pf.Module):
    name = "guard"

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Fail | None:
        if request.capability_id == "echo":
            return pf.Fail("E403", "guard: echo is not allowed", details={"rule": "no-echo"})
        return None


class Observer(pf.Module):
    name = "observer"
    outcomes: ClassVar[list[Any]] = []

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> None:
        self.outcomes.append(response)


async def test_fail_returns_the_code_and_response_hooks_see_the_error(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Guard)
    observer = await register_module(Observer)
    with pytest.raises(pf.errors.ForbiddenError) as caught:
        await module_node.call("echo", {})
    assert caught.value.code == "E403"
    assert caught.value.details == {"rule": "no-echo"}
    assert fake_capabilities.calls["echo"] == []
    error = observer.outcomes[-1]
    assert isinstance(error, pf.CapabilityError)
    assert error.error.code == "E403"


async def test_response_hooks_see_execution_errors(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    observer = await register_module(Observer)
    with pytest.raises(pf.errors.ExecutionFailedError):
        await module_node.call("fail", {})
    with pytest.raises(pf.errors.NotFoundError):
        await module_node.call("nope", {})
    assert [o.error.code for o in observer.outcomes[-2:]] == ["E500", "E404"]


class Rewriter(pf.Module):
    name = "rewriter"

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform | None:
        if isinstance(response, pf.CapabilityError):  # a fallback answer instead of the error
            return pf.Transform(
                pf.CapabilityResponse(id=response.id, payload={"fallback": response.error.code})
            )
        payload = {**response.payload, "rewritten": True}
        return pf.Transform(response.model_copy(update={"payload": payload}))


async def test_transform_replaces_responses_and_errors(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Rewriter)
    assert await module_node.call("echo", {"a": 1}) == {"a": 1, "rewritten": True}
    assert await module_node.call("fail", {}) == {"fallback": "E500"}


class Stamp(pf.Module):
    """Adds metadata to every outcome: by returning a copy, or by writing to it in place."""

    name = "stamp"
    in_place = False

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform | None:
        if self.in_place:
            response.metadata["stamped"] = "in-place"
            return None
        stamped = {**response.metadata, "stamped": "copy"}
        return pf.Transform(response.model_copy(update={"metadata": stamped}))


@pytest.mark.parametrize("in_place", [False, True], ids=["transform", "in-place"])
async def test_metadata_response_hooks_add_to_an_error_is_kept_on_the_raised_error(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    in_place: bool,
) -> None:
    @pf.capability(intent="Raise a bug")
    async def buggy(payload):  # untyped: the payload mapping
        raise RuntimeError("bug")

    module_node.register(buggy)
    await register_module(type("Stamp", (Stamp,), {"in_place": in_place}))
    expected = {"stamped": "in-place"} if in_place else {"stamped": "copy", "modules": ["stamp"]}
    with pytest.raises(pf.errors.ExecutionFailedError) as caught:
        await module_node.call("buggy", {})
    assert caught.value.metadata == expected
    if in_place:  # the error no hook replaced keeps its cause
        assert isinstance(caught.value.__cause__, RuntimeError)
    # One exception raised by every call (a module-level constant): this request's metadata
    # is never left on it for the next one.
    shared = pf.errors.UnavailableError("not ready", retry_after_ms=5)
    fake_capabilities.add("not_ready", error=shared)
    with pytest.raises(pf.errors.UnavailableError) as again:
        await module_node.call("not_ready", {})
    assert again.value.metadata == expected
    assert (again.value.message, again.value.retry_after_ms) == ("not ready", 5)
    assert shared.metadata == {}


async def test_response_hooks_see_error_details_as_an_object(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    observer = await register_module(Observer)
    with pytest.raises(pf.errors.NotFoundError) as caught:
        await module_node.call("nope", {})
    assert caught.value.details == {}
    assert observer.outcomes[-1].error.details == {}


class Invalid(pf.Module):
    name = "invalid"

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> Any:
        return ("continue", request)  # the seed's bare tuple: not a decision


async def test_an_invalid_decision_counts_as_an_error(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    await register_module(Invalid)
    assert await module_node.call("echo", {"a": 1}) == {"a": 1}
    assert module_node.modules.info("invalid").errors == 1


async def test_only_and_exclude_scope_a_module(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities
) -> None:
    fake_capabilities.add("user_get")
    fake_capabilities.add("user_secret")
    await register_module(recording("scoped", 1), only=["user_*"], exclude=["*_secret"])
    for name in ("echo", "user_get", "user_secret"):
        await module_node.call(name, {})
    assert seen == [("request", "scoped"), ("response", "scoped")]


async def test_chain_recorder_shows_who_decided_what(
    module_node: pf.Node,
    register_module: Any,
    chain_recorder: ChainRecorder,
    fake_capabilities: FakeCapabilities,
) -> None:
    await register_module(Tagger)
    await register_module(Guard)
    with pytest.raises(pf.errors.ForbiddenError):
        await module_node.call("echo", {})
    assert chain_recorder.decisions() == [
        ("tagger", "request", "Intercept"),
        ("guard", "request", "Fail"),
    ]


async def test_trace_env_logs_every_hook_call(
    module_node: pf.Node,
    register_module: Any,
    fake_capabilities: FakeCapabilities,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("PACKETFLOW_TRACE_MODULES", "1")
    await register_module(Tagger)
    with caplog.at_level(logging.INFO, logger="packetflow.modules.trace"):
        await module_node.call("echo", {})
    [line] = [r.getMessage() for r in caplog.records if r.name == "packetflow.modules.trace"]
    assert line.startswith("module=tagger hook=packetflow_handle_request decision=Intercept")
    assert "duration_ms=" in line


async def test_no_module_means_no_chain(node: pf.Node) -> None:
    assert not node.modules.active
    assert node.modules.list_active() == []


class HelloConfig(BaseModel):
    tag: str = "hello"


class HelloModule(pf.Module):  # SPEC section 9, verbatim: the third-party module contract
    name = "hello"
    priority = 150
    Config = HelloConfig

    async def start(self, config: HelloConfig, node: pf.Node) -> None:
        self.tag = config.tag

    @pf.hookimpl
    async def packetflow_handle_request(
        self, request: pf.CapabilityRequest, context: pf.Context
    ) -> pf.Fail | pf.Intercept:
        if request.capability_id == "forbidden":
            return pf.Fail("E403", "hello: 'forbidden' is not allowed")
        return pf.Intercept(
            request.model_copy(update={"metadata": {**request.metadata, self.tag: True}})
        )

    @pf.hookimpl
    def packetflow_handle_response(
        self, response: pf.CapabilityResponse, context: pf.Context
    ) -> None:
        return None  # Continue


async def test_the_spec_example_module_works_as_written(
    module_node: pf.Node,
    register_module: Any,
    chain_recorder: ChainRecorder,
    fake_capabilities: FakeCapabilities,
) -> None:
    fake_capabilities.add("forbidden")
    await register_module(HelloModule, config={"tag": "hi"})
    with pytest.raises(pf.errors.ForbiddenError, match="'forbidden' is not allowed"):
        await module_node.call("forbidden", {})
    response = await module_node.dispatch(pf.CapabilityRequest(capability_id="echo"))
    assert response.metadata["modules"] == ["hello"]
    assert chain_recorder.decisions("hello")[-2:] == [
        ("hello", "request", "Intercept"),
        ("hello", "response", "Continue"),
    ]
