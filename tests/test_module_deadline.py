"""What a module's decisions do to a request besides replacing it: a new
``metadata.timeout_ms`` is the deadline it executes under (wire, ``node.call`` and steps carry
theirs there), ``Fail`` carries ``retry_after_ms``, and a module that acts twice is listed
once in ``metadata.modules``."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
import trio

import packetflow as pf


class Stretch(pf.Module):
    """Doubles every deadline it sees (and records it); answers E429 for ``busy``."""

    name = "stretch"
    steps = True
    seen: ClassVar[list[Any]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> pf.Decision | None:
        if request.capability_id == "busy":
            return pf.Fail("E429", "stretch: busy", retry_after_ms=250)
        timeout_ms = request.metadata.get("timeout_ms")
        self.seen.append(timeout_ms)
        if timeout_ms is None:
            return None
        metadata = {**request.metadata, "timeout_ms": timeout_ms * 2}
        return pf.Intercept(request.evolve(metadata=metadata))

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform | None:
        if response.type != "capability_response":
            return None
        return pf.Transform(response.evolve(metadata={**response.metadata, "stretched": True}))


@pytest.fixture(autouse=True)
def _clear() -> None:
    Stretch.seen.clear()


@pytest.fixture
async def slow_node(module_node: pf.Node, register_module: Any) -> pf.Node:
    @pf.capability(requires=(), provides=())
    async def slow(payload: dict[str, Any]) -> dict[str, Any]:
        await trio.sleep(0.15)
        return {"done": True}

    @pf.capability(requires=(), provides=())
    async def busy(payload: dict[str, Any]) -> dict[str, Any]:
        return {}

    module_node.register(slow, busy)
    module_node.register(pf.composition("slow_step", pf.pipeline(pf.step("slow", timeout=0.1))))
    await register_module(Stretch)
    return module_node


async def test_a_module_moves_the_deadline_of_a_wire_request(slow_node: pf.Node) -> None:
    request = pf.CapabilityRequest(capability_id="slow", metadata={"timeout_ms": 100})
    response = await slow_node.dispatch(request)
    assert response.payload == {"done": True}  # 100 ms doubled: the 150 ms call fits
    assert Stretch.seen == [100]


async def test_node_call_and_steps_show_their_deadline_to_modules(slow_node: pf.Node) -> None:
    assert await slow_node.call("slow", {}, timeout=0.1) == {"done": True}
    assert await slow_node.call("slow_step", {}) == {}
    assert Stretch.seen == [100.0, None, 100.0]  # the call, the composition, its step


async def test_fail_carries_retry_after_ms(slow_node: pf.Node) -> None:
    with pytest.raises(pf.errors.RateLimitedError) as caught:
        await slow_node.call("busy", {})
    assert caught.value.retry_after_ms == 250
    assert caught.value.to_wire()["retry_after_ms"] == 250


async def test_a_module_that_acts_twice_is_listed_once(slow_node: pf.Node) -> None:
    request = pf.CapabilityRequest(capability_id="slow", metadata={"timeout_ms": 1000})
    response = await slow_node.dispatch(request)
    assert response.metadata["stretched"] is True
    assert response.metadata["modules"] == ["stretch"]
