"""The node's capabilities as MCP tools, through the official SDK client over every transport
and in both protocol eras."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import trio

pytest.importorskip("mcp")

from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS

from tests.kit import Doubled, Num

from .conftest import Session


async def test_tools_are_the_registry_with_the_contract_schemas(session: Session) -> None:
    listing = await session.client.list_tools()
    tools = {tool.name: tool for tool in listing.tools}
    assert {"inc", "double", "inc_double", "sleepy", "guarded"} <= set(tools)
    assert tools["double"].description == "Double a number"
    assert tools["double"].input_schema == Num.model_json_schema()
    assert tools["double"].output_schema == Doubled.model_json_schema()
    composition = tools["inc_double"]
    assert composition.input_schema["type"] == "object"
    assert composition.input_schema["required"] == ["value"]
    assert set(composition.output_schema["properties"]) == {"value", "doubled"}
    assert composition.meta == {
        "packetflow": {"kind": "composition", "version": "0.1.0", "tags": []}
    }


async def test_call_returns_structured_content_and_text(session: Session) -> None:
    result = await session.client.call_tool("double", {"value": 21})
    assert not result.is_error
    assert result.structured_content == {"doubled": 42}
    assert result.content[0].text == '{"doubled":42}'  # the same JSON, compact


async def test_bad_arguments_are_an_error_result_with_field_errors(session: Session) -> None:
    result = await session.client.call_tool("double", {"value": "many"})
    assert result.is_error
    text = result.content[0].text
    assert text.startswith("E422 contract_violation: capability 'double': payload does not match")
    assert "  - value: Input should be a valid integer" in text
    assert result.structured_content is None
    error = result.meta["packetflow"]["error"]
    assert result.meta["packetflow"]["code"] == error["code"] == "E422"
    assert error["details"][0]["field"] == "value"


async def test_a_fail_closed_module_is_e502(session: Session) -> None:
    result = await session.client.call_tool("guarded", {"value": 1})
    assert result.is_error
    text = result.content[0].text
    assert text.startswith("E502 module_failed: module 'policy': packetflow_handle_request raised")
    assert "the module is fail-closed" in text


async def test_unknown_tool_is_invalid_params(session: Session) -> None:
    with pytest.raises(MCPError) as caught:
        await session.client.call_tool("no_such_tool", {})
    assert caught.value.error.code == INVALID_PARAMS
    assert caught.value.error.data["code"] == "E404"


async def test_registering_a_capability_notifies_list_changed(session: Session) -> None:
    await session.expect_tools_changed(
        lambda: session.client.call_tool("register_tool", {"name": "fresh_tool"})
    )
    listing = await session.client.list_tools()
    assert "fresh_tool" in {tool.name for tool in listing.tools}


async def _sleepy_seen_until(session: Session, done: Callable[[dict[str, Any]], bool]) -> Any:
    """Ask ``sleepy_seen`` (each ask is a round trip) until ``done`` holds for its answer."""
    with trio.fail_after(10):
        while True:
            seen = (await session.client.call_tool("sleepy_seen", {})).structured_content
            if done(seen):
                return seen


async def test_cancelling_a_call_cancels_the_capability(session: Session) -> None:
    async with trio.open_nursery() as nursery:
        nursery.start_soon(
            session.client.call_tool, "sleepy", {"seconds": 30, "label": "abandoned"}
        )
        await _sleepy_seen_until(session, lambda seen: "abandoned" in seen["started"])
        nursery.cancel_scope.cancel()  # the client gives up while the capability runs
    seen = await _sleepy_seen_until(session, lambda seen: "abandoned" in seen["cancelled"])
    assert seen["started"] == ["abandoned"]
    assert seen["finished"] == []


async def test_a_composition_reports_progress_per_step(session: Session) -> None:
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    result = await session.client.call_tool(
        "inc_double", {"value": 1}, progress_callback=on_progress
    )
    assert result.structured_content == {"value": 2, "doubled": 4}
    assert updates == [
        (1, 2, "pipeline[0].step (inc) done"),
        (2, 2, "pipeline[1].step (double) done"),
    ]
