"""``loop`` and ``map_reduce`` runners."""

from __future__ import annotations

from typing import Any

import trio

from ...errors import ContractViolationError, PacketFlowError
from ..engine import Run
from ..plan import Loop, MapReduce
from .base import ABSENT, Blackboard, Lookup, Runner, check, guarded, missing, sub

__all__ = ["LoopRunner", "MapReduceRunner"]


def _items(bb: Blackboard, key: str, path: str) -> list[Any]:
    if key not in bb:
        raise missing(path, key, "list")
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
        self.body = sub(node.body, lookup, f"{path}.body")
        self.until = node.break_predicate

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        processed = failed = 0
        collected: dict[str, list[Any]] = {key: [] for key in node.emit}
        shadowed = bb.get(node.as_, ABSENT)  # the loop variable may hide a blackboard key
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
            if self.until is not None and check(self.until, bb, self.path):
                break
        if shadowed is ABSENT:
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
        self.map = sub(node.map, lookup, f"{path}.map")
        self.reduce = sub(node.reduce, lookup, f"{path}.reduce") if node.reduce else None

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
                if not await guarded(self.map, run, local, errors, index, cancel.cancel):
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
