"""packetflow-module-nl-planning: natural-language requests become validated multi-step
plans over the registered capabilities, offline by default."""

from __future__ import annotations

from .config import NlPlanningConfig
from .evidence import Evidence
from .index import Index
from .module import NlPlanningModule
from .planner import Planner
from .service import Planning

__all__ = [
    "Evidence",
    "Index",
    "NlPlanningConfig",
    "NlPlanningModule",
    "Planner",
    "Planning",
]
