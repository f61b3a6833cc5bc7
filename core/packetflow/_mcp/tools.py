"""The registry as MCP tools: one ``Tool`` per capability and composition.

``name`` is the capability name, ``description`` its intent, ``inputSchema`` / ``outputSchema``
the contract's JSON Schemas (root type object) and ``annotations.idempotentHint`` its
``idempotent`` flag. An actor type's tool takes ``actor_id`` plus its message fields
(:mod:`.actors`). The list is rebuilt only when the registry's generation changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, Tool, ToolAnnotations

from .._capabilities.capability import Capability, context_parameter
from .._registry import Registry
from .actors import actor_description, actor_input_schema
from .content import is_rich

__all__ = ["ToolCatalog", "tool_of"]

META_KEY = "packetflow"
"""The ``_meta`` key of PacketFlow's own data: ``{kind, version, tags}`` on a ``Tool``,
``{code, error}`` on an error result."""


def tool_of(cap: Capability) -> Tool:
    """The MCP tool for ``cap``."""
    contract = cap.contract
    actor = cap.kind == "actor"
    return Tool(
        name=cap.name,
        description=actor_description(cap) if actor else cap.intent or None,
        input_schema=actor_input_schema(contract.input_schema) if actor else contract.input_schema,
        # A rich tool answers content blocks, which no output schema describes.
        output_schema=None if is_rich(cap) else contract.output_schema,
        annotations=ToolAnnotations(idempotent_hint=cap.idempotent),
        meta={META_KEY: {"kind": cap.kind, "version": cap.version, "tags": list(cap.tags)}},
    )


class ToolCatalog:
    """The tools of one registry, cached per registry generation, served in pages.

    Args:
        registry: the node's registry.
        page_size: tools per ``tools/list`` page (a cursor continues the listing).
    """

    def __init__(self, registry: Registry, *, page_size: int = 500) -> None:
        if page_size < 1:
            raise ValueError(f"page_size must be >= 1, got {page_size!r}")
        self._registry = registry
        self.page_size = page_size
        self._generation = -1
        self._tools: list[Tool] = []
        self._by_name: dict[str, Tool] = {}
        self._actors: frozenset[str] = frozenset()
        self._rich: frozenset[str] = frozenset()
        self._contextual: frozenset[str] = frozenset()

    def tools(self) -> list[Tool]:
        """Every tool, sorted by name (rebuilt after a registry change)."""
        registry = self._registry
        if registry.generation != self._generation:
            caps = sorted(registry, key=lambda c: c.name)
            self._tools = [tool_of(cap) for cap in caps]
            self._by_name = {tool.name: tool for tool in self._tools}
            self._actors = frozenset(cap.name for cap in caps if cap.kind == "actor")
            self._rich = frozenset(tool.name for tool in self._tools if tool.output_schema is None)
            self._contextual = frozenset(cap.name for cap in caps if _uses_context(cap))
            self._generation = registry.generation
        return self._tools

    def actors(self) -> frozenset[str]:
        """The names of the tools that are actor types."""
        self.tools()
        return self._actors

    def rich(self) -> frozenset[str]:
        """The names of the tools whose results are content blocks."""
        self.tools()
        return self._rich

    def contextual(self) -> frozenset[str]:
        """The names of the tools whose capability may use its context (a function taking
        one, or any composition, actor or remote capability): only they can sample or elicit."""
        self.tools()
        return self._contextual

    def input_schema(self, name: str) -> Mapping[str, Any] | None:
        """The input schema of tool ``name`` (``None`` if unknown); the SDK checks streamable
        HTTP ``Mcp-Param-*`` headers against it."""
        self.tools()
        tool = self._by_name.get(name)
        return None if tool is None else tool.input_schema

    def page(
        self, cursor: str | None, visible: Callable[[str], bool]
    ) -> tuple[list[Tool], str | None]:
        """One page of the tools ``visible`` lets through, and the cursor of the next page.

        A cursor names the registry generation it was made for; after a change the listing
        must restart (JSON-RPC -32602, which makes the SDK client drop its cached copy).
        """
        tools = [tool for tool in self.tools() if visible(tool.name)]
        start = 0
        if cursor is not None:
            generation, _, offset = cursor.partition(":")
            if generation != str(self._generation) or not offset.isdigit():
                raise MCPError(
                    INVALID_PARAMS, f"cursor {cursor!r} has expired; list the tools again"
                )
            start = int(offset)
        end = start + self.page_size
        next_cursor = f"{self._generation}:{end}" if end < len(tools) else None
        return tools[start:end], next_cursor


def _uses_context(cap: Capability) -> bool:
    if cap.kind != "function" or cap.fn is None:
        return True
    try:
        return context_parameter(cap.fn) is not None
    except (TypeError, NameError):  # hints that do not resolve: assume it may
        return True
