"""PacketFlow outcomes as MCP ``CallToolResult`` s, and back (for mounted servers).

A success carries the output as ``structuredContent`` plus the same JSON as a text block (for
clients that only read text). A failure is an ``isError`` result whose text starts with the
PacketFlow code — ``E422 contract_violation: ...`` followed by one line per field — with the
code and the wire error object in ``_meta`` (``{"packetflow": {"code": ..., "error": {...}}}``),
so a PacketFlow node that mounts another one gets the exact typed error back. A failure has no
``structuredContent``: clients check that against the tool's ``outputSchema`` (the MCP
Inspector does even for errors), which an error object can never satisfy.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mcp.shared.exceptions import MCPError
from mcp.types import (
    INTERNAL_ERROR,
    INVALID_PARAMS,
    METHOD_NOT_FOUND,
    REQUEST_TIMEOUT,
    CallToolResult,
    ErrorData,
    TextContent,
)
from pydantic_core import to_json

from ..errors import (
    ContractViolationError,
    DeadlineExceededError,
    ExecutionFailedError,
    NotFoundError,
    PacketFlowError,
    error_class,
    from_wire,
)
from .tools import META_KEY

__all__ = [
    "error_from_result",
    "error_from_rpc",
    "error_result",
    "error_text",
    "output_of",
    "rpc_error",
    "tool_result",
]

_CODE = re.compile(r"^(E\d{3})\b")


def tool_result(payload: dict[str, Any]) -> CallToolResult:
    """A successful call: structured output plus its JSON text (compact, UTF-8 as is; a value
    JSON has no type for is written as its ``str``)."""
    text = to_json(payload, fallback=str).decode()  # ~8x json.dumps: every tool call ends here
    return CallToolResult(content=[TextContent(text=text)], structured_content=payload)


def error_text(error: PacketFlowError) -> str:
    """``E422 contract_violation: <message>`` and, for field errors, one ``- field: message``
    line each; ``retry after N ms`` when the error says when to retry."""
    lines = [f"{error.code} {error.type}: {error.message}"]
    details = error.details
    if isinstance(details, list):
        lines += [
            f"  - {item.get('field', item.get('path', '?'))}: {item.get('message', '')}"
            for item in details
            if isinstance(item, dict)
        ]
    if error.retry_after_ms is not None:
        lines.append(f"  retry after {error.retry_after_ms} ms")
    return "\n".join(lines)


def error_result(error: PacketFlowError) -> CallToolResult:
    """A failed call as the model sees it: ``isError`` with the coded text, the code and the
    wire error object in ``_meta``, and no ``structuredContent``."""
    wire = json.loads(json.dumps(error.to_wire(), default=str))
    return CallToolResult(
        content=[TextContent(text=error_text(error))],
        is_error=True,
        meta={META_KEY: {"code": error.code, "error": wire}},
    )


def rpc_error(error: PacketFlowError) -> MCPError:
    """A JSON-RPC error carrying the PacketFlow error object as ``data``, its message the text
    a failed tool call shows (field errors listed): clients such as the MCP Inspector display
    only the message, and "fix the listed fields" must list them there."""
    code = INVALID_PARAMS if error.code.startswith("E4") else INTERNAL_ERROR
    return MCPError(code, error_text(error), data=error.to_wire())


def output_of(result: CallToolResult, *, structured: bool) -> dict[str, Any]:
    """The capability output of a successful remote call.

    For a tool with an output schema (``structured``): its structured content (``{"result":
    value}`` when that is not an object). Otherwise ``{"text": <the text blocks joined>}``,
    plus ``"result"`` when the server sent structured content anyway.
    """
    content = result.structured_content
    if structured:
        return content if isinstance(content, dict) else {"result": content}
    output: dict[str, Any] = {"text": _text(result)}
    if content is not None:
        output["result"] = content
    return output


def error_from_result(result: CallToolResult, subject: str) -> PacketFlowError:
    """The typed error behind a remote ``isError`` result.

    A PacketFlow server's wire error object (in ``_meta``; in ``structuredContent`` from
    older PacketFlow servers) is rebuilt exactly; a text that starts with a PacketFlow code keeps
    that code; anything else is E500 naming ``subject``.
    """
    ours = (result.meta or {}).get(META_KEY)
    found = ours if isinstance(ours, dict) else result.structured_content
    error = found.get("error") if isinstance(found, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    if isinstance(code, str) and _CODE.match(code):
        return from_wire(error)  # type: ignore[arg-type]
    text = _text(result)
    match = _CODE.match(text)
    if match:
        try:
            return error_class(match.group(1))(f"{subject}: {text}")
        except KeyError:
            pass
    return ExecutionFailedError(f"{subject} reported an error: {text or '(no text)'}")


def error_from_rpc(error: ErrorData, subject: str) -> PacketFlowError:
    """The typed error behind a JSON-RPC error answering a remote ``tools/call``: the
    PacketFlow error object in ``data`` when a PacketFlow server sent one, else by code."""
    data, message = error.data, error.message
    if isinstance(data, dict) and isinstance(code := data.get("code"), str) and _CODE.match(code):
        return from_wire({**data, "message": f"{subject}: {data.get('message', message)}"})
    if error.code == REQUEST_TIMEOUT:
        return DeadlineExceededError(f"{subject}: {message}")
    if error.code == INVALID_PARAMS:
        if message.startswith("Unknown tool"):
            return NotFoundError(f"{subject}: {message}")
        return ContractViolationError(f"{subject}: {message}")
    if error.code == METHOD_NOT_FOUND:
        return NotFoundError(f"{subject}: the server does not serve tools ({message})")
    return ExecutionFailedError(f"{subject}: server error {error.code}: {message}")


def _text(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, TextContent))
