"""Compiled plan nodes. :func:`compile_plan` turns a validated plan into a tree of runners with
every lookup and key mapping resolved once, so executing a step costs little more than calling
the capability by hand."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from typing import Any

import trio

from .._capabilities.capability import Capability
from ..errors import (
    ContractViolationError,
    DeadlineExceededError,
    ExecutionFailedError,
    NotFoundError,
    PacketFlowError,
    UnavailableError,
)
from .engine import Run, annotate
from .plan import (
    Backoff,
    Conditional,
    EventDriven,
    Loop,
    MapReduce,
    Parallel,
    Pipeline,
    PlanNode,
    Retry,
    Step,
    split_rename,
)

__all__ = ["Runner", "compile_plan"]

Blackboard = dict[str, Any]
Lookup = Callable[[str], Capability | None]
Predicate = Callable[[Mapping[str, Any]], bool]
_ABSENT = object()


class Runner:
    """A compiled plan node; ``run`` reads and writes the blackboard in place."""

    path: str

    async def run(self, run: Run, bb: Blackboard) -> None:
        raise NotImplementedError


def compile_plan(plan: PlanNode, lookup: Lookup, path: str | None = None) -> Runner:
    """Compile a plan that :func:`~packetflow._compose.validate.validate` accepted."""
    path = path or plan.type
    factory = _FACTORIES[type(plan)]
    return factory(plan, lookup, path)


def _sub(node: PlanNode, lookup: Lookup, path: str) -> Runner:
    return compile_plan(node, lookup, f"{path}.{node.type}")


def _missing(path: str, key: str, what: str) -> ContractViolationError:
    return ContractViolationError(
        f"{path}: {what} {key!r} is not on the blackboard (did the node producing it fail?)",
        details={"path": path, "missing": key},
    )


# -- step ------------------------------------------------------------------------------------


class StepRunner(Runner):
    __slots__ = ("cap", "fields", "inputs", "outputs", "path", "timeout")

    def __init__(self, node: Step, lookup: Lookup, path: str) -> None:
        cap = lookup(node.cap)
        if cap is None:
            raise NotFoundError(f"{path}: capability {node.cap!r} is not registered")
        self.cap = cap
        self.path = path
        self.timeout = node.timeout
        self.inputs = tuple(split_rename(e) for e in node.from_) if node.from_ is not None else None
        model = cap.contract.input_model
        # An untyped capability that declares no keys sees the whole blackboard.
        self.fields: tuple[str, ...] | None = (
            tuple(model.model_fields) if model is not None else (cap.contract.requires or None)
        )
        self.outputs = tuple(split_rename(e) for e in node.to) if node.to is not None else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        if self.inputs is None:
            fields = self.fields
            payload = dict(bb) if fields is None else {k: bb[k] for k in fields if k in bb}
        else:
            payload = {}
            for src, dest in self.inputs:
                if src not in bb:
                    raise _missing(self.path, src, "input")
                payload[dest] = bb[src]
        state = run.state
        state.current_step = self.path
        started = time.perf_counter()
        try:
            out = await run.executor.execute(self.cap, payload, run.ctx, self.timeout)
        except PacketFlowError as err:
            run.record(self.path, self.cap.name, started, err)
            annotate(err, self.path)
            raise
        if self.outputs is None:
            bb.update(out)
        else:
            for src, dest in self.outputs:
                if src not in out:
                    raise _missing(self.path, src, "output")
                bb[dest] = out[src]
        state.steps_completed += 1
        state.step_results[self.path] = out
        run.record(self.path, self.cap.name, started)


# -- pipeline, parallel, conditional ----------------------------------------------------------


class PipelineRunner(Runner):
    def __init__(self, node: Pipeline, lookup: Lookup, path: str) -> None:
        self.path = path
        self.children = [
            compile_plan(child, lookup, f"{path}[{i}].{child.type}")
            for i, child in enumerate(node.steps)
        ]

    async def run(self, run: Run, bb: Blackboard) -> None:
        for child in self.children:
            await child.run(run, bb)


async def _guarded(
    runner: Runner,
    run: Run,
    bb: Blackboard,
    errors: dict[Any, PacketFlowError],
    key: Any,
    on_error: Callable[[], None] | None = None,
) -> bool:
    """Run one branch inside a nursery, turning its PacketFlowError into a recorded result so
    expected failures never surface as exception groups."""
    try:
        await runner.run(run, bb)
    except PacketFlowError as err:
        errors[key] = err
        if on_error is not None:
            on_error()
        return False
    return True


class ParallelRunner(Runner):
    def __init__(self, node: Parallel, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.branches = [
            (name, _sub(branch, lookup, f"{path}.branch[{name!r}]"))
            for name, branch in node.branches.items()
        ]

    async def run(self, run: Run, bb: Blackboard) -> None:
        fail_fast = self.node.partial_failure == "fail_fast"
        results: dict[str, Blackboard] = {}
        errors: dict[str, PacketFlowError] = {}

        async def branch(name: str, runner: Runner, cancel: trio.CancelScope) -> None:
            local = dict(bb)
            if await _guarded(
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


def _check(predicate: Predicate, bb: Blackboard, path: str) -> bool:
    try:
        return bool(predicate(bb))
    except PacketFlowError as err:
        raise annotate(err, path) from None
    except Exception as exc:
        raise ExecutionFailedError(
            f"{path}: the condition raised {type(exc).__name__}", details={"path": path}
        ) from exc


class ConditionalRunner(Runner):
    def __init__(self, node: Conditional, lookup: Lookup, path: str) -> None:
        self.path = path
        self.arms = [
            (arm.predicate, _sub(arm.then, lookup, f"{path}.when[{i}]"), f"{path}.when[{i}]")
            for i, arm in enumerate(node.branches)
        ]
        self.otherwise = (
            _sub(node.otherwise, lookup, f"{path}.otherwise") if node.otherwise else None
        )

    async def run(self, run: Run, bb: Blackboard) -> None:
        for predicate, runner, arm_path in self.arms:
            if _check(predicate, bb, arm_path):
                await runner.run(run, bb)
                return
        if self.otherwise is not None:
            await self.otherwise.run(run, bb)


# -- loop and map_reduce ----------------------------------------------------------------------


def _items(bb: Blackboard, key: str, path: str) -> list[Any]:
    if key not in bb:
        raise _missing(path, key, "list")
    items = bb[key]
    if not isinstance(items, list | tuple):
        raise ContractViolationError(
            f"{path}: {key!r} must be a list, got {type(items).__name__}",
            details={"path": path, "field": key},
        )
    return list(items)


class LoopRunner(Runner):
    def __init__(self, node: Loop, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.body = _sub(node.body, lookup, f"{path}.body")
        self.until = node.break_predicate

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        processed = failed = 0
        collected: dict[str, list[Any]] = {key: [] for key in node.emit}
        shadowed = bb.get(node.as_, _ABSENT)  # the loop variable may hide a blackboard key
        for index, item in enumerate(_items(bb, node.over, self.path)[: node.max_iterations]):
            if index and node.delay:
                await trio.sleep(node.delay)
            bb[node.as_] = item
            try:
                await self.body.run(run, bb)
            except PacketFlowError:
                failed += 1
                if node.on_error == "fail":
                    raise
                if node.on_error == "break":
                    break
                continue
            processed += 1
            for key, values in collected.items():
                values.append(bb.get(key))
            if self.until is not None and _check(self.until, bb, self.path):
                break
        if shadowed is _ABSENT:
            bb.pop(node.as_, None)
        else:
            bb[node.as_] = shadowed
        bb["processed_count"] = processed
        bb["errors_count"] = failed
        for key, values in collected.items():
            bb[f"all_{key}"] = values


class MapReduceRunner(Runner):
    def __init__(self, node: MapReduce, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.map = _sub(node.map, lookup, f"{path}.map")
        self.reduce = _sub(node.reduce, lookup, f"{path}.reduce") if node.reduce else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        items = _items(bb, node.over, self.path)
        results: list[Blackboard | None] = [None] * len(items)
        errors: dict[int, PacketFlowError] = {}
        chunk = node.chunk_size or max(1, len(items))

        async def worker(indices: list[int], cancel: trio.CancelScope) -> None:
            # A fixed pool of workers pulls from the chunk: at most max_concurrency tasks
            # exist at once, whatever the number of items.
            while indices:
                index = indices.pop(0)
                local = dict(bb)
                local[node.as_] = items[index]
                if not await _guarded(self.map, run, local, errors, index, cancel.cancel):
                    return
                results[index] = {key: local.get(key) for key in node.emit}

        for start in range(0, len(items), chunk):
            pending = list(range(start, min(len(items), start + chunk)))
            async with trio.open_nursery() as nursery:
                for _ in range(min(node.max_concurrency, len(pending))):
                    nursery.start_soon(worker, pending, nursery.cancel_scope)
            if errors:
                raise errors[min(errors)]
        for key in node.emit:
            bb[f"all_{key}"] = [result[key] if result else None for result in results]
        if self.reduce is not None:
            await self.reduce.run(run, bb)


# -- retry ------------------------------------------------------------------------------------


def backoff_delay(backoff: Backoff, attempt: int) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
    delay = min(backoff.max, backoff.base * backoff.multiplier ** (attempt - 1))
    return delay * (1 + random.uniform(-backoff.jitter, backoff.jitter))


class RetryRunner(Runner):
    def __init__(self, node: Retry, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.body = _sub(node.body, lookup, f"{path}.body")
        self.fallback = _sub(node.fallback, lookup, f"{path}.fallback") if node.fallback else None
        breaker = node.circuit_breaker
        default_key = node.body.cap if isinstance(node.body, Step) else path
        self.breaker_key = (breaker.key or default_key) if breaker else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        breaker = (
            run.breakers.get(self.breaker_key, node.circuit_breaker)
            if self.breaker_key is not None and node.circuit_breaker is not None
            else None
        )
        last: PacketFlowError | None = None
        attempts = 0
        for attempt in range(1, node.max_attempts + 1):
            try:
                trial = breaker.acquire() if breaker is not None else False
            except UnavailableError as err:
                last = annotate(err, self.path)
                break
            attempts = attempt
            local = dict(bb)
            outcome: bool | None = None
            try:
                await self.body.run(run, local)
                outcome = False
            except PacketFlowError as err:
                last = err
                outcome = True if err.code in node.retry_on else None
            finally:
                if breaker is not None:
                    breaker.settle(trial, outcome)
            if outcome is False:
                bb.update(local)
                bb["retry_metadata"] = self._metadata(attempts, None, False, breaker)
                return
            assert last is not None
            if last.code not in node.retry_on:
                break
            if attempt < node.max_attempts:
                await trio.sleep(backoff_delay(node.backoff, attempt))
        metadata = self._metadata(attempts, last, self.fallback is not None, breaker)
        if self.fallback is not None:
            await self.fallback.run(run, bb)
            bb["retry_metadata"] = metadata
            return
        assert last is not None
        if isinstance(last.details, dict):
            last.details.setdefault("retry_metadata", metadata)
        raise last

    @staticmethod
    def _metadata(
        attempts: int, error: PacketFlowError | None, fallback: bool, breaker: Any
    ) -> dict[str, Any]:
        return {
            "attempts": attempts,
            "succeeded": error is None,
            "fallback_used": fallback,
            "last_error": None if error is None else error.to_wire(),
            "circuit": None if breaker is None else breaker.state,
        }


# -- event_driven -----------------------------------------------------------------------------


class EventDrivenRunner(Runner):
    def __init__(self, node: EventDriven, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.determine = (
            _sub(node.determine_state, lookup, f"{path}.determine_state")
            if node.determine_state
            else None
        )
        self.handlers = {
            event: {
                state: (
                    _sub(t.run, lookup, f"{path}.on[{event!r}][{state!r}]") if t.run else None,
                    t.to,
                )
                for state, t in by_state.items()
            }
            for event, by_state in node.on.items()
        }
        self.finalize = _sub(node.finalize, lookup, f"{path}.finalize") if node.finalize else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        state = bb.get("state")
        if state is None and self.determine is not None:
            await self.determine.run(run, bb)
            state = bb.get("state")
        bb["state"] = node.initial if state is None else state
        if bb["state"] not in node.states:
            raise ContractViolationError(
                f"{self.path}: state {bb['state']!r} is not one of {node.states!r}",
                details={"path": self.path, "state": bb["state"]},
            )
        transitions: list[dict[str, Any]] = []
        bb["transitions"] = transitions
        if node.channel is None:
            for event in self._request_events(bb):
                if await self._on(run, bb, *_event(event, self.path)):
                    break
        else:
            entity = bb.get("entity_id")
            with run.channels.subscribe(node.channel) as subscription:
                async for message in subscription:
                    if entity is not None and message.payload.get("entity_id", entity) != entity:
                        continue  # another entity's event
                    if await self._on(run, bb, *_event(message.payload, self.path)):
                        break
        if self.finalize is not None:
            await self.finalize.run(run, bb)

    async def _on(self, run: Run, bb: Blackboard, name: str, payload: Any) -> bool:
        """Apply one event; returns whether the machine is done (final state or event cap)."""
        state, transitions = bb["state"], bb["transitions"]
        by_state = self.handlers.get(name, {})
        handler = by_state.get(state) or by_state.get("*")
        if handler is None:
            transitions.append({"event": name, "from": state, "to": state, "handled": False})
        else:
            runner, target = handler
            if runner is not None:
                bb["event"], bb["event_payload"] = name, payload
                await runner.run(run, bb)
            bb["state"] = target or state
            transitions.append({"event": name, "from": state, "to": bb["state"], "handled": True})
        return bb["state"] in self.node.final or len(transitions) >= self.node.max_events

    def _request_events(self, bb: Blackboard) -> list[Any]:
        raw = bb.get("events")
        if raw is None:
            raw = [bb["event"]] if "event" in bb else []
        if not isinstance(raw, list | tuple):
            raise ContractViolationError(
                f"{self.path}: 'events' must be a list", details={"path": self.path}
            )
        return list(raw[: self.node.max_events])


def _event(event: Any, path: str) -> tuple[str, Any]:
    if isinstance(event, str):
        return event, {}
    if isinstance(event, Mapping):
        name = event.get("name", event.get("event"))
        if isinstance(name, str):
            return name, event.get("payload", {})
    raise ContractViolationError(
        f"{path}: an event must be a name or an object with 'name'", details={"path": path}
    )


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
