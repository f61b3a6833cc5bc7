"""A plain MCP server written with the SDK alone (no PacketFlow), for the mount tests: tools
without output schemas, and errors that are just text."""

from __future__ import annotations

from typing import Any

import trio
from mcp.server import Server
from mcp.server.stdio import stdio_server
from mcp.types import CallToolResult, ListToolsResult, TextContent, Tool

TOOLS = [
    Tool(
        name="echo",
        description="Echo a message",
        input_schema={
            "type": "object",
            "properties": {
                "message": {"type": "string"},
                "times": {"type": "integer", "default": 1},
                "tags": {"type": "array", "items": {"type": "string"}},
                "dash-key": {"type": "string"},
            },
            "required": ["message"],
        },
    ),
    Tool(name="broken", description="Always fails", input_schema={"type": "object"}),
    Tool(name="busy", description="Always rate limited", input_schema={"type": "object"}),
]


async def list_tools(ctx: Any, params: Any) -> ListToolsResult:
    return ListToolsResult(tools=TOOLS)


async def call_tool(ctx: Any, params: Any) -> CallToolResult:
    args = params.arguments or {}
    if params.name == "echo":
        text = " ".join([args["message"]] * args.get("times", 1))
        if "dash-key" in args:
            text += f" ({args['dash-key']})"
        return CallToolResult(content=[TextContent(text=text)])
    if params.name == "busy":
        return CallToolResult(content=[TextContent(text="E429 slow down")], is_error=True)
    return CallToolResult(content=[TextContent(text="disk full")], is_error=True)


server: Server[Any] = Server("plain", on_list_tools=list_tools, on_call_tool=call_tool)


async def main() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


if __name__ == "__main__":
    trio.run(main)
