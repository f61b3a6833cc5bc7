"""Predicting how long a plan takes, from the models: a step costs its capability's moving
average, a pipeline the sum of its nodes, a parallel its slowest branch; loops and map-reduce
multiply by their item counts when the inputs give them; a retry adds the expected attempts.
The critical path is the chain of steps that sets the total.

``confidence`` is the share of the critical path's steps with enough samples, lowered for
every choice the prediction had to guess (a condition it could not evaluate, an item count
the inputs do not give).
"""

from __future__ import annotations

import contextlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

import packetflow as pf

from .models import Models
from .rewrite import Rewrite
from .tree import steps

__all__ = ["MIN_SAMPLES", "Estimate", "Predictor"]

MIN_SAMPLES = 5  # samples before a capability's figures count as measured
_SLOW_SHARE = 0.4  # a step taking this share of the total is a bottleneck
_ERROR_PRONE = 0.1
_GUESS_PENALTY = 0.7  # confidence kept per guessed choice


@dataclass
class Estimate:
    """The estimate of one node: milliseconds and its critical path (step paths)."""

    ms: float
    path: list[str] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)


class Predictor:
    """Estimates plans on one node from its models."""

    def __init__(self, node: pf.Node, models: Models) -> None:
        self._node = node
        self._models = models

    def predict(
        self, plan: pf.PlanNode, inputs: dict[str, Any] | None, rewrite: Rewrite
    ) -> dict[str, Any]:
        """The prediction for ``plan`` as it will run (``rewrite`` is what the module would do
        to it)."""
        given = _Walk(self, inputs)
        unoptimized = given.node(plan, plan.type)
        running = _Walk(self, inputs)
        estimate = running.node(rewrite.plan, rewrite.plan.type)
        result: dict[str, Any] = {
            "estimated_ms": round(estimate.ms, 3),
            "critical_path": estimate.path,
            "bottlenecks": self._bottlenecks(rewrite, given, running, estimate),
            "confidence": _confidence(estimate, running.measured),
            "rewritten": rewrite.changed,
            "unoptimized_ms": round(unoptimized.ms, 3),
        }
        # (a plan with a Python-callable condition cannot be shown)
        with contextlib.suppress(pf.PacketFlowError):
            if rewrite.changed:
                result["plan"] = json.loads(pf.dump_plan(rewrite.plan))
        return result

    def step_ms(self, cap_name: str) -> tuple[float, bool]:
        """A step's cost and whether it is measured."""
        model = self._models.get(cap_name)
        if model is not None and model.ewma_ms is not None:
            return model.ewma_ms, model.samples >= MIN_SAMPLES
        return 0.0, False

    def error_rate(self, cap_name: str) -> float:
        model = self._models.get(cap_name)
        return 0.0 if model is None else model.error_rate

    def _bottlenecks(
        self, rewrite: Rewrite, given: _Walk, running: _Walk, estimate: Estimate
    ) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for group in rewrite.groups:
            costs = [given.costs.get(path, 0.0) for path in group]
            saved = sum(costs) - max(costs)
            found.append(
                {
                    "type": "sequential_independent",
                    "steps": list(group),
                    "detail": f"{len(group)} nodes share no data: run as one parallel group "
                    f"(saves ~{saved:.1f} ms)",
                }
            )
        total = estimate.ms
        for path in estimate.path:
            cost = running.costs.get(path, 0.0)
            if total > 0 and cost / total >= _SLOW_SHARE:
                found.append(
                    {
                        "type": "slow_step",
                        "steps": [path],
                        "detail": f"{running.caps[path]!r} takes {cost:.1f} ms of "
                        f"{total:.1f} ms ({cost / total:.0%}) on the critical path",
                    }
                )
        for old, before, after in rewrite.capped:
            found.append(
                {
                    "type": "contention",
                    "steps": [old],
                    "detail": f"max_concurrency {before} -> {after}: a capability it calls "
                    "was overloaded (E429/E503) at higher concurrency",
                }
            )
        unmeasured, error_prone = [], []
        for path, name in running.caps.items():
            model = self._models.get(name)
            if model is None or model.samples < MIN_SAMPLES:
                unmeasured.append(path)
            elif model.error_rate >= _ERROR_PRONE:
                error_prone.append((path, name, model.error_rate))
        for path, name, rate in error_prone:
            found.append(
                {
                    "type": "error_prone",
                    "steps": [path],
                    "detail": f"{name!r} failed {rate:.0%} of its recent calls",
                }
            )
        if unmeasured:
            found.append(
                {
                    "type": "unmeasured",
                    "steps": unmeasured,
                    "detail": f"fewer than {MIN_SAMPLES} samples: estimated as 0 ms or from "
                    "few samples",
                }
            )
        return found


def _confidence(estimate: Estimate, measured: set[str]) -> float:
    if not estimate.path:
        return 0.0
    share = sum(path in measured for path in estimate.path) / len(estimate.path)
    return round(share * _GUESS_PENALTY ** min(3, len(estimate.guesses)), 2)


