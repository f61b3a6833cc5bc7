"""The dispatcher: the one loop that runs every hook chain (SPEC 5.2, 5.3) — request,
composition and response hooks, and the request/response hooks of composition steps — as
pluggy runs every hook through ``_multicall``.

:func:`run` takes the links of a :class:`~.chain.Chain` that apply to the subject and calls
each one with ``(subject, context)`` (the request paths call its halves: :func:`start`, and
:func:`finish` only when a hook is left pending, sparing a coroutine per chain);
:func:`_judge` turns what it returned into the next subject or a stop (a response or an
error). Failures (a hook raised, overran its deadline or
returned something that is not one of its decisions) go to the chain's fault handler, which
counts them against the module and says whether the run fails closed.

Deadlines cost no cancel scope per hook (a scope costs several times a hook call here):

- a plain ``def`` hook cannot be interrupted, so its duration is measured and an overrun
  counts as a timeout;
- an ``async def`` hook is driven by hand: its coroutine is sent ``None`` once, and if it
  finishes without yielding to trio (the common case: no I/O) that is all;
- a hook that does block, or a ``def`` hook that returns :class:`~packetflow.Defer`, leaves
  the loop as a :class:`Pending`; :func:`_settle` awaits the rest under a cancel scope with
  what is left of the hook's budget (``_lowlevel.scope_beneath``: the scope goes beneath the
  scopes the hook's first step left open, as if it had been entered first), judges the
  decision, and the loop goes on after that hook.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import trio

from .._local_messages import capability_response
from .._lowlevel import annotate, evolve, nesting, resume, scope_beneath
from .._wire.codec import error_reply
from .._wire.messages import CapabilityResponse, Envelope
from ..errors import PacketFlowError
from .chain import HOOK_OF, Chain, Failure, FaultHandler, HookKind, Link, Links
from .decisions import Annotate, Continue, Defer, Fail, Intercept, Optimize, Respond, Transform
from .slot import LATENCY_WINDOW, ModuleSlot

if TYPE_CHECKING:
    from .._compose.plan import PlanNode
    from .._context import Context
    from .._wire.messages import RequestEnvelope

__all__ = ["Check", "Pending", "finish", "run", "start"]

Check = Callable[["PlanNode"], object]
"""Validates an ``Optimize`` plan (raising a ``PacketFlowError``): composition runs only."""

_MASK = LATENCY_WINDOW - 1


class Pending:
    """A hook that did not decide at once: the rest of its coroutine (``coro`` stopped at
    ``trap``), or an awaitable to start (a ``Defer``'s, or an unstarted hook when trio is not
    a tested release); what the run awaits under the hook's deadline before the links in
    ``rest``."""

    __slots__ = (
        "awaitable", "before", "deadline", "deferred", "link", "owned", "rest", "started", "trap",
    )  # fmt: skip

    def __init__(
        self,
        link: Link,
        awaitable: Awaitable[Any],
        started: float,
        *,
        trap: Any = None,
        before: object = None,
        deferred: bool = False,
    ) -> None:
        self.link = link
        self.awaitable = awaitable
        self.started = started  # perf_counter() when the hook was called
        self.trap = trap
        self.before = before
        self.deferred = deferred
        self.deadline: float | None = None  # trio time; set once the hook has blocked
        self.rest: Links = ((), False)
        self.owned: object = None  # the subject the run may annotate in place (see start)

    def after(self, links: tuple[Link, ...], owned: object) -> Pending:
        """Remember the links after this hook's in ``links``, and what the run owns."""
        at = next(i for i, link in enumerate(links) if link is self.link)
        rest = links[at + 1 :]
        self.rest = rest, any(link[1] for link in rest)
        self.owned = owned
        return self


def start(
    chain: Chain,
    kind: HookKind,
    subject: Any,
    ctx: Context,
    acted: list[str],
    capability: str | None,
    step: bool = False,
    check: Check | None = None,
    owned: object = None,
) -> tuple[Any, Any]:
    """Run the ``kind`` hooks of ``chain`` that apply to ``capability`` on ``subject``, up to
    the first hook that does not decide at once.

    A plain function, not a coroutine: when every hook decides at once (the usual case, sync
    or async hooks alike) the request paths pay for no coroutine here; only a stop that is a
    :class:`Pending` needs :func:`finish` awaited.

    Returns:
        The subject as the modules left it and what stopped the run: ``None``, a
        :class:`Pending` (await :func:`finish`), or (not for responses, which cannot stop) a
        response or a ``PacketFlowError``. ``acted`` gets the name of every module that decided
        something; with ``step``, only the modules that see composition steps run. ``owned``
        is ``subject`` when the request path built it for this request: an ``Annotate`` then
        writes into it; any other subject is copied once, and the copy is the run's own.
    """
    if chain.scoped:  # only/exclude globs: the links that apply to this capability
        links, has_async = chain.links(kind, capability, step)
    else:
        links, has_async = chain.step_links[kind] if step else chain.every[kind]
    if not links:
        return subject, None
    return _advance(chain.fault, kind, links, has_async, subject, ctx, acted, check, owned)


