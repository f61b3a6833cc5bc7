"""The function the MCP benchmark exposes twice: as a PacketFlow capability (``node``, served by
``packetflow mcp --app bench.mcp_app:node``) and from a plain low-level SDK ``Server`` (``plain``,
``python -m bench.mcp_app`` serves it over stdio)."""

from __future__ import annotations

import json
from typing import Any

import trio
from mcp.server import Server
from mcp.server.stdio import stdio_server
from mcp.types import CallToolResult, ListToolsResult, TextContent, Tool

import packetflow as pf

from .bench_core import In, Out


async def bump_fn(inp: In) -> Out:
    return Out(user_id=inp.user_id, count=inp.count + 1)


bump = pf.capability(name="bump", intent="Count one more for a user")(bump_fn)

node = pf.Node("bench-mcp")
node.modules.autoload = False  # the MCP layer alone: installed modules are measured elsewhere
node.register(bump)

TOOL = Tool(
    name="bump",
    description="Count one more for a user",
    input_schema=In.model_json_schema(),
    output_schema=Out.model_json_schema(),
)


async def _list_tools(ctx: Any, params: Any) -> ListToolsResult:
    return ListToolsResult(tools=[TOOL])


async def _call_tool(ctx: Any, params: Any) -> CallToolResult:
    # The same work a capability does: validate the input, run, dump the output, and answer
    # with structured content plus its JSON text.
    out = (await bump_fn(In.model_validate(params.arguments or {}))).model_dump()
    return CallToolResult(content=[TextContent(text=json.dumps(out))], structured_content=out)


plain: Server[Any] = Server("plain", on_list_tools=_list_tools, on_call_tool=_call_tool)


async def _serve_plain() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await plain.run(read_stream, write_stream, plain.create_initialization_options())


if __name__ == "__main__":
    trio.run(_serve_plain)
