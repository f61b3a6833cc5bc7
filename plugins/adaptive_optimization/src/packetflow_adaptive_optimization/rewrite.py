"""Plan rewriting: consecutive pipeline nodes that share no data run as one ``parallel`` group,
and ``map_reduce`` nodes over contended capabilities get a lower ``max_concurrency``.

When a group is safe (the rules, each checked from the validator's dataflow, ``NodeIO``):

1. Every capability in each member is ``reorderable`` (``idempotent`` implies it).
2. No member reads a key an earlier member of the group may write, and no two members may
   write the same key. (A member may *write* a key an earlier one reads: parallel branches
   run on copies of the blackboard, so the reader still sees the old value, as in order.)
   A node that may read or write any key (an untyped step, a Python condition) only groups
   where that cannot matter.
3. Effect order is kept where it is observable: at most one member of a group declares
   effects other than ``Metric`` (``Notify`` publishes, ``AuditLog`` writes a log line, module
   effect kinds are unknown); metric updates commute.
4. No more members call a contended capability than it allows at once.
5. Only where a failure fails the whole run: never inside a ``retry`` body, a ``loop`` that
   skips or breaks on errors, or a ``parallel`` with ``partial_failure="continue"``. In a group
   the first failure *in time* cancels the others, which may not be the first in plan order;
   where a failure is caught, which error it was would be observable.

Merged results are written in branch order, which is plan order; with rule 2 the blackboard
after the group is the one the pipeline would have left. ``event_driven`` nodes are left as
they are. Nested pipelines are flattened first (a pipeline of pipelines runs the same steps in
the same order), so independent steps group across them.

Every rewrite is validated again and compared with the original (same inputs, every output
still written); one that fails is discarded and counted. Results are cached by plan (identity,
then the plan's JSON) for the current registry generation and contention state.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pydantic_core

import packetflow as pf

from .tree import Slot, children, replace

__all__ = ["Rewrite", "Rewriter", "conflicts"]

log = logging.getLogger("packetflow.adaptive_optimization")

Allowed = Callable[[str], "int | None"]


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The outcome of rewriting one plan.

    Attributes:
        plan: the plan to run (the original object when nothing changed).
        groups: the paths (in the original plan) of the nodes each parallel group runs.
        capped: ``(map_reduce path, max_concurrency before, after)``.
    """

    plan: pf.PlanNode
    groups: tuple[tuple[str, ...], ...] = ()
    capped: tuple[tuple[str, int, int], ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.groups or self.capped)


def conflicts(earlier: pf.NodeIO, later: pf.NodeIO) -> bool:
    """Whether ``later`` must wait for ``earlier`` (rule 2)."""
    if earlier.writes_any:
        return True
    if earlier.writes and (later.reads_any or later.writes_any):
        return True
    return bool(earlier.writes & later.reads) or bool(earlier.writes & later.writes)


@dataclass
class _Walk:
    """The state of one rewrite: the dataflow of the original plan and what was done."""

    flow: dict[str, pf.NodeIO]
    groups: list[tuple[str, ...]] = field(default_factory=list)
    # per node path: may it join a group (rule 1), does it have observable effects (rule 3)
    traits: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    capped: list[tuple[str, int, int]] = field(default_factory=list)


