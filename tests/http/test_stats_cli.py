"""``packetflow stats``: the dashboard's figures as tables and JSON, from a served node's HTTP
port (``--url``) or an app started in-process (``--app``)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
import trio

from packetflow._cli import main
from tests.http.conftest import ADMIN, READER, Served


async def run_cli(*argv: str) -> int:
    return await trio.to_thread.run_sync(partial(main, list(argv)))


async def test_stats_from_the_http_port(served: Served, capsys: pytest.CaptureFixture[str]) -> None:
    await served.node.call("greet", {})
    await served.node.call("greet_then_work", {"ms": 0})
    assert await run_cli("stats", "--url", served.url, "--token", ADMIN) == 0
    out = capsys.readouterr().out
    assert "node 'observed' (running)" in out
    greet = next(line for line in out.splitlines() if line.startswith("greet "))
    assert greet.split()[:4] == ["greet", "function", "2", "0"]
    assert "watcher  active" in out
    assert "request chain: watcher" in out
    assert any(line.split()[:3] == ["greet_then_work", "1", "0"] for line in out.splitlines())

    assert await run_cli("stats", "--url", served.url, "--token", ADMIN, "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert {c["name"]: c["stats"]["count"] for c in figures["capabilities"]}["greet"] == 2
    assert figures["overview"]["compositions"] == {"greet_then_work": {"ok": 1, "error": 0}}


@pytest.mark.parametrize(
    ("token", "status"), [(None, "401"), (READER, "403")], ids=["no-token", "not-admin"]
)
async def test_stats_without_an_admin_token_says_so(
    served: Served, capsys: pytest.CaptureFixture[str], token: str | None, status: str
) -> None:
    argv = ["stats", "--url", served.url, *(("--token", token) if token else ())]
    assert await run_cli(*argv) == 1
    err = capsys.readouterr().err
    assert f"HTTP {status}" in err and "Traceback" not in err


def test_stats_wants_the_http_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--url", "ws://127.0.0.1:8765"]) == 2
    assert "give the node's HTTP port" in capsys.readouterr().err


def test_stats_of_an_app_in_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACKETFLOW_TEST_DATA", str(tmp_path))
    assert main(["stats", "--app", "tests.apps.observed_app:make_node", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    names = [c["name"] for c in figures["capabilities"]]
    assert {"greet", "work", "fan_out"} <= set(names)
    assert [m["name"] for m in figures["modules"]["modules"]] == ["watcher"]
