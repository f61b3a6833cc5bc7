"""The node's HTTP port: one Hypercorn server for the probes, /metrics, the dashboard and
MCP; tokens (401 / 403), unknown routes and methods, draining."""

from __future__ import annotations

import httpx
import pytest
import trio

import packetflow as pf
from tests.http.conftest import ADMIN, READER, Served


async def test_health_and_readiness_need_no_token(served: Served) -> None:
    for path in ("/healthz", "/readyz"):
        response = await served.get(path, token=None)
        assert response.status_code == 200, path
    assert (await served.get("/readyz", token=None)).json() == {
        "status": "ready",
        "node": "observed",
    }


async def test_readyz_is_503_while_draining_and_healthz_stays_up(served: Served) -> None:
    server = served.server
    server.draining = True  # what shutdown() sets first, before anything else changes
    try:
        ready = await served.get("/readyz", token=None)
        alive = await served.get("/healthz", token=None)
    finally:
        server.draining = False
    assert ready.status_code == 503
    assert ready.json()["reason"] == "draining"
    assert alive.status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/api/session", "/api/capabilities", "/api/modules", "/api/events", "/metrics"],
    ids=["session", "capabilities", "modules", "events", "metrics"],
)
@pytest.mark.parametrize("token", [None, "not-a-token", ADMIN + "x"], ids=["none", "junk", "bad"])
async def test_no_or_a_wrong_token_is_401(served: Served, path: str, token: str | None) -> None:
    response = await served.get(path, token=token)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "E401"
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "path",
    [
        "/api/overview",
        "/api/modules",
        "/api/runs",
        "/api/actors",
        "/api/channels",
        "/api/events",
        "/metrics",
        "/api/actors/counter/a1",
        "/api/modules/watcher",
    ],
    ids=lambda p: p.strip("/").replace("/", "-"),
)
async def test_admin_endpoints_are_403_for_other_tokens(served: Served, path: str) -> None:
    response = await served.get(path, token=READER)
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "E403"
    assert "admin" in error["message"]


async def test_a_non_admin_token_sees_only_what_it_may_call(served: Served) -> None:
    session = (await served.get("/api/session", token=READER)).json()
    assert session["admin"] is False and session["sub"] == "reader"
    caps = (await served.get("/api/capabilities", token=READER)).json()["capabilities"]
    assert [c["name"] for c in caps] == ["greet"]


async def test_unknown_routes_and_methods(served: Served) -> None:
    missing = await served.get("/nope")
    assert missing.status_code == 404
    wrong = await served.http.post(served.url + "/metrics")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET"
    asset = await served.get("/static/..%2Fapp.py", token=None)
    assert asset.status_code == 404


async def test_the_page_and_its_assets_ship_in_the_package(served: Served) -> None:
    page = await served.get("/", token=None)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script src="/static/dashboard.js"' in page.text
    script = await served.get("/static/dashboard.js", token=None)
    assert script.status_code == 200 and "sessionStorage" in script.text


async def test_mcp_is_served_at_slash_mcp_on_the_same_port(served: Served) -> None:
    import mcp

    url = served.url + "/mcp"
    assert served.server.mcp_url == url
    from mcp.client.streamable_http import streamable_http_client

    async with (
        httpx.AsyncClient(headers={"Authorization": f"Bearer {ADMIN}"}) as http,
        mcp.Client(streamable_http_client(url, http_client=http)) as client,
    ):
        result = await client.call_tool("greet", {"name": "ada"})
    assert result.structured_content == {"greeting": "hello ada"}


async def test_the_http_port_stops_with_the_wire(served: Served) -> None:
    url = served.url
    with trio.fail_after(30):
        await served.server.shutdown()
    with pytest.raises(Exception):  # noqa: B017, PT011 - refused or reset: nobody listens
        await served.http.get(url + "/healthz")


async def test_http_port_alias_and_conflict() -> None:
    assert pf.ServerConfig(mcp_http_port=0).http_port == 0
    with pytest.raises(ValueError, match="give one port"):
        pf.ServerConfig(http_port=1, mcp_http_port=2)
