"""MCP served by ``node.serve``: streamable HTTP beside the WebSocket server, and the wire
tunnel, both under the wire's rules — real JWTs of the node's ``TokenAuthority``, ``cap:`` /
``actor:`` scopes (listings filtered like discovery), the wire server's per-token rate limiter,
its input limits, the module chain and one shutdown."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import pytest
import trio

mcp = pytest.importorskip("mcp")

import httpx2  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402
from mcp.shared.exceptions import MCPError  # noqa: E402
from mcp.types import INVALID_PARAMS  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow.mcp import actor_uri  # noqa: E402
from tests.apps.mcp_wire_app import make_node  # noqa: E402
from tests.kit import tracker  # noqa: E402

from .conftest import HTTPX_GENERATORS  # noqa: E402
from .test_http import HEADERS, INITIALIZE  # noqa: E402
from .test_tunnel import MODERN  # noqa: E402

pytestmark = HTTPX_GENERATORS

SECRET = "mcp-wire-rules-secret-0123456789-abcdef"
AUTHORITY = pf.TokenAuthority(SECRET)
MODES = pytest.mark.parametrize("mode", ["auto", "legacy"], ids=["auto", "legacy"])


def token(*scopes: str, **options: Any) -> str:
    """A real JWT of the served node's authority, for ``alice`` with role ``analyst``."""
    return AUTHORITY.issue("alice", scopes, roles=["analyst"], **options)


@asynccontextmanager
async def serve(**config: Any) -> AsyncIterator[tuple[pf.Node, pf.WireServer]]:
    """The test node served by ``node.serve`` on 127.0.0.1 (WebSocket and MCP HTTP, port 0)."""
    node = make_node()
    options: dict[str, Any] = {"authority": AUTHORITY, "mcp_http_port": 0, **config}
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(
            partial(node.serve, "127.0.0.1", 0, config=pf.ServerConfig(**options))
        )
        yield node, server
        nursery.cancel_scope.cancel()


@pytest.fixture
async def served() -> AsyncIterator[tuple[pf.Node, pf.WireServer]]:
    async with serve() as pair:
        yield pair


@asynccontextmanager
async def mcp_http(server: pf.WireServer, bearer: str | None, mode: str = "auto") -> Any:
    """The official MCP client on the server's streamable HTTP endpoint."""
    assert server.mcp_url is not None
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    async with (
        httpx2.AsyncClient(headers=headers) as http,
        mcp.Client(streamable_http_client(server.mcp_url, http_client=http), mode=mode) as client,
    ):
        yield client


def rpc(id: int, method: str, params: dict[str, Any] | None = None, *, era: str = "handshake"):
    """A JSON-RPC request for the tunnel, with the 2026-07-28 envelope when ``era`` says so."""
    params = dict(params or {})
    if era != "handshake":
        params["_meta"] = MODERN
    return {"jsonrpc": "2.0", "id": id, "method": method, "params": params}


async def write_notes(node: pf.Node) -> None:
    for notebook, text in (("alice-1", "first"), ("alice-1", "second"), ("bob-1", "private")):
        await node.actors.send("notebook", notebook, {"text": text})


# -- streamable HTTP ---------------------------------------------------------------------------


async def test_http_serves_beside_the_wire_and_refuses_requests_without_a_valid_token(
    served: tuple[pf.Node, pf.WireServer],
) -> None:
    _, server = served
    assert server.mcp_url is not None and server.mcp_url.startswith("http://127.0.0.1:")
    assert server.mcp_url.endswith("/mcp")
    forged = pf.TokenAuthority("another-secret-0123456789-abcdefghijkl").issue("eve", ["admin"])
    async with httpx2.AsyncClient() as http:
        missing = await http.post(server.mcp_url, json=INITIALIZE, headers=HEADERS)
        elsewhere = {**HEADERS, "Authorization": f"Bearer {forged}"}
        signed_elsewhere = await http.post(server.mcp_url, json=INITIALIZE, headers=elsewhere)
    for response, reason in ((missing, "missing"), (signed_elsewhere, "bad_signature")):
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer ")
        assert response.json()["error"]["code"] == "E401"
        assert response.json()["error"]["details"]["reason"] == reason


