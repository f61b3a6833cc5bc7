"""W3C trace context in a request's ``context`` (read here; written by
:func:`packetflow._tracing.outgoing_context`): ``traceparent`` (and ``tracestate``) are
ordinary extra keys of :class:`packetflow.Context`, so they travel on the wire unchanged and
older nodes simply keep them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.context import Context as OtelContext

__all__ = ["extract"]

_KEYS = ("traceparent", "tracestate")


def extract(extra: Mapping[str, Any] | None) -> OtelContext | None:
    """The remote parent a request's context names, or ``None`` (then spans nest under the
    current one). A malformed ``traceparent`` is ignored, as W3C says."""
    if not extra:
        return None
    carrier = {k: v for k in _KEYS if isinstance(v := extra.get(k), str)}
    if "traceparent" not in carrier:
        return None
    found = propagate.extract(carrier)
    if not trace.get_current_span(found).get_span_context().is_valid:
        return None
    return found
