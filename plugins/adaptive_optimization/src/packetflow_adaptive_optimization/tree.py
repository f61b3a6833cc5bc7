"""Walking a plan tree with the node paths the core uses everywhere (validation issues, error
details, execution records): ``pipeline[1].parallel.branch['risk'].step``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeAlias

import packetflow as pf

__all__ = ["Slot", "children", "replace", "steps"]


Slot: TypeAlias = tuple[str, Any]
"""Where a child sits in its parent: ``("steps", 2)``, ``("branches", "risk")``,
``("when", 0)``, ``("otherwise", None)``, ``("body", None)``, ``("on", (event, state))``..."""


def children(node: pf.PlanNode, path: str) -> Iterator[tuple[Slot, pf.PlanNode, str]]:
    """``(slot, child, child path)`` for each direct child of ``node`` at ``path``."""
    if isinstance(node, pf.Pipeline):
        for index, child in enumerate(node.steps):
            yield ("steps", index), child, f"{path}[{index}].{child.type}"
    elif isinstance(node, pf.Parallel):
        for name, branch in node.branches.items():
            yield ("branches", name), branch, f"{path}.branch[{name!r}].{branch.type}"
    elif isinstance(node, pf.Conditional):
        for index, arm in enumerate(node.branches):
            yield ("when", index), arm.then, f"{path}.when[{index}].{arm.then.type}"
        if node.otherwise is not None:
            yield ("otherwise", None), node.otherwise, f"{path}.otherwise.{node.otherwise.type}"
    elif isinstance(node, pf.Loop):
        yield ("body", None), node.body, f"{path}.body.{node.body.type}"
    elif isinstance(node, pf.Retry):
        yield ("body", None), node.body, f"{path}.body.{node.body.type}"
        if node.fallback is not None:
            yield ("fallback", None), node.fallback, f"{path}.fallback.{node.fallback.type}"
    elif isinstance(node, pf.MapReduce):
        yield ("map", None), node.map, f"{path}.map.{node.map.type}"
        if node.reduce is not None:
            yield ("reduce", None), node.reduce, f"{path}.reduce.{node.reduce.type}"
    elif isinstance(node, pf.EventDriven):
        if node.determine_state is not None:
            ds = node.determine_state
            yield ("determine_state", None), ds, f"{path}.determine_state.{ds.type}"
        for event, by_state in node.on.items():
            for state, transition in by_state.items():
                if transition.run is not None:
                    run = transition.run
                    slot = ("on", (event, state))
                    yield slot, run, f"{path}.on[{event!r}][{state!r}].{run.type}"
        if node.finalize is not None:
            yield ("finalize", None), node.finalize, f"{path}.finalize.{node.finalize.type}"


def replace(node: pf.PlanNode, updates: dict[Slot, pf.PlanNode]) -> pf.PlanNode:
    """``node`` with the children in ``updates`` swapped in (plan nodes are immutable)."""
    if not updates:
        return node
    fields: dict[str, Any] = {}
    for (role, key), child in updates.items():
        if role == "steps":
            fields.setdefault("steps", list(node.steps))[key] = child  # type: ignore[attr-defined]
        elif role == "branches":
            fields.setdefault("branches", dict(node.branches))[key] = child  # type: ignore[attr-defined]
        elif role == "when":
            arms = fields.setdefault("branches", list(node.branches))  # type: ignore[attr-defined]
            arms[key] = arms[key].model_copy(update={"then": child})
        elif role == "on":
            event, state = key
            on = fields.setdefault("on", {e: dict(t) for e, t in node.on.items()})  # type: ignore[attr-defined]
            on[event][state] = on[event][state].model_copy(update={"run": child})
        else:
            fields[role] = child
    return node.model_copy(update=fields)


def steps(node: pf.PlanNode, path: str) -> Iterator[tuple[pf.Step, str]]:
    """Every step under ``node`` (itself included), with its path, in plan order."""
    if isinstance(node, pf.Step):
        yield node, path
        return
    for _, child, child_path in children(node, path):
        yield from steps(child, child_path)
