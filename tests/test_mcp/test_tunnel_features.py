"""Prompts, resources, subscriptions and context services through the wire tunnel (one reply
per message: no notifications, no requests to the client)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("mcp")

import packetflow as pf
from packetflow.mcp import McpServer, McpTunnel


@pf.prompt("greet", "Say hello")
async def greet(name: str) -> str:
    return f"Hello {name}"


@pf.resource("docs://readme")
async def readme() -> str:
    return "# Hi"


@pf.capability(intent="logs and asks the model")
async def asks(ctx: pf.Context) -> str:
    await ctx.log("info", "nobody hears this over the tunnel")
    return (await ctx.sample("hi")).text or ""


def rpc(id: int, method: str, params: dict[str, Any]) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": id, "method": method, "params": params}


async def test_the_tunnel_serves_prompts_and_resources_but_not_subscriptions() -> None:
    node = pf.Node("tunnel")
    node.register(greet, readme, asks)
    server = McpServer(node)
    tunnel = McpTunnel(server)
    async with server.serving():
        prompt = await tunnel.handle(
            rpc(1, "prompts/get", {"name": "greet", "arguments": {"name": "Ada"}})
        )
        read = await tunnel.handle(rpc(2, "resources/read", {"uri": "docs://readme"}))
        follow = await tunnel.handle(rpc(3, "resources/subscribe", {"uri": "docs://readme"}))
        sample = await tunnel.handle(rpc(4, "tools/call", {"name": "asks", "arguments": {}}))
    assert prompt is not None and prompt["result"]["messages"][0]["content"]["text"] == "Hello Ada"
    assert read is not None and read["result"]["contents"][0]["text"] == "# Hi"
    assert follow is not None and follow["error"]["data"]["code"] == "E503"
    assert "cannot receive notifications" in follow["error"]["data"]["message"]
    assert sample is not None and sample["result"]["isError"]
    assert sample["result"]["_meta"]["packetflow"]["code"] == "E503"
