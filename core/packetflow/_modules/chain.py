"""The chain: an immutable, priority-sorted snapshot of the active modules' hooks, and the one
dispatcher that runs all three hook chains (SPEC 5.2, 5.3).

The hot path never goes through pluggy: a :class:`Chain` holds, per hook, a tuple of *links*
``(callable, is_async, timeout, slot)`` sorted once when it is built. The host builds a new chain
on every register/unregister/quarantine and swaps it in with one assignment; a request keeps
the chain it started with (``enter``/``leave`` count it, so a retired chain knows when the last
request using it is done).

Deadlines cost almost nothing unless a hook blocks. A plain ``def`` hook cannot be interrupted,
so its duration is measured and an overrun counts as a timeout. An ``async def`` hook is driven
by hand: its coroutine is sent ``None`` once, and if it finishes without yielding to trio (the
common case: no I/O) it is done without any cancel scope. Only a hook that really blocks is
resumed under ``trio.move_on_after`` for the rest of its budget. Creating a cancel scope per
hook would cost several times the hook itself.
"""

from __future__ import annotations

import inspect
import logging
import time
import types
from collections.abc import Callable, Coroutine, Generator, Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import trio

from .._wire.messages import CapabilityError, CapabilityResponse, ErrorBody
from ..errors import PacketFlowError
from .decisions import Continue, Fail, Intercept, Optimize, Respond, Transform
from .slot import LATENCY_WINDOW, ModuleSlot

if TYPE_CHECKING:
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._wire.messages import RequestEnvelope

__all__ = [
    "Chain",
    "Failure",
    "FaultHandler",
    "HookKind",
    "Link",
    "Outcome",
    "error_model",
]

trace_log = logging.getLogger("packetflow.modules.trace")

HookKind = Literal["request", "composition", "response"]
Failure = Literal["error", "timeout", "invalid"]
Outcome: TypeAlias = CapabilityResponse | CapabilityError
Link: TypeAlias = tuple[Callable[[Any, "Context"], Any], bool, float, ModuleSlot]
FaultHandler: TypeAlias = Callable[
    [ModuleSlot, str, Failure, "BaseException | None", "Context"], "PacketFlowError | None"
]
"""``(slot, hook, failure, exception, context) -> error``: counts the failure against the
module (maybe quarantining it) and returns the error to answer with when it is fail-closed."""

HOOK_OF: dict[HookKind, str] = {
    "request": "packetflow_handle_request",
    "composition": "packetflow_handle_composition",
    "response": "packetflow_handle_response",
}
_KINDS: tuple[HookKind, ...] = ("request", "composition", "response")
_MASK = LATENCY_WINDOW - 1
_SCOPE_CACHE = 4096  # (kind, capability) -> filtered links; cleared when full


class _TimedOut(Exception):
    """An async hook was cut off at its deadline."""


@types.coroutine
def _resume(coro: Coroutine[Any, Any, Any], trap: Any) -> Generator[Any, Any, Any]:
    """Drive ``coro``, already suspended on ``trap``, to its end: what ``await`` would do."""
    while True:
        try:
            value = yield trap
        except GeneratorExit:
            coro.close()
            raise
        except BaseException as exc:  # cancellation and the like go into the hook
            try:
                trap = coro.throw(exc)
            except StopIteration as done:
                return done.value
        else:
            try:
                trap = coro.send(value)
            except StopIteration as done:
                return done.value


async def _finish(coro: Coroutine[Any, Any, Any], trap: Any, budget: float) -> Any:
    with trio.move_on_after(max(budget, 0.0)) as scope:
        return await _resume(coro, trap)
    if scope.cancelled_caught:
        raise _TimedOut
    return None  # pragma: no cover - the hook swallowed its own cancellation


def error_model(error: PacketFlowError, like: Outcome | RequestEnvelope) -> CapabilityError:
    """The ``capability_error`` wire model for ``error``, answering ``like``'s id."""
    return CapabilityError(
        id=like.id,
        capability_id=like.capability_id,
        error=ErrorBody(**error.to_wire()),
    )


