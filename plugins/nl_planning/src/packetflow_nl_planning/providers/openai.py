"""OpenAI-compatible chat completions (``POST /chat/completions``) with tool calling, over
httpx; any server speaking that API works (set ``base_url``).

Request: ``model``, ``messages`` (system + user), ``tools`` (``{"type": "function",
"function": {name, description, parameters}}``), ``tool_choice`` ``"auto"``. Response:
``choices[0].message.tool_calls``; each call's ``function.arguments`` is a JSON string.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import httpx

from .base import ProviderError, Tool, instructions

__all__ = ["OpenAIPlanner"]

DEFAULT_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"


class OpenAIPlanner:
    """Plans with an OpenAI-compatible chat model (arguments as for :class:`AnthropicPlanner`;
    the key is sent as ``Authorization: Bearer``)."""

    name = "openai"

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
            headers={"authorization": f"Bearer {api_key}", "content-type": "application/json"},
            timeout=timeout,
        )

    async def propose(
        self, text: str, today: date, max_steps: int, tools: Sequence[Tool]
    ) -> list[tuple[str, Any]]:
        body = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "messages": [
                {"role": "system", "content": instructions(today, max_steps)},
                {"role": "user", "content": text},
            ],
            "tools": [
                {
                    "type": "function",
                    "function": {
                        "name": t.name,
                        "description": t.description,
                        "parameters": t.schema,
                    },
                }
                for t in tools
            ],
            "tool_choice": "auto",
        }
        try:
            response = await self._client.post("/chat/completions", json=body)
        except httpx.HTTPError as exc:
            raise ProviderError(f"openai: {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise ProviderError(f"openai: HTTP {response.status_code}: {response.text[:200]}")
        try:
            message = response.json()["choices"][0]["message"]
            calls = message.get("tool_calls") or []
            return [(c["function"]["name"], c["function"].get("arguments", "{}")) for c in calls]
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            raise ProviderError(f"openai: unexpected response {response.text[:200]!r}") from exc

    async def aclose(self) -> None:
        await self._client.aclose()
