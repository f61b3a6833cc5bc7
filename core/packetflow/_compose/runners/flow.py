"""``pipeline``, ``parallel`` and ``conditional`` runners."""

from __future__ import annotations

import trio

from ...errors import DeadlineExceededError, PacketFlowError
from ..engine import Run
from ..plan import Conditional, Parallel, Pipeline
from .base import Blackboard, Lookup, Runner, check, compile_at, guarded, sub

__all__ = ["ConditionalRunner", "ParallelRunner", "PipelineRunner"]


class PipelineRunner(Runner):
    def __init__(self, node: Pipeline, lookup: Lookup, path: str) -> None:
        self.path = path
        self.children = [
            compile_at(child, lookup, f"{path}[{i}].{child.type}")
            for i, child in enumerate(node.steps)
        ]

    async def run(self, run: Run, bb: Blackboard) -> None:
        for child in self.children:
            await child.run(run, bb)


class ParallelRunner(Runner):
    def __init__(self, node: Parallel, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.branches = [
            (name, sub(branch, lookup, f"{path}.branch[{name!r}]"))
            for name, branch in node.branches.items()
        ]

    async def run(self, run: Run, bb: Blackboard) -> None:
        fail_fast = self.node.partial_failure == "fail_fast"
        results: dict[str, Blackboard] = {}
        errors: dict[str, PacketFlowError] = {}

        limit = self.node.max_concurrency
        limiter = trio.CapacityLimiter(limit) if limit and limit < len(self.branches) else None

        async def branch(name: str, runner: Runner, cancel: trio.CancelScope) -> None:
            if limiter is not None:
                async with limiter:
                    await run_branch(name, runner, cancel)
            else:
                await run_branch(name, runner, cancel)

        async def run_branch(name: str, runner: Runner, cancel: trio.CancelScope) -> None:
            local = dict(bb)
            if await guarded(
                runner, run, local, errors, name, cancel.cancel if fail_fast else None
            ):
                results[name] = {k: v for k, v in local.items() if k not in bb or bb[k] is not v}

        with trio.move_on_after(self.node.timeout or float("inf")) as deadline:
            async with trio.open_nursery() as nursery:
                for name, runner in self.branches:
                    nursery.start_soon(branch, name, runner, nursery.cancel_scope)
        if fail_fast and errors:
            raise next(iter(errors.values()))
        if deadline.cancelled_caught:
            timeout = DeadlineExceededError(
                f"{self.path}: branches did not finish within {self.node.timeout:g}s",
                details={"path": self.path, "timeout_s": self.node.timeout},
            )
            if fail_fast:
                raise timeout
            for name, _ in self.branches:
                if name not in results and name not in errors:
                    errors[name] = timeout
        for name, _ in self.branches:
            if name in results:
                if self.node.combine == "by_branch":
                    bb[name] = results[name]
                else:
                    bb.update(results[name])
        if not fail_fast:
            bb["parallel_errors"] = {name: err.to_wire() for name, err in errors.items()}


class ConditionalRunner(Runner):
    def __init__(self, node: Conditional, lookup: Lookup, path: str) -> None:
        self.path = path
        self.arms = [
            (arm.predicate, sub(arm.then, lookup, f"{path}.when[{i}]"), f"{path}.when[{i}]")
            for i, arm in enumerate(node.branches)
        ]
        self.otherwise = (
            sub(node.otherwise, lookup, f"{path}.otherwise") if node.otherwise else None
        )

    async def run(self, run: Run, bb: Blackboard) -> None:
        for predicate, runner, arm_path in self.arms:
            if check(predicate, bb, arm_path):
                await runner.run(run, bb)
                return
        if self.otherwise is not None:
            await self.otherwise.run(run, bb)
