"""The spatial arena's hooks. Placement, zones, admission, co-usage, physics, persistence and
drawing live in the modules beside this one; this class wires them to the chain."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

from .admission import Hold, Holdings, Refused, shared_gates
from .arena import Arena, Placed
from .config import ArenaConfig
from .marks import Marks, request_mark, response_mark
from .metrics import arena_metrics
from .physics import yield_cpu
from .plans import bound
from .snapshot import arena_capabilities
from .store import ArenaStore

__all__ = ["SpatialArenaModule"]

log = logging.getLogger("packetflow.spatial_arena")

SAVE_EVERY = 10  # ticks between saves of a changed arena (and always at stop)

# Module-level aliases: the hooks call each on every request (no attribute lookups there).
_current_task = trio.lowlevel.current_task
_perf = time.perf_counter


class SpatialArenaModule(pf.Module):
    """Places capabilities in a 2-D arena, admits requests by zone capacity, annotates them
    with ``spatial_context`` and pulls co-used capabilities together.

    Priority 200: after planners (100), before optimizers (300). It sees composition steps
    (``steps = True``) so each step is admitted in its own zone. Fail-closed: if the arena
    fails, requests are refused rather than let past a zone's capacity (a module that keeps
    failing is quarantined and then out of the chain). ``hook_timeout`` is 30 s because the
    request hook may wait (deferred) up to ``queue_timeout`` for a slot; start refuses a
    ``queue_timeout`` that is not below the effective hook timeout.
    """

    name = "spatial_arena"
    priority = 200
    Config = ArenaConfig
    steps = True
    on_error = "fail"
    hook_timeout = 30.0

    async def start(self, config: ArenaConfig, node: pf.Node) -> None:
        budget = node.modules.info(self.name).hook_timeout or type(self).hook_timeout
        if config.queue_timeout >= budget:
            raise ValueError(
                f"config.queue_timeout {config.queue_timeout:g}s must be below the module's "
                f"hook_timeout {budget:g}s (a queued request would be cut off as a hook "
                "timeout); lower [[modules]].config.queue_timeout or raise hook_timeout"
            )
        self.config = config
        self.node = node
        limits = {zone.id: zone.capacity for zone in config.zones}
        self.arena = Arena(
            config, shared_gates(node.modules.shared_state(self.name), limits, config.max_queue)
        )
        self.holdings = Holdings()
        self.marks = Marks()
        path = config.state_file or node.data_dir / "spatial_arena" / "arena.json"
        self.store = ArenaStore(Path(path)) if config.persist else None
        self._pending: list[pf.RegistryChange] | None = []
        self._unsubscribe = node.registry.on_change(self._registry_changed)
        try:
            caps = list(node.registry)
            saved = await trio.to_thread.run_sync(self.store.load) if self.store else None
            await trio.to_thread.run_sync(self.arena.place_all, caps, saved)
            pending, self._pending = self._pending, None
            for change in pending:
                self._apply(change)
            self._ticker = node.supervisor.start_child(
                # Named per instance, not by a module-level counter: a reload re-imports
                # this module (a fresh counter) while the old instance's tick still runs.
                f"spatial_arena.physics#{id(self):x}",
                self._physics,
            )
        except BaseException:  # a failed start leaves no listener behind
            self._unsubscribe()
            raise

    async def stop(self, reason: str) -> None:
        self._unsubscribe()
        self._ticker.cancel()
        await self._ticker.wait_stopped()
        await self._save()

    # -- the chain -----------------------------------------------------------------------------

    @pf.hookimpl
    def packetflow_handle_request(
        self, request: pf.CapabilityRequest, context: pf.Context
    ) -> pf.Annotate | pf.Defer | None:
        # A plain def: a zone with a free slot answers at once; only a full zone defers
        # (pf.Defer), so the chain needs no cancel scope for the arena on the fast path.
        # Every request of a placed capability passes here: see bench_spatial_arena.
        arena = self.arena
        placed = arena.placed.get(request.capability_id or "")
        if placed is None:  # not placed: unknown, ignored, or a planner's intent
            return None
        spatial = arena.contexts.get(placed.name) or arena.context(placed)
        changes: dict[str, Any] | None = None
        if placed.effects:  # a zone that changes the deadline or the priority
            zone = placed.zone
            changes = _zone_metadata(request.metadata, zone.timeout_multiplier, zone.priority)
        task = _current_task()
        gate = placed.gate
        marks = self.marks.of(placed.name, spatial)
        if placed.composition:  # compositions hold no slot; their steps do (see admission)
            self.holdings.add(task, Hold(id(context), request.id, None, 0.0, marks[1]))
        elif gate.try_enter():
            self.holdings.add(task, Hold(id(context), request.id, gate, _perf(), marks[1]))
        elif self.holdings.held_above(task, gate):  # the re-entrancy rule (see admission)
            gate.reused += 1
            self.holdings.add(task, Hold(id(context), request.id, None, 0.0, marks[1]))
        else:
            return pf.Defer(self._wait(request, context, placed, spatial, changes, task))
        if changes:
            return request_mark(spatial, changes)
        return marks[0]

    async def _wait(
        self,
        request: pf.CapabilityRequest,
        context: pf.Context,
        placed: Placed,
        spatial: dict[str, Any],
        changes: dict[str, Any] | None,
        task: trio.lowlevel.Task,
    ) -> pf.Annotate | pf.Fail:
        """The zone is full: wait in its queue (the deferred part of the request hook)."""
        gate = placed.gate
        metadata = {**request.metadata, **changes} if changes else request.metadata
        deadline = _seconds(metadata.get("timeout_ms"))
        priority = metadata.get("priority")
        if not isinstance(priority, int) or isinstance(priority, bool):
            priority = placed.zone.priority
        try:
            waited = await gate.enter(priority, self.config.queue_timeout, deadline)
        except Refused as refused:
            return pf.Fail(
                refused.code,
                refused.message,
                details={
                    "zone": gate.id,
                    "capacity": gate.capacity,
                    "in_use": gate.in_use,
                    "queued": gate.waiting,
                },
                retry_after_ms=refused.retry_after_ms,
            )
        spatial = {**spatial, "queued_ms": round(waited * 1000, 3)}
        if deadline is not None:  # the wait came out of the request's time
            changes = {**(changes or {}), "timeout_ms": max(1.0, (deadline - waited) * 1000)}
        self.holdings.add(
            task, Hold(id(context), request.id, gate, _perf(), response_mark(spatial))
        )
        return request_mark(spatial, changes)

    @pf.hookimpl
    def packetflow_handle_response(
        self, response: pf.CapabilityResponse | pf.CapabilityError, context: pf.Context
    ) -> pf.Annotate | None:
        hold = self.holdings.pop(_current_task(), id(context), response.id)
        if hold is None:  # the arena admitted nothing for it (refused before, not placed)
            return None
        if hold.gate is not None:
            hold.gate.leave(_perf() - hold.started)
        if response.type != "capability_response":
            return None
        trace = context.trace_id
        if trace is not None and response.capability_id is not None:
            # Steps chain with the steps of their own run, requests with the requests of
            # their trace: a composition and its last step are not "used together".
            run = context.composition
            key = trace if run is None else f"{trace}/{id(run)}"
            self.arena.usage.observe(key, response.capability_id)
        # The response says where it ran (and, if it waited for a slot, for how long).
        return hold.answer

    @pf.hookimpl
    def packetflow_handle_composition(
        self, plan: pf.PlanNode, context: pf.Context
    ) -> pf.Optimize | None:
        placed, gates = self.arena.placed, self.arena.gates

        def zone_of(cap: str) -> str | None:
            found = placed.get(cap)
            return None if found is None or found.composition else found.zone.id

        capacity = {zone_id: gate.capacity for zone_id, gate in gates.items()}
        bounded = bound(plan, zone_of, capacity)
        return None if bounded is plan else pf.Optimize(bounded)

    @pf.hookimpl
    def packetflow_register_capabilities(self, register: Any) -> None:
        for cap in arena_capabilities(self.arena):
            register(cap)

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        return arena_metrics(self.arena)

    # -- registry changes, physics, persistence ------------------------------------------------

    def _registry_changed(self, change: pf.RegistryChange) -> None:
        if self._pending is not None:  # still placing the registry at start
            self._pending.append(change)
        else:
            self._apply(change)

    def _apply(self, change: pf.RegistryChange) -> None:
        cap = self.node.registry.lookup(change.name)
        if change.action == "registered" and cap is not None:
            self.arena.add(cap)
        else:
            self.arena.remove(change.name)
            self.marks.forget(change.name)

    async def _physics(self) -> None:
        """The supervised tick: its arithmetic runs in a worker thread, so the event loop
        never waits for it."""
        arena = self.arena
        while True:
            await trio.sleep(self.config.tick_s)
            if arena.idle():
                continue
            frame = arena.prepare()
            motion, taken = await trio.to_thread.run_sync(arena.compute, frame, yield_cpu)
            arena.absorb(frame, motion, taken)
            if arena.dirty and arena.ticks % SAVE_EVERY == 0:
                await self._save()

    async def _save(self) -> None:
        if self.store is None or not self.arena.dirty:
            return
        self.arena.dirty = False
        try:
            await trio.to_thread.run_sync(self.store.save, self.arena.saved())
        except OSError as exc:
            self.arena.dirty = True
            log.warning("spatial_arena: cannot save %s: %s", self.store.path, exc)


def _seconds(timeout_ms: Any) -> float | None:
    if isinstance(timeout_ms, int | float) and not isinstance(timeout_ms, bool) and timeout_ms > 0:
        return float(timeout_ms) / 1000
    return None


def _zone_metadata(metadata: dict[str, Any], multiplier: float, priority: int) -> dict[str, Any]:
    """The zone's effects on a request, as the metadata keys they change: its deadline
    scaled, its default priority set."""
    out: dict[str, Any] = {}
    seconds = _seconds(metadata.get("timeout_ms"))
    if multiplier != 1.0 and seconds is not None:
        out["timeout_ms"] = seconds * 1000 * multiplier
    if priority and "priority" not in metadata:
        out["priority"] = priority
    return out
