"""The module's config (the ``config`` table of its ``[[modules]]`` entry)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["OptimizationConfig"]


class OptimizationConfig(BaseModel):
    """Settings of the adaptive_optimization module; every one has a working default.

    Attributes:
        cache: globs of capabilities whose results are cached; only ``idempotent`` ones ever
            are, whatever this says (a plain name of a registered non-idempotent capability
            is a start error).
        deny: globs never cached.
        ttl: seconds a cached result lives.
        max_entries / max_bytes: bounds of the result cache (least recently used evicted).
        max_key_bytes: a payload whose canonical JSON is larger is not cached (counted).
        max_entry_bytes: a result larger than this is not stored (counted).
        context_keys: context fields that are part of the key (``user_id`` for per-user
            results); by default results are shared by every caller.
        min_latency_ms: cache only capabilities whose measured p50 is at least this (remote
            and mounted MCP tools always); 0 caches every idempotent capability.
        single_flight: concurrent identical requests run the capability once.
        single_flight_wait: seconds a follower waits for the leader before running itself.
        history_size: execution records kept in memory (oldest overwritten).
        latency_window: recent durations per capability behind p50/p95.
        ewma_alpha: weight of the newest duration in the moving average.
        max_models: capabilities with a model (least recently seen dropped).
        persist_interval: seconds between saves of the models under the node's data dir.
        rewrite: rewrite composition plans (independent steps in parallel, concurrency caps).
        max_rewrites: rewritten plans kept (least recently used dropped).
    """

    model_config = ConfigDict(extra="forbid")

    cache: list[str] = ["*"]
    deny: list[str] = []
    ttl: float = Field(default=300.0, gt=0)
    max_entries: int = Field(default=10_000, ge=1)
    max_bytes: int = Field(default=64 * 1024 * 1024, ge=1)
    max_key_bytes: int = Field(default=16 * 1024, ge=1)
    max_entry_bytes: int = Field(default=1024 * 1024, ge=1)
    context_keys: list[str] = []
    min_latency_ms: float = Field(default=0.0, ge=0)
    single_flight: bool = True
    single_flight_wait: float = Field(default=10.0, gt=0)
    history_size: int = Field(default=10_000, ge=16)
    latency_window: int = Field(default=256, ge=8, le=100_000)
    ewma_alpha: float = Field(default=0.2, gt=0, le=1)
    max_models: int = Field(default=10_000, ge=1)
    persist_interval: float = Field(default=30.0, gt=0)
    rewrite: bool = True
    max_rewrites: int = Field(default=256, ge=1)
