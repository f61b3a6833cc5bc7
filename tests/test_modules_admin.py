"""Module management over the wire: ``packetflow.modules.*`` capabilities for admin tokens and
the CLI's ``--url`` mode, against a ``packetflow serve`` subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import packetflow as pf
from packetflow._cli import main

SECRET = "m" * 40

APP = """
import packetflow as pf


class Stamp(pf.Module):
    name = "stamp"
    priority = 20

    @pf.hookimpl
    def packetflow_handle_response(self, response, context):
        return None


@pf.capability(provides=["pong"])
async def ping(payload: dict) -> dict:
    return {"pong": True}


node = pf.Node("managed")
node.modules.autoload = False
node.modules.register(Stamp)
node.register(ping)
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """``packetflow serve`` on a free port with a token secret; yields its URL."""
    (tmp_path / "managed_app.py").write_text(APP)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env["PACKETFLOW_SECRET"] = SECRET
    command = [sys.executable, "-m", "packetflow._cli", "serve", "--app", "managed_app:node",
               "--port", "0"]  # fmt: skip
    process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"serving on (ws://\S+)", line)
        assert match, line
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()


def token(*scopes: str) -> str:
    return pf.TokenAuthority(SECRET).issue("ops", list(scopes))


def test_admins_list_disable_and_enable_modules_over_the_wire(
    served: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = token("admin")
    assert main(["modules", "list", "--url", served, "--token", admin, "--json"]) == 0
    (stamp,) = json.loads(capsys.readouterr().out)
    assert (stamp["name"], stamp["status"], stamp["priority"]) == ("stamp", "active", 20)
    assert main(["modules", "chain", "--url", served, "--token", admin]) == 0
    assert "stamp" in capsys.readouterr().out
    assert main(["modules", "disable", "stamp", "--url", served, "--token", admin]) == 0
    assert capsys.readouterr().out.strip() == "stamp: disabled"
    assert main(["modules", "enable", "stamp", "--url", served, "--token", admin]) == 0
    assert capsys.readouterr().out.strip() == "stamp: active"


def test_module_management_needs_the_admin_scope(
    served: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["modules", "disable", "stamp", "--url", served, "--token", token("cap:*")]) == 1
    assert "E403" in capsys.readouterr().err
    assert main(["modules", "list", "--url", served, "--token", token("cap:*")]) == 1
    assert "'admin' scope" in capsys.readouterr().err


def test_unknown_module_is_e404(served: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["modules", "reload", "ghost", "--url", served, "--token", token("admin")]) == 1
    assert "E404" in capsys.readouterr().err
