"""Hook-call tracing (``PACKETFLOW_TRACE_MODULES=1`` or ``node.modules.set_tracer``): every hook
call reported with its module, decision and duration. Costs nothing when off: the chain only
wraps hooks while a tracer is set."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeAlias

__all__ = ["Tracer", "log_tracer", "traced"]

trace_log = logging.getLogger("packetflow.modules.trace")

Tracer: TypeAlias = Callable[[str, str, Any, float, bool], None]
"""``(module, hook, decision, seconds, raised)``: told about every hook call when tracing."""


def log_tracer(module: str, hook: str, decision: Any, seconds: float, raised: bool) -> None:
    """The tracer of ``PACKETFLOW_TRACE_MODULES=1``: one log line per hook call."""
    trace_log.info(
        "module=%s hook=%s decision=%s duration_ms=%.3f",
        module,
        hook,
        "raised" if raised else "Continue" if decision is None else type(decision).__name__,
        seconds * 1000,
    )


def traced(
    fn: Callable[..., Any], is_async: bool, module: str, hook: str, trace: Tracer
) -> Callable[..., Any]:
    """Wrap ``fn`` to report every call to ``trace``; the wrapper is sync or async like ``fn``."""

    def log(started: float, decision: Any, failed: bool) -> None:
        trace(module, hook, decision, time.perf_counter() - started, failed)

    if is_async:

        async def traced_async(subject: Any, ctx: Any) -> Any:
            started, decision, failed = time.perf_counter(), None, True
            try:
                decision = await fn(subject, ctx)
                failed = False
                return decision
            finally:
                log(started, decision, failed)

        return traced_async

    def traced(subject: Any, ctx: Any) -> Any:
        started, decision, failed = time.perf_counter(), None, True
        try:
            decision = fn(subject, ctx)
            failed = False
            return decision
        finally:
            log(started, decision, failed)

    return traced
