"""PacketFlow content blocks (:mod:`packetflow._rich`) as MCP content blocks, and back.

A capability whose return type holds content blocks (``-> Image``, ``-> list[Content | str]``)
is a *rich* tool: its result is rendered as the matching MCP blocks (a ``str`` item is a text
block) instead of ``structuredContent``, and its tool lists no ``outputSchema`` (a list of
blocks is no JSON object a schema could describe). Over the wire the same result is its JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    ContentBlock,
    EmbeddedResource,
    ImageContent,
    TextContent,
    TextResourceContents,
)
from pydantic import TypeAdapter, ValidationError

from .. import _rich as rich
from .._capabilities.capability import Capability
from .._capabilities.contract import RESULT

__all__ = ["block_from_mcp", "is_rich", "mcp_block", "resource_contents", "rich_result"]

_BLOCKS: TypeAdapter[rich.ContentBlock] = TypeAdapter(rich.Content)


def is_rich(cap: Capability) -> bool:
    """Whether ``cap`` returns content blocks (see the module docstring)."""
    model = cap.contract.output_model
    if model is None:
        return False
    if issubclass(model, rich.ContentBlock):
        return True
    if cap.contract.wraps_result:
        return rich.carries_content(model.model_fields[RESULT].annotation)
    return False


def mcp_block(block: rich.ContentBlock) -> ContentBlock:
    """The MCP content block for ``block``."""
    if isinstance(block, rich.Text):
        return TextContent(text=block.text)
    if isinstance(block, rich.Image):
        return ImageContent(data=block.data, mime_type=block.mime_type)
    if isinstance(block, rich.Audio):
        return AudioContent(data=block.data, mime_type=block.mime_type)
    assert isinstance(block, rich.EmbeddedResource)
    return EmbeddedResource(resource=resource_contents(block))


def resource_contents(block: rich.EmbeddedResource) -> TextResourceContents | BlobResourceContents:
    """An embedded resource's body as MCP resource contents."""
    if block.text is not None:
        return TextResourceContents(uri=block.uri, mime_type=block.mime_type, text=block.text)
    assert block.blob is not None
    return BlobResourceContents(uri=block.uri, mime_type=block.mime_type, blob=block.blob)


def block_from_mcp(block: Any) -> rich.ContentBlock:
    """A PacketFlow block from an MCP one (sampling answers)."""
    if isinstance(block, TextContent):
        return rich.Text(block.text)
    if isinstance(block, ImageContent):
        return rich.Image(block.data, block.mime_type)
    if isinstance(block, AudioContent):
        return rich.Audio(block.data, block.mime_type)
    if isinstance(block, EmbeddedResource):
        body = block.resource
        if isinstance(body, TextResourceContents):
            return rich.EmbeddedResource(body.uri, text=body.text, mime_type=body.mime_type)
        return rich.EmbeddedResource(body.uri, blob=body.blob, mime_type=body.mime_type)
    raise TypeError(f"content block of type {getattr(block, 'type', '?')!r} is not supported")


def rich_result(payload: Mapping[str, Any]) -> CallToolResult:
    """A rich tool's output (its payload: one block, or ``{"result": block | str | [...]}``)
    as MCP content blocks."""
    value: Any = payload[RESULT] if RESULT in payload and "type" not in payload else payload
    items = value if isinstance(value, list) else [value]
    return CallToolResult(content=[_block(item) for item in items])


def _block(item: Any) -> ContentBlock:
    if isinstance(item, str):
        return TextContent(text=item)
    if isinstance(item, rich.ContentBlock):
        return mcp_block(item)
    try:
        return mcp_block(_BLOCKS.validate_python(item))
    except ValidationError:  # another value beside the blocks: its JSON, as text
        return TextContent(text=json.dumps(item, ensure_ascii=False, default=str))
