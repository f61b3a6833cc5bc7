"""The module protocol: the hooks a PacketFlow module may implement (SPEC 5.1).

A module is a :class:`packetflow.Module` subclass whose methods carry the :data:`hookimpl`
marker. Each method must be named after one of the hook specifications below and take a subset
of its parameters (pluggy checks this when the module is registered and names the module, the
hook and the signature when it does not fit). Implementations may be ``async def`` or plain
``def``; returning ``None`` means :class:`~packetflow.Continue`.

Ordering (SPEC 5.2): request and composition hooks run in ascending ``priority`` (lower first),
response hooks in the exact reverse order (onion order); equal priorities order by module name.
Every hook call runs under the module's ``hook_timeout`` and ``on_error`` policy.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ._capabilities.effects import Effect
    from ._compose.plan import PlanNode
    from ._context import Context
    from ._metrics import MetricFamily
    from ._modules.decisions import CompositionDecision, RequestDecision, ResponseDecision
    from ._wire.messages import (
        ActorMessage,
        CapabilityError,
        CapabilityRequest,
        CapabilityResponse,
    )

__all__ = [
    "HOOKS",
    "PROJECT",
    "hookimpl",
    "hookspec",
    "packetflow_collect_metrics",
    "packetflow_handle_composition",
    "packetflow_handle_request",
    "packetflow_handle_response",
    "packetflow_register_capabilities",
    "packetflow_register_effects",
]

PROJECT = "packetflow"
"""The pluggy project name: markers and the plugin manager all use it."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks a hook specification (only this module uses it)."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a module method as a hook implementation: ``@pf.hookimpl``."""


@hookspec
def packetflow_handle_request(
    request: CapabilityRequest | ActorMessage, context: Context
) -> RequestDecision | Awaitable[RequestDecision | None] | None:
    """Inspect or rewrite a request before it executes.

    Fires for every request the node runs: each ``node.dispatch`` (every transport: WebSocket,
    MCP, in-process clients) and each ``node.call`` while any module is active. For a module
    whose class sets ``steps = True`` it also fires for each step of a composition: then
    ``request.metadata["step"]`` is the step's node path and ``context.composition`` is set;
    ``Respond`` answers the step (its payload is the step's output) and ``Fail`` fails it.

    Args:
        request: the wire model (``capability_request`` or ``actor_message``) as it stands after
            the modules before this one; extra top-level fields added by them are kept.
        context: the request's context (caller, trace id, extra keys).

    Returns:
        ``None`` or ``Continue()``: pass the request on unchanged.
        ``Annotate(metadata={...}, fields={...})``: add metadata keys and extra top-level
        fields (``spatial_context``) without replacing the request; written into a request
        the chain built itself (``node.call``, a composition step), copied once otherwise.
        ``Intercept(request)``: replace the request; later modules and the execution see the new
        one (build it with ``request.evolve(...)``). A new ``metadata["timeout_ms"]`` is the
        deadline the request then executes under. ``Respond(response)``: short-circuit with a
        ready response (a cache hit); neither the later request hooks nor the capability run,
        the response hooks still do. ``Respond(payload, metadata={...})``: the same, with the
        response built for this request from a copy of the payload mapping.
        ``Fail(code, message)``: refuse the request with that error code (``"E403"``...); the
        response hooks still see the error (``retry_after_ms=`` goes with an E429 or E503).
        ``Defer(awaitable)`` (from a plain ``def`` hook that must wait, e.g. for an admission
        slot): the chain awaits it under the hook's deadline and takes what it returns as
        the decision; a sync hook that rarely waits keeps its chain free of cancel scopes.
    """


@hookspec
def packetflow_handle_composition(
    plan: PlanNode, context: Context
) -> CompositionDecision | Awaitable[CompositionDecision | None] | None:
    """Inspect or rewrite a composition plan before it executes.

    Fires each time a registered composition runs (``node.call``, a wire request or a nested
    composition step) and for every ad-hoc ``node.run(plan)``.

    Args:
        plan: the plan tree about to run (immutable pydantic models), as rewritten by the
            modules before this one.
        context: the context of the run; ``context.composition`` is not set yet.

    Returns:
        ``None`` or ``Continue()``: run the plan as it is.
        ``Optimize(plan)``: replace the plan. The new plan is validated against the registry at
        once (an invalid plan counts as a failure of this module) and later modules see it.
        ``Fail(code, message)``: refuse to run the composition with that error code.
    """


@hookspec
def packetflow_handle_response(
    response: CapabilityResponse | CapabilityError, context: Context
) -> ResponseDecision | Awaitable[ResponseDecision | None] | None:
    """Observe or rewrite the outcome of every request.

    Fires once per request after it ran, including requests short-circuited by ``Respond`` or
    ``Fail`` and requests whose execution failed: observers such as an audit log see
    everything. A request cancelled before its outcome (the caller went away, the node is
    stopping) arrives as an E408 error with ``details == {"cancelled": True}``, shielded from
    the cancellation, so a module that holds something per request can always release it. A
    module with ``steps = True`` also sees the outcome of each composition step.

    Args:
        response: a ``capability_response``, or a ``capability_error`` whose ``error`` holds
            the code, type, message and details.
        context: the request's context.

    Returns:
        ``None`` or ``Continue()``: leave the outcome as it is.
        ``Annotate(metadata={...})``: add keys to the outcome's metadata (written into the
        outcome the execution built, copied once otherwise).
        ``Transform(response)``: replace it (a response, or an error) for the modules after
        this one and the caller.
    """


@hookspec
def packetflow_register_capabilities(register: Callable[..., None]) -> None:
    """Contribute capabilities (a module's own query API, for instance).

    Fires once each time the module starts, right after its ``start``.

    Args:
        register: call it with capabilities or compositions, like ``node.register``; they are
            removed again when the module stops.
    """


@hookspec
def packetflow_register_effects(register: Callable[[type[Effect]], None]) -> None:
    """Contribute effect kinds (:class:`packetflow.Effect` subclasses).

    Fires once each time the module starts, right after its ``start``.

    Args:
        register: call it with each ``Effect`` subclass; it becomes available by its ``kind``
            in ``node.effect_kinds`` until the module stops.
    """


@hookspec
def packetflow_collect_metrics() -> Iterable[MetricFamily]:
    """Report the module's own figures to the node's ``/metrics`` endpoint.

    Fires at every scrape of ``/metrics`` (``packetflow serve --http PORT``), for each running
    module that implements it, in the scraping task: keep it quick and plain ``def`` (read
    counters the module keeps; no I/O, no awaiting). A module that raises, returns something
    other than :class:`packetflow.MetricFamily` values or is ``async`` is skipped for that
    scrape and counted in ``packetflow_metrics_collector_errors_total{module=...}``; the rest
    of the scrape is unaffected.

    Args:
        (none): the hook reads the module's own state.

    Returns:
        :class:`packetflow.MetricFamily` values; each is exported as
        ``packetflow_<module>_<name>`` with at most ``MAX_MODULE_SAMPLES`` samples.
    """
    return ()  # a specification: pluggy never runs this body


HOOKS: tuple[str, ...] = (
    "packetflow_handle_request",
    "packetflow_handle_composition",
    "packetflow_handle_response",
    "packetflow_register_capabilities",
    "packetflow_register_effects",
    "packetflow_collect_metrics",
)
"""Every hook name, in the order ``packetflow modules list`` shows them."""