class Rewriter:
    """Rewrites plans for one node, caching the results.

    Args:
        node: the node (its registry, and ``validate`` for the dataflow).
        allowed: capability -> how many may run at once, when it is contended.
        contention_version: changes whenever ``allowed`` would answer differently.
        max_cached: rewritten plans kept (least recently used dropped).
    """

    def __init__(
        self,
        node: pf.Node,
        allowed: Allowed,
        contention_version: Callable[[], int],
        max_cached: int,
    ) -> None:
        self._node = node
        self._allowed = allowed
        self._version = contention_version
        self.max_cached = max_cached
        self._by_id: OrderedDict[int, tuple[pf.PlanNode, tuple[int, int], Rewrite]] = OrderedDict()
        self._by_json: OrderedDict[bytes, tuple[tuple[int, int], Rewrite]] = OrderedDict()
        self.plans = 0  # rewrites computed
        self.rewritten = 0  # of which changed the plan
        self.cache_hits = 0
        self.invalid = 0  # rewrites discarded because they did not validate

    def describe(self) -> dict[str, Any]:
        return {
            "computed": self.plans,
            "rewritten": self.rewritten,
            "cache_hits": self.cache_hits,
            "invalid": self.invalid,
            "cached": len(self._by_id) + len(self._by_json),
            "max_cached": self.max_cached,
        }

    def clear(self) -> None:
        self._by_id.clear()
        self._by_json.clear()

    def rewrite(self, plan: pf.PlanNode) -> Rewrite:
        """The rewrite of ``plan`` (cached)."""
        stamp = (self._node.registry.generation, self._version())
        found = self._by_id.get(id(plan))
        if found is not None and found[0] is plan and found[1] == stamp:
            self._by_id.move_to_end(id(plan))
            self.cache_hits += 1
            return found[2]
        digest = _digest(plan)
        cached = self._by_json.get(digest) if digest is not None else None
        if cached is not None and cached[0] == stamp:
            result = cached[1]
            self.cache_hits += 1
        else:
            result = self.compute(plan)
            if digest is not None:
                self._remember(self._by_json, digest, (stamp, result))
        self._remember(self._by_id, id(plan), (plan, stamp, result))
        return result

    def _remember(self, table: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        table[key] = value
        table.move_to_end(key)
        while len(table) > self.max_cached:
            table.popitem(last=False)

    def compute(self, plan: pf.PlanNode) -> Rewrite:
        """Rewrite ``plan`` now (no cache)."""
        self.plans += 1
        try:
            original = self._node.validate(plan, dataflow=True)
        except pf.errors.PlanValidationError:
            return Rewrite(plan)  # not ours to judge: the core reports it
        walk = _Walk(original.dataflow)
        new = self._rewrite(plan, plan.type, walk, catching=False)
        if new is plan:
            return Rewrite(plan)
        if not self.accept(original, new):
            return Rewrite(plan)
        self.rewritten += 1
        return Rewrite(new, tuple(walk.groups), tuple(walk.capped))

    def accept(self, original: pf.PlanAnalysis, candidate: pf.PlanNode) -> bool:
        """Validate a rewritten plan like any plan: no issues, no new inputs, every output
        still written. A candidate that fails is discarded and counted."""
        try:
            found = self._node.validate(candidate)
        except pf.errors.PlanValidationError as exc:
            problem = exc.message
        else:
            new_inputs = set(found.inputs) - set(original.inputs)
            lost = set(original.outputs) - set(found.outputs)
            if not new_inputs and not lost:
                return True
            problem = f"inputs added {sorted(new_inputs)!r}, outputs lost {sorted(lost)!r}"
        self.invalid += 1
        log.warning("adaptive_optimization: a rewrite was discarded: %s", problem)
        return False

    # -- the walk ------------------------------------------------------------------------------

    def _rewrite(self, node: pf.PlanNode, path: str, walk: _Walk, catching: bool) -> pf.PlanNode:
        if isinstance(node, pf.Step | pf.EventDriven):
            return node
        if isinstance(node, pf.Pipeline):
            return self._pipeline(node, path, walk, catching)
        if isinstance(node, pf.MapReduce):
            node = self._cap_concurrency(node, path, walk)
        updates: dict[Slot, pf.PlanNode] = {}
        for slot, child, child_path in children(node, path):
            new = self._rewrite(child, child_path, walk, catching or _catches(node, slot[0]))
            if new is not child:
                updates[slot] = new
        return replace(node, updates)

    def _pipeline(self, node: pf.Pipeline, path: str, walk: _Walk, catching: bool) -> pf.PlanNode:
        items = self._flatten(node, path, walk, catching)
        flattened = len(items) != len(node.steps)
        if catching:
            new_steps = [child for child, _ in items]
        else:
            new_steps = []
            for group in self._group(items, walk):
                if len(group) == 1:
                    new_steps.append(group[0][0])
                else:
                    new_steps.append(pf.parallel(*(child for child, _ in group)))
                    walk.groups.append(tuple(child_path for _, child_path in group))
        unchanged = len(new_steps) == len(node.steps) and all(
            a is b for a, b in zip(new_steps, node.steps, strict=True)
        )
        if unchanged and not flattened:
            return node
        return node.model_copy(update={"steps": new_steps})

    def _flatten(
        self, node: pf.Pipeline, path: str, walk: _Walk, catching: bool
    ) -> list[tuple[pf.PlanNode, str]]:
        items: list[tuple[pf.PlanNode, str]] = []
        for _, child, child_path in children(node, path):
            if isinstance(child, pf.Pipeline) and not catching:
                items.extend(self._flatten(child, child_path, walk, catching))
            else:
                items.append((self._rewrite(child, child_path, walk, catching), child_path))
        return items

    def _group(
        self, items: list[tuple[pf.PlanNode, str]], walk: _Walk
    ) -> list[list[tuple[pf.PlanNode, str]]]:
        """Greedy, in plan order: a node joins the current group when every rule allows it,
        else it starts the next group."""
        groups: list[list[tuple[pf.PlanNode, str]]] = []
        current: list[tuple[pf.PlanNode, str]] = []
        for item in items:
            if current and self._joins(current, item, walk):
                current.append(item)
                continue
            if current:
                groups.append(current)
            current = [item]
        if current:
            groups.append(current)
        return groups

    def _joins(
        self,
        group: list[tuple[pf.PlanNode, str]],
        item: tuple[pf.PlanNode, str],
        walk: _Walk,
    ) -> bool:
        io = walk.flow.get(item[1])
        if io is None or not self._traits(item, io, walk)[0]:
            return False
        ios = []
        effects = int(self._traits(item, io, walk)[1])
        for member in group:
            member_io = walk.flow.get(member[1])
            if member_io is None:
                return False
            movable, observable = self._traits(member, member_io, walk)
            if not movable or conflicts(member_io, io):
                return False
            effects += observable
            ios.append(member_io)
        if effects > 1:
            return False
        return self._within_limits((*ios, io))

    def _traits(
        self, item: tuple[pf.PlanNode, str], io: pf.NodeIO, walk: _Walk
    ) -> tuple[bool, bool]:
        found = walk.traits.get(item[1])
        if found is None:
            found = walk.traits[item[1]] = (self._reorderable(item[0], io), self._observable(io))
        return found

    def _reorderable(self, node: pf.PlanNode, io: pf.NodeIO) -> bool:
        if not io.capabilities or (io.writes_any and _has_event_driven(node)):
            return False  # (an event_driven node may write any key: only then look for one)
        lookup = self._node.registry.lookup
        return all(
            (cap := lookup(name)) is not None and cap.reorderable for name in io.capabilities
        )

    def _observable(self, io: pf.NodeIO) -> bool:
        lookup = self._node.registry.lookup
        for name in io.capabilities:
            cap = lookup(name)
            if cap is None or any(effect.kind != "metric" for effect in cap.effects):
                return True
        return False

    def _within_limits(self, ios: tuple[pf.NodeIO, ...]) -> bool:
        counts: dict[str, int] = {}
        for io in ios:
            for name in io.capabilities:
                counts[name] = counts.get(name, 0) + 1
        for name, count in counts.items():
            allowed = self._allowed(name)
            if allowed is not None and count > allowed:
                return False
        return True

    def _cap_concurrency(self, node: pf.MapReduce, path: str, walk: _Walk) -> pf.MapReduce:
        io = walk.flow.get(f"{path}.map.{node.map.type}")
        if io is None:
            return node
        limits = [a for name in io.capabilities if (a := self._allowed(name)) is not None]
        if not limits or min(limits) >= node.max_concurrency:
            return node
        walk.capped.append((path, node.max_concurrency, min(limits)))
        return node.model_copy(update={"max_concurrency": min(limits)})


def _catches(node: pf.PlanNode, role: str) -> bool:
    """Whether a failure in ``node``'s child ``role`` is caught (rule 5)."""
    if isinstance(node, pf.Retry):
        return role == "body"
    if isinstance(node, pf.Loop):
        return node.on_error != "fail"
    if isinstance(node, pf.Parallel):
        return node.partial_failure == "continue"
    return False


def _has_event_driven(node: pf.PlanNode) -> bool:
    if isinstance(node, pf.EventDriven):
        return True
    return any(_has_event_driven(child) for _, child, _ in children(node, ""))


def _digest(plan: pf.PlanNode) -> bytes | None:
    try:
        return pydantic_core.to_json(plan)
    except (pydantic_core.PydanticSerializationError, ValueError):
        return None  # a Python-callable condition: cached by identity only
