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
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._node import Node

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
    from ._otel.setup import provider_configured  # the extra is there: importing is fine

    return setting in _ON or provider_configured()


def outgoing_context(context: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """``context`` with the current trace's ``traceparent`` (and ``tracestate``) added, when
    tracing; else ``context`` itself."""
    if not installed():
        return context
    from ._otel.propagation import inject

    return inject(context)


class TracingSwitch:
    """A node component: instruments the node at start when :func:`wanted`, undoes it at
    stop."""

    def __init__(self) -> None:
        self._undo: Any = None

    async def open(self, node: Node, nursery: Any) -> None:
        if wanted():
            from ._otel.instrument import instrument

            self._undo = instrument(node)

    async def close(self) -> None:
        undo, self._undo = self._undo, None
        if undo is not None:
            undo()
