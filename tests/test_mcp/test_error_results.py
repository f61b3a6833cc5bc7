"""Error results never violate the tool's ``outputSchema``: no ``structuredContent``, the code
first in the text, the code and the wire error object in ``_meta`` — through the official SDK
client on every transport and in both protocol eras."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("mcp")

from jsonschema import Draft202012Validator

from .conftest import Session

FAILURES = pytest.mark.parametrize(
    ("tool", "arguments", "code", "error_type"),
    [
        ("double", {"value": "many"}, "E422", "contract_violation"),
        ("explode", {"value": 7}, "E500", "execution_failed"),
    ],
    ids=["E422", "E500"],
)


@FAILURES
async def test_an_error_result_has_no_structured_content(
    session: Session, tool: str, arguments: dict[str, Any], code: str, error_type: str
) -> None:
    schemas = {t.name: t.output_schema for t in (await session.client.list_tools()).tools}
    result = await session.client.call_tool(tool, arguments)
    assert result.is_error
    # Absent from the message, not merely null: a client that checks structuredContent against
    # the outputSchema (the MCP Inspector does, even for errors) has nothing to check.
    assert "structured_content" not in result.model_fields_set
    assert result.structured_content is None
    text = result.content[0].text
    assert text.startswith(f"{code} {error_type}: ")
    meta = result.meta["packetflow"]
    assert meta["code"] == code
    assert meta["error"]["code"] == code and meta["error"]["type"] == error_type
    assert text.startswith(f"{code} {error_type}: {meta['error']['message']}")
    # What an error object as structuredContent did to a strict client: fail the schema.
    assert not Draft202012Validator(schemas[tool]).is_valid({"error": meta["error"]})


async def test_an_e500_result_never_carries_the_cause(session: Session) -> None:
    result = await session.client.call_tool("explode", {"value": 7})
    assert "secret internal detail" not in result.content[0].text
    assert "secret internal detail" not in str(result.meta)
    assert result.meta["packetflow"]["error"]["details"]["trace_id"]


async def test_a_success_still_validates_against_the_output_schema(session: Session) -> None:
    schemas = {t.name: t.output_schema for t in (await session.client.list_tools()).tools}
    result = await session.client.call_tool("double", {"value": 2})
    assert not result.is_error and "packetflow" not in (result.meta or {})
    assert Draft202012Validator(schemas["double"]).is_valid(result.structured_content)
