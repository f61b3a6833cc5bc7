"""Start order from ``requires_modules`` (SPEC 5.4): topological, ties by priority then name.

A module whose dependency is missing, failed to load or sits in a cycle cannot start; it gets a
reason instead of a place in the order, and so do the modules that depend on it.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

__all__ = ["start_order"]


def start_order(
    requires: Mapping[str, Sequence[str]],
    priority: Mapping[str, int],
    unavailable: Mapping[str, str] | None = None,
) -> tuple[list[str], dict[str, str]]:
    """Order the modules in ``requires`` (name -> the names it requires).

    Args:
        requires: every startable module and its dependencies.
        priority: tie-break among modules ready at the same time (lower first).
        unavailable: modules that exist but cannot start (name -> why), e.g. failed imports.

    Returns:
        The start order, and name -> reason for each module that cannot start.
    """
    unavailable = dict(unavailable or {})
    blocked: dict[str, str] = {}
    # Drop modules with a missing or unavailable dependency, transitively.
    changed = True
    while changed:
        changed = False
        for name, deps in requires.items():
            if name in blocked:
                continue
            for dep in deps:
                if dep in blocked:
                    blocked[name] = f"it requires module {dep!r}, which cannot start"
                elif dep in unavailable:
                    blocked[name] = f"it requires module {dep!r}, which failed to load"
                elif dep not in requires:
                    blocked[name] = f"it requires module {dep!r}, which is not installed"
                else:
                    continue
                changed = True
                break
    pending: dict[str, set[str]] = {
        n: set(deps) for n, deps in requires.items() if n not in blocked
    }
    ready = [(priority.get(n, 0), n) for n, deps in pending.items() if not deps]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, name = heapq.heappop(ready)
        order.append(name)
        del pending[name]
        for other, waiting in pending.items():
            if name in waiting:
                waiting.discard(name)
                if not waiting:
                    heapq.heappush(ready, (priority.get(other, 0), other))
    for name in sorted(pending):  # what is left waits on a cycle
        cycle = " -> ".join(sorted(pending))
        blocked[name] = f"requires_modules form a cycle among {cycle}; break it"
    return order, blocked
