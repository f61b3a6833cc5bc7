"""Zone capacity applied to composition plans (``packetflow_handle_composition``).

A ``parallel`` whose branches would run more steps of one zone at once than the zone has
slots, or a ``map_reduce`` whose workers would, gets its ``max_concurrency`` bounded so that
it never exceeds that capacity by itself: the surplus branches would only wait in the zone's
queue (or be refused). Results are identical: each branch and each mapped item works on its
own copy of the blackboard, so running fewer of them at once changes only the timing.

The *width* of a plan node in a zone is how many of its steps may run in that zone at the
same time: 1 for a step, the maximum over the children of a sequence, the sum over the
branches of a ``parallel``, the map's width times the workers of a ``map_reduce``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import packetflow as pf

__all__ = ["bound"]

Width = dict[str, int]
ZoneOf = Callable[[str], "str | None"]


def bound(plan: pf.PlanNode, zone_of: ZoneOf, capacity: Mapping[str, int]) -> pf.PlanNode:
    """``plan`` with every over-wide ``parallel``/``map_reduce`` bounded (the same object when
    nothing needs bounding)."""
    bounded, _ = _walk(plan, zone_of, capacity)
    return bounded


def _walk(
    node: pf.PlanNode, zone_of: ZoneOf, capacity: Mapping[str, int]
) -> tuple[pf.PlanNode, Width]:
    if isinstance(node, pf.Step):
        zone = zone_of(node.cap)
        return node, ({zone: 1} if zone is not None else {})
    rewritten: dict[str, Any] = {}
    widths: dict[str, list[Width]] = {}
    for field in type(node).model_fields:
        value = getattr(node, field)
        found: list[Width] = []
        new = _value(value, zone_of, capacity, found)
        if found:
            widths[field] = found
        if new is not value:
            rewritten[field] = new
    if isinstance(node, pf.Parallel):
        branch_widths = widths["branches"]
        total = _sum(branch_widths)
        limit = _limit(total, _max(branch_widths), capacity, node.max_concurrency)
        if limit is not None:
            rewritten["max_concurrency"] = limit
            total = {z: min(w, limit * _max(branch_widths).get(z, 0)) for z, w in total.items()}
        width = total
    elif isinstance(node, pf.MapReduce):
        mapped = widths["map"][0]
        workers = node.max_concurrency
        limit = _limit({z: w * workers for z, w in mapped.items()}, mapped, capacity, workers)
        if limit is not None:
            rewritten["max_concurrency"] = limit
            workers = limit
        width = _max([{z: w * workers for z, w in mapped.items()}, *widths.get("reduce", [])])
    else:  # sequential nodes: one child at a time
        width = _max([w for group in widths.values() for w in group])
    if rewritten:
        node = node.model_copy(update=rewritten)
    return node, width


def _limit(
    total: Width, each: Width, capacity: Mapping[str, int], current: int | None
) -> int | None:
    """The ``max_concurrency`` that keeps every zone within capacity, if it must change."""
    limit: int | None = None
    for zone, width in total.items():
        room = capacity.get(zone)
        if room is None or width <= room:
            continue
        per_branch = max(1, each.get(zone, 1))
        fits = max(1, room // per_branch)
        limit = fits if limit is None else min(limit, fits)
    if limit is None or (current is not None and current <= limit):
        return None
    return limit


def _value(value: Any, zone_of: ZoneOf, capacity: Mapping[str, int], found: list[Width]) -> Any:
    """``value`` with the plan nodes in it (directly, in lists, in dicts of any depth)
    bounded; their widths are appended to ``found``."""
    if isinstance(value, pf.PlanNode):
        new, width = _walk(value, zone_of, capacity)
        found.append(width)
        return new
    if isinstance(value, list):
        items = [_value(v, zone_of, capacity, found) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        entries = {k: _value(v, zone_of, capacity, found) for k, v in value.items()}
        return entries if any(entries[k] is not v for k, v in value.items()) else value
    return value


def _sum(widths: list[Width]) -> Width:
    out: Width = {}
    for width in widths:
        for zone, n in width.items():
            out[zone] = out.get(zone, 0) + n
    return out


def _max(widths: list[Width]) -> Width:
    out: Width = {}
    for width in widths:
        for zone, n in width.items():
            out[zone] = max(out.get(zone, 0), n)
    return out