class _Walk:
    """One estimation pass over a plan; remembers each step's cost and capability."""

    def __init__(self, predictor: Predictor, inputs: dict[str, Any] | None) -> None:
        self.predictor = predictor
        self.inputs = inputs or {}
        self.costs: dict[str, float] = {}
        self.caps: dict[str, str] = {}
        self.measured: set[str] = set()

    def node(self, node: pf.PlanNode, path: str) -> Estimate:
        method = getattr(self, f"_{type(node).__name__.lower()}")
        estimate: Estimate = method(node, path)
        self.costs[path] = estimate.ms
        return estimate

    def _step(self, node: pf.Step, path: str) -> Estimate:
        self.caps[path] = node.cap
        ms, measured = self.predictor.step_ms(node.cap)
        if measured:
            self.measured.add(path)
        if node.timeout is not None:
            ms = min(ms, node.timeout * 1000)
        return Estimate(ms, [path])

    def _pipeline(self, node: pf.Pipeline, path: str) -> Estimate:
        total = Estimate(0.0)
        for index, child in enumerate(node.steps):
            part = self.node(child, f"{path}[{index}].{child.type}")
            total.ms += part.ms
            total.path += part.path
            total.guesses += part.guesses
        return total

    def _parallel(self, node: pf.Parallel, path: str) -> Estimate:
        parts = [
            self.node(branch, f"{path}.branch[{name!r}].{branch.type}")
            for name, branch in node.branches.items()
        ]
        slowest = max(parts, key=lambda part: part.ms)
        guesses = [g for part in parts for g in part.guesses]
        ms = slowest.ms if node.timeout is None else min(slowest.ms, node.timeout * 1000)
        return Estimate(ms, slowest.path, guesses)

    def _conditional(self, node: pf.Conditional, path: str) -> Estimate:
        arms = [
            (arm, f"{path}.when[{index}].{arm.then.type}")
            for index, arm in enumerate(node.branches)
        ]
        otherwise = f"{path}.otherwise.{node.otherwise.type}" if node.otherwise else None
        for arm, arm_path in arms:
            decided = self._decide(arm)
            if decided is None:
                break  # cannot tell: assume the slowest arm
            if decided:
                return self.node(arm.then, arm_path)
        else:
            if node.otherwise is not None and otherwise is not None:
                return self.node(node.otherwise, otherwise)
            return Estimate(0.0)
        parts = [self.node(arm.then, arm_path) for arm, arm_path in arms]
        if node.otherwise is not None and otherwise is not None:
            parts.append(self.node(node.otherwise, otherwise))
        slowest = max(parts, key=lambda part: part.ms)
        return Estimate(slowest.ms, slowest.path, [*slowest.guesses, f"{path}: which arm runs"])

    def _decide(self, arm: pf.When) -> bool | None:
        names = getattr(arm.predicate, "names", None)
        if names is None or not set(names) <= set(self.inputs):
            return None
        try:
            return bool(arm.predicate(self.inputs))
        except Exception:
            return None

    def _count(self, over: str, path: str, guesses: list[str]) -> int:
        items = self.inputs.get(over)
        if isinstance(items, list | tuple):
            return len(items)
        guesses.append(f"{path}: how many items {over!r} holds (assumed 1)")
        return 1

    def _loop(self, node: pf.Loop, path: str) -> Estimate:
        body = self.node(node.body, f"{path}.body.{node.body.type}")
        guesses = list(body.guesses)
        count = min(node.max_iterations, self._count(node.over, path, guesses))
        ms = count * body.ms + max(0, count - 1) * node.delay * 1000
        return Estimate(ms, body.path, guesses)

    def _mapreduce(self, node: pf.MapReduce, path: str) -> Estimate:
        mapped = self.node(node.map, f"{path}.map.{node.map.type}")
        guesses = list(mapped.guesses)
        count = self._count(node.over, path, guesses)
        chunk = node.chunk_size or max(1, count)
        waves = sum(
            math.ceil(min(chunk, count - start) / node.max_concurrency)
            for start in range(0, count, chunk)
        )
        ms, critical = waves * mapped.ms, list(mapped.path)
        if node.reduce is not None:
            reduced = self.node(node.reduce, f"{path}.reduce.{node.reduce.type}")
            ms += reduced.ms
            critical += reduced.path
            guesses += reduced.guesses
        return Estimate(ms, critical, guesses)

    def _retry(self, node: pf.Retry, path: str) -> Estimate:
        body = self.node(node.body, f"{path}.body.{node.body.type}")
        failure = max(
            (self.predictor.error_rate(s.cap) for s, _ in steps(node.body, path)), default=0.0
        )
        backoff = node.backoff
        attempts = sum(failure**k for k in range(node.max_attempts))
        waits = sum(
            failure**k * min(backoff.max, backoff.base * backoff.multiplier ** (k - 1))
            for k in range(1, node.max_attempts)
        )
        ms = body.ms * attempts + waits * 1000
        critical, guesses = list(body.path), list(body.guesses)
        if node.fallback is not None:
            fallback = self.node(node.fallback, f"{path}.fallback.{node.fallback.type}")
            ms += failure**node.max_attempts * fallback.ms
            guesses += fallback.guesses
        return Estimate(ms, critical, guesses)

    def _eventdriven(self, node: pf.EventDriven, path: str) -> Estimate:
        total = Estimate(0.0, guesses=[f"{path}: which events arrive"])
        for part_node, part_path in (
            (node.determine_state, f"{path}.determine_state"),
            (node.finalize, f"{path}.finalize"),
        ):
            if part_node is not None:
                part = self.node(part_node, f"{part_path}.{part_node.type}")
                total.ms += part.ms
                total.path += part.path
        return total
