"""The spans, around the node's own entry points.

- every ``node.call`` while modules are active (``packetflow.call <name>``: their hook spans
  and the capability's nest in it);
- every request a transport (or ``node.actors.send``) dispatches: ``packetflow.request
  <capability>``, ``packetflow.actor <actor type>`` (an actor message), ``packetflow.mcp``; its
  parent is the ``traceparent`` in the request's ``context`` when the request came from
  elsewhere (kind SERVER), else the current span;
- every capability execution: ``packetflow.capability <name>``, and for a composition's step
  ``packetflow.step <name>`` (with the step's plan path): what a capability calls — another
  node, a mounted MCP server — happens inside its span and carries it on;
- every module hook call: ``packetflow.module <module> <hook>``, recorded when the hook
  returns (the chain's own hook tracer reports its duration), with the decision it took.

How: the node's ``call`` and ``dispatch``, its executor's ``execute`` and the module host's
hook tracer are wrapped on the instances for as long as the node runs (the OpenTelemetry
instrumentation pattern): with tracing off nothing is wrapped, so the hot path is as it was.
:func:`instrument` returns what undoes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from .._context import Context
from .._version import __version__
from ..errors import PacketFlowError
from .propagation import extract

if TYPE_CHECKING:
    from .._capabilities.capability import Capability
    from .._node import Node, Request
    from .._wire.messages import CapabilityResponse

__all__ = ["instrument"]

_NAMES = {
    "capability_request": "packetflow.request",
    "actor_message": "packetflow.actor",
    "mcp_request": "packetflow.mcp",
}
_HOOKS = {
    "packetflow_handle_request": "request",
    "packetflow_handle_composition": "composition",
    "packetflow_handle_response": "response",
}


def instrument(node: Node, provider: trace.TracerProvider | None = None) -> Callable[[], None]:
    """Trace ``node`` (with ``provider``, default the global one) until the returned function
    is called."""
    tracer = trace.get_tracer("packetflow", __version__, tracer_provider=provider)
    executor = node._executor
    execute = executor.execute
    dispatch = node.dispatch

    async def traced_execute(
        cap: Capability, payload: Any, ctx: Context, timeout: float | None = None
    ) -> dict[str, Any]:
        attributes: dict[str, Any] = {
            "packetflow.capability": cap.name,
            "packetflow.kind": cap.kind,
        }
        composition = ctx.composition
        if composition is None:
            name = f"packetflow.capability {cap.name}"
        else:
            # Read before the first await: the step runner set it just before calling us.
            name = f"packetflow.step {cap.name}"
            attributes["packetflow.step.path"] = composition.current_step or ""
        if ctx.trace_id:
            attributes["packetflow.trace_id"] = ctx.trace_id
        with tracer.start_as_current_span(
            name, attributes=attributes, record_exception=False, set_status_on_exception=False
        ) as span:
            try:
                return await execute(cap, payload, ctx, timeout)
            except PacketFlowError as exc:
                _failed(span, exc)
                raise

    async def traced_dispatch(
        request: Request,
        context: Context | Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> CapabilityResponse:
        source = context if context is not None else request.context
        extra = source.model_extra if isinstance(source, Context) else source
        # A remote parent only for a request that arrives from elsewhere: inside a span (an
        # MCP tool call, a nested dispatch) the current span is the parent.
        parent = None if trace.get_current_span().get_span_context().is_valid else extract(extra)
        capability = request.capability_id or ""
        attributes: dict[str, Any] = {
            "packetflow.request.type": request.type,
            "packetflow.capability": capability,
        }
        actor_id = getattr(request, "actor_id", None)
        if actor_id is not None:
            attributes["packetflow.actor.id"] = actor_id
        name = f"{_NAMES.get(request.type, 'packetflow.request')} {capability}".rstrip()
        kind = SpanKind.SERVER if parent is not None else SpanKind.INTERNAL
        with tracer.start_as_current_span(
            name,
            context=parent,
            kind=kind,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                return await dispatch(request, context, timeout=timeout)
            except PacketFlowError as exc:
                _failed(span, exc)
                raise

    call = node.call

    async def traced_call(
        name: str | None = None, payload: Any = None, **options: Any
    ) -> dict[str, Any]:
        if not node.modules.active:  # the capability's own span is the whole call
            return await call(name, payload, **options)
        # With modules, their hooks run before the capability: one span holds them all.
        label = name or "intent"
        with tracer.start_as_current_span(
            f"packetflow.call {label}",
            attributes={"packetflow.capability": label},
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                return await call(name, payload, **options)
            except PacketFlowError as exc:
                _failed(span, exc)
                raise

    previous = node.modules.tracer

    def traced_hook(module: str, hook: str, decision: Any, seconds: float, raised: bool) -> None:
        if previous is not None:
            previous(module, hook, decision, seconds, raised)
        end = time.time_ns()
        outcome = (
            "raised" if raised else "Continue" if decision is None else type(decision).__name__
        )
        span = tracer.start_span(
            f"packetflow.module {module} {_HOOKS.get(hook, hook)}",
            start_time=end - int(seconds * 1e9),
            attributes={
                "packetflow.module": module,
                "packetflow.hook": hook,
                "packetflow.decision": outcome,
            },
        )
        if raised or outcome == "Fail":
            span.set_status(Status(StatusCode.ERROR, outcome))
        span.end(end_time=end)

    executor.execute = traced_execute  # type: ignore[method-assign]
    node.dispatch = traced_dispatch  # type: ignore[method-assign]
    node.call = traced_call  # type: ignore[method-assign]
    node.modules.set_tracer(traced_hook)

    def undo() -> None:
        del executor.execute
        del node.dispatch
        del node.call
        node.modules.set_tracer(previous)

    return undo


def _failed(span: trace.Span, exc: PacketFlowError) -> None:
    span.set_attribute("packetflow.error.code", exc.code)
    span.set_status(Status(StatusCode.ERROR, f"{exc.code} {exc.message}"))
