"""``packetflow actors list|state|history|search|stop --app MODULE:ATTR``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import trio

from packetflow._cli import main
from packetflow._cli.app import load_app

APP = textwrap.dedent(
    """
    from pathlib import Path

    from pydantic import BaseModel

    import packetflow as pf


    class Diary(BaseModel):
        entries: list[str] = []


    class Write(BaseModel):
        text: str


    class Written(BaseModel):
        count: int


    @pf.actor(persistence="sqlite")
    class Journal(pf.Actor[Diary]):
        async def handle(self, msg: Write, ctx: pf.Context) -> Written:
            self.state.entries.append(msg.text)
            return Written(count=len(self.state.entries))


    node = pf.Node("cli", data_dir=Path(__file__).parent / "data")
    node.register(Journal)
    """
)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    """An app module with a journal actor that already has a short conversation."""
    module = f"cli_app_{request.node.name.replace('[', '_').replace(']', '')}"
    (tmp_path / f"{module}.py").write_text(APP)
    monkeypatch.chdir(tmp_path)
    spec = f"{module}:node"

    async def populate() -> None:
        node = load_app(spec)
        async with node.started():
            for text in ["dear diary", "the surface codes lecture was great", "tea at five"]:
                await node.actors.send("journal", "ada", {"text": text})

    trio.run(populate)
    return spec


def test_list(app: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "list", "--app", app]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["CAPABILITY", "ACTOR_ID", "STATUS", "PERSIST"]
    assert out[1].split()[:5] == ["journal", "ada", "passivated", "sqlite", "3"]


def test_state_as_json(app: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "state", "journal", "ada", "--app", app, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"]["entries"][0] == "dear diary"


def test_history_pages(app: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "history", "journal", "ada", "--limit", "2", "--app", app]) == 0
    out = capsys.readouterr().out
    assert "#2" in out
    assert "#3" in out
    assert "#1" not in out
    assert main(["actors", "history", "journal", "ada", "--before", "2", "--app", app]) == 0
    assert "dear diary" in capsys.readouterr().out


def test_search(app: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "search", '"surface codes"', "--app", app]) == 0
    out = capsys.readouterr().out
    assert "#2 journal/ada" in out
    assert "lecture" in out
    assert main(["actors", "search", "nothing-like-this", "--app", app]) == 0
    assert "nothing found" in capsys.readouterr().out


def test_stop_then_state_is_an_error(app: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "stop", "journal", "ada", "--app", app]) == 0
    assert "stopped" in capsys.readouterr().out
    assert main(["actors", "state", "journal", "ada", "--app", app]) == 1
    assert "E404" in capsys.readouterr().err


def test_a_target_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["actors", "list"])
    assert "--app" in capsys.readouterr().err


def test_url_mode_reports_an_unreachable_node(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "list", "--url", "ws://127.0.0.1:1"]) == 1
    assert "E503" in capsys.readouterr().err


def test_url_mode_against_a_served_node(
    app: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``packetflow serve`` in a subprocess; the CLI reaches its actors over the wire with an
    admin token (the actor operations are the node's management API)."""
    import os
    import re
    import subprocess
    import sys

    import packetflow as pf

    secret = "s" * 40
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env["PACKETFLOW_SECRET"] = secret
    serve = [sys.executable, "-m", "packetflow._cli", "serve", "--app", app, "--port", "0"]
    process = subprocess.Popen(serve, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"serving on (ws://\S+)", line)
        assert match, line
        url = match.group(1)
        admin = pf.TokenAuthority(secret).issue("ops", ["admin"])
        assert main(["actors", "list", "--url", url, "--token", admin]) == 0
        listing = capsys.readouterr().out.splitlines()
        assert listing[1].split()[:2] == ["journal", "ada"]
        assert main(["actors", "search", "tea", "--url", url, "--token", admin]) == 0
        assert "tea at five" in capsys.readouterr().out
        user = pf.TokenAuthority(secret).issue("u", ["cap:*", "actor:*"])
        assert main(["actors", "list", "--url", url, "--token", user]) == 1
        assert "E403" in capsys.readouterr().err
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()
