"""Compiled plan nodes. :func:`compile_plan` turns a validated plan into a tree of runners with
every lookup and key mapping resolved once, so executing a step costs little more than calling
the capability by hand. One module per family of node types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..plan import (
    Conditional,
    EventDriven,
    Loop,
    MapReduce,
    Parallel,
    Pipeline,
    PlanNode,
    Retry,
    Step,
)
from .base import Lookup, Runner
from .flow import ConditionalRunner, ParallelRunner, PipelineRunner
from .iteration import LoopRunner, MapReduceRunner
from .machine import EventDrivenRunner
from .retry import RetryRunner
from .step import StepRunner

__all__ = ["Runner", "compile_plan"]


def compile_plan(plan: PlanNode, lookup: Lookup, path: str | None = None) -> Runner:
    """Compile a plan that :func:`~packetflow._compose.validate.validate` accepted."""
    return _FACTORIES[type(plan)](plan, lookup, path or plan.type)


_FACTORIES: dict[type[PlanNode], Callable[[Any, Lookup, str], Runner]] = {
    Step: StepRunner,
    Pipeline: PipelineRunner,
    Parallel: ParallelRunner,
    Conditional: ConditionalRunner,
    Loop: LoopRunner,
    MapReduce: MapReduceRunner,
    Retry: RetryRunner,
    EventDriven: EventDrivenRunner,
}
