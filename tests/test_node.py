"""The node: lifecycle, registration, in-process calls and dispatch."""

from __future__ import annotations

from pathlib import Path

import pytest
import trio

import packetflow as pf
from packetflow import errors

from .kit import double, inc


async def test_calls_need_a_running_node() -> None:
    node = pf.Node("idle")
    node.register(inc)
    with pytest.raises(errors.UnavailableError, match="is idle"):
        await node.call("inc", {"value": 1})
    async with node.started():
        assert node.state == "running"
        assert await node.call("inc", {"value": 1}) == {"value": 2}
    assert node.state == "stopped"
    with pytest.raises(errors.UnavailableError, match="is stopped"):
        await node.call("inc", {"value": 1})


async def test_unknown_capability_is_e404_with_a_suggestion(node: pf.Node) -> None:
    node.register(inc)
    with pytest.raises(errors.NotFoundError, match=r"did you mean 'inc'\?"):
        await node.call("inx", {})


async def test_register_rejects_duplicates_and_non_capabilities(node: pf.Node) -> None:
    node.register([inc, double])
    with pytest.raises(errors.ConflictError):
        node.register(inc)
    with pytest.raises(errors.ConflictError):
        node.register(pf.composition("inc", pf.step("double")))
    with pytest.raises(TypeError, match=r"@packetflow\.capability"):
        node.register(print)  # type: ignore[arg-type]
    node.unregister("double")
    assert node.registry.names() == ["inc"]
    with pytest.raises(errors.NotFoundError):
        node.unregister("double")


async def test_pending_compositions_can_be_unregistered_before_start() -> None:
    node = pf.Node("t")
    node.register(inc, pf.composition("twice", pf.pipeline(pf.step("inc"), pf.step("inc"))))
    node.unregister("twice")
    async with node.started():
        assert "twice" not in node.registry


async def test_dispatch_runs_a_wire_request(node: pf.Node) -> None:
    node.register(inc)
    request = pf.CapabilityRequest(
        id="r1", capability_id="inc", payload={"value": 41}, context=pf.Context(user_id="u")
    )
    response = await node.dispatch(request)
    assert isinstance(response, pf.CapabilityResponse)
    assert (response.id, response.capability_id, response.payload) == ("r1", "inc", {"value": 42})
    assert response.metadata["execution_time_ms"] >= 0
    with pytest.raises(errors.NotFoundError, match="without capability_id"):
        await node.dispatch(pf.CapabilityRequest(id="r2", intent="add one please"))


