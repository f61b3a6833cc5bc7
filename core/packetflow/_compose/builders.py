"""Python builders for plans: thin, typed constructors of the plan models.

plan = pipeline(
    step("validate_email"),
    parallel(step("create_account"), step("score_risk")),
    conditional(when("risk > 0.8", step("manual_review")), otherwise=step("auto_approve")),
)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from .._capabilities.capability import Capability
from .plan import (
    Backoff,
    CircuitBreaker,
    Condition,
    Conditional,
    EventDriven,
    Loop,
    MapReduce,
    Parallel,
    Pipeline,
    PlanNode,
    Retry,
    Step,
    Transition,
    When,
)

__all__ = [
    "conditional",
    "event_driven",
    "exponential",
    "loop",
    "map_reduce",
    "parallel",
    "pipeline",
    "retry",
    "sequence",
    "step",
    "transition",
    "when",
]


def step(
    cap: str | Capability,
    *,
    from_: Iterable[str] | None = None,
    to: Iterable[str] | None = None,
    timeout: float | None = None,
) -> Step:
    """Call ``cap``. ``from_`` lists the blackboard keys it reads (``"src->field"`` renames),
    ``to`` the output fields it writes (``"field->dest"``); both default to the contract's
    field names."""
    return Step(
        cap=cap.name if isinstance(cap, Capability) else cap,
        from_=list(from_) if from_ is not None else None,
        to=list(to) if to is not None else None,
        timeout=timeout,
    )


def pipeline(*nodes: PlanNode) -> Pipeline:
    """Run ``nodes`` in order; the first error stops the pipeline."""
    return Pipeline(steps=list(nodes))


def sequence(*nodes: PlanNode) -> Pipeline:
    """Alias of :func:`pipeline` (kept as ``type: "sequence"`` in dumps)."""
    return Pipeline(type="sequence", steps=list(nodes))


def parallel(
    *branches: PlanNode | Mapping[str, PlanNode],
    combine: Literal["merge", "by_branch"] = "merge",
    timeout: float | None = None,
    partial_failure: Literal["fail_fast", "continue"] = "fail_fast",
    max_concurrency: int | None = None,
) -> Parallel:
    """Run branches concurrently (at most ``max_concurrency`` at once, when given). Pass named
    branches as a mapping (``{"risk": step(...)}``); unnamed ones are named after their
    capability (steps) or their position."""
    named: dict[str, PlanNode] = {}
    for index, branch in enumerate(branches):
        if isinstance(branch, Mapping):
            named.update(branch)
            continue
        name = branch.cap if isinstance(branch, Step) else f"{branch.type}{index}"
        if name in named:
            name = f"{name}_{index}"
        named[name] = branch
    return Parallel.model_validate(
        {
            "branches": named,
            "combine": combine,
            "timeout": timeout,
            "partial_failure": partial_failure,
            "max_concurrency": max_concurrency,
        }
    )


def when(condition: Condition, then: PlanNode) -> When:
    """One arm of :func:`conditional`: an expression string or a predicate on the blackboard."""
    return When(when=condition, then=then)


def conditional(*arms: When, otherwise: PlanNode | None = None) -> Conditional:
    """Run the first arm whose condition holds, else ``otherwise``."""
    return Conditional(branches=list(arms), otherwise=otherwise)


def loop(
    *,
    over: str,
    body: PlanNode,
    as_: str = "item",
    break_when: Condition | None = None,
    delay: float = 0.0,
    max_iterations: int = 10_000,
    on_error: Literal["skip", "break", "fail"] = "fail",
    emit: Iterable[str] = (),
) -> Loop:
    """Run ``body`` for each item of the list at ``over``; see :class:`~packetflow.Loop`."""
    return Loop(
        over=over,
        as_=as_,
        body=body,
        break_when=break_when,
        delay=delay,
        max_iterations=max_iterations,
        on_error=on_error,
        emit=list(emit),
    )


def exponential(
    base: float = 0.1, max: float = 30.0, *, jitter: float = 0.1, multiplier: float = 2.0
) -> Backoff:
    """Exponential backoff settings for :func:`retry`."""
    return Backoff(base=base, max=max, jitter=jitter, multiplier=multiplier)


def retry(
    body: PlanNode,
    *,
    max_attempts: int = 3,
    backoff: Backoff | None = None,
    retry_on: Iterable[str] | None = None,
    circuit_breaker: CircuitBreaker | None = None,
    fallback: PlanNode | None = None,
) -> Retry:
    """Retry ``body``; see :class:`~packetflow.Retry`."""
    options: dict[str, Any] = {"body": body, "max_attempts": max_attempts}
    if backoff is not None:
        options["backoff"] = backoff
    if retry_on is not None:
        options["retry_on"] = list(retry_on)
    return Retry(**options, circuit_breaker=circuit_breaker, fallback=fallback)


def map_reduce(
    *,
    over: str,
    map: PlanNode,
    emit: Iterable[str],
    reduce: PlanNode | None = None,
    as_: str = "item",
    max_concurrency: int = 10,
    chunk_size: int | None = None,
) -> MapReduce:
    """Map ``map`` over the list at ``over`` in bounded parallel chunks, then ``reduce``."""
    return MapReduce(
        over=over,
        as_=as_,
        map=map,
        emit=list(emit),
        reduce=reduce,
        max_concurrency=max_concurrency,
        chunk_size=chunk_size,
    )


def transition(to: str | None = None, run: PlanNode | None = None) -> Transition:
    """What an event does: run ``run`` (optional), then move to state ``to`` (optional)."""
    return Transition(to=to, run=run)


def event_driven(
    *,
    states: Iterable[str],
    initial: str,
    on: Mapping[str, Mapping[str, Transition | tuple[PlanNode | None, str | None]]],
    determine_state: PlanNode | None = None,
    finalize: PlanNode | None = None,
    final: Iterable[str] = (),
    channel: str | None = None,
    max_events: int = 1000,
) -> EventDriven:
    """A state machine: ``on={"approve": {"pending": (step("notify"), "approved")}}``."""
    handlers = {
        event: {
            state: t if isinstance(t, Transition) else Transition(run=t[0], to=t[1])
            for state, t in by_state.items()
        }
        for event, by_state in on.items()
    }
    return EventDriven(
        states=list(states),
        initial=initial,
        on=handlers,
        determine_state=determine_state,
        finalize=finalize,
        final=list(final),
        channel=channel,
        max_events=max_events,
    )
