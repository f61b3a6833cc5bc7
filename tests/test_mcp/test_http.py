"""Streamable HTTP: bearer tokens, the caller's identity and the authorization seam."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import pytest
import trio
import trio.lowlevel

mcp = pytest.importorskip("mcp")

import httpx2  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow import errors  # noqa: E402
from packetflow.mcp import McpServer, Principal, serve_mcp_http  # noqa: E402
from tests.apps.mcp_app import make_node  # noqa: E402

from .conftest import HTTPX_GENERATORS, TOKEN, verify_token  # noqa: E402

pytestmark = HTTPX_GENERATORS

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "raw", "version": "1"},
    },
}
HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


@asynccontextmanager
async def http_node(**options: Any) -> AsyncIterator[tuple[pf.Node, str]]:
    node = make_node()
    async with node.started(), trio.open_nursery() as nursery:
        url = await nursery.start(partial(serve_mcp_http, **options), node, "127.0.0.1", 0)
        yield node, url
        nursery.cancel_scope.cancel()


@asynccontextmanager
async def client(url: str, token: str | None = TOKEN) -> AsyncIterator[Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with (
        httpx2.AsyncClient(headers=headers) as http,
        mcp.Client(streamable_http_client(url, http_client=http)) as connected,
    ):
        yield connected


@pytest.mark.parametrize(
    ("authorization", "reason"),
    [(None, "missing"), ("Bearer wrong-token", "invalid"), ("Basic abc", "missing")],
    ids=["no-token", "bad-token", "not-bearer"],
)
async def test_requests_without_a_valid_token_get_401(
    authorization: str | None, reason: str
) -> None:
    async with http_node(verify_token=verify_token) as (_, url), httpx2.AsyncClient() as http:
        headers = dict(HEADERS)
        if authorization:
            headers["Authorization"] = authorization
        response = await http.post(url, json=INITIALIZE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer ")
    error = response.json()["error"]
    assert error["code"] == "E401"
    assert error["details"]["reason"] == reason


async def test_a_verifier_that_raises_e401_is_refused_with_its_message() -> None:
    def strict(token: str) -> Principal:
        raise errors.UnauthenticatedError("token has expired; create a new one")

    async with http_node(verify_token=strict) as (_, url), httpx2.AsyncClient() as http:
        response = await http.post(
            url, json=INITIALIZE, headers={**HEADERS, "Authorization": "Bearer x"}
        )
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "token has expired; create a new one"


async def test_the_token_says_who_is_calling() -> None:
    async with http_node(verify_token=verify_token) as (_, url), client(url) as connected:
        result = await connected.call_tool("whoami", {})
    assert result.structured_content == {"user_id": "alice", "roles": ["user"]}


async def test_async_verifiers_work_too() -> None:
    async def verify(token: str) -> Principal | None:
        await trio.lowlevel.checkpoint()
        return verify_token(token)

    async with http_node(verify_token=verify) as (_, url), client(url) as connected:
        result = await connected.call_tool("whoami", {})
    assert result.structured_content["user_id"] == "alice"


async def test_insecure_dev_serves_without_tokens() -> None:
    async with http_node(insecure_dev=True) as (_, url), client(url, token=None) as connected:
        result = await connected.call_tool("whoami", {})
    assert result.structured_content == {"user_id": None, "roles": []}


async def test_tokens_are_required_unless_insecure_dev() -> None:
    node = make_node()
    with pytest.raises(PermissionError, match="bearer tokens are required"):
        await serve_mcp_http(node, "127.0.0.1", 0)


async def test_the_authorizer_hides_and_refuses_capabilities() -> None:
    seen: list[tuple[str, str, tuple[str, ...]]] = []

    def authorize(principal: Principal | None, kind: str, /, *names: str) -> None:
        assert principal is not None
        seen.append((principal.sub, kind, names))
        if names[0] in ("double", "inc_double"):
            raise errors.ForbiddenError(
                f"token of {principal.sub!r} does not cover capability {names[0]!r}"
            )

    node = make_node()
    server = McpServer(node, authorize=authorize)
    async with node.started(), trio.open_nursery() as nursery:
        url = await nursery.start(
            partial(serve_mcp_http, verify_token=verify_token, server=server),
            node,
            "127.0.0.1",
            0,
        )
        async with client(url) as connected:
            names = {tool.name for tool in (await connected.list_tools()).tools}
            denied = await connected.call_tool("double", {"value": 1})
            allowed = await connected.call_tool("inc", {"value": 1})
        nursery.cancel_scope.cancel()
    assert "double" not in names and "inc_double" not in names and "inc" in names
    assert denied.is_error
    assert denied.content[0].text.startswith("E403 forbidden: token of 'alice' does not cover")
    assert allowed.structured_content == {"value": 2}
    assert ("alice", "cap", ("inc",)) in seen
