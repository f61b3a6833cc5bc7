"""The Anthropic Messages API (``POST /v1/messages``) with tool use, over httpx.

Request: ``model``, ``max_tokens``, ``system``, ``messages``, ``tools`` (``name``,
``description``, ``input_schema``) and ``tool_choice`` ``{"type": "auto"}`` (the model may call
none: that is how it says nothing fits). Response: ``content`` blocks; each ``tool_use`` block
(``id``, ``name``, ``input``) is one step, in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import httpx

from .base import ProviderError, Tool, instructions

__all__ = ["AnthropicPlanner"]

API_VERSION = "2023-06-01"
DEFAULT_URL = "https://api.anthropic.com"
DEFAULT_MODEL = "claude-sonnet-4-5"


class AnthropicPlanner:
    """Plans with a Claude model.

    Args:
        api_key: the key (sent as ``x-api-key``).
        model: the model name.
        base_url: the API root (tests point it at a local server).
        max_tokens: the response budget.
        timeout: seconds for the HTTP exchange.
    """

    name = "anthropic"

    def __init__(
        self,
        api_key: str,
        *,
        model: str | None = None,
        base_url: str | None = None,
        max_tokens: int = 1024,
        timeout: float = 5.0,
    ) -> None:
        self.model = model or DEFAULT_MODEL
        self.max_tokens = max_tokens
        self._client = httpx.AsyncClient(
            base_url=(base_url or DEFAULT_URL).rstrip("/"),
            headers={
                "x-api-key": api_key,
                "anthropic-version": API_VERSION,
                "content-type": "application/json",
            },
            timeout=timeout,
        )

    async def propose(
        self, text: str, today: date, max_steps: int, tools: Sequence[Tool]
    ) -> list[tuple[str, Any]]:
        body = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "system": instructions(today, max_steps),
            "messages": [{"role": "user", "content": text}],
            "tools": [
                {"name": t.name, "description": t.description, "input_schema": t.schema}
                for t in tools
            ],
            "tool_choice": {"type": "auto"},
        }
        try:
            response = await self._client.post("/v1/messages", json=body)
        except httpx.HTTPError as exc:
            raise ProviderError(f"anthropic: {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise ProviderError(f"anthropic: HTTP {response.status_code}: {response.text[:200]}")
        try:
            data = response.json()
            blocks = data["content"]
            return [(b["name"], b.get("input", {})) for b in blocks if b.get("type") == "tool_use"]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ProviderError(f"anthropic: unexpected response {response.text[:200]!r}") from exc

    async def aclose(self) -> None:
        await self._client.aclose()