@MODES
async def test_http_tools_follow_the_tokens_cap_scopes(
    served: tuple[pf.Node, pf.WireServer], mode: str
) -> None:
    _, server = served
    async with mcp_http(server, token("cap:inc*", "cap:whoami"), mode) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        allowed = await client.call_tool("inc", {"value": 1})
        who = await client.call_tool("whoami", {})
        denied = await client.call_tool("double", {"value": 1})
        probe = await client.call_tool("no_such_tool", {})
        with pytest.raises(MCPError) as unknown:
            await client.call_tool("inc_nowhere", {})
    # Like the wire's discovery: only what the token may call.
    assert names == {"inc", "inc_double", "whoami"}
    assert allowed.structured_content == {"value": 2}
    # The token, not the client, says who is calling.
    assert who.structured_content == {"user_id": "alice", "roles": ["analyst"]}
    assert denied.is_error
    assert denied.content[0].text.startswith(
        "E403 forbidden: token of 'alice' does not cover tool 'double'"
    )
    assert denied.meta["packetflow"]["error"]["details"]["scope_needed"] == "cap:double"
    # Outside the scopes an unknown name is E403 too: probing reveals nothing.
    assert probe.is_error and probe.content[0].text.startswith("E403 forbidden")
    # Inside them it is the unknown tool it is.
    assert unknown.value.error.code == INVALID_PARAMS


@MODES
async def test_http_calls_pass_the_module_chain(
    served: tuple[pf.Node, pf.WireServer], mode: str
) -> None:
    _, server = served
    async with mcp_http(server, token("cap:*"), mode) as client:
        refused = await client.call_tool("guarded", {"value": 1})
    assert refused.is_error
    assert refused.content[0].text.startswith("E502 module_failed")


@MODES
async def test_http_rate_limit_is_e429_and_the_bucket_is_the_wires(
    served: tuple[pf.Node, pf.WireServer], mode: str
) -> None:
    _, server = served
    bearer = token("cap:*", rate_limit="3/h")  # no refill within the test
    async with mcp_http(server, bearer, mode) as client:
        await client.list_tools()  # 1 of 3 (it also caches the output schemas)
        outcomes = [await client.call_tool("inc", {"value": n}) for n in range(3)]
    assert [result.is_error for result in outcomes] == [False, False, True]
    limited = outcomes[2]
    assert limited.content[0].text.startswith("E429 rate_limited: token of 'alice'")
    assert limited.meta["packetflow"]["error"]["retry_after_ms"] > 0
    # One bucket per token across both transports.
    async with pf.open_client(server.url, token=bearer) as wire:
        with pytest.raises(pf.errors.RateLimitedError):
            await wire.call("inc", {"value": 1})


@MODES
async def test_http_actor_resources_follow_the_tokens_actor_scopes(
    served: tuple[pf.Node, pf.WireServer], mode: str
) -> None:
    node, server = served
    await write_notes(node)
    async with mcp_http(server, token("actor:notebook/alice-*"), mode) as client:
        listed = [resource.uri for resource in (await client.list_resources()).resources]
        state = await client.read_resource(actor_uri("notebook", "alice-1"))
        history = await client.read_resource(actor_uri("notebook", "alice-1", history=True))
        with pytest.raises(MCPError) as refused:
            await client.read_resource(actor_uri("notebook", "bob-1", history=True))
    assert listed == [
        actor_uri("notebook", "alice-1"),
        actor_uri("notebook", "alice-1", history=True),
    ]
    assert json.loads(state.contents[0].text) == {"lines": ["first", "second"]}
    entries = json.loads(history.contents[0].text)
    assert [(e["message"], e["reply"]) for e in entries] == [
        ({"text": "first"}, {"count": 1}),
        ({"text": "second"}, {"count": 2}),
    ]
    assert refused.value.error.data["code"] == "E403"
    assert refused.value.error.data["details"]["scope_needed"] == "actor:notebook"


