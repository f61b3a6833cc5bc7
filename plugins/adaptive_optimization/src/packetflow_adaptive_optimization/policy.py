"""What the module does with one capability's requests, decided once per capability version
(and its model-dependent part again after a model update): cache or not, how to key and store
its results, which hints its requests carry."""

from __future__ import annotations

from typing import Any

import packetflow as pf

from .config import OptimizationConfig
from .hints import batching_hint, cache_decision, cache_strategy, preferred_node
from .keys import KeyMaker, ResultCodec
from .models import CapabilityModel

__all__ = ["Policy"]


class Policy:
    """The module's decisions for one capability version.

    What follows from the capability alone (its version, the canonical keys and the stored
    results) is built once and kept for as long as the capability is registered unchanged; what
    follows from its model (cache or not, the hints) is decided again by :meth:`decide` when
    the model changes. So the result codec keeps its count of verified stores across folds.

    Attributes:
        cap: the capability as registered.
        version: its version (part of every key).
        cacheable: whether its results are cached, and ``reason`` why (not).
        keys / codec: canonical payload keys and stored results (once it has been cacheable).
        hints: the firing hints, added to its requests as top-level fields (often empty), by
            ``annotation`` (``None`` without hints).
        strategy: its cache strategy, fired or not (for ``stats``).
    """

    __slots__ = (
        "annotation",
        "cacheable",
        "cap",
        "codec",
        "config",
        "hints",
        "keys",
        "reason",
        "strategy",
        "version",
    )

    def __init__(
        self,
        cap: pf.Capability,
        config: OptimizationConfig,
        model: CapabilityModel | None,
        cluster: object,
    ) -> None:
        self.cap = cap
        self.version = cap.version
        self.config = config
        self.keys: KeyMaker | None = None
        self.codec: ResultCodec | None = None
        self.decide(model, cluster)

    def decide(self, model: CapabilityModel | None, cluster: object) -> None:
        """Decide again from ``model`` (and the cluster's view, when the node has one)."""
        cap, config = self.cap, self.config
        decision = cache_decision(cap, config, model)
        self.cacheable, self.reason = decision
        if self.cacheable and self.keys is None:
            self.keys = KeyMaker(cap, config.max_key_bytes)
            self.codec = ResultCodec(cap, config.max_entry_bytes)
        self.strategy = cache_strategy(cap, decision, config, model)
        hints: dict[str, Any] = {}
        batching = batching_hint(model)
        if batching is not None:
            hints["batching_hint"] = batching
        if self.strategy["fires"]:
            hints["cache_strategy"] = {k: v for k, v in self.strategy.items() if k != "fires"}
        local_ms = model.quantiles()[0] if model is not None and model.samples else None
        peer = preferred_node(cap.name, local_ms, cluster)
        if peer is not None:
            hints["preferred_node"] = peer
        self.hints = hints
        # One decision for every request while the hints stand (the chain copies the fields).
        self.annotation = pf.Annotate(fields=hints) if hints else None

    def describe(self) -> dict[str, Any]:
        return {
            "cached": self.cacheable,
            "reason": self.reason,
            "cache_strategy": self.strategy,
            "hints": self.hints,
        }
