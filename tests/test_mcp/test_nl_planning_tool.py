"""Cross-package: an MCP agent reaches a plain-English request through the nl_planning module's
``nl_planning.run`` tool (the official SDK client, in memory)."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

import packetflow as pf

mcp = pytest.importorskip("mcp")
nl = pytest.importorskip("packetflow_nl_planning")

from packetflow.mcp import McpServer  # noqa: E402


class RefundIn(BaseModel):
    order_id: str = Field(pattern=r"^[0-9]{5,8}$", description="order number")


class RefundOut(BaseModel):
    refund_id: str


@pf.capability(intent="Refund a paid order")
async def refund_order(inp: RefundIn) -> RefundOut:
    return RefundOut(refund_id=f"r-{inp.order_id}")


async def test_an_agent_asks_in_plain_english(tmp_path: Path) -> None:
    node = pf.Node("mcp-nl", data_dir=tmp_path)
    node.modules.autoload = False
    node.modules.configure({})
    node.register(refund_order)
    node.modules.register(nl.NlPlanningModule)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(node.started())
        server = McpServer(node)
        await stack.enter_async_context(server.serving())
        client = await stack.enter_async_context(mcp.Client(server.lowlevel))
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert {"nl_planning.run", "nl_planning.plan"} <= names
        result = await client.call_tool("nl_planning.run", {"text": "refund order #7345901"})
        assert not result.is_error
        assert result.structured_content == {"refund_id": "r-7345901"}
        refused = await client.call_tool("nl_planning.run", {"text": "unfollow @ada"})
        assert refused.is_error
        assert "E404" in refused.content[0].text