async def finish(
    chain: Chain,
    kind: HookKind,
    pending: Pending,
    subject: Any,
    ctx: Context,
    acted: list[str],
    check: Check | None = None,
) -> tuple[Any, Any]:
    """The rest of a run that :func:`start` left at ``pending``; returns like :func:`start`,
    never with a :class:`Pending`."""
    fault = chain.fault
    stop: Any = pending
    while type(stop) is Pending:
        subject, stop = await _settle(fault, kind, stop, subject, ctx, acted, check)
    return subject, stop


async def run(
    chain: Chain,
    kind: HookKind,
    subject: Any,
    ctx: Context,
    acted: list[str],
    capability: str | None,
    step: bool = False,
    check: Check | None = None,
) -> tuple[Any, Any]:
    """:func:`start`, then :func:`finish` if a hook is pending: the whole run, awaited (its
    subject is never written into: ``owned`` stays ``None``)."""
    subject, stop = start(chain, kind, subject, ctx, acted, capability, step, check)
    if type(stop) is Pending:
        return await finish(chain, kind, stop, subject, ctx, acted, check)
    return subject, stop


def _advance(
    fault: FaultHandler,
    kind: HookKind,
    links: tuple[Link, ...],
    has_async: bool,
    subject: Any,
    ctx: Context,
    acted: list[str],
    check: Check | None,
    owned: object,
) -> tuple[Any, Any]:
    """The loop: call ``links`` in order until one stops the run or leaves it pending.

    The hot path of the whole module system; keep it lean (it is what the bench measures).
    """
    perf = time.perf_counter
    # Where the task's cancel scopes stand before any hook: what a blocked hook's scope is
    # entered beneath. Every hook that returns has closed its scopes, so it holds throughout.
    before = nesting() if has_async else None
    # Latency samples come from one run in 8: storing one per call costs more than the call
    # itself; counts, timings and the timeout check still cover every call.
    sample = not links[0][3].calls & 7
    started = perf()
    for link in links:
        fn, is_async, timeout, slot = link
        try:
            decision = fn(subject, ctx)
            if is_async:
                if before is None:  # no tested trio: the hook starts inside its scope
                    return subject, Pending(link, decision, started).after(links, owned)
                try:
                    trap = decision.send(None)
                except StopIteration as done:
                    decision = done.value
                else:  # it blocks: the rest runs under its deadline
                    pending = Pending(link, decision, started, trap=trap, before=before)
                    return subject, pending.after(links, owned)
        except Exception as exc:
            slot.record(perf() - started)
            subject, stop = _failed(fault, kind, slot, "error", exc, subject, ctx)
            if stop is not None:
                return subject, stop
            started = perf()
            continue
        now = perf()
        elapsed = now - started
        if sample:
            slot.samples[slot.sampled & _MASK] = elapsed
            slot.sampled += 1
        slot.calls += 1
        if decision is None and elapsed <= timeout:
            started = now
            continue
        subject, stop = _judge(
            fault, kind, link, decision, started, now, subject, ctx, acted, check, owned
        )
        if stop is not None:
            return subject, stop.after(links, owned) if type(stop) is Pending else stop
        if type(decision) is Annotate:  # written in place, or the run's own copy
            owned = subject
        started = perf()
    return subject, None


