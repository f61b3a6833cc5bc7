"""The onboarding node's capabilities as MCP tools, driven by the official MCP client.

Spawns ``packetflow mcp --app packetflow.examples.onboarding:node`` — exactly what a desktop AI
client does with the README's config snippet — then lists the tools and calls some over stdio.
``packetflow demo`` runs :func:`main` after the onboarding demo when the ``mcp`` extra is
installed.
"""

from __future__ import annotations

import json
import os
import shutil
import sys

import mcp
import trio
from mcp.client.stdio import stdio_client
from mcp.types import TextContent

APP = "packetflow.examples.onboarding:node"


def server_command() -> mcp.StdioServerParameters:
    """``packetflow mcp --app ...`` (the console script, or this interpreter's module)."""
    script = shutil.which("packetflow")
    if script is not None:
        return mcp.StdioServerParameters(command=script, args=["mcp", "--app", APP])
    return mcp.StdioServerParameters(
        command=sys.executable, args=["-m", "packetflow._cli", "mcp", "--app", APP]
    )


def _text(result: mcp.types.CallToolResult) -> str:
    return "\n".join(b.text for b in result.content if isinstance(b, TextContent))


async def main() -> None:
    """List the node's tools and call two of them through the MCP client."""
    params = server_command()
    print(
        f"\n\033[1m== The same node as MCP tools: {' '.join([params.command, *params.args])}\033[0m"
    )
    # The server's own log (the flaky mailer's retries) would interleave with this output.
    with open(os.devnull, "w") as quiet:  # noqa: ASYNC230 - opening /dev/null does not block
        async with mcp.Client(stdio_client(params, errlog=quiet)) as client:
            tools = (await client.list_tools()).tools
            print(f"  official MCP client, protocol {client.protocol_version}, {len(tools)} tools:")
            for tool in tools:
                fields = ", ".join(tool.input_schema.get("properties", {}))
                print(f"    {tool.name:<20} ({fields}) {tool.description}")

            payload = {"email": "hopper@example.org", "name": "Grace", "country": "US"}
            print(f"  -> tools/call user_onboarding {json.dumps(payload)}")

            async def on_progress(
                progress: float, total: float | None, message: str | None
            ) -> None:
                of = "?" if total is None else f"{total:g}"
                print(f"     progress {progress:g}/{of} {message}")

            result = await client.call_tool(
                "user_onboarding", payload, progress_callback=on_progress
            )
            out = result.structured_content or {}
            print(
                f"     structuredContent: account {out.get('account_id')}: {out.get('decision')}, "
                f"welcome email {out.get('email_status')}"
            )

            print('  -> tools/call validate_email {"email": 42}')
            failed = await client.call_tool("validate_email", {"email": 42})
            print(f"     isError={failed.is_error}: " + _text(failed).replace("\n", "\n     "))


if __name__ == "__main__":
    trio.run(main)
