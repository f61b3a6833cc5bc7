"""LLM planners behind one interface (used only when configured)."""

from __future__ import annotations

from .anthropic import AnthropicPlanner
from .base import Planner, ProviderError, Tool, steps_from_calls, tools_for
from .openai import OpenAIPlanner

__all__ = [
    "AnthropicPlanner",
    "OpenAIPlanner",
    "Planner",
    "ProviderError",
    "Tool",
    "steps_from_calls",
    "tools_for",
]
