"""The chain: an immutable, priority-sorted snapshot of the active modules' hooks, and the one
dispatcher that runs all three hook chains (SPEC 5.2, 5.3).

The hot path never goes through pluggy: a :class:`Chain` holds, per hook, a tuple of *links*
``(callable, is_async, timeout, slot)`` sorted once when it is built. The host builds a new chain
on every register/unregister/quarantine and swaps it in with one assignment; a request keeps
the chain it started with (``enter``/``leave`` count it, so a retired chain knows when the last
request using it is done).

Deadlines are cheap. A plain ``def`` hook cannot be interrupted, so its duration is measured
and an overrun counts as a timeout: no cancel scope at all for chains of sync hooks. A chain
run that includes ``async def`` hooks enters *one* cancel scope (a scope costs several times a
hook call), with no deadline. Each async hook is driven by hand: its coroutine is sent ``None``
once, and if it finishes without yielding to trio (the common case: no I/O) nothing else
happens. Only a hook that really blocks gets the scope's deadline set to the rest of its budget
before trio sees its first trap; when the deadline passes, trio cancels the hook, the scope
catches it, and the run goes on after that hook in a fresh scope. The scope has to be entered
before the hook starts (trio's scopes must nest), which is why it spans the whole run.
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import trio

from .._lowlevel import resume
from .._wire.codec import error_reply
from .._wire.messages import CapabilityError, CapabilityResponse
from ..errors import PacketFlowError
from .decisions import Continue, Defer, Fail, Intercept, Optimize, Respond, Transform
from .discovery import label
from .slot import LATENCY_WINDOW, ModuleSlot
from .tracing import Tracer, traced

if TYPE_CHECKING:
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._wire.messages import RequestEnvelope

__all__ = [
    "Chain",
    "Deferred",
    "Failure",
    "FaultHandler",
    "HookKind",
    "Link",
    "Outcome",
    "error_model",
]


HookKind = Literal["request", "composition", "response"]
Failure = Literal["error", "timeout", "invalid"]
Outcome: TypeAlias = CapabilityResponse | CapabilityError
Link: TypeAlias = tuple[Callable[[Any, "Context"], Any], bool, float, ModuleSlot]
Links: TypeAlias = tuple[tuple[Link, ...], bool]  # the links, and whether any is async
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


class _Respawn(Exception):
    """A blocked hook swallowed its cancellation: the run's scope is spent, take a new one."""


class _Blocked:
    """Where a run stood when a hook blocked: what to resume from if it times out."""

    __slots__ = ("link", "started", "subject")

    def __init__(self) -> None:
        self.link: Link
        self.started = 0.0
        self.subject: Any = None


class Deferred:
    """A request hook returned :class:`Defer`: what the run still has to await (under the
    hook's remaining ``budget``) and the links after that hook (``rest``)."""

    __slots__ = ("awaitable", "budget", "rest", "slot")

    def __init__(self, awaitable: Any, slot: ModuleSlot, budget: float) -> None:
        self.awaitable = awaitable
        self.slot = slot
        self.budget = budget
        self.rest: tuple[Link, ...] = ()

    def after(self, links: tuple[Link, ...]) -> Deferred:
        """Remember the links after this hook's in ``links``."""
        at = next(i for i, link in enumerate(links) if link[3] is self.slot)
        self.rest = links[at + 1 :]
        return self


def error_model(error: PacketFlowError, like: Outcome | RequestEnvelope) -> CapabilityError:
    """The ``capability_error`` wire model for ``error``, answering ``like``'s id (built by the
    codec's :func:`~packetflow._wire.codec.error_reply`, the one error-reply builder)."""
    return error_reply(error, like.id, like.capability_id)


