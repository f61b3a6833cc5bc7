"""Running a plan: the per-execution state (:class:`Run`), the execution graph and the entry
point that compiles a validated plan into runners and executes it."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .._capabilities.events import EventBus, ExecutionEvent
from .._context import CompositionState, Context
from ..errors import PacketFlowError
from .counters import CompositionCounters

if TYPE_CHECKING:
    from .._capabilities.capability import Capability
    from .._capabilities.executor import Executor
    from .._channels import Channels
    from .._registry import Registry
    from .breaker import BreakerBoard
    from .plan import PlanNode
    from .runners import Runner

__all__ = [
    "Engine",
    "ExecutionGraph",
    "Rewrite",
    "Run",
    "StepHook",
    "StepRecord",
    "annotate",
]

MAX_GRAPH_RECORDS = 10_000

now = time.perf_counter
"""The engine's clock (a module global: cheaper to call than ``time.perf_counter``)."""


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, one per step
class StepRecord:
    """One node of the execution graph: a step that ran (or failed)."""

    path: str
    capability: str
    status: Literal["ok", "error"]
    started_ms: float
    duration_ms: float
    error_code: str | None = None


@dataclass(slots=True)
class ExecutionGraph:
    """Everything one composition run did, in order; kept for the dashboard and optimizers.

    Steps are stored as raw tuples on the hot path and turned into :class:`StepRecord` when
    read (``records``).
    """

    composition: str
    trace_id: str | None
    origin: float = field(default_factory=time.perf_counter)
    status: Literal["running", "ok", "error"] = "running"
    duration_ms: float = 0.0
    dropped: int = 0
    raw: list[tuple[str, str, float, float, str | None]] = field(default_factory=list)

    @property
    def records(self) -> list[StepRecord]:
        origin = self.origin
        return [
            StepRecord(
                path,
                cap,
                "ok" if code is None else "error",
                (started - origin) * 1000,
                (ended - started) * 1000,
                code,
            )
            for path, cap, started, ended, code in self.raw
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "composition": self.composition,
            "trace_id": self.trace_id,
            "status": self.status,
            "duration_ms": self.duration_ms,
            "dropped": self.dropped,
            "records": [asdict(record) for record in self.records],
        }


@dataclass(slots=True)
class Run:
    """The state of one plan execution, shared by all its runners."""

    name: str
    executor: Executor
    ctx: Context
    state: CompositionState
    breakers: BreakerBoard
    channels: Channels
    events: EventBus
    graph: ExecutionGraph
    steps: StepHook | None = None

    def record(
        self, path: str, cap: str, started: float, error: PacketFlowError | None = None
    ) -> None:
        ended = now()
        raw = self.graph.raw
        code = None if error is None else error.code
        if len(raw) < MAX_GRAPH_RECORDS:
            raw.append((path, cap, started, ended, code))
        else:
            self.graph.dropped += 1
        if self.events.active:
            self.events.emit(
                ExecutionEvent(
                    "step.stop" if error is None else "step.error",
                    cap,
                    self.ctx.trace_id,
                    duration_ms=(ended - started) * 1000,
                    error_code=code,
                    path=path,
                    extra={"composition": self.name, "total_steps": self.state.total_steps},
                )
            )


def annotate(error: PacketFlowError, path: str) -> PacketFlowError:
    """Add the failing node's path to an error's details (once: the innermost path wins)."""
    if error.details is None:
        error.details = {"path": path}
    elif isinstance(error.details, dict):
        error.details.setdefault("path", path)
    return error


Lookup = Callable[[str], "Capability | None"]

Rewrite = Callable[
    ["PlanNode", Context, str, Callable[["PlanNode"], object]], Awaitable["PlanNode"]
]
"""``(plan, ctx, composition name, check) -> plan``: the composition hooks of the module chain;
``check`` validates a rewritten plan (raising E422)."""

StepHook = Callable[
    ["Capability", dict[str, Any], Context, "float | None", str], Awaitable[dict[str, Any]]
]
"""``(capability, payload, ctx, timeout, step path) -> output``: one step through the request
and response hooks of the modules that see steps (``Module.steps``)."""


class Engine:
    """Validates, compiles and executes plans for one node."""

    def __init__(
        self,
        registry: Registry,
        executor: Executor,
        channels: Channels,
        events: EventBus,
        breakers: BreakerBoard,
        history: int = 100,
    ) -> None:
        self.registry = registry
        self.lookup: Lookup = registry.lookup
        self.executor = executor
        self.channels = channels
        self.events = events
        self.breakers = breakers
        self.executions: deque[ExecutionGraph] = deque(maxlen=history)
        self.counters = CompositionCounters()  # runs and step latencies, for /metrics
        # Set by the module host while any module implements packetflow_handle_composition.
        self.rewrite: Rewrite | None = None
        # Set by the module host while any active module sees composition steps.
        self.steps: StepHook | None = None

    async def execute(
        self,
        runner: Runner,
        total_steps: int,
        bb: dict[str, Any],
        ctx: Context,
        *,
        name: str,
        kind: str,
    ) -> dict[str, Any]:
        """Run a compiled plan on the blackboard ``bb`` (mutated and returned)."""
        state = CompositionState(kind, total_steps)
        graph = ExecutionGraph(name, ctx.trace_id, now())
        run = Run(
            name,
            self.executor,
            ctx.child(composition=state),
            state,
            self.breakers,
            self.channels,
            self.events,
            graph,
            self.steps,
        )
        self.executions.append(graph)
        try:
            await runner.run(run, bb)
        except BaseException:
            self._finish(run, "error")
            raise
        self._finish(run, "ok")
        return bb

    def _finish(self, run: Run, status: Literal["ok", "error"]) -> None:
        graph = run.graph
        graph.status = status
        graph.duration_ms = (now() - graph.origin) * 1000
        self.counters.record(graph, status)
        if self.events.active:
            self.events.emit(
                ExecutionEvent(
                    "composition.stop" if status == "ok" else "composition.error",
                    run.name,
                    run.ctx.trace_id,
                    duration_ms=graph.duration_ms,
                    extra={"graph": graph},
                )
            )
