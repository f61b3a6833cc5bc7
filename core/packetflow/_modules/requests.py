"""The request paths through the module chain: a request (wire, MCP, ``node.dispatch``), an
in-process ``node.call`` while modules are active, and a composition plan before it runs.

Each path takes the chain that is current when it starts and keeps it to the end, so a
register, unregister or reload in the meantime never changes the modules a request sees.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import trio

from .._local_messages import capability_request, capability_response
from .._wire.codec import error_reply
from .._wire.messages import CapabilityError, CapabilityRequest, CapabilityResponse
from ..errors import DeadlineExceededError, PacketFlowError, from_wire
from .chain import Chain, Outcome
from .dispatch import Check, Pending, finish, run, start

if TYPE_CHECKING:
    from .._capabilities.capability import Capability
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._wire.messages import RequestEnvelope

__all__ = ["Execute", "Result", "call", "compose", "handle", "payload_of", "step", "with_modules"]

Execute = Callable[[Any, "Context", "float | None"], Awaitable[CapabilityResponse]]
"""``(request, context, timeout) -> response``: the node's execution of a request of any type;
the response is built for this request (the chain writes ``metadata.modules`` into it)."""

T = TypeVar("T")
Result = Callable[[CapabilityResponse, list[str], bool], T]
"""``(final response, modules that acted, whether it is the response built for this request)
-> what the request path returns``."""


async def handle(
    chain: Chain,
    request: RequestEnvelope,
    ctx: Context,
    timeout: float | None,
    execute: Execute,
    result: Result[T],
    step: bool = False,
    built: bool = False,
) -> T:
    """Run ``request`` through the chain around ``execute``; with ``step``, through the hooks
    of the modules that see composition steps. Returns ``result(final response, acted, own)``:
    :func:`with_modules` for ``node.dispatch``, :func:`payload_of` for the paths that only
    return the payload. ``built``: the request path built ``request`` for this request, so
    ``Annotate`` decisions write into it (the outcome of the execution is always its own).

    Raises:
        PacketFlowError: the final outcome when it is an error.
    """
    chain.inflight += 1  # the chain knows when its last request is done (see Chain.retire)
    acted: list[str] = []
    metadata = request.metadata
    timeout_ms = metadata.get("timeout_ms")
    capability = request.capability_id
    try:
        try:
            request, stop = start(
                chain, "request", request, ctx, acted, capability, step, None,
                request if built else None,
            )  # fmt: skip
            if type(stop) is Pending:  # a hook blocked or deferred: only then a coroutine
                request, stop = await finish(chain, "request", stop, request, ctx, acted)
            error: PacketFlowError | None = None
            if stop is None:
                if acted and request.metadata.get("timeout_ms") != timeout_ms:
                    timeout = _deadline(request.metadata, timeout)  # a module moved it
                try:
                    outcome: Outcome = await execute(request, ctx, timeout)
                    if acted:
                        # The response is this request's own (``execute`` built it), so the
                        # modules that acted so far go in now: a response hook copying it
                        # carries the list along, and with_modules then finds it complete
                        # instead of copying the response once more.
                        outcome.metadata["modules"] = _listed(acted)
                except PacketFlowError as exc:
                    error = exc
                    outcome = error_reply(exc, request.id, request.capability_id)
            elif isinstance(stop, PacketFlowError):
                error = stop
                outcome = error_reply(stop, request.id, request.capability_id)
            else:
                outcome = stop
        except trio.Cancelled:
            await _cancelled(chain, request, ctx, acted, step)
            raise
        final: Outcome
        # Built for this request (by the execution, or as its error reply) unless a module
        # answered with a response of its own.
        own = outcome if stop is None or isinstance(stop, PacketFlowError) else None
        final, pending = start(
            chain, "response", outcome, ctx, acted, outcome.capability_id, step, None, own
        )
        if type(pending) is Pending:
            final, _ = await finish(chain, "response", pending, final, ctx, acted)
    finally:
        chain.inflight -= 1
        if chain.retired:
            chain.settle()
    if final.type == "capability_error":  # (isinstance on pydantic models is slow)
        assert isinstance(final, CapabilityError)
        raise _failure(final, outcome, error, acted)
    return result(final, acted, final is own)


def with_modules(final: CapabilityResponse, acted: list[str], own: bool) -> CapabilityResponse:
    """What ``node.dispatch`` returns: the response, listing the modules that acted in
    ``metadata.modules`` (written into it when it is the response built for this request,
    else into a copy)."""
    if not acted:
        return final
    modules = _listed(acted)
    if final.metadata.get("modules") == modules:  # listed when it executed (see handle)
        return final
    if own:  # only response hooks acted, and only by annotating it
        final.metadata["modules"] = modules
        return final
    return final.evolve(metadata={**final.metadata, "modules": modules})


def _listed(acted: list[str]) -> list[str]:
    """``metadata.modules``: a new list, in which a module that acted twice (Intercept, then
    Transform) is listed once."""
    return acted[:] if len(acted) == 1 else list(dict.fromkeys(acted))


def payload_of(final: CapabilityResponse, acted: list[str], own: bool) -> dict[str, Any]:
    """What ``node.call`` and a composition step return: the payload alone. The response
    they drop is not copied to list ``metadata.modules`` (nobody could read it), which
    spares a copy of the response on every such request that a module acted on."""
    return final.payload


def _deadline(metadata: dict[str, Any], timeout: float | None) -> float | None:
    """The deadline after the request hooks: a module that set ``metadata.timeout_ms`` (a
    zone's timeout multiplier, a queue wait taken off the budget) changes the timeout the
    request executes under."""
    try:
        seconds = float(metadata.get("timeout_ms"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return timeout
    return seconds / 1000 if seconds > 0 else timeout


async def _cancelled(
    chain: Chain, request: RequestEnvelope, ctx: Context, acted: list[str], step: bool
) -> None:
    """A request cancelled before its outcome (the caller went away, the node is stopping):
    the response hooks still see it, as an E408 ``cancelled`` error, so modules that hold
    something per request (an admission slot, a single-flight lead) always let it go. Shielded,
    and bounded by each hook's own deadline."""
    error = DeadlineExceededError(
        f"request {request.id!r}: cancelled before it finished", details={"cancelled": True}
    )
    outcome = error_reply(error, request.id, request.capability_id)
    with trio.CancelScope(shield=True):
        await run(chain, "response", outcome, ctx, acted, request.capability_id, step)


def _failure(
    final: CapabilityError,
    outcome: CapabilityResponse | CapabilityError,
    error: PacketFlowError | None,
    acted: list[str],
) -> PacketFlowError:
    """The error to raise for the final outcome ``final``, carrying the metadata response hooks
    gave it (and ``modules``) as a response does: transports send it on the wire."""
    metadata = {**final.metadata, "modules": _listed(acted)} if acted else final.metadata
    if final is outcome and error is not None:
        # Untouched: keep the original exception (and its cause, for logs). With metadata to
        # add, raise a copy: the original may be raised again (a module-level constant) and
        # must not carry this request's metadata into the next one.
        if metadata == error.metadata:
            return error
        return _with_metadata(error, metadata)
    return from_wire(final.error.model_dump(), metadata)


def _with_metadata(error: PacketFlowError, metadata: dict[str, Any]) -> PacketFlowError:
    """A copy of ``error`` (same class, fields and cause; no ``__init__`` call, whatever a
    subclass's signature) carrying ``metadata``."""
    copy = type(error).__new__(type(error))
    copy.args = error.args
    copy.__dict__.update(error.__dict__)
    copy.metadata = dict(metadata)
    copy.__cause__ = error.__cause__
    copy.__suppress_context__ = error.__suppress_context__
    return copy


def call(
    chain: Chain,
    name: str | None,
    payload: Any,
    ctx: Context,
    timeout: float | None,
    execute: Execute,
    intent: str | None = None,
) -> Awaitable[dict[str, Any]]:
    """``node.call`` while modules are active: the same chain as a wire request (an intent
    without a name is a request for a planner module). A plain function returning the
    chain's coroutine: one coroutine fewer on every call."""
    if payload is None:
        data: dict[str, Any] = {}
    elif isinstance(payload, dict):
        data = payload
    elif hasattr(payload, "model_dump"):
        data = payload.model_dump()
    else:
        data = dict(payload)
    request = capability_request(name, data, ctx, intent=intent)
    if timeout is not None:  # modules see the deadline where a wire request carries it
        request.metadata["timeout_ms"] = timeout * 1000
    return handle(chain, request, ctx, timeout, execute, payload_of, built=True)


def step(
    chain: Chain,
    cap: Capability,
    payload: dict[str, Any],
    ctx: Context,
    timeout: float | None,
    path: str,
    run: Callable[[Capability, Any, Context, float | None], Awaitable[dict[str, Any]]],
    lookup: Callable[[str], Capability],
) -> Awaitable[dict[str, Any]]:
    """One composition step through the hooks of the modules that see steps; returns the
    step's output (``run`` executes a capability, ``lookup`` resolves a capability that a
    module's ``Intercept`` switched to)."""

    async def execute(
        request: CapabilityRequest, ctx: Context, timeout: float | None
    ) -> CapabilityResponse:
        name = request.capability_id
        target = cap if name == cap.name or name is None else lookup(name)
        out = await run(target, request.payload, ctx, timeout)
        return capability_response(request.id, target.name, out, {})

    metadata: dict[str, Any] = {"step": path}
    if timeout is not None:  # the step's own timeout, where a wire request carries one
        metadata["timeout_ms"] = timeout * 1000
    request = capability_request(cap.name, payload, ctx, metadata=metadata)
    return handle(chain, request, ctx, timeout, execute, payload_of, step=True, built=True)


async def compose(chain: Chain, plan: PlanNode, ctx: Context, name: str, check: Check) -> PlanNode:
    """Run the composition hooks on ``plan`` before composition ``name`` executes.

    Raises:
        PacketFlowError: a module failed the composition (``Fail``, or fail-closed).
    """
    chain.inflight += 1
    try:
        plan, stop = await run(chain, "composition", plan, ctx, [], name, check=check)
    finally:
        chain.inflight -= 1
        if chain.retired:
            chain.settle()
    if isinstance(stop, PacketFlowError):
        raise stop
    return plan
