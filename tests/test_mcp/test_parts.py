"""The MCP building blocks on their own: schema-built contracts, the tool catalog's pages,
error texts and progress reporting."""

from __future__ import annotations

from typing import Any

import pytest
import trio

pytest.importorskip("mcp")

import mcp
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, CallToolResult, ErrorData, TextContent
from pydantic import ValidationError

import packetflow as pf
from packetflow import errors
from packetflow._mcp.progress import report_steps
from packetflow._mcp.results import (
    error_from_result,
    error_from_rpc,
    error_result,
    error_text,
    output_of,
)
from packetflow._mcp.schema import RemoteContract, model_from_schema
from packetflow.mcp import McpServer
from tests.kit import ALL

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "count": {"type": "integer", "default": 3},
        "ratio": {"type": "number"},
        "flags": {"type": "array", "items": {"type": "boolean"}},
        "maybe": {"type": ["string", "null"]},
        "ref": {"$ref": "#/$defs/Thing"},
        "json": {"type": "string"},  # a BaseModel attribute: passed through unvalidated
        "class": {"type": "string"},  # a keyword: passed through
    },
    "required": ["name", "json"],
}


def test_models_from_schemas_validate_plain_json_types() -> None:
    model = model_from_schema("Thing", SCHEMA)
    assert set(model.model_fields) == {"name", "count", "ratio", "flags", "maybe", "ref"}
    ok = model.model_validate({"name": "a", "flags": [True], "json": "x", "class": "y"})
    assert ok.model_dump(exclude_unset=True) == {
        "name": "a",
        "flags": [True],
        "json": "x",
        "class": "y",
    }
    assert ok.count == 3  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as caught:
        model.model_validate({"count": "x", "flags": ["maybe"], "ratio": "fast"})
    fields = {err["loc"][0] for err in caught.value.errors()}
    assert fields == {"name", "count", "flags", "ratio"}


def test_remote_contracts_keep_the_remote_schemas() -> None:
    contract = RemoteContract("files.read", SCHEMA, None)
    assert contract.input_schema is SCHEMA
    assert contract.requires == ("name", "json")
    assert contract.output_schema == {"type": "object", "additionalProperties": True}
    output = {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}
    typed = RemoteContract("files.read", SCHEMA, output)
    assert typed.output_schema is output
    assert typed.provides == ("text",)
    assert typed.dump_output({}, "tool") == {"text": None}  # servers may omit outputs


def test_error_texts_list_fields_and_retry_hints() -> None:
    error = errors.RateLimitedError("capability 'x': rate limit exceeded", retry_after_ms=250)
    assert error_text(error) == (
        "E429 rate_limited: capability 'x': rate limit exceeded\n  retry after 250 ms"
    )
    plan = errors.PlanValidationError(
        "plan is invalid", details=[{"path": "pipeline[1]", "message": "unknown step"}]
    )
    assert error_text(plan).splitlines()[1] == "  - pipeline[1]: unknown step"


def test_remote_results_become_outputs_and_errors() -> None:
    text = [TextContent(text="a"), TextContent(text="b")]
    assert output_of(CallToolResult(content=text), structured=False) == {"text": "a\nb"}
    listed = CallToolResult(content=[], structured_content=[1, 2])
    assert output_of(listed, structured=True) == {"result": [1, 2]}
    assert output_of(listed, structured=False) == {"text": "", "result": [1, 2]}
    conflict = errors.ConflictError("seat taken", details={"seat": "1A"})
    rebuilt = error_from_result(error_result(conflict), "t")
    assert isinstance(rebuilt, errors.ConflictError)
    assert rebuilt.details == {"seat": "1A"}
    # Older PacketFlow servers sent the error object as structuredContent.
    legacy = CallToolResult(
        content=text, structured_content={"error": conflict.to_wire()}, is_error=True
    )
    assert error_from_result(legacy, "t").details == {"seat": "1A"}
    unknown_code = error_from_result(
        CallToolResult(content=[TextContent(text="E999 strange")], is_error=True), "t"
    )
    assert isinstance(unknown_code, errors.ExecutionFailedError)


async def test_tool_pages_and_expired_cursors() -> None:
    node = pf.Node("paged")
    node.register(ALL)
    server = McpServer(node, page_size=3)
    async with server.serving(), mcp.Client(server.lowlevel) as client:
        names: list[str] = []
        cursor: str | None = None
        while True:
            page = await client.list_tools(cursor=cursor)
            assert len(page.tools) <= 3
            names += [tool.name for tool in page.tools]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert names == sorted(cap.name for cap in ALL)
        first = await client.list_tools()
        assert first.next_cursor is not None
        node.unregister("inc")
        with pytest.raises(MCPError) as caught:
            await client.list_tools(cursor=first.next_cursor)
        assert caught.value.error.code == INVALID_PARAMS
        assert "has expired" in caught.value.error.message


async def test_failing_progress_never_fails_the_call() -> None:
    node = pf.Node("progress")
    node.register(ALL, pf.composition("twice", pf.pipeline(pf.step("inc"), pf.step("double"))))
    sent: list[float] = []

    async def report(progress: float, total: float | None, message: str | None) -> None:
        sent.append(progress)
        raise trio.BrokenResourceError("client went away")

    async with node.started():
        ctx = pf.Context.create({"trace_id": "t" * 32})
        async with report_steps(node.events, ctx.trace_id, report):
            assert await node.call("twice", {"value": 1}, context=ctx) == {
                "value": 2,
                "doubled": 4,
            }
    assert sent == [1, 2]


def test_packetflow_mcp_exports_a_sorted_complete_all() -> None:
    import packetflow.mcp as public

    assert public.__all__ == sorted(public.__all__)
    assert set(public.__all__) == {n for n in dir(public) if not n.startswith(("_", "@"))}


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            ErrorData(
                code=-32602,
                message="Unknown tool: x",
                data={"code": "E404", "type": "not_found", "message": "gone"},
            ),
            errors.NotFoundError,
        ),
        (ErrorData(code=-32602, message="Unknown tool: x"), errors.NotFoundError),
        (
            ErrorData(code=-32602, message="Invalid request parameters"),
            errors.ContractViolationError,
        ),
        (ErrorData(code=-32001, message="timed out"), errors.DeadlineExceededError),
        (ErrorData(code=-32601, message="Method not found"), errors.NotFoundError),
        (ErrorData(code=-32603, message="boom"), errors.ExecutionFailedError),
    ],
    ids=["packetflow-data", "unknown-tool", "invalid-params", "timeout", "no-tools", "internal"],
)
def test_json_rpc_errors_of_remote_calls(error: ErrorData, expected: type[Exception]) -> None:
    translated = error_from_rpc(error, "tool 'x' of MCP server 'r'")
    assert type(translated) is expected
    assert translated.message.startswith("tool 'x' of MCP server 'r': ")
