"""Whether this process traces with OpenTelemetry, decided without importing it.

Tracing is on when the ``otel`` extra is installed (the ``opentelemetry-sdk`` distribution,
looked up in package metadata: nothing is imported) and the application has configured an SDK
``TracerProvider`` (``trace.set_tracer_provider(...)``) before the node starts; then
:mod:`packetflow._otel` instruments the node. ``PACKETFLOW_OTEL=0`` turns it off,
``PACKETFLOW_OTEL=1`` turns it on with whatever provider is current. Without the extra this
module is all that runs: a metadata lookup, once per process.

:func:`outgoing_context` is the seam the wire client calls for every request it sends: the
current span's W3C ``traceparent`` goes into the request's ``context`` (an identity function
while tracing is off).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from functools import cache
from importlib import metadata
from types import ModuleType
from typing import Any

__all__ = ["ENV", "TracingSwitch", "installed", "outgoing_context", "wanted"]

ENV = "PACKETFLOW_OTEL"
_OFF = ("0", "false", "no", "off")
_ON = ("1", "true", "yes", "on")


@cache
def installed() -> bool:
    """Whether the ``otel`` extra (``opentelemetry-sdk``) is installed."""
    try:
        metadata.distribution("opentelemetry-sdk")
    except metadata.PackageNotFoundError:
        return False
    return True


def wanted() -> bool:
    """Whether to trace now (see the module docstring)."""
    setting = os.environ.get(ENV, "").strip().lower()
    if setting in _OFF or not installed():
        return False
    if setting in _ON:
        return True
    from opentelemetry import trace  # the extra is there: importing is fine

    # A real provider is set, not the API's default proxy (whose spans go nowhere).
    return not isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)


def outgoing_context(context: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """``context`` with the current trace's ``traceparent`` (and ``tracestate``) added, when
    tracing; else ``context`` itself (unchanged without a valid current span)."""
    if not installed():
        return context
    otel_context, propagate, trace = _opentelemetry()
    current = otel_context.get_current()
    if not current:  # nothing is set in OpenTelemetry's context: no span (the usual call)
        return context
    if not trace.get_current_span(current).get_span_context().is_valid:
        return context
    carrier: dict[str, str] = {}
    propagate.inject(carrier, current)
    if not carrier:
        return context
    return {**(context or {}), **carrier}


@cache
def _opentelemetry() -> tuple[ModuleType, ModuleType, ModuleType]:
    """``opentelemetry.context``, ``.propagate`` and ``.trace``, imported once: the client
    asks for every request, and an import statement in the function costs more than the rest
    of it."""
    from opentelemetry import context, propagate, trace

    return context, propagate, trace


class TracingSwitch:
    """A node component: instruments the node at start when :func:`wanted`, undoes it at
    stop.

    Args:
        instrument: ``packetflow._otel.instrument.instrument``, looked up only when tracing
            (the node passes it: this module sits below the node and imports none of it).
    """

    def __init__(self, instrument: Callable[[Any], Callable[[], None]]) -> None:
        self._instrument = instrument
        self._undo: Callable[[], None] | None = None

    async def open(self, node: Any, nursery: Any) -> None:
        if wanted():
            self._undo = self._instrument(node)

    async def close(self) -> None:
        undo, self._undo = self._undo, None
        if undo is not None:
            undo()