@MODES
async def test_http_actor_resources_need_an_actor_scope(
    served: tuple[pf.Node, pf.WireServer], mode: str
) -> None:
    node, server = served
    await write_notes(node)
    async with mcp_http(server, token("cap:*"), mode) as client:
        listed = (await client.list_resources()).resources
        with pytest.raises(MCPError) as refused:
            await client.read_resource(actor_uri("notebook", "alice-1"))
    assert listed == []
    assert refused.value.error.data["code"] == "E403"
    async with mcp_http(server, token("admin"), mode) as client:
        everything = (await client.list_resources()).resources
    assert len(everything) == 4  # two actors, state and history each


@pytest.mark.parametrize(
    ("extra", "limit"),
    [({"pad": "x" * 5000}, "max_bytes"), ({"deep": [[[[[[[[[]]]]]]]]]}, "max_depth")],
    ids=["too-big", "too-deep"],
)
async def test_http_bodies_beyond_the_wire_limits_are_413(extra: Any, limit: str) -> None:
    body = {**INITIALIZE, "params": {**INITIALIZE["params"], **extra}}
    limits = pf.Limits(max_bytes=4096, max_depth=8)
    async with serve(limits=limits) as (_, server), httpx2.AsyncClient() as http:
        assert server.mcp_url is not None
        response = await http.post(
            server.mcp_url,
            content=json.dumps(body),
            headers={**HEADERS, "Authorization": f"Bearer {token('cap:*')}"},
        )
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "E413"
    assert error["details"]["limit"] == limit


async def test_http_body_limits_hold_for_streamed_and_nonstandard_bodies() -> None:
    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b" " * 1000

    headers = {**HEADERS, "Authorization": f"Bearer {token('cap:*')}"}
    async with serve(limits=pf.Limits(max_bytes=4096)) as (_, server), httpx2.AsyncClient() as http:
        assert server.mcp_url is not None
        streamed = await http.post(server.mcp_url, content=chunks(), headers=headers)
        nan = await http.post(
            server.mcp_url, content=json.dumps({**INITIALIZE, "id": float("nan")}), headers=headers
        )
    assert streamed.status_code == 413
    assert streamed.json()["error"]["details"]["limit"] == "max_bytes"
    assert nan.status_code == 400
    assert nan.json()["error"]["code"] == "E400"


async def test_http_without_a_secret_serves_loopback_callers_like_the_wire() -> None:
    async with serve(authority=None) as (_, server), mcp_http(server, None) as client:
        who = await client.call_tool("whoami", {})
    assert who.structured_content == {"user_id": None, "roles": []}


async def test_http_without_a_secret_refuses_other_interfaces() -> None:
    node = make_node()
    config = pf.ServerConfig(mcp_http_port=0)
    with pytest.raises(PermissionError, match="without a token secret"):
        await node.serve("0.0.0.0", 0, config=config)
    assert node.state == "idle"


async def test_http_drains_with_the_wire_server() -> None:
    async with serve(drain_timeout=30) as (_, server):
        async with mcp_http(server, token("cap:*")) as client:
            # Cached output schemas: the call is the client's only request during the drain
            # (the server closes keep-alive connections once their response is out).
            await client.list_tools()
            results: list[Any] = []
            async with trio.open_nursery() as nursery:

                async def slow_call() -> None:
                    result = await client.call_tool("sleepy", {"seconds": 0.5, "label": "drain"})
                    results.append(result)

                nursery.start_soon(slow_call)
                with trio.fail_after(10):
                    while "drain" not in tracker.started:  # noqa: ASYNC110 - the call is in
                        await trio.sleep(0.01)
                nursery.start_soon(server.shutdown)
                with trio.fail_after(10):
                    await server.wait_draining()
                    assert server.draining
        # The call in flight when the drain began finished; nothing was cut off.
        assert [result.structured_content for result in results] == [{"done": "drain"}]
        assert tracker.cancelled == []
        with trio.fail_after(10):
            await server.wait_closed()
        async with httpx2.AsyncClient() as http:
            with pytest.raises(httpx2.ConnectError):
                await http.post(server.mcp_url or "", json=INITIALIZE, headers=HEADERS)


# -- the wire tunnel ---------------------------------------------------------------------------


