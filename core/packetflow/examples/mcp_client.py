"""The onboarding node's capabilities as MCP tools, driven by the official MCP client.

Spawns ``packetflow mcp --app packetflow.examples.onboarding:node`` — exactly what a desktop AI
client does with the README's config snippet — then lists the tools and calls some over stdio.
Then serves the node with ``node.serve`` and MCP over streamable HTTP beside the WebSocket
server, and uses both with one scoped token. ``packetflow demo`` runs :func:`main` after the
onboarding demo when the ``mcp`` extra is installed.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from functools import partial
from pathlib import Path

import httpx2
import mcp
import trio
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import TextContent

import packetflow as pf

from ._terminal import title
from .onboarding import node as onboarding_node

APP = "packetflow.examples.onboarding:node"


def server_command(cwd: str | Path | None = None) -> mcp.StdioServerParameters:
    """``packetflow mcp --app ...`` (the console script, or this interpreter's module), run in
    ``cwd`` (where the node keeps its ``.packetflow`` data dir)."""
    where = None if cwd is None else str(cwd)
    script = shutil.which("packetflow")
    if script is not None:
        return mcp.StdioServerParameters(command=script, args=["mcp", "--app", APP], cwd=where)
    return mcp.StdioServerParameters(
        command=sys.executable, args=["-m", "packetflow._cli", "mcp", "--app", APP], cwd=where
    )


def _text(result: mcp.types.CallToolResult) -> str:
    return "\n".join(b.text for b in result.content if isinstance(b, TextContent))


async def main(workdir: str | Path | None = None) -> None:
    """List the node's tools and call two of them through the MCP client; the server runs
    in the existing directory ``workdir`` (default: the current directory)."""
    params = server_command(workdir)
    title(f"The same node as MCP tools: {' '.join([params.command, *params.args])}")
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

            steps: list[str] = []

            async def on_progress(
                progress: float, total: float | None, message: str | None
            ) -> None:
                # Only the steps that run are counted: one arm of the conditional runs and
                # the fallback only when every retry failed, so the plan's step count (the
                # notification's total) is an upper bound, not where the count ends.
                steps.append(message or "")
                print(f"     progress {progress:g}: {message}")

            result = await client.call_tool(
                "user_onboarding", payload, progress_callback=on_progress
            )
            out = result.structured_content or {}
            print(
                f"     structuredContent: account {out.get('account_id')}: {out.get('decision')}, "
                f"welcome email {out.get('email_status')} ({len(steps)} steps ran)"
            )

            print('  -> tools/call validate_email {"email": 42}')
            failed = await client.call_tool("validate_email", {"email": 42})
            print(f"     isError={failed.is_error}: " + _text(failed).replace("\n", "\n     "))
    await over_http()


async def over_http(node: pf.Node = onboarding_node) -> None:
    """``node.serve`` with ``mcp_http_port``: one token, its scopes on both transports."""
    authority = pf.TokenAuthority(secrets.token_urlsafe(32))
    config = pf.ServerConfig(authority=authority, mcp_http_port=0)
    token = authority.issue("agent", ["cap:validate_email", "cap:score_risk"], ttl=300)
    async with trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(
            partial(node.serve, "127.0.0.1", 0, config=config)
        )
        assert server.mcp_url is not None
        title(f"MCP over streamable HTTP at {server.mcp_url}, beside {server.url}")
        print("  token for 'agent' with scopes cap:validate_email, cap:score_risk")
        headers = {"Authorization": f"Bearer {token}"}
        async with (
            httpx2.AsyncClient(headers=headers) as http,
            mcp.Client(streamable_http_client(server.mcp_url, http_client=http)) as client,
        ):
            tools = [tool.name for tool in (await client.list_tools()).tools]
            print(f"  tools/list shows what the token may call: {tools}")
            checked = await client.call_tool("validate_email", {"email": "Ada@Example.org"})
            print(f"  -> tools/call validate_email: {json.dumps(checked.structured_content)}")
            denied = await client.call_tool("user_onboarding", {})
            print(f"  -> tools/call user_onboarding: isError={denied.is_error}: {_text(denied)}")
        async with pf.open_client(server.url, token=token) as wire:
            reply = await wire.mcp({"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
            names = [tool["name"] for tool in reply["result"]["tools"]]
            print(f"  the same token through the wire tunnel (client.mcp): tools/list -> {names}")
        nursery.cancel_scope.cancel()


if __name__ == "__main__":
    trio.run(main)