async def _settle(
    fault: FaultHandler,
    kind: HookKind,
    pending: Pending,
    subject: Any,
    ctx: Context,
    acted: list[str],
    check: Check | None,
) -> tuple[Any, Any]:
    """Await a pending hook under the rest of its deadline, judge its decision, then run the
    links after it; returns like :func:`_advance` (the stop may be another :class:`Pending`)."""
    _, _, timeout, slot = pending.link
    perf = time.perf_counter
    deadline = pending.deadline
    if deadline is None:
        deadline = trio.current_time() + max(0.0, timeout - (perf() - pending.started))
    failure: Exception | None = None
    decision: Any = None
    cut_off = False
    try:
        if pending.trap is None:
            with trio.CancelScope(deadline=deadline) as scope:
                decision = await pending.awaitable
        else:
            with scope_beneath(pending.before, deadline) as scope:
                decision = await resume(pending.awaitable, pending.trap)  # type: ignore[arg-type]
        # A hook cut off at its deadline, or one that swallowed the cancellation.
        cut_off = scope.cancel_called
    except Exception as exc:
        failure = exc
    now = perf()
    slot.record(now - pending.started)
    stop: Any = None
    if failure is not None:
        subject, stop = _failed(fault, kind, slot, "error", failure, subject, ctx)
    elif cut_off:
        _close(decision)
        subject, stop = _failed(fault, kind, slot, "timeout", None, subject, ctx)
    elif pending.deferred and isinstance(decision, Defer):  # one deferral per hook call
        _close(decision)
        problem = TypeError("a Defer resolved to another Defer; return the decision")
        subject, stop = _failed(fault, kind, slot, "invalid", problem, subject, ctx)
    elif decision is not None or now - pending.started > timeout:
        subject, stop = _judge(
            fault, kind, pending.link, decision, pending.started, now, subject, ctx, acted,
            check, pending.owned,
        )  # fmt: skip
        if type(stop) is Pending:  # an async hook that blocked, then deferred
            stop.rest, stop.deadline, stop.owned = pending.rest, deadline, pending.owned
        elif type(decision) is Annotate:
            pending.owned = subject
    rest, has_async = pending.rest
    if stop is not None or not rest:
        return subject, stop
    return _advance(fault, kind, rest, has_async, subject, ctx, acted, check, pending.owned)


def _judge(
    fault: FaultHandler,
    kind: HookKind,
    link: Link,
    decision: Any,
    started: float,
    now: float,
    subject: Any,
    ctx: Context,
    acted: list[str],
    check: Check | None,
    owned: object,
) -> tuple[Any, Any]:
    """The slow path after a hook call: an overrun, or a decision other than ``None``."""
    slot = link[3]
    if slot.policy is not None and now - started > slot.policy.hook_timeout:
        _close(decision)
        return _failed(fault, kind, slot, "timeout", None, subject, ctx)
    if isinstance(decision, Continue) or decision is Continue:
        return subject, None
    if type(decision) is Annotate and kind != "composition":
        acted.append(slot.name)
        return _annotated(subject, decision, owned), None
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
        if type(decision) is Defer:
            return subject, Pending(link, decision.awaitable, started, deferred=True)
    elif kind == "composition":
        if isinstance(decision, Optimize):
            assert check is not None
            try:
                check(decision.plan)
            except PacketFlowError as exc:
                return _failed(fault, kind, slot, "invalid", exc, subject, ctx)
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
    return _failed(fault, kind, slot, "invalid", problem, subject, ctx)


def _failed(
    fault: FaultHandler,
    kind: HookKind,
    slot: ModuleSlot,
    failure: Failure,
    exc: BaseException | None,
    subject: Any,
    ctx: Context,
) -> tuple[Any, Any]:
    error = fault(slot, HOOK_OF[kind], failure, exc, ctx)
    if error is None:
        return subject, None  # fail-open: the chain goes on without this module
    if kind == "response":
        # Responses cannot stop: the error becomes the outcome the next modules see.
        return error_reply(error, subject.id, subject.capability_id), None
    return subject, error


def _annotated(subject: Envelope, decision: Annotate, owned: object) -> Envelope:
    """``subject`` with ``decision``'s metadata and fields: written into it when the run owns
    it, else into a copy (which the run then owns: later annotations write into that)."""
    if subject is owned:
        annotate(subject, decision.metadata, decision.fields)
        return subject
    changes: dict[str, Any] = dict(decision.fields) if decision.fields else {}
    if decision.metadata:
        changes["metadata"] = {**subject.metadata, **decision.metadata}
    else:
        changes["metadata"] = dict(subject.metadata)  # the copy's own: it may be written into
    return evolve(subject, changes)


def _response(decision: Respond, request: RequestEnvelope) -> CapabilityResponse:
    response = decision.response
    if type(response) is dict or not isinstance(response, CapabilityResponse):
        # A payload: the response is built here, for this request, from a copy (the module
        # may hand the same mapping to many requests).
        metadata = decision.metadata
        return capability_response(
            request.id,
            request.capability_id,
            dict(response),
            {} if metadata is None else dict(metadata),
        )
    if response.id == request.id and response.capability_id is not None:
        return response
    return response.model_copy(
        update={
            "id": request.id,
            "capability_id": response.capability_id or request.capability_id,
        }
    )


def _close(decision: Any) -> None:
    """Close a coroutine that will never be awaited (a discarded decision), so it is not
    reported as "never awaited"."""
    if isinstance(decision, Defer):
        decision = decision.awaitable
    if inspect.iscoroutine(decision):
        decision.close()