class Chain:
    """One immutable snapshot of the hook chains.

    Args:
        slots: the active modules (their ``hooks`` filled in).
        fault: called for every failure; see :data:`FaultHandler`.
        trace: when given, every hook is wrapped to report each call to it (tracing costs
            nothing when off: the wrappers exist only in a traced chain).
    """

    __slots__ = (
        "_cache",
        "_links",
        "_scoped",
        "closed",
        "drained",
        "fault",
        "inflight",
        "instances",
        "request_links",
        "response_links",
        "retired",
        "scoped",
        "slots",
        "step_links",
        "steps",
    )

    def __init__(
        self,
        slots: Iterable[ModuleSlot],
        fault: FaultHandler,
        *,
        trace: Tracer | None = None,
        closed: Iterable[ModuleSlot] = (),
    ) -> None:
        ordered = sorted(slots, key=lambda slot: slot.sort_key)
        self.slots: tuple[ModuleSlot, ...] = tuple(ordered)
        self.instances = tuple(slot.instance for slot in ordered)
        self.fault = fault
        # Fail-closed modules that are out (quarantined, failed, failed to load) stand in the
        # chain as guards refusing what they cover: serving around them would, say, answer
        # requests that a compliance module can no longer audit.
        self.closed: tuple[ModuleSlot, ...] = tuple(closed)
        everyone = sorted((*ordered, *self.closed), key=lambda slot: slot.sort_key)
        links: dict[HookKind, Links] = {}
        for kind in _KINDS:
            hook = HOOK_OF[kind]
            chain = [
                _guard(slot) if slot in self.closed else _link(slot, hook, trace)
                for slot in everyone
                if (slot in self.closed and kind != "response") or hook in slot.hooks
            ]
            if kind == "response":  # responses unwind in the exact reverse order (onion order)
                chain.reverse()
            links[kind] = _links(chain)
        self._links = links
        # Unscoped chains (the usual case) let the request path skip links() altogether.
        self.scoped = any(slot.policy is not None and slot.policy.scoped for slot in everyone)
        self.request_links = links["request"]
        self.response_links = links["response"]
        # The request and response links of the modules that also see composition steps.
        self.step_links: dict[HookKind, Links] = {
            kind: _links([link for link in links[kind][0] if _sees_steps(link[3])])
            for kind in ("request", "response")
        }
        self.steps = bool(self.step_links["request"][0] or self.step_links["response"][0])
        self._cache: dict[tuple[HookKind, str | None, bool], Links] = {}
        self.inflight = 0
        self.retired = False
        self.drained: trio.Event | None = None

    def __bool__(self) -> bool:
        return bool(self.slots or self.closed)

    def has(self, kind: HookKind) -> bool:
        """Whether any module implements the ``kind`` hook."""
        return bool(self._links[kind][0])

    def order(self, kind: HookKind) -> list[str]:
        """Module names in the order their ``kind`` hooks run."""
        return [link[3].name for link in self._links[kind][0]]

    def links(self, kind: HookKind, capability: str | None, step: bool = False) -> Links:
        """The links that apply to ``capability`` (``only``/``exclude`` globs), and whether
        any of them is async; with ``step``, only those of modules that see composition
        steps (:attr:`packetflow.Module.steps`)."""
        every = self.step_links[kind] if step else self._links[kind]
        if not self.scoped:
            return every
        key = (kind, capability, step)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _SCOPE_CACHE:
                self._cache.clear()
            found = self._cache[key] = _links(
                [
                    link
                    for link in every[0]
                    if link[3].policy is None or link[3].policy.applies_to(capability)
                ]
            )
        return found

    # -- in-flight accounting -----------------------------------------------------------------

    def enter(self) -> None:
        self.inflight += 1

    def leave(self) -> None:
        self.inflight -= 1
        if self.retired:
            self.settle()

    def settle(self) -> None:
        """Set ``drained`` if this retired chain has no request left."""
        if self.inflight == 0 and self.drained is not None:
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
        return await self.run("request", request.capability_id, request, ctx, acted)

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
        plan, stop = await self.run("composition", name, plan, ctx, acted, check)
        if isinstance(stop, PacketFlowError):
            raise stop
        return plan

    async def responses(self, outcome: Outcome, ctx: Context, acted: list[str]) -> Outcome:
        """Run the response hooks (descending priority) on a response or an error."""
        outcome, _ = await self.run("response", outcome.capability_id, outcome, ctx, acted)
        return outcome

    # -- the dispatcher ---------------------------------------------------------------------------

    async def run(
        self,
        kind: HookKind,
        capability: str | None,
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None = None,
    ) -> tuple[Any, Any]:
        """Run the ``kind`` hooks that apply to ``capability`` on ``subject``; returns the
        subject as the modules left it and what stopped the run (a response or an error)."""
        links, has_async = self.links(kind, capability)
        if not links:
            return subject, None
        if has_async:
            subject, stop = await self.run_async(kind, links, subject, ctx, acted, check)
        else:
            subject, stop = self.run_sync(kind, links, subject, ctx, acted, check)
        while type(stop) is Deferred:
            subject, stop = await self.resolve(stop, subject, ctx, acted)
        return subject, stop

    async def resolve(
        self, pending: Deferred, subject: Any, ctx: Context, acted: list[str]
    ) -> tuple[Any, Any]:
        """Await a request hook's :class:`Defer` under the rest of its deadline, apply the
        decision it yields, then run the links after it; returns like :meth:`run_sync` (the
        stop may be another :class:`Deferred`, from a later hook)."""
        slot = pending.slot
        started = time.perf_counter()
        failure: Exception | None = None
        decision: Any = None
        with trio.move_on_after(max(0.0, pending.budget)) as scope:
            try:
                decision = await pending.awaitable
            except Exception as exc:
                failure = exc
        slot.record(time.perf_counter() - started)
        stop: Any = None
        if failure is not None:
            subject, stop = self._failed("request", slot, "error", failure, subject, ctx)
        elif scope.cancelled_caught:
            subject, stop = self._failed("request", slot, "timeout", None, subject, ctx)
        elif isinstance(decision, Defer):  # one deferral per hook call
            _close(decision)
            problem = TypeError("a Defer resolved to another Defer; return the decision")
            subject, stop = self._failed("request", slot, "invalid", problem, subject, ctx)
        elif decision is not None:
            subject, stop = self._decide("request", slot, decision, subject, ctx, acted, None)
        if stop is not None or not pending.rest:
            return subject, stop
        links, has_async = _links(list(pending.rest))
        if has_async:
            return await self.run_async("request", links, subject, ctx, acted)
        return self.run_sync("request", links, subject, ctx, acted)

    def run_sync(
        self,
        kind: HookKind,
        links: tuple[Link, ...],
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None = None,
    ) -> tuple[Any, Any]:
        """:meth:`run` for links that are all plain ``def`` hooks: no coroutine, no scope.

        The hot path of the whole module system; keep it lean (it is what the bench measures).
        """
        perf = time.perf_counter
        # Latency samples come from one run in 8: storing one per call costs more than the
        # call itself; counts, timings and the timeout check still cover every call.
        sample = not links[0][3].calls & 7
        started = perf()
        for fn, _, timeout, slot in links:
            try:
                decision = fn(subject, ctx)
            except Exception as exc:
                slot.record(perf() - started)
                subject, stop = self._failed(kind, slot, "error", exc, subject, ctx)
                if stop is not None:
                    return subject, stop
                started = perf()
                continue
            now = perf()
            elapsed = now - started
            started = now
            if sample:
                slot.samples[slot.sampled & _MASK] = elapsed
                slot.sampled += 1
            slot.calls += 1
            if decision is None and elapsed <= timeout:
                continue
            subject, stop = self._judge(kind, slot, decision, elapsed, subject, ctx, acted, check)
            if stop is not None:
                return subject, stop.after(links) if type(stop) is Deferred else stop
            started = perf()
        return subject, None

    async def run_async(
        self,
        kind: HookKind,
        links: tuple[Link, ...],
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None = None,
    ) -> tuple[Any, Any]:
        """:meth:`run` for links that include ``async def`` hooks: one cancel scope per run,
        renewed after a hook is cut off at its deadline."""
        blocked = _Blocked()
        remaining = links
        while True:
            try:
                with trio.CancelScope() as scope:
                    return await self._steps(
                        kind, remaining, subject, ctx, acted, check, scope, blocked
                    )
            except _Respawn:
                pass
            # Reached only when a blocked hook was cut off at its deadline (or swallowed it).
            slot = blocked.link[3]
            slot.record(time.perf_counter() - blocked.started)
            subject, stop = self._failed(kind, slot, "timeout", None, blocked.subject, ctx)
            if stop is not None:
                return subject, stop
            at = next(i for i, link in enumerate(remaining) if link is blocked.link)
            remaining = remaining[at + 1 :]

    async def _steps(
        self,
        kind: HookKind,
        links: tuple[Link, ...],
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None,
        scope: trio.CancelScope,
        blocked: _Blocked,
    ) -> tuple[Any, Any]:
        perf = time.perf_counter
        started = perf()
        for link in links:
            fn, is_async, timeout, slot = link
            try:
                if not is_async:
                    decision = fn(subject, ctx)
                else:
                    coro = fn(subject, ctx)
                    try:
                        trap = coro.send(None)
                    except StopIteration as done:
                        decision = done.value
                    else:  # it blocks: give the run's scope this hook's deadline
                        blocked.link, blocked.subject, blocked.started = link, subject, started
                        budget = max(0.0, timeout - (perf() - started))
                        scope.deadline = trio.current_time() + budget
                        decision = await resume(coro, trap)
                        scope.deadline = math.inf
                        if scope.cancel_called:
                            raise _Respawn
            except _Respawn:
                raise
            except Exception as exc:
                slot.record(perf() - started)
                subject, stop = self._failed(kind, slot, "error", exc, subject, ctx)
                if stop is not None:
                    return subject, stop
                started = perf()
                continue
            now = perf()
            elapsed = now - started
            started = now
            slot.record(elapsed)
            if decision is None and elapsed <= timeout:
                continue
            subject, stop = self._judge(kind, slot, decision, elapsed, subject, ctx, acted, check)
            if stop is not None:
                return subject, stop.after(links) if type(stop) is Deferred else stop
            started = perf()
        return subject, None

    def _judge(
        self,
        kind: HookKind,
        slot: ModuleSlot,
        decision: Any,
        elapsed: float,
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None,
    ) -> tuple[Any, Any]:
        """The slow path after a hook call: an overrun, or a decision other than ``None``."""
        if slot.policy is not None and elapsed > slot.policy.hook_timeout:
            _close(decision)
            return self._failed(kind, slot, "timeout", None, subject, ctx)
        if kind == "request" and type(decision) is Defer:
            assert slot.policy is not None  # guards (no policy) only ever Fail
            return subject, Deferred(decision.awaitable, slot, slot.policy.hook_timeout - elapsed)
        return self._decide(kind, slot, decision, subject, ctx, acted, check)

    def _decide(
        self,
        kind: HookKind,
        slot: ModuleSlot,
        decision: Any,
        subject: Any,
        ctx: Context,
        acted: list[str],
        check: Callable[[PlanNode], object] | None,
    ) -> tuple[Any, Any]:
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
                    return self._failed(kind, slot, "invalid", exc, subject, ctx)
                acted.append(slot.name)
                return decision.plan, None
            if isinstance(decision, Fail):
                acted.append(slot.name)
                return subject, decision.to_error()
        elif isinstance(decision, Transform):
            acted.append(slot.name)
            return decision.response, None
        _close(decision)  # a plain def returned a coroutine (or a Defer elsewhere): never awaited
        problem = TypeError(
            f"{HOOK_OF[kind]} returned {decision!r}, which is not one of its decisions; "
            "see packetflow.hookspecs"
        )
        return self._failed(kind, slot, "invalid", problem, subject, ctx)

    def _failed(
        self,
        kind: HookKind,
        slot: ModuleSlot,
        failure: Failure,
        exc: BaseException | None,
        subject: Any,
        ctx: Context,
    ) -> tuple[Any, Any]:
        error = self.fault(slot, HOOK_OF[kind], failure, exc, ctx)
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


