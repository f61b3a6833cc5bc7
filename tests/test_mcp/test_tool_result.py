"""The text block of a successful tool result: the structured output as JSON, whatever the
output holds."""

from __future__ import annotations

import datetime as dt
import json

import pytest

pytest.importorskip("mcp")

from packetflow._mcp.results import tool_result


def test_the_text_is_the_structured_content_as_json() -> None:
    payload = {"name": "Zoë", "tags": ["a", "b"], "nested": {"n": 1.5}}
    result = tool_result(payload)
    assert result.structured_content == payload
    assert json.loads(result.content[0].text) == payload
    assert "Zoë" in result.content[0].text  # UTF-8 as is, not \\u escapes


class _Point:
    def __str__(self) -> str:
        return "(1, 2)"


def test_a_value_json_has_no_type_for_is_written_as_text() -> None:
    when = dt.datetime(2026, 12, 1, 16, 30, tzinfo=dt.UTC)
    decoded = json.loads(tool_result({"at": when, "where": _Point()}).content[0].text)
    assert dt.datetime.fromisoformat(decoded["at"]) == when
    assert decoded["where"] == "(1, 2)"
