"""A request cancelled before its outcome still reaches the response hooks (as E408
``cancelled``), so a module holding something per request always lets it go."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
import trio
from pydantic import BaseModel

import packetflow as pf


class Holder(pf.Module):
    """Takes a token per request and gives it back in the response hook (async, so the
    shielded unwinding of async hooks is covered too)."""

    name = "holder"
    steps = True
    held: ClassVar[set[str | None]] = set()
    outcomes: ClassVar[list[tuple[str | None, str | None, Any]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
        self.held.add(request.capability_id)

    @pf.hookimpl
    async def packetflow_handle_response(self, response: Any) -> None:
        await trio.lowlevel.checkpoint()  # a real await inside the shielded unwinding
        self.held.discard(response.capability_id)
        error = getattr(response, "error", None)
        self.outcomes.append(
            (response.capability_id, error and error.code, error and error.details)
        )


@pytest.fixture(autouse=True)
def _clear() -> None:
    Holder.held.clear()
    Holder.outcomes.clear()


class Empty(BaseModel):
    pass


async def test_a_cancelled_request_reaches_the_response_hooks(
    module_node: pf.Node, register_module: Any
) -> None:
    started = trio.Event()

    @pf.capability
    async def forever(inp: Empty) -> Empty:
        started.set()
        await trio.sleep_forever()
        raise AssertionError("unreachable")

    module_node.register(forever)
    await register_module(Holder)
    async with trio.open_nursery() as nursery:
        scope = trio.CancelScope()

        async def call() -> None:
            with scope:
                await module_node.call("forever", {})

        nursery.start_soon(call)
        await started.wait()
        assert len(Holder.held) == 1
        scope.cancel()
    assert Holder.held == set()
    assert Holder.outcomes == [("forever", "E408", {"cancelled": True})]


async def test_a_cancelled_composition_releases_its_steps_too(
    module_node: pf.Node, register_module: Any
) -> None:
    started = trio.Event()

    @pf.capability
    async def stuck(inp: Empty) -> Empty:
        started.set()
        await trio.sleep_forever()
        raise AssertionError("unreachable")

    module_node.register(stuck, pf.composition("wrapped", pf.pipeline(pf.step("stuck"))))
    await register_module(Holder)
    with trio.move_on_after(60) as scope:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(module_node.call, "wrapped", {})
            await started.wait()
            assert len(Holder.held) == 2  # the composition's request and its step
            nursery.cancel_scope.cancel()
    assert not scope.cancelled_caught
    assert Holder.held == set()
    assert [(cap, code) for cap, code, _ in Holder.outcomes] == [
        ("stuck", "E408"),
        ("wrapped", "E408"),
    ]
