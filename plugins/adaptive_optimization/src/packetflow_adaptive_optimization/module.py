"""The adaptive_optimization module's hooks: decisions only. The request path lives in
``tracker``, the cache in ``cache``/``keys``/``flights``, learning in ``history``/``models``,
plan rewriting in ``rewrite`` and prediction in ``predict``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

from .capabilities import module_capabilities
from .config import OptimizationConfig
from .metrics import optimizer_metrics
from .models import Models
from .predict import Predictor
from .rewrite import Rewrite, Rewriter
from .tracker import Tracker

__all__ = ["AdaptiveOptimizationModule"]

log = logging.getLogger("packetflow.adaptive_optimization")

_GLOB = frozenset("*?[")
FOLD_INTERVAL = 0.25  # seconds between folds of the history into the models


class AdaptiveOptimizationModule(pf.Module):
    """Learns from every execution, caches what is safe to cache, and rewrites plans to run
    faster with identical results.

    Priority 300: after planners (100) and admission control (200) on requests, so a cache
    hit skips the capability but not admission; first on responses, so it records the raw
    outcome. ``steps = True``: it sees every composition step (step-level caching, per-step
    latency models). ``hook_timeout`` is 30 s because a single-flight follower waits for its
    leader inside the request hook (``pf.Defer``, up to ``single_flight_wait``); every other
    request is answered by the plain ``def`` hook at once.
    """

    name = "adaptive_optimization"
    priority = 300
    steps = True
    Config = OptimizationConfig
    hook_timeout = 30.0

    async def start(self, config: OptimizationConfig, node: pf.Node) -> None:
        _refuse_non_idempotent(config, node)
        budget = node.modules.info(self.name).hook_timeout or type(self).hook_timeout
        if config.single_flight and config.single_flight_wait >= budget:
            raise ValueError(
                f"config.single_flight_wait {config.single_flight_wait:g}s must be below the "
                f"module's hook_timeout {budget:g}s (a waiting follower would count as a hook "
                "timeout); lower [[modules]].config.single_flight_wait or raise hook_timeout"
            )
        self.config = config
        self.node = node
        self.path = Path(node.data_dir) / "adaptive_optimization" / "models.json"
        self.models = Models(config.latency_window, config.ewma_alpha, config.max_models)
        try:
            loaded = await trio.to_thread.run_sync(self.models.load, self.path)
        except ValueError as exc:
            log.warning("adaptive_optimization: %s; starting with empty models", exc)
            loaded = 0
        self.fold_due = trio.Event()
        self.tracker = Tracker(node, config, self.models, self._wake)
        self.rewriter = Rewriter(
            node,
            self.models.allowed_concurrency,
            lambda: self.models.contention_version,
            config.max_rewrites,
        )
        self.predictor = Predictor(node, self.models)
        self._unsubscribe = node.registry.on_change(self._registry_changed)
        self._scope = trio.CancelScope()
        node.nursery.start_soon(self._learn, name="adaptive_optimization-learn")
        log.info("adaptive_optimization: %d model(s) loaded from %s", loaded, self.path)

    async def stop(self, reason: str) -> None:
        self._scope.cancel()
        self._unsubscribe()
        self.tracker.flights.land_all()
        self.fold()
        await self._save()

    # -- hooks -------------------------------------------------------------------------------

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any, context: pf.Context) -> pf.Decision | None:
        return self.tracker.on_request(request, context)

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any, context: pf.Context) -> pf.Decision | None:
        return self.tracker.on_response(response, context)

    @pf.hookimpl
    def packetflow_handle_composition(self, plan: pf.PlanNode) -> pf.Optimize | None:
        if not self.config.rewrite:
            return None
        rewrite = self.rewriter.rewrite(plan)
        return pf.Optimize(rewrite.plan) if rewrite.plan is not plan else None

    @pf.hookimpl
    def packetflow_register_capabilities(self, register: Any) -> None:
        register(module_capabilities(self))

    # -- what the capabilities and the CLI ask ----------------------------------------------

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        return optimizer_metrics(self.tracker.cache, self.rewriter)

    def stats(
        self, capability: str | None = None, *, entries: int = 0, history: int = 0
    ) -> dict[str, Any]:
        """Everything learned so far (the models are brought up to date first)."""
        self.fold()
        tracker = self.tracker
        capabilities = {}
        for name, model in self.models.items():
            if capability is not None and name != capability:
                continue
            described = model.describe()
            policy = tracker.policy(name)
            if policy is not None:
                described.update(policy.describe())
            capabilities[name] = described
        out: dict[str, Any] = {"capabilities": capabilities, **tracker.describe()}
        out["rewrites"] = self.rewriter.describe()
        out["models_file"] = str(self.path)
        if entries:
            out["entries"] = tracker.cache.entries(entries)
        if history:
            out["recent"] = [r.to_dict() for r in tracker.history.records(history)]
        return out

    def predict(self, plan: pf.PlanNode, inputs: dict[str, Any] | None) -> dict[str, Any]:
        """Estimate ``plan`` as it will run. Raises E422 (with the validator's node paths)
        when the plan is invalid."""
        self.fold()
        self.node.validate(plan, inputs)
        rewrite = self.rewriter.rewrite(plan) if self.config.rewrite else Rewrite(plan)
        return self.predictor.predict(plan, inputs, rewrite)

    def invalidate(self, capability: str | None, key: str | None) -> int:
        """Drop cached results (of ``capability``, the entry ``key``, or all)."""
        return self.tracker.cache.invalidate(capability, key)

    def fold(self) -> None:
        """Fold new history records into the models and redecide the policies."""
        records, lost = self.tracker.history.take_new()
        if records or lost:
            changed = self.models.fold(records, lost)
            self.tracker.refresh(changed)  # hints and cache decisions follow the models

    # -- internals -------------------------------------------------------------------------------

    def _wake(self) -> None:
        self.fold_due.set()

    def _registry_changed(self, change: pf.RegistryChange) -> None:
        # A re-registered capability may have a new version, contract or body: its cached
        # results and decisions go (keys carry the version too, so none could be served).
        self.tracker.forget(change.name)
        self.tracker.cache.invalidate(change.name)
        self.rewriter.clear()

    async def _learn(self) -> None:
        """Fold the history into the models (every FOLD_INTERVAL, sooner under load), sweep
        expired cache entries, and save the models every persist_interval."""
        saved = trio.current_time()
        with self._scope:
            while True:
                with trio.move_on_after(FOLD_INTERVAL):
                    await self.fold_due.wait()
                if self.fold_due.is_set():
                    self.fold_due = trio.Event()
                self.fold()
                self.tracker.cache.sweep()
                if trio.current_time() - saved >= self.config.persist_interval:
                    await self._save()
                    saved = trio.current_time()

    async def _save(self) -> None:
        try:
            await trio.to_thread.run_sync(self.models.save, self.path)
        except OSError as exc:
            log.warning("adaptive_optimization: cannot save models to %s: %s", self.path, exc)


def _refuse_non_idempotent(config: OptimizationConfig, node: pf.Node) -> None:
    """A plain name in ``cache`` naming a registered non-idempotent capability is an error:
    such results are never cached, and the config says otherwise."""
    for entry in config.cache:
        if _GLOB & set(entry):
            continue
        cap = node.registry.lookup(entry)
        if cap is not None and not cap.idempotent:
            raise ValueError(
                f"config.cache lists {entry!r}, which is not idempotent: its results are never "
                f"cached; mark it @pf.capability(idempotent=True) if repeating it is safe, or "
                f"remove it from [[modules]].config.cache"
            )
