"""The wire tunnel: one JSON-RPC message in, the reply out, through the node's MCP server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

pytest.importorskip("mcp")

import packetflow as pf
from packetflow._wire.messages import McpRequest
from packetflow.mcp import McpServer, McpTunnel
from tests.apps.mcp_app import make_node

VERSION_KEY = "io.modelcontextprotocol/protocolVersion"
MODERN = {
    VERSION_KEY: "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
}


def rpc(id: int, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None:
        message["params"] = params
    return message


@pytest.fixture
async def node() -> AsyncIterator[pf.Node]:
    running = make_node()
    async with running.started():
        yield running


@pytest.fixture
def tunnel(node: pf.Node) -> McpTunnel:
    tunnel = McpTunnel(McpServer(node))
    tunnel.install(node)
    return tunnel


async def test_handshake_era_messages(tunnel: McpTunnel) -> None:
    init = await tunnel.handle(
        rpc(
            1,
            "initialize",
            {
                "protocolVersion": "2025-11-25",
                "capabilities": {},
                "clientInfo": {"name": "wire", "version": "1"},
            },
        )
    )
    assert init is not None
    assert init["id"] == 1
    assert init["result"]["serverInfo"]["name"] == "mcp-test"
    assert await tunnel.handle({"jsonrpc": "2.0", "method": "notifications/initialized"}) is None
    listed = await tunnel.handle(rpc(2, "tools/list"))
    assert listed is not None
    assert "inc_double" in {tool["name"] for tool in listed["result"]["tools"]}
    called = await tunnel.handle(rpc(3, "tools/call", {"name": "inc", "arguments": {"value": 4}}))
    assert called == {
        "jsonrpc": "2.0",
        "id": 3,
        "result": {
            "content": [{"type": "text", "text": '{"value":5}'}],
            "structuredContent": {"value": 5},
            "isError": False,
        },
    }


async def test_2026_requests_carry_their_envelope(tunnel: McpTunnel) -> None:
    discovered = await tunnel.handle(rpc(1, "server/discover", {"_meta": MODERN}))
    assert discovered is not None
    assert discovered["result"]["supportedVersions"] == ["2026-07-28"]
    failed = await tunnel.handle(
        rpc(2, "tools/call", {"name": "double", "arguments": {"value": "x"}, "_meta": MODERN})
    )
    assert failed is not None
    assert failed["result"]["isError"] is True
    assert failed["result"]["content"][0]["text"].startswith("E422 contract_violation")


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"not": "json-rpc"}, -32600),
        (rpc(1, "tools/call", {"name": "nope", "_meta": MODERN}), -32602),
        (rpc(1, "tools/list", {"_meta": {**MODERN, VERSION_KEY: "1999-01-01"}}), -32022),
        (rpc(1, "subscriptions/listen", {"notifications": {}, "_meta": MODERN}), -32601),
        (rpc(1, "no/such/method"), -32601),
    ],
    ids=["not-json-rpc", "unknown-tool", "unsupported-version", "listen", "unknown-method"],
)
async def test_errors_are_json_rpc_errors(
    tunnel: McpTunnel, message: dict[str, Any], code: int
) -> None:
    reply = await tunnel.handle(message)
    assert reply is not None
    assert reply["error"]["code"] == code


async def test_mcp_request_through_node_dispatch(node: pf.Node, tunnel: McpTunnel) -> None:
    # capability_id: McpRequest becomes a request envelope with the wire server (it is an
    # extra field until then); the context is the one the wire sets from the token.
    request = McpRequest(
        id="m1",
        payload=rpc(7, "tools/call", {"name": "whoami", "arguments": {}}),
        capability_id=None,
    )
    response = await node.dispatch(request, {"user_id": "carol", "roles": ["ops"]})
    assert response.payload["id"] == 7
    assert response.payload["result"]["structuredContent"] == {
        "user_id": "carol",
        "roles": ["ops"],
    }
    notification = McpRequest(
        id="m2",
        payload={"jsonrpc": "2.0", "method": "notifications/initialized"},
        capability_id=None,
    )
    assert (await node.dispatch(notification, {})).payload == {}


async def test_a_tunnelled_call_over_its_deadline_is_e408(node: pf.Node, tunnel: McpTunnel) -> None:
    request = McpRequest(
        id="slow",
        payload=rpc(8, "tools/call", {"name": "sleepy", "arguments": {"seconds": 5}}),
        metadata={"timeout_ms": 50},
        capability_id=None,
    )
    with pytest.raises(pf.errors.DeadlineExceededError, match=r"no reply within 0\.05s"):
        await node.dispatch(request, {})