def _close(decision: Any) -> None:
    """Close a coroutine that will never be awaited (a discarded decision), so it is not
    reported as "never awaited"."""
    if isinstance(decision, Defer):
        decision = decision.awaitable
    if inspect.iscoroutine(decision):
        decision.close()


def _sees_steps(slot: ModuleSlot) -> bool:
    return slot.cls is not None and bool(getattr(slot.cls, "steps", False))


def _links(links: list[Link]) -> Links:
    return tuple(links), any(link[1] for link in links)


def _guard(slot: ModuleSlot) -> Link:
    """The stand-in of a fail-closed module that is out: refuses every request it covers."""
    who = label(slot.name, slot.origin)

    def refuse(subject: Any, ctx: Context) -> Fail:
        return Fail(
            "E503",
            f"{who} is {slot.status} and fail-closed (on_error = 'fail'): requests it covers "
            f"are refused until it is active again; fix it and run 'packetflow modules enable "
            f"{slot.name}', or set on_error = 'skip' in its [[modules]] entry",
            details={"module": slot.name, "status": slot.status},
        )

    return (refuse, False, math.inf, slot)


def _link(slot: ModuleSlot, hook: str, trace: Tracer | None) -> Link:
    assert slot.policy is not None
    fn = slot.hooks[hook]
    is_async = inspect.iscoroutinefunction(fn)
    if trace is not None:
        fn = traced(fn, is_async, slot.name, hook, trace)
    return (fn, is_async, slot.policy.hook_timeout, slot)
