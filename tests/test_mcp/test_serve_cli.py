"""``packetflow serve --mcp-http 0`` as a real subprocess with a real secret: the official MCP
client over streamable HTTP (both protocol eras) and the wire client's tunnel, with real JWTs
and scopes; then SIGTERM drains both transports and the process exits cleanly."""

from __future__ import annotations

import gc
import json
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import trio

mcp = pytest.importorskip("mcp")

import httpx2  # noqa: E402
from mcp.client.streamable_http import streamable_http_client  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow._cli import main  # noqa: E402
from packetflow.mcp import actor_uri  # noqa: E402

from .conftest import HTTPX_GENERATORS, ROOT  # noqa: E402
from .test_http import HEADERS, INITIALIZE  # noqa: E402

pytestmark = [
    HTTPX_GENERATORS,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

SECRET = "mcp-serve-cli-secret-0123456789-abcdefgh"
APP = "tests.apps.mcp_wire_app:make_node"


@asynccontextmanager
async def packetflow_serve(tmp_path: Path) -> AsyncIterator[tuple[trio.Process, str, str]]:
    """``packetflow serve --app APP --port 0 --mcp-http 0``; yields the process and the
    WebSocket and MCP URLs it prints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env["PACKETFLOW_SECRET"] = SECRET
    command = [
        *(sys.executable, "-m", "packetflow._cli", "serve", "--app", APP),
        *("--port", "0", "--mcp-http", "0", "--drain-timeout", "5"),
    ]
    with (tmp_path / "stderr.log").open("wb") as stderr:
        process = await trio.lowlevel.open_process(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr
        )
    try:
        assert process.stdout is not None
        seen = b""
        with trio.fail_after(30):
            while seen.count(b"\n") < 2:
                chunk = await process.stdout.receive_some()
                assert chunk, f"serve exited early: {seen!r}"
                seen += chunk
        text = seen.decode()
        ws_url = re.search(r"serving on (ws://\S+) \(tokens required\)", text)
        mcp_url = re.search(r"MCP \(streamable HTTP\) at (http://\S+) \(tokens required\)", text)
        assert ws_url and mcp_url, text
        yield process, ws_url.group(1), mcp_url.group(1)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_packetflow_serve_mcp_http_end_to_end(tmp_path: Path, mode: str) -> None:
    authority = pf.TokenAuthority(SECRET)
    bearer = authority.issue("carol", ["cap:take_note", "cap:inc*", "actor:notebook/carol-*"])
    async with packetflow_serve(tmp_path) as (process, ws_url, mcp_url):
        async with httpx2.AsyncClient() as http:
            refused = await http.post(mcp_url, json=INITIALIZE, headers=HEADERS)
        assert refused.status_code == 401

        headers = {"Authorization": f"Bearer {bearer}"}
        async with (
            httpx2.AsyncClient(headers=headers) as http,
            mcp.Client(streamable_http_client(mcp_url, http_client=http), mode=mode) as client,
        ):
            names = {tool.name for tool in (await client.list_tools()).tools}
            written = await client.call_tool("take_note", {"notebook": "carol-1", "text": "hi"})
            denied = await client.call_tool("double", {"value": 2})
            state = await client.read_resource(actor_uri("notebook", "carol-1"))
        # The notebook actor is a tool too: carol's actor: scope reaches her notebooks.
        assert names == {"take_note", "inc", "inc_double", "notebook"}
        assert written.structured_content == {"count": 1}
        assert denied.is_error and denied.content[0].text.startswith("E403 forbidden")
        assert json.loads(state.contents[0].text) == {"lines": ["hi"]}

        # The same node, the same token, through the wire tunnel.
        async with pf.open_client(ws_url, token=bearer) as wire:
            listed = await wire.mcp({"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
            called = await wire.mcp(
                {
                    "jsonrpc": "2.0",
                    "id": 2,
                    "method": "tools/call",
                    "params": {"name": "double", "arguments": {"value": 2}},
                }
            )
        assert {tool["name"] for tool in listed["result"]["tools"]} == names
        assert called["result"]["content"][0]["text"].startswith("E403 forbidden")

        process.send_signal(signal.SIGTERM)
        with trio.fail_after(20):
            assert await process.wait() == 0
    assert b"packetflow: stopped" in await _rest(process)


async def _rest(process: trio.Process) -> bytes:
    assert process.stdout is not None
    out = b""
    while chunk := await process.stdout.receive_some():
        out += chunk
    return out


def test_mcp_http_without_the_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As without `pip install 'packetflow[mcp]'`: the SDK cannot be imported.
    monkeypatch.setitem(sys.modules, "mcp", None)
    monkeypatch.delitem(sys.modules, "packetflow._mcp")
    monkeypatch.delitem(sys.modules, "packetflow._mcp.http", raising=False)
    code = main(["serve", "--app", "tests.apps.sample:make_node", "--mcp-http", "0"])
    assert code == 2
    assert "pip install 'packetflow[mcp]'" in capsys.readouterr().err


# Hypercorn leaves the socket whose bind failed to the garbage collector, which warns.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*socket.socket:pytest.PytestUnraisableExceptionWarning"
)
def test_an_mcp_port_in_use_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        argv = ["serve", "--app", "tests.apps.sample:make_node", "--port", "0"]
        code = main([*argv, "--mcp-http", str(port)])
    gc.collect()  # that socket's warning, here (filtered) rather than at some later test
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot listen on 127.0.0.1 port 0 / {port} (MCP): ")
    assert "Traceback" not in err