async def test_dispatch_honours_metadata_timeout(
    node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    from .kit import sleepy

    node.register(sleepy)
    request = pf.CapabilityRequest(
        id="r", capability_id="sleepy", payload={"seconds": 10}, metadata={"timeout_ms": 250}
    )
    with pytest.raises(errors.DeadlineExceededError):
        await node.dispatch(request)
    assert trio.current_time() == pytest.approx(0.25)


async def test_dispatch_payload_answers_what_dispatch_does(
    node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    from .kit import sleepy

    node.register(inc, sleepy)
    request = pf.CapabilityRequest(id="r1", capability_id="inc", payload={"value": 41})
    assert await node.dispatch_payload(request) == (await node.dispatch(request)).payload
    # A deadline in the metadata, a bad one, an unknown capability: dispatch's own answers.
    slow = pf.CapabilityRequest(
        id="r2", capability_id="sleepy", payload={"seconds": 10}, metadata={"timeout_ms": 250}
    )
    with pytest.raises(errors.DeadlineExceededError):
        await node.dispatch_payload(slow)
    assert trio.current_time() == pytest.approx(0.25)
    bad = pf.CapabilityRequest(id="r3", capability_id="inc", metadata={"timeout_ms": "soon"})
    with pytest.raises(errors.MalformedError):
        await node.dispatch_payload(bad)
    with pytest.raises(errors.NotFoundError):
        await node.dispatch_payload(pf.CapabilityRequest(id="r4", capability_id="nope"))


async def test_dispatch_payload_needs_a_running_node() -> None:
    node = pf.Node("idle")
    node.register(inc)
    request = pf.CapabilityRequest(id="r1", capability_id="inc", payload={"value": 1})
    with pytest.raises(errors.UnavailableError, match="is idle"):
        await node.dispatch_payload(request)


async def test_components_open_and_close_in_order() -> None:
    log: list[str] = []

    class Part:
        def __init__(self, name: str) -> None:
            self.name = name

        async def open(self, node: pf.Node, nursery: trio.Nursery) -> None:
            log.append(f"open {self.name}")

        async def close(self) -> None:
            log.append(f"close {self.name}")

    node = pf.Node("t")
    node.add_component(Part("a"))
    node.add_component(Part("b"))
    async with node.started():
        assert node.supervisor.name == "t"
        with pytest.raises(RuntimeError):
            node.add_component(Part("c"))
    assert log == ["open a", "open b", "close b", "close a"]
    with pytest.raises(RuntimeError, match="not running"):
        _ = node.nursery


async def test_a_node_cannot_start_twice(node: pf.Node) -> None:
    with pytest.raises(RuntimeError, match="already running"):
        async with node.started():
            pass


async def test_call_with_an_intent_needs_a_planner(node: pf.Node) -> None:
    node.register(inc)
    with pytest.raises(TypeError, match="name or intent"):
        await node.call()
    with pytest.raises(errors.NotFoundError, match="no planner module is active"):
        await node.call(intent="add one to 41")


async def test_call_with_an_intent_reaches_a_planner_module(tmp_path: Path) -> None:
    class Planner(pf.Module):
        name = "toy_planner"

        @pf.hookimpl
        def packetflow_handle_request(
            self, request: pf.CapabilityRequest, context: pf.Context
        ) -> pf.Intercept | None:
            if request.capability_id or not request.intent:
                return None
            return pf.Intercept(request.model_copy(update={"capability_id": "inc"}))

    node = pf.Node("planned", data_dir=tmp_path)
    node.modules.autoload = False
    node.modules.configure({})
    node.register(inc)
    node.modules.register(Planner)
    async with node.started():
        assert await node.call(intent="add one", payload={"value": 41}) == {"value": 42}
        assert await node.call("inc", {"value": 1}) == {"value": 2}


def test_current_principal_is_public_and_none_in_process() -> None:
    assert pf.current_principal() is None


async def test_an_error_raised_in_the_block_comes_out_of_open_node_as_itself(
    tmp_path: Path,
) -> None:
    mine = LookupError("mine")
    with pytest.raises(LookupError) as raised:
        async with pf.open_node("t", data_dir=tmp_path) as node:
            raise mine
    assert raised.value is mine  # not an ExceptionGroup around it
    assert node.state == "stopped"


async def test_a_component_that_fails_to_open_fails_started_with_a_group(tmp_path: Path) -> None:
    class Broken:
        async def open(self, node: pf.Node, nursery: trio.Nursery) -> None:
            raise OSError("port in use")

        async def close(self) -> None:  # never opened, so never closed
            raise AssertionError("closed without being opened")

    node = pf.Node("t", data_dir=tmp_path)
    node.add_component(Broken())
    with pytest.RaisesGroup(pytest.RaisesExc(OSError, match="port in use")):
        async with node.started():
            raise AssertionError("the block ran although the node did not start")
    assert node.state == "stopped"


async def test_a_background_task_failure_stays_a_group_for_except_star(tmp_path: Path) -> None:
    async def crash() -> None:
        raise ValueError("background")

    caught: list[BaseException] = []
    try:
        async with pf.open_node("t", data_dir=tmp_path) as node:
            node.nursery.start_soon(crash)
            await trio.sleep_forever()  # cancelled by the crash
    except* ValueError as group:
        caught.extend(group.exceptions)
    assert [str(exc) for exc in caught] == ["background"]
