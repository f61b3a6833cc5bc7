"""The node's ``@prompt`` s as MCP prompts: ``prompts/list`` and ``prompts/get``.

Arguments are validated against the prompt's typed parameters; wrong or missing ones are
JSON-RPC -32602 whose ``data`` is the E422 error object (one entry per field).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mcp.types import GetPromptResult, ListPromptsResult, Prompt, PromptArgument, PromptMessage

from .._content.catalog import Prompts
from .._content.prompt import Prompt as PacketFlowPrompt
from .._context import Context
from .content import mcp_block

__all__ = ["PromptCatalog"]


def prompt_of(prompt: PacketFlowPrompt) -> Prompt:
    """The MCP listing entry for ``prompt``."""
    return Prompt(
        name=prompt.name,
        title=prompt.title,
        description=prompt.description or None,
        arguments=[
            PromptArgument(name=a.name, description=a.description, required=a.required)
            for a in prompt.arguments
        ],
    )


class PromptCatalog:
    """Serves the prompts of ``node.prompts``."""

    def __init__(self, prompts: Prompts) -> None:
        self.prompts = prompts

    def list(self, visible: Callable[[str], bool] | None = None) -> ListPromptsResult:
        """Every prompt ``visible`` lets through (all of them: a node has few)."""
        return ListPromptsResult(
            prompts=[prompt_of(p) for p in self.prompts if visible is None or visible(p.name)]
        )

    async def get(
        self, name: str, arguments: Mapping[str, Any] | None, ctx: Context
    ) -> GetPromptResult:
        """The messages of prompt ``name`` for ``arguments``.

        Raises:
            NotFoundError: E404 for an unknown prompt.
            ContractViolationError: E422 for wrong arguments.
        """
        prompt = self.prompts.get(name)
        messages = await prompt.render(arguments, ctx)
        return GetPromptResult(
            description=prompt.description or None,
            messages=[PromptMessage(role=m.role, content=mcp_block(m.content)) for m in messages],
        )
