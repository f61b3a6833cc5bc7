"""The request paths through the module chain: a request (wire, MCP, ``node.dispatch``), an
in-process ``node.call`` while modules are active, and a composition plan before it runs.

Each path takes the chain that is current when it starts and keeps it to the end, so a
register, unregister or reload in the meantime never changes the modules a request sees.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from .._wire.messages import CapabilityError, CapabilityRequest, CapabilityResponse
from ..errors import PacketFlowError, from_wire
from .chain import Chain, error_model

if TYPE_CHECKING:
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._wire.messages import RequestEnvelope

__all__ = ["Execute", "call", "compose", "handle"]

Execute = Callable[[Any, "Context", "float | None"], Awaitable[CapabilityResponse]]
"""``(request, context, timeout) -> response``: the node's execution of a request of any type."""


async def handle(
    chain: Chain,
    request: RequestEnvelope,
    ctx: Context,
    timeout: float | None,
    execute: Execute,
) -> CapabilityResponse:
    """Run ``request`` through the chain around ``execute`` (``node.dispatch``).

    Raises:
        PacketFlowError: the final outcome when it is an error.
    """
    chain.inflight += 1  # chain.enter(), inlined like the rest of this hot path
    acted: list[str] = []
    try:
        # chain.run(), unrolled.
        if chain.scoped:
            links, has_async = chain.links("request", request.capability_id)
        else:
            links, has_async = chain.request_links
        stop: Any = None
        if not links:
            pass
        elif has_async:
            request, stop = await chain.run_async("request", links, request, ctx, acted)
        else:
            request, stop = chain.run_sync("request", links, request, ctx, acted)
        error: PacketFlowError | None = None
        if stop is None:
            try:
                outcome: CapabilityResponse | CapabilityError = await execute(request, ctx, timeout)
            except PacketFlowError as exc:
                error = exc
                outcome = error_model(exc, request)
        elif isinstance(stop, PacketFlowError):
            error = stop
            outcome = error_model(stop, request)
        else:
            outcome = stop
        if chain.scoped:
            links, has_async = chain.links("response", outcome.capability_id)
        else:
            links, has_async = chain.response_links
        final = outcome
        if not links:
            pass
        elif has_async:
            final, _ = await chain.run_async("response", links, outcome, ctx, acted)
        else:
            final, _ = chain.run_sync("response", links, outcome, ctx, acted)
    finally:
        chain.inflight -= 1
        if chain.retired:
            chain.settle()
    if final.type == "capability_error":  # (isinstance on pydantic models is slow)
        assert isinstance(final, CapabilityError)
        if final is outcome and error is not None:
            raise error  # untouched: keep the original exception (and its cause, for logs)
        raise from_wire(final.error.model_dump())
    if acted:
        final = final.model_copy(update={"metadata": {**final.metadata, "modules": acted}})
    return final


async def call(
    chain: Chain,
    name: str | None,
    payload: Any,
    ctx: Context,
    timeout: float | None,
    execute: Execute,
    intent: str | None = None,
) -> dict[str, Any]:
    """``node.call`` while modules are active: the same chain as a wire request (an intent
    without a name is a request for a planner module)."""
    if payload is None:
        data: dict[str, Any] = {}
    elif isinstance(payload, dict):
        data = payload
    elif hasattr(payload, "model_dump"):
        data = payload.model_dump()
    else:
        data = dict(payload)
    request = CapabilityRequest(capability_id=name, intent=intent, payload=data, context=ctx)
    response = await handle(chain, request, ctx, timeout, execute)
    return response.payload


async def compose(
    chain: Chain, plan: PlanNode, ctx: Context, name: str, check: Callable[[PlanNode], object]
) -> PlanNode:
    """Run the composition hooks on ``plan`` before composition ``name`` executes."""
    chain.enter()
    try:
        return await chain.compositions(plan, ctx, name, check, [])
    finally:
        chain.leave()
