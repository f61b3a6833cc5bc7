"""Plan nodes: a composition is a tree of these pydantic models (discriminated on ``type``).

The same models are built by the Python builders, loaded from JSON/YAML, produced by planner
modules and rewritten by ``packetflow_handle_composition`` hooks. Data flows through one key
space, the *blackboard*: a step reads its ``from`` keys and writes its ``to`` keys; ``"a->b"``
renames (for ``from``: blackboard key ``a`` feeds input field ``b``; for ``to``: output field
``a`` is written to blackboard key ``b``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

from ..errors import error_class
from .expr import Expression, compile_expression

__all__ = [
    "Backoff",
    "CircuitBreaker",
    "Condition",
    "Conditional",
    "EventDriven",
    "Loop",
    "MapReduce",
    "Parallel",
    "Pipeline",
    "Plan",
    "PlanNode",
    "Retry",
    "Step",
    "Transition",
    "When",
    "split_rename",
]

Condition: TypeAlias = str | Callable[[Mapping[str, Any]], bool]
"""A safe-expression string (serialisable) or, in Python only, a predicate on the blackboard."""

DEFAULT_RETRY_ON = ["E408", "E429", "E500", "E503"]


def split_rename(entry: str) -> tuple[str, str]:
    """``"a->b"`` → ``("a", "b")``; ``"a"`` → ``("a", "a")``."""
    src, arrow, dest = entry.partition("->")
    src, dest = src.strip(), dest.strip()
    return (src, dest if arrow else src)


def _check_keys(entries: list[str] | None) -> list[str] | None:
    for entry in entries or ():
        src, dest = split_rename(entry)
        if not src or not dest or "->" in dest:
            raise ValueError(f"key mapping {entry!r}: expected 'key' or 'source->dest'")
    return entries


class PlanNode(BaseModel):
    """Base of every plan node: immutable, strict about unknown fields."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    type: str

    @model_serializer(mode="wrap")
    def _with_type(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # ``type`` is the discriminator: keep it even when dumping with exclude_defaults.
        data: dict[str, Any] = handler(self)
        return {"type": self.type, **data}


class Step(PlanNode):
    """Call one capability. ``from_``/``to`` default to the capability's own field names."""

    type: Literal["step"] = "step"
    cap: str = Field(min_length=1)
    from_: list[str] | None = Field(default=None, alias="from")
    to: list[str] | None = None
    timeout: float | None = Field(default=None, gt=0)

    _check = field_validator("from_", "to")(_check_keys)


class Pipeline(PlanNode):
    """Run nodes in order; stop at the first error."""

    type: Literal["pipeline", "sequence"] = "pipeline"
    steps: list[Plan] = Field(min_length=1)


class Parallel(PlanNode):
    """Run branches concurrently, each on a copy of the blackboard.

    ``combine="merge"`` writes every branch's outputs back; ``"by_branch"`` writes each branch's
    outputs as a dict under the branch name. ``partial_failure="continue"`` keeps the successes
    and records failures under ``parallel_errors``; ``"fail_fast"`` cancels the siblings.
    ``max_concurrency`` bounds how many branches run at once (the others wait their turn, in
    order); results are the same either way, since each branch works on its own copy.
    """

    type: Literal["parallel"] = "parallel"
    branches: dict[str, Plan] = Field(min_length=1)
    combine: Literal["merge", "by_branch"] = "merge"
    timeout: float | None = Field(default=None, gt=0)
    partial_failure: Literal["fail_fast", "continue"] = "fail_fast"
    max_concurrency: int | None = Field(default=None, ge=1, le=10_000)


class When(PlanNode):
    """One arm of a :class:`Conditional`."""

    type: Literal["when"] = "when"
    when: Condition
    then: Plan

    _expression: Expression | None = PrivateAttr(default=None)

    @field_validator("when")
    @classmethod
    def _compile(cls, value: Condition) -> Condition:
        if isinstance(value, str):
            compile_expression(value)  # raises E400 on unsafe text
        return value

    @property
    def predicate(self) -> Callable[[Mapping[str, Any]], bool]:
        """The condition as a callable (expressions compiled once, on first use)."""
        if not isinstance(self.when, str):
            return self.when
        if self._expression is None or self._expression.source != self.when:
            self._expression = compile_expression(self.when)
        return self._expression

    @field_serializer("when")
    def _dump(self, value: Condition) -> str:
        if not isinstance(value, str):
            raise ValueError("a Python callable condition cannot be serialised; use an expression")
        return value


class Conditional(PlanNode):
    """Run the first arm whose condition holds, else ``otherwise`` (else nothing)."""

    type: Literal["conditional"] = "conditional"
    branches: list[When] = Field(min_length=1)
    otherwise: Plan | None = None


class Loop(PlanNode):
    """Run ``body`` once per item of the list at ``over`` (bound to ``as_``), in order.

    Writes ``processed_count``, ``errors_count`` and, for each ``emit`` key, ``all_<key>``.
    ``on_error``: ``"skip"`` counts and goes on, ``"break"`` counts and stops, ``"fail"`` raises.
    """

    type: Literal["loop"] = "loop"
    over: str
    as_: str = Field(default="item", alias="as")
    body: Plan
    break_when: Condition | None = None
    delay: float = Field(default=0.0, ge=0)
    max_iterations: int = Field(default=10_000, ge=1, le=1_000_000)
    on_error: Literal["skip", "break", "fail"] = "fail"
    emit: list[str] = []

    _expression: Expression | None = PrivateAttr(default=None)

    @field_validator("break_when")
    @classmethod
    def _compile(cls, value: Condition | None) -> Condition | None:
        if isinstance(value, str):
            compile_expression(value)
        return value

    @property
    def break_predicate(self) -> Callable[[Mapping[str, Any]], bool] | None:
        """``break_when`` as a callable (expressions compiled once, on first use)."""
        if not isinstance(self.break_when, str):
            return self.break_when
        if self._expression is None or self._expression.source != self.break_when:
            self._expression = compile_expression(self.break_when)
        return self._expression

    @field_serializer("break_when")
    def _dump(self, value: Condition | None) -> str | None:
        if value is not None and not isinstance(value, str):
            raise ValueError("a Python callable condition cannot be serialised; use an expression")
        return value


class Backoff(BaseModel):
    """Exponential backoff: ``min(max, base * multiplier**(attempt-1))`` ± ``jitter`` (a
    fraction of the delay)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["exponential"] = "exponential"
    base: float = Field(default=0.1, ge=0)
    max: float = Field(default=30.0, ge=0)
    multiplier: float = Field(default=2.0, ge=1)
    jitter: float = Field(default=0.1, ge=0, le=1)


class CircuitBreaker(BaseModel):
    """Breaker settings. State is shared per ``key`` (default: the body's capability) across
    every plan and request on the node."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    failure_threshold: int = Field(default=5, ge=1)
    recovery_timeout: float = Field(default=30.0, gt=0)
    half_open_max_calls: int = Field(default=1, ge=1)
    key: str | None = None


class Retry(PlanNode):
    """Retry ``body`` on the ``retry_on`` codes with backoff, behind an optional circuit
    breaker; run ``fallback`` after the last failure. Writes ``retry_metadata``."""

    type: Literal["retry"] = "retry"
    body: Plan
    max_attempts: int = Field(default=3, ge=1, le=100)
    backoff: Backoff = Backoff()
    retry_on: list[str] = Field(default_factory=lambda: list(DEFAULT_RETRY_ON))
    circuit_breaker: CircuitBreaker | None = None
    fallback: Plan | None = None

    @field_validator("retry_on")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            error_class(code)
        return codes


class MapReduce(PlanNode):
    """Run ``map`` per item of ``over`` (bound to ``as_``) with at most ``max_concurrency`` at
    once, chunk by chunk; collect each ``emit`` key into ``all_<key>`` (item order); then run
    ``reduce``."""

    type: Literal["map_reduce"] = "map_reduce"
    over: str
    as_: str = Field(default="item", alias="as")
    map: Plan
    emit: list[str] = Field(min_length=1)
    reduce: Plan | None = None
    max_concurrency: int = Field(default=10, ge=1, le=10_000)
    chunk_size: int | None = Field(default=None, ge=1)


class Transition(PlanNode):
    """What an event does in a state: optionally ``run`` a node, then move ``to`` a state."""

    type: Literal["transition"] = "transition"
    run: Plan | None = None
    to: str | None = None


class EventDriven(PlanNode):
    """A state machine per entity.

    The state comes from the blackboard key ``state`` (or ``determine_state``, or ``initial``);
    events from ``event``/``events`` in the request, or from ``channel`` until a ``final`` state
    or ``max_events``. ``on[event][state]`` (``"*"`` = any state) gives the transition; an event
    with none is recorded as not handled. Writes ``state`` and ``transitions``.
    """

    type: Literal["event_driven"] = "event_driven"
    states: list[str] = Field(min_length=1)
    initial: str
    determine_state: Plan | None = None
    on: dict[str, dict[str, Transition]] = {}
    finalize: Plan | None = None
    final: list[str] = []
    channel: str | None = None
    max_events: int = Field(default=1000, ge=1, le=1_000_000)

    @model_validator(mode="after")
    def _known_states(self) -> EventDriven:
        known = set(self.states)
        problems = [f"initial state {self.initial!r}"] if self.initial not in known else []
        problems += [f"final state {s!r}" for s in self.final if s not in known]
        for event, by_state in self.on.items():
            for state, transition in by_state.items():
                if state != "*" and state not in known:
                    problems.append(f"on[{event!r}] from state {state!r}")
                if transition.to is not None and transition.to not in known:
                    problems.append(f"on[{event!r}][{state!r}] to state {transition.to!r}")
        if problems:
            raise ValueError(f"unknown states: {', '.join(problems)}; declare them in states")
        return self


Plan = Annotated[
    Step | Pipeline | Parallel | Conditional | Loop | Retry | MapReduce | EventDriven,
    Field(discriminator="type"),
]
"""Any plan node."""

for _model in (Pipeline, Parallel, When, Conditional, Loop, Retry, MapReduce, Transition,
               EventDriven):  # fmt: skip
    _model.model_rebuild()
