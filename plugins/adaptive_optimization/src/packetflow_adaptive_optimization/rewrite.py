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
    capped: list[tuple[str, int, int]] = field(default_factory=list)


_FIXED = (False, False)  # the traits of a node without dataflow: it never joins a group


class _Group:
    """A parallel group being built: its members, and what rules 2-4 need of them."""

    __slots__ = ("counts", "effects", "items", "open", "writes", "writes_any")

    def __init__(
        self, item: tuple[pf.PlanNode, str], io: pf.NodeIO | None, movable: bool, observable: bool
    ) -> None:
        self.items = [item]
        self.open = io is not None and movable  # may anything join (rule 1, and a known flow)
        self.writes: set[str] = set()
        self.writes_any = False
        self.effects = 0
        self.counts: dict[str, int] = {}
        if io is not None:
            self._take(io, observable)

    def admits(self, io: pf.NodeIO, observable: bool, allowed: Allowed) -> bool:
        """Whether a movable node with dataflow ``io`` may join (rules 2-4). Rule 2 against
        the union of the members' writes is rule 2 against each member (``conflicts``)."""
        if not self.open or self.writes_any:
            return False
        writes = self.writes
        if writes and (io.reads_any or io.writes_any or writes & io.reads or writes & io.writes):
            return False
        if self.effects + observable > 1:
            return False
        counts = self.counts
        for name in io.capabilities:
            limit = allowed(name)
            if limit is not None and counts.get(name, 0) + 1 > limit:
                return False
        return True

    def add(self, item: tuple[pf.PlanNode, str], io: pf.NodeIO, observable: bool) -> None:
        self.items.append(item)
        self._take(io, observable)

    def _take(self, io: pf.NodeIO, observable: bool) -> None:
        self.writes |= io.writes
        self.writes_any = self.writes_any or io.writes_any
        self.effects += observable
        counts = self.counts
        for name in io.capabilities:
            counts[name] = counts.get(name, 0) + 1


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
        # Per capability, for the registry generation they were read in (bounded by it).
        self._facts: dict[str, tuple[bool, bool]] = {}
        self._facts_generation = -1

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
        generation = self._node.registry.generation
        if generation != self._facts_generation:  # what rules 1 and 3 read of each capability
            self._facts.clear()
            self._facts_generation = generation
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
            if child.type == "step":  # the common case, and nothing to rewrite in it
                items.append((child, child_path))
            elif isinstance(child, pf.Pipeline) and not catching:
                items.extend(self._flatten(child, child_path, walk, catching))
            else:
                items.append((self._rewrite(child, child_path, walk, catching), child_path))
        return items

    def _group(
        self, items: list[tuple[pf.PlanNode, str]], walk: _Walk
    ) -> list[list[tuple[pf.PlanNode, str]]]:
        """Greedy, in plan order: a node joins the current group when every rule allows it,
        else it starts the next group. What the rules need of the group (its writes, effects,
        capability counts) is kept as it grows, so each node is checked once against the
        group rather than against every member."""
        groups: list[list[tuple[pf.PlanNode, str]]] = []
        current: _Group | None = None
        for item in items:
            io = walk.flow.get(item[1])
            movable, observable = self._traits(item[0], io) if io is not None else _FIXED
            if (
                current is not None
                and io is not None
                and movable
                and current.admits(io, observable, self._allowed)
            ):
                current.add(item, io, observable)
                continue
            if current is not None:
                groups.append(current.items)
            current = _Group(item, io, movable, observable)
        if current is not None:
            groups.append(current.items)
        return groups

    def _traits(self, node: pf.PlanNode, io: pf.NodeIO) -> tuple[bool, bool]:
        """(may it join a group: rule 1, has it observable effects: rule 3)."""
        # (an event_driven node may write any key: only then look for one)
        movable = bool(io.capabilities) and not (io.writes_any and _has_event_driven(node))
        observable = False
        facts = self._facts
        for name in io.capabilities:
            known = facts.get(name)
            if known is None:
                known = facts[name] = self._facts_of(name)
            reorderable, effects = known
            movable = movable and reorderable
            observable = observable or effects
        return movable, observable

    def _facts_of(self, name: str) -> tuple[bool, bool]:
        """(reorderable, has effects other than metrics) of capability ``name``; an unknown
        one is neither movable nor free of effects."""
        cap = self._node.registry.lookup(name)
        if cap is None:
            return False, True
        return cap.reorderable, any(effect.kind != "metric" for effect in cap.effects)

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