class Chain:
    """One immutable snapshot of the hook chains.

    Args:
        slots: the active modules (their ``hooks`` filled in).
        fault: called for every failure; see :data:`FaultHandler`.
        trace: wrap every hook to log module, hook, decision and duration.
    """

    __slots__ = (
        "_cache",
        "_links",
        "_scoped",
        "drained",
        "fault",
        "inflight",
        "instances",
        "retired",
        "slots",
    )

    def __init__(
        self, slots: Iterable[ModuleSlot], fault: FaultHandler, *, trace: bool = False
    ) -> None:
        ordered = sorted(slots, key=lambda slot: slot.sort_key)
        self.slots: tuple[ModuleSlot, ...] = tuple(ordered)
        self.instances = tuple(slot.instance for slot in ordered)
        self.fault = fault
        links: dict[HookKind, tuple[Link, ...]] = {}
        for kind in _KINDS:
            hook = HOOK_OF[kind]
            chain = [_link(slot, hook, trace) for slot in ordered if hook in slot.hooks]
            # Responses unwind in the exact reverse of the request order (onion order).
            links[kind] = tuple(reversed(chain)) if kind == "response" else tuple(chain)
        self._links = links
        self._scoped = any(slot.policy is not None and slot.policy.scoped for slot in ordered)
        self._cache: dict[tuple[HookKind, str | None], tuple[Link, ...]] = {}
        self.inflight = 0
        self.retired = False
        self.drained: trio.Event | None = None

    def __bool__(self) -> bool:
        return bool(self.slots)

    def has(self, kind: HookKind) -> bool:
        """Whether any module implements the ``kind`` hook."""
        return bool(self._links[kind])

    def order(self, kind: HookKind) -> list[str]:
        """Module names in the order their ``kind`` hooks run."""
        return [link[3].name for link in self._links[kind]]

    def links(self, kind: HookKind, capability: str | None) -> tuple[Link, ...]:
        """The links that apply to ``capability`` (``only``/``exclude`` globs)."""
        if not self._scoped:
            return self._links[kind]
        key = (kind, capability)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _SCOPE_CACHE:
                self._cache.clear()
            found = self._cache[key] = tuple(
                link
                for link in self._links[kind]
                if link[3].policy is None or link[3].policy.applies_to(capability)
            )
        return found

    # -- in-flight accounting -----------------------------------------------------------------

    def enter(self) -> None:
        self.inflight += 1

    def leave(self) -> None:
        self.inflight -= 1
        if self.retired and self.inflight == 0 and self.drained is not None:
            self.drained.set()

    def retire(self) -> None:
        """Mark this chain replaced; ``drained`` is set once no request uses it any more."""
        self.retired = True
        self.drained = trio.Event()
        if self.inflight == 0:
            self.drained.set()

    # -- the three chains -----------------------------------------------------------------------

    async def requests(
        self, request: RequestEnvelope, ctx: Context, acted: list[str]
    ) -> tuple[RequestEnvelope, Outcome | PacketFlowError | None]:
        """Run the request hooks; returns the (maybe rewritten) request and, when a module
        short-circuited, its response or error."""
        links = self.links("request", request.capability_id)
        if not links:
            return request, None
        return await self._walk("request", links, request, ctx, acted)

    async def compositions(
        self,
        plan: PlanNode,
        ctx: Context,
        name: str,
        check: Callable[[PlanNode], object],
        acted: list[str],
    ) -> PlanNode:
        """Run the composition hooks on the plan of composition ``name``; ``check`` validates
        every ``Optimize`` plan (raising a ``PacketFlowError``).

        Raises:
            PacketFlowError: a module failed the composition (``Fail``, or fail-closed).
        """
        links = self.links("composition", name)
        if not links:
            return plan
        plan, stop = await self._walk("composition", links, plan, ctx, acted, check)
        if isinstance(stop, PacketFlowError):
            raise stop
        return plan

    async def responses(self, outcome: Outcome, ctx: Context, acted: list[str]) -> Outcome:
        """Run the response hooks (descending priority) on a response or an error."""
        links = self.links("response", outcome.capability_id)
        if not links:
            return outcome
        outcome, _ = await self._walk("response", links, outcome, ctx, acted)
        return outcome

    # -- the dispatcher ---------------------------------------------------------------------------

    async def _walk(
        self,
        kind: HookKind,
        links: tuple[Link, ...],
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None = None,
    ) -> tuple[Any, Any]:
        perf = time.perf_counter
        started = perf()
        for link in links:
            fn, is_async, timeout, slot = link
            try:
                if is_async:
                    coro = fn(subject, ctx)
                    try:
                        trap = coro.send(None)
                    except StopIteration as done:
                        decision = done.value
                    else:  # it blocks: finish it under a deadline
                        decision = await _finish(coro, trap, timeout - (perf() - started))
                else:
                    decision = fn(subject, ctx)
            except Exception as exc:
                now = perf()
                slot.record(now - started)
                failure: Failure = "timeout" if isinstance(exc, _TimedOut) else "error"
                subject, stop = self._failed(kind, link, failure, exc, subject, ctx)
                if stop is not None:
                    return subject, stop
                started = perf()
                continue
            now = perf()
            elapsed = now - started
            started = now
            # slot.record(elapsed), inlined: this runs for every hook of every request.
            n = slot.calls
            slot.samples[n & _MASK] = elapsed
            slot.calls = n + 1
            if elapsed > timeout:
                subject, stop = self._failed(kind, link, "timeout", None, subject, ctx)
            elif decision is None:
                continue
            else:
                subject, stop = self._decide(kind, link, decision, subject, ctx, acted, check)
            if stop is not None:
                return subject, stop
            started = perf()
        return subject, None

    def _decide(
        self,
        kind: HookKind,
        link: Link,
        decision: Any,
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None,
    ) -> tuple[Any, Any]:
        slot = link[3]
        if isinstance(decision, Continue) or decision is Continue:
            return subject, None
        if kind == "request":
            if isinstance(decision, Intercept):
                acted.append(slot.name)
                return decision.request, None
            if isinstance(decision, Respond):
                acted.append(slot.name)
                return subject, _response(decision, subject)
            if isinstance(decision, Fail):
                acted.append(slot.name)
                return subject, decision.to_error()
        elif kind == "composition":
            if isinstance(decision, Optimize):
                assert check is not None
                try:
                    check(decision.plan)
                except PacketFlowError as exc:
                    return self._failed(kind, link, "invalid", exc, subject, ctx)
                acted.append(slot.name)
                return decision.plan, None
            if isinstance(decision, Fail):
                acted.append(slot.name)
                return subject, decision.to_error()
        elif isinstance(decision, Transform):
            acted.append(slot.name)
            return decision.response, None
        if inspect.iscoroutine(decision):
            decision.close()  # a plain def returned a coroutine: never awaited, say why
        problem = TypeError(
            f"{HOOK_OF[kind]} returned {decision!r}, which is not one of its decisions; "
            "see packetflow.hookspecs"
        )
        return self._failed(kind, link, "invalid", problem, subject, ctx)

    def _failed(
        self,
        kind: HookKind,
        link: Link,
        failure: Failure,
        exc: BaseException | None,
        subject: Any,
        ctx: Context,
    ) -> tuple[Any, Any]:
        error = self.fault(link[3], HOOK_OF[kind], failure, exc, ctx)
        if error is None:
            return subject, None  # fail-open: the chain goes on without this module
        if kind == "response":
            # Responses cannot stop: the error becomes the outcome the next modules see.
            return error_model(error, subject), None
        return subject, error


