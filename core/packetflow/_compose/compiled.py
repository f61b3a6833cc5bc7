"""Plans that modules substituted for a composition's plan, validated and compiled once.

A module that optimizes a composition (``Optimize`` from ``packetflow_handle_composition``)
usually returns the same plan object run after run (it caches its rewrite). Validating and
compiling that plan on every run cost more than running a short plan, so each composition
keeps the plans it has accepted by identity, for the registry generation they were checked
against.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from .plan import PlanNode
from .runners import Runner, compile_plan
from .validate import PlanAnalysis

if TYPE_CHECKING:
    from .runners.base import Lookup

__all__ = ["MAX_SUBSTITUTES", "Substitute", "Substitutes"]

MAX_SUBSTITUTES = 16
"""Substituted plans kept per composition; the least recently used is dropped beyond this."""


class Substitute:
    """One accepted plan: its analysis, and its runner once it has been asked for."""

    __slots__ = ("_runner", "analysis", "plan")

    def __init__(self, plan: PlanNode, analysis: PlanAnalysis) -> None:
        self.plan = plan  # held so that id(plan) cannot be reused while the entry lives
        self.analysis = analysis
        self._runner: Runner | None = None

    def runner(self, lookup: Lookup) -> Runner:
        # Compiled on first use: a plan a later module replaced again never runs.
        if self._runner is None:
            self._runner = compile_plan(self.plan, lookup)
        return self._runner


class Substitutes:
    """Accepted plans by identity, valid for one registry generation; bounded (LRU).

    Args:
        generation: the registry's current generation; every entry is dropped when it changes.
        capacity: entries kept; the least recently used is dropped beyond it.
    """

    def __init__(self, generation: Callable[[], int], capacity: int = MAX_SUBSTITUTES) -> None:
        self._current = generation
        self._capacity = capacity
        self._generation = generation()
        self._entries: OrderedDict[int, Substitute] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def accept(self, plan: PlanNode, check: Callable[[PlanNode], PlanAnalysis]) -> Substitute:
        """The entry for ``plan``, running ``check`` (which raises if the plan is refused)
        only when the plan is not already known for the current generation."""
        generation = self._current()
        if generation != self._generation:
            self._entries.clear()  # capabilities changed: every plan must be checked again
            self._generation = generation
        key = id(plan)
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            return entry
        entry = Substitute(plan, check(plan))
        self._entries[key] = entry
        if len(self._entries) > self._capacity:
            self._entries.popitem(last=False)
        return entry
