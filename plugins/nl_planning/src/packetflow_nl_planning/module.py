"""The nl_planning module's hooks: decisions only. Planning lives in ``service`` and the
modules beside it.

Interception: a ``capability_request`` with ``intent`` and no ``capability_id`` is rewritten
(``Intercept``) into a call of ``nl_planning.run`` with the text; that capability plans,
validates and runs the plan as one request, so the plan is bounded by the request's own
deadline (not the hook's) and an LLM provider's seconds never count against ``hook_timeout``.
The response hook puts the plan in ``metadata.plan`` and the last step's outputs in the
payload. A request that names its capability costs one attribute test in each hook.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

from .capabilities import RUN, capabilities
from .config import NlPlanningConfig
from .evidence import WEAK, Evidence
from .index import Index
from .service import Planning

__all__ = ["NlPlanningModule"]

log = logging.getLogger("packetflow.nl_planning")

_FLUSH_EVERY = 1.0  # seconds between writes of learned evidence


class NlPlanningModule(pf.Module):
    """Natural-language requests become validated plans over the registered capabilities."""

    name = "nl_planning"
    priority = 100
    Config = NlPlanningConfig

    async def start(self, config: NlPlanningConfig, node: pf.Node) -> None:
        self.config = config
        self.index = Index(None)
        self.index.rebuild(node.registry)
        path = (
            Path(config.evidence_db)
            if config.evidence_db
            else node.data_dir / "nl_planning" / "evidence.db"
        )
        self.evidence = await trio.to_thread.run_sync(Evidence, path, config.evidence_limit)
        self.planning = Planning(node, config, self.index, self.evidence, _provider(config))
        self._unsubscribe = node.registry.on_change(self._registry_changed)
        self._registry = node.registry
        self._stopped = trio.Event()
        # The embedding model (numpy, tokenizers, the table) loads in a worker thread after
        # start returns: the node is up at once, and planning waits until the model is ready,
        # so every plan is made with it (results never depend on timing).
        node.nursery.start_soon(self._warm, config.embeddings, name="nl_planning-warm")
        node.nursery.start_soon(self._flusher, name="nl_planning-evidence")

    async def _warm(self, enabled: bool) -> None:
        try:
            encoder = await trio.to_thread.run_sync(_encoder, enabled)
            if encoder is not None:
                self.index.set_encoder(encoder)
            await trio.to_thread.run_sync(self.index.refresh)
        finally:
            self.planning.ready.set()

    async def stop(self, reason: str) -> None:
        self._unsubscribe()
        self._stopped.set()
        provider = self.planning.provider
        if provider is not None:
            await provider.aclose()  # type: ignore[attr-defined]
        await trio.to_thread.run_sync(self.evidence.close)

    def _registry_changed(self, change: pf.RegistryChange) -> None:
        if change.action == "registered" and (cap := self._registry.lookup(change.name)):
            self.index.add(cap)
        else:
            self.index.remove(change.name)
        self.planning.cache.clear()

    async def _flusher(self) -> None:
        while not self._stopped.is_set():
            with trio.move_on_after(_FLUSH_EVERY):
                await self._stopped.wait()
            if self.evidence.pending:
                await trio.to_thread.run_sync(self.evidence.flush)

    @pf.hookimpl
    def packetflow_handle_request(
        self, request: pf.CapabilityRequest, context: pf.Context
    ) -> pf.Intercept | None:
        if request.capability_id or not request.intent or request.type != "capability_request":
            return None
        meta = request.metadata
        payload = {
            "text": request.intent,
            "inputs": request.payload,
            "today": meta.get("today"),
            "max_steps": meta.get("max_steps", 5),
        }
        return pf.Intercept(request.model_copy(update={"capability_id": RUN, "payload": payload}))

    @pf.hookimpl
    def packetflow_handle_response(
        self, response: pf.CapabilityResponse | pf.CapabilityError, context: pf.Context
    ) -> pf.Transform | None:
        if response.capability_id != RUN or response.type != "capability_response":
            return None
        assert isinstance(response, pf.CapabilityResponse)
        out: dict[str, Any] = response.payload
        if "result" not in out or "plan" not in out:
            return None
        steps = out.get("steps", [])
        if out.get("planner") == "offline":
            self.planning.observe(out.get("keys", ()), [s["capability"] for s in steps], WEAK)
        metadata = {
            **response.metadata,
            "plan": out["plan"],
            "nl_planning": {
                "steps": steps,
                "confidence": out.get("confidence"),
                "explanation": out.get("explanation"),
                "planner": out.get("planner"),
            },
        }
        update = {"payload": out["result"], "metadata": metadata}
        return pf.Transform(response.model_copy(update=update))

    @pf.hookimpl
    def packetflow_register_capabilities(self, register: Any) -> None:
        register(capabilities(self.planning))


def _encoder(enabled: bool) -> Any:
    if not enabled:
        return None
    from .embeddings import load_default

    return load_default()


def _provider(config: NlPlanningConfig) -> Any:
    if config.offline:
        return None
    assert config.api_key_env is not None
    key = os.environ.get(config.api_key_env)
    if not key:
        log.error(
            "nl_planning: planner %r needs an API key in $%s; planning offline until it is set",
            config.planner, config.api_key_env,
        )  # fmt: skip
        return None
    from .providers.anthropic import AnthropicPlanner
    from .providers.openai import OpenAIPlanner

    cls: Any = AnthropicPlanner if config.planner == "anthropic" else OpenAIPlanner
    return cls(
        key, model=config.model, base_url=config.base_url, max_tokens=config.max_tokens,
        timeout=config.planning_timeout,
    )  # fmt: skip
