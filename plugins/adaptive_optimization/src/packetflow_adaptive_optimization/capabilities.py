"""The module's own capabilities: ``adaptive_optimization.stats``, ``.predict``, ``.invalidate``
(its query API, over the wire and as MCP tools too)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

import packetflow as pf

if TYPE_CHECKING:
    from .module import AdaptiveOptimizationModule

__all__ = ["module_capabilities"]


class StatsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capability: str | None = Field(default=None, description="only this capability")
    entries: int = Field(default=0, ge=0, le=1000, description="list this many cache entries")
    history: int = Field(default=0, ge=0, le=1000, description="list this many recent records")


class PredictIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plan: dict[str, Any] | None = Field(default=None, description="a plan document (JSON)")
    composition: str | None = Field(default=None, description="a registered composition")
    inputs: dict[str, Any] | None = Field(
        default=None, description="the request payload (item counts, conditions)"
    )


class InvalidateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capability: str | None = Field(default=None, description="drop this capability's results")
    key: str | None = Field(default=None, description="drop the entry with this key id")


def module_capabilities(module: AdaptiveOptimizationModule) -> list[pf.Capability]:
    """The capabilities ``module`` contributes while it runs."""

    @pf.capability(
        name="adaptive_optimization.stats",
        intent="Show what the optimizer learned: per-capability latency (EWMA, p50, p95), "
        "error and call rates, cache and rewrite counters, hints",
        tags=["optimization", "observability"],
    )
    async def stats(inp: StatsIn) -> dict[str, Any]:
        return module.stats(inp.capability, entries=inp.entries, history=inp.history)

    @pf.capability(
        name="adaptive_optimization.predict",
        intent="Predict how long a plan or composition takes, its critical path and its "
        "bottlenecks",
        tags=["optimization", "planning"],
    )
    async def predict(inp: PredictIn) -> dict[str, Any]:
        if (inp.plan is None) == (inp.composition is None):
            raise pf.errors.ContractViolationError(
                "adaptive_optimization.predict: give exactly one of 'plan' (a plan document) "
                "or 'composition' (a registered composition's name)",
                details=[{"field": "plan", "message": "exactly one of plan, composition",
                          "type": "value_error"}],
            )  # fmt: skip
        if inp.plan is not None:
            plan = pf.load_plan(inp.plan)
        else:
            assert inp.composition is not None
            plan = module.node.composition(inp.composition).plan
        return module.predict(plan, inp.inputs)

    @pf.capability(
        name="adaptive_optimization.invalidate",
        intent="Drop cached results: of one capability, one key, or all",
        tags=["optimization", "cache"],
    )
    async def invalidate(inp: InvalidateIn) -> dict[str, int]:
        return {"invalidated": module.invalidate(inp.capability, inp.key)}

    found: list[pf.Capability] = [stats, predict, invalidate]
    return found