def _response(decision: Respond, request: RequestEnvelope) -> CapabilityResponse:
    response = decision.response
    if isinstance(response, CapabilityResponse):
        if response.id == request.id and response.capability_id is not None:
            return response
        return response.model_copy(
            update={
                "id": request.id,
                "capability_id": response.capability_id or request.capability_id,
            }
        )
    return CapabilityResponse(
        id=request.id, capability_id=request.capability_id, payload=dict(response)
    )


def _link(slot: ModuleSlot, hook: str, trace: bool) -> Link:
    assert slot.policy is not None
    fn = slot.hooks[hook]
    is_async = inspect.iscoroutinefunction(fn)
    if trace:
        fn = _traced(fn, is_async, slot.name, hook)
    return (fn, is_async, slot.policy.hook_timeout, slot)


def _traced(fn: Callable[..., Any], is_async: bool, module: str, hook: str) -> Callable[..., Any]:
    """Wrap ``fn`` to log every call (``PACKETFLOW_TRACE_MODULES=1``); same sync/async kind."""

    def log(started: float, decision: Any, failed: bool) -> None:
        trace_log.info(
            "module=%s hook=%s decision=%s duration_ms=%.3f",
            module,
            hook,
            "raised" if failed else type(decision).__name__ if decision is not None else "None",
            (time.perf_counter() - started) * 1000,
        )

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
