"""Runs one capability: authorization, rate limit, contracts, deadline, errors, stats, effects.

This is the single place a capability body is invoked; node calls, composition steps and (later)
wire requests, actors and MCP tool calls all come through :meth:`Executor.execute`.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import trio

from .._ratelimit import TokenBucket
from ..errors import (
    DeadlineExceededError,
    ExecutionFailedError,
    PacketFlowError,
    RateLimitedError,
)
from .effects import EffectNode, Outcome
from .events import EventBus, ExecutionEvent
from .stats import CapabilityStatistics, LatencyWindow

if TYPE_CHECKING:
    from .._context import Context
    from .capability import Capability

__all__ = ["Executor"]

log = logging.getLogger("packetflow.execution")

_perf = time.perf_counter


class Executor:
    """Executes capabilities for one node and keeps their statistics."""

    def __init__(self, node: EffectNode, events: EventBus) -> None:
        self._node = node
        self._events = events
        self._windows: dict[str, LatencyWindow] = {}
        self._buckets: dict[str, TokenBucket] = {}
        self._histograms = False
        self.effect_failures = 0

    def statistics(self) -> dict[str, CapabilityStatistics]:
        """Snapshot of every capability that has run at least once."""
        return {name: window.snapshot() for name, window in sorted(self._windows.items())}

    def windows(self) -> Mapping[str, LatencyWindow]:
        """The live counters by capability (read them, never write): what ``/metrics``
        exports without the cost of a snapshot per capability."""
        return self._windows

    def keep_histograms(self) -> None:
        """Count latency histograms from now on (``/metrics`` is being served)."""
        self._histograms = True
        for window in self._windows.values():
            window.keep_histogram()

    def forget(self, name: str) -> None:
        """Drop the counters of an unregistered capability (keeps memory bounded)."""
        self._windows.pop(name, None)
        self._buckets.pop(name, None)

    async def execute(
        self, cap: Capability, payload: Any, ctx: Context, timeout: float | None = None
    ) -> dict[str, Any]:
        """Run ``cap`` on ``payload``; returns the validated output as a dict.

        Raises:
            PacketFlowError: the typed error (E403, E408, E422, E429, E500...). Any other
                exception from the body becomes E500 with the original kept as ``__cause__``.
        """
        # The hot path: kept in one coroutine, with optional work behind cheap checks.
        perf = _perf
        window = self._windows.get(cap.name)
        if window is None:
            window = self._windows[cap.name] = LatencyWindow(self._histograms)
        observed = self._events.active
        if observed:
            self._events.emit(ExecutionEvent("start", cap.name, ctx.trace_id))
        start = perf()
        try:
            if cap.authorize is not None:
                cap.check_authorized(ctx)
            if cap.rate_limit is not None:
                self._admit(cap)
            contract = cap.contract
            inp = contract.parse_input(payload, cap.subject)
            if cap.timeout is not None:
                timeout = cap.timeout if timeout is None else min(timeout, cap.timeout)
            if timeout is None:
                out = await cap.handler(inp, ctx)
            else:
                with trio.move_on_after(timeout) as scope:
                    out = await cap.handler(inp, ctx)
                if scope.cancelled_caught:
                    raise DeadlineExceededError(
                        f"{cap.subject}: no result within {timeout:g}s",
                        details={"timeout_s": timeout},
                    )
            result = out if cap.checks_output else contract.dump_output(out, cap.subject)
        except PacketFlowError as exc:
            error = exc
        except Exception as exc:
            log.error("%s raised (trace_id=%s)", cap.subject, ctx.trace_id, exc_info=exc)
            error = ExecutionFailedError(
                f"{cap.subject} failed; the cause is in the node log under trace_id {ctx.trace_id}",
                details={"trace_id": ctx.trace_id},
            )
            error.__cause__ = exc  # kept for logs and debuggers, never sent to clients
        else:
            elapsed = perf() - start
            if window.buckets is None:  # window.record(elapsed), inlined: no histogram kept
                window.count += 1
                window.samples.append(elapsed)
            else:
                window.record(elapsed)
            if observed or cap.effects:
                await self._after(cap, ctx, elapsed, result, None, observed)
            return result
        elapsed = perf() - start
        window.record(elapsed, error.code)
        if observed or cap.effects:
            await self._after(cap, ctx, elapsed, None, error, observed)
        raise error

    def _admit(self, cap: Capability) -> None:
        bucket = self._buckets.get(cap.name)
        if bucket is None:
            assert cap.rate_limit is not None
            bucket = self._buckets[cap.name] = cap.rate_limit.bucket()
        wait = bucket.try_acquire()
        if wait:
            retry_ms = max(1, round(wait * 1000))
            raise RateLimitedError(
                f"{cap.subject}: rate limit exceeded; retry in {retry_ms} ms",
                retry_after_ms=retry_ms,
            )

    async def _after(
        self,
        cap: Capability,
        ctx: Context,
        elapsed: float,
        result: dict[str, Any] | None,
        error: PacketFlowError | None,
        observed: bool,
    ) -> None:
        if observed:
            self._events.emit(
                ExecutionEvent(
                    "stop" if error is None else "error",
                    cap.name,
                    ctx.trace_id,
                    duration_ms=elapsed * 1000,
                    error_code=None if error is None else error.code,
                )
            )
        if cap.effects:
            outcome = Outcome(cap.name, ctx, result, error, elapsed * 1000)
            for effect in cap.effects:
                try:
                    pending = effect.apply(outcome, self._node)
                    if inspect.isawaitable(pending):
                        await pending
                except Exception:
                    self.effect_failures += 1
                    log.exception("%s: effect %r failed", cap.subject, effect)
