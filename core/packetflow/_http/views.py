"""What the dashboard shows, as JSON: built from the node's own introspection, cheaply enough
to refresh every second with 1,000 capabilities (percentiles are recomputed only for
capabilities that ran since the last look; finished runs are laid out once)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .._capabilities.stats import CapabilityStatistics
from .._jsonable import jsonable
from ..errors import PacketFlowError
from .timeline import run_view

if TYPE_CHECKING:
    from .._auth.principal import Principal
    from .._compose.engine import ExecutionGraph
    from .._node import Node
    from .._wire.server import WireServer

__all__ = ["ARENA_RENDER", "ARENA_SNAPSHOT", "OPTIMIZER_PREDICT", "Views"]

log = logging.getLogger("packetflow.http.dashboard")

ARENA_SNAPSHOT = "spatial_arena.snapshot"
ARENA_RENDER = "spatial_arena.render"
OPTIMIZER_PREDICT = "adaptive_optimization.predict"
MAX_PREDICTIONS = 20  # compositions predicted per look (each is a call into the module)


class Views:
    """The dashboard's views of one node (see the module docstring)."""

    def __init__(self, node: Node, wire: WireServer | None = None) -> None:
        self.node = node
        self.wire = wire
        self._stats: dict[str, tuple[int, dict[str, Any]]] = {}
        self._runs: dict[int, tuple[ExecutionGraph, dict[str, Any]]] = {}
        self._numbers: dict[int, int] = {}
        self._next_run = 1

    # -- capabilities ----------------------------------------------------------------------

    def capability_stats(self) -> dict[str, dict[str, Any]]:
        """Statistics of every capability that has run: count, errors (by code), p50/p99."""
        windows = self.node._executor.windows()
        cache = self._stats
        if len(cache) > len(windows):
            for name in [n for n in cache if n not in windows]:
                del cache[name]
        out: dict[str, dict[str, Any]] = {}
        for name, window in windows.items():
            hit = cache.get(name)
            if hit is None or hit[0] != window.count:
                snap: CapabilityStatistics = window.snapshot()
                hit = (
                    window.count,
                    {
                        "count": snap.count,
                        "errors": snap.errors,
                        "codes": dict(window.codes),
                        "p50_ms": round(snap.p50_ms, 3),
                        "p99_ms": round(snap.p99_ms, 3),
                    },
                )
                cache[name] = hit
            out[name] = hit[1]
        return out

    def capabilities(self, principal: Principal) -> list[dict[str, Any]]:
        """The capabilities ``principal`` may call (as discovery shows them), with stats."""
        stats = self.capability_stats()
        empty = {"count": 0, "errors": 0, "codes": {}, "p50_ms": 0.0, "p99_ms": 0.0}
        return [
            {
                "name": cap.name,
                "kind": cap.kind,
                "intent": cap.intent,
                "tags": list(cap.tags),
                "stats": stats.get(cap.name, empty),
            }
            for cap in sorted(self.node.registry, key=lambda c: c.name)
            if principal.allows("cap", cap.name)
        ]

    # -- modules ---------------------------------------------------------------------------

    def modules(self) -> dict[str, Any]:
        """Every module with status and counters, and the three chain orders."""
        host = self.node.modules
        return {
            "modules": [info.to_dict() for info in host.list_all()],
            "chains": host.chain_order(),
        }

    # -- composition runs ------------------------------------------------------------------

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The most recent composition runs (newest first), each laid out as a timeline."""
        graphs = list(self.node.engine.executions)
        alive = {id(g) for g in graphs}
        for key in [k for k in self._runs if k not in alive]:
            del self._runs[key]
            self._numbers.pop(key, None)
        for graph in graphs:  # number runs in the order they started
            if id(graph) not in self._numbers:
                self._numbers[id(graph)] = self._next_run
                self._next_run += 1
        views = []
        for graph in reversed(graphs[-limit:]):
            key = id(graph)
            hit = self._runs.get(key)
            if hit is None or hit[0] is not graph:
                view = run_view(graph, self._numbers[key])
                if graph.status == "running":
                    views.append(view)  # still changing: not cached
                    continue
                hit = (graph, view)
                self._runs[key] = hit
            views.append(hit[1])
        return views

    # -- actors and channels ---------------------------------------------------------------

    async def actors(self, limit: int = 200) -> dict[str, Any]:
        """Actor types, and the actors (live and persisted) with their status."""
        system = self.node.actors
        found = await system.list(limit=limit)
        return {
            "types": [
                {"name": t.name, "persistence": t.persistence, "intent": t.intent}
                for t in system.types()
            ],
            "actors": [info.to_dict() for info in found],
            "statistics": jsonable(system.statistics()),
        }

    async def actor(self, capability: str, actor_id: str) -> dict[str, Any]:
        """One actor's state and the newest page of its conversation.

        Raises:
            PacketFlowError: E404 for an unknown actor type or actor.
        """
        system = self.node.actors
        state = await system.get_state(capability, actor_id)
        history = await system.history(capability, actor_id, limit=50)
        return {
            "capability": capability,
            "actor_id": actor_id,
            "state": state.model_dump(mode="json"),
            "history": history,
        }

    def channels(self) -> dict[str, Any]:
        """Subscriptions grouped by pattern (subscribers, buffered, dropped) and totals."""
        stats = self.node.channels.statistics()
        patterns: dict[str, dict[str, Any]] = {}
        for sub in stats.by_subscription:
            row = patterns.setdefault(
                sub.pattern,
                {"pattern": sub.pattern, "subscribers": 0, "buffered": 0, "dropped": 0},
            )
            row["subscribers"] += 1
            row["buffered"] += sub.buffered
            row["dropped"] += sub.dropped
        return {
            "published": stats.published,
            "dropped": stats.dropped,
            "patterns": sorted(patterns.values(), key=lambda r: r["pattern"]),
        }

    # -- what installed modules add --------------------------------------------------------

    async def arena(self) -> dict[str, Any] | None:
        """The spatial arena's drawing and zone loads (``None``: the module is not running)."""
        registry = self.node.registry
        if ARENA_RENDER not in registry or ARENA_SNAPSHOT not in registry:
            return None
        snapshot = await self.node.call(ARENA_SNAPSHOT, {"max_edges": 0})
        drawing = await self.node.call(ARENA_RENDER, {})
        return {"svg": drawing["svg"], "zones": snapshot["zones"], "ticks": snapshot["ticks"]}

    async def optimizer(self) -> dict[str, Any] | None:
        """The optimizer's predictions for registered compositions (``None``: not running)."""
        if OPTIMIZER_PREDICT not in self.node.registry:
            return None
        names = sorted(c.name for c in self.node.registry if c.kind == "composition")
        predictions = []
        for name in names[:MAX_PREDICTIONS]:
            try:
                out = await self.node.call(OPTIMIZER_PREDICT, {"composition": name})
            except PacketFlowError as exc:  # a composition it cannot model: say so, go on
                predictions.append({"composition": name, "error": exc.message})
                continue
            predictions.append({"composition": name, **out})
        return {"predictions": predictions, "more": max(0, len(names) - MAX_PREDICTIONS)}

    # -- the overview ----------------------------------------------------------------------

    def overview(self) -> dict[str, Any]:
        """The node's headline figures."""
        node = self.node
        wire = self.wire.statistics() if self.wire is not None else None
        return {
            "node": node.name,
            "node_id": node.node_id,
            "state": node.state,
            "capabilities": len(node.registry),
            "modules": len(node.modules.list_active()),
            "actors_live": len(node.actors),
            "wire": jsonable(wire) if wire is not None else None,
            "compositions": {
                name: {"ok": counts.ok, "error": counts.error}
                for name, counts in sorted(node.engine.counters.by_name.items())
            },
            "arena": ARENA_RENDER in node.registry,
            "optimizer": OPTIMIZER_PREDICT in node.registry,
        }
