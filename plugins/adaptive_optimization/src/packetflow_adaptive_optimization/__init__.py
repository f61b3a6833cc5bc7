"""packetflow-module-adaptive-optimization: an execution history, per-capability cost models,
result caching for idempotent capabilities, and plan rewriting with identical results."""

from __future__ import annotations

from .cache import ResultCache, key_id
from .config import OptimizationConfig
from .history import ExecutionRecord, History
from .models import CapabilityModel, Models
from .module import AdaptiveOptimizationModule
from .rewrite import Rewrite, Rewriter, conflicts

__all__ = [
    "AdaptiveOptimizationModule",
    "CapabilityModel",
    "ExecutionRecord",
    "History",
    "Models",
    "OptimizationConfig",
    "ResultCache",
    "Rewrite",
    "Rewriter",
    "conflicts",
    "key_id",
]