@pytest.mark.parametrize("era", ["handshake", "2026-07-28"], ids=["handshake", "2026"])
async def test_tunnel_tools_follow_the_tokens_cap_scopes(
    served: tuple[pf.Node, pf.WireServer], era: str
) -> None:
    _, server = served
    bearer = token("cap:inc*", "cap:whoami", "cap:guarded")
    async with pf.open_client(server.url, token=bearer) as client:
        listed = await client.mcp(rpc(1, "tools/list", era=era))
        called = await client.mcp(
            rpc(2, "tools/call", {"name": "inc", "arguments": {"value": 1}}, era=era)
        )
        who = await client.mcp(rpc(3, "tools/call", {"name": "whoami", "arguments": {}}, era=era))
        denied = await client.mcp(
            rpc(4, "tools/call", {"name": "double", "arguments": {"value": 1}}, era=era)
        )
        guarded = await client.mcp(
            rpc(5, "tools/call", {"name": "guarded", "arguments": {"value": 1}}, era=era)
        )
    assert {tool["name"] for tool in listed["result"]["tools"]} == {
        "guarded",
        "inc",
        "inc_double",
        "whoami",
    }
    assert called["result"]["structuredContent"] == {"value": 2}
    assert who["result"]["structuredContent"] == {"user_id": "alice", "roles": ["analyst"]}
    assert denied["result"]["isError"] is True
    assert denied["result"]["content"][0]["text"].startswith(
        "E403 forbidden: token of 'alice' does not cover tool 'double'"
    )
    # Through the tunnel too, a tool call is a capability_request through the module chain.
    assert guarded["result"]["content"][0]["text"].startswith("E502 module_failed")


async def test_tunnel_actor_resources_follow_the_tokens_actor_scopes(
    served: tuple[pf.Node, pf.WireServer],
) -> None:
    node, server = served
    await write_notes(node)
    async with pf.open_client(server.url, token=token("actor:notebook/alice-*")) as client:
        listed = await client.mcp(rpc(1, "resources/list"))
        read = await client.mcp(
            rpc(2, "resources/read", {"uri": actor_uri("notebook", "alice-1", history=True)})
        )
        refused = await client.mcp(
            rpc(3, "resources/read", {"uri": actor_uri("notebook", "bob-1")})
        )
    assert [r["uri"] for r in listed["result"]["resources"]] == [
        actor_uri("notebook", "alice-1"),
        actor_uri("notebook", "alice-1", history=True),
    ]
    entries = json.loads(read["result"]["contents"][0]["text"])
    assert [entry["message"]["text"] for entry in entries] == ["first", "second"]
    assert refused["error"]["data"]["code"] == "E403"


async def test_tunnel_messages_cost_one_request_each(served: tuple[pf.Node, pf.WireServer]) -> None:
    _, server = served
    call = rpc(2, "tools/call", {"name": "inc", "arguments": {"value": 1}})
    async with pf.open_client(server.url, token=token("cap:*", rate_limit="3/h")) as client:
        await client.mcp(rpc(1, "tools/list"))
        # Charged by the wire once each; the MCP server behind the tunnel does not charge again.
        assert (await client.mcp(call))["result"]["structuredContent"] == {"value": 2}
        assert (await client.mcp(call))["result"]["structuredContent"] == {"value": 2}
        with pytest.raises(pf.errors.RateLimitedError) as limited:
            await client.mcp(call)
    assert limited.value.retry_after_ms is not None and limited.value.retry_after_ms > 0


async def test_an_installed_mcp_request_handler_is_left_alone() -> None:
    node = make_node()

    async def own(request: Any, ctx: pf.Context, timeout: float | None) -> dict[str, Any]:
        return {"jsonrpc": "2.0", "id": request.payload["id"], "result": {"own": True}}

    node.add_request_handler("mcp_request", own)
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(partial(node.serve, "127.0.0.1", 0))
        async with pf.open_client(server.url) as client:
            reply = await client.mcp(rpc(1, "tools/list"))
        nursery.cancel_scope.cancel()
    assert reply["result"] == {"own": True}
