"""LLM planners behind one interface (used only when configured).

The concrete providers (``providers.anthropic``, ``providers.openai``) import httpx; they are
imported only when a provider is configured, so an offline node never pays for httpx.
"""

from __future__ import annotations

from .base import Planner, ProviderError, Tool, steps_from_calls, tools_for

__all__ = ["Planner", "ProviderError", "Tool", "steps_from_calls", "tools_for"]
