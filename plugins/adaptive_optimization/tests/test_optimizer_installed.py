"""The installed package: discovered through its entry point (pip-installed, never imported by
path), listed by ``packetflow modules list``, and ``packetflow optimize show|predict|
invalidate`` against a ``packetflow serve`` subprocess (``--url``) and in-process (``--app``,
which reads the models the served node saved when it stopped)."""

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

SECRET = "o" * 40

APP = """
import trio
from pydantic import BaseModel

import packetflow as pf


class Q(BaseModel):
    q: str


class A(BaseModel):
    answer: str


class B(BaseModel):
    other: str


@pf.capability(idempotent=True)
async def lookup(inp: Q) -> A:
    await trio.sleep(0.005)
    return A(answer=inp.q.upper())


@pf.capability(idempotent=True)
async def lookup_other(inp: Q) -> B:
    await trio.sleep(0.005)
    return B(other=inp.q[::-1])


node = pf.Node("optimized", data_dir="data")
node.register(lookup, lookup_other)
node.register(pf.composition("both", pf.pipeline(pf.step("lookup"), pf.step("lookup_other"))))
"""


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env.update(extra)
    return env


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "packetflow._cli", *args],
        cwd=cwd, env=clean_env(), capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_modules_list_shows_it_with_version_and_distribution(tmp_path: Path) -> None:
    done = cli("modules", "list", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [entry] = [e for e in json.loads(done.stdout) if e["name"] == "adaptive_optimization"]
    assert entry["distribution"] == "packetflow-module-adaptive-optimization"
    assert entry["version"] == "0.1.0"
    assert entry["status"] == "active"
    assert entry["priority"] == 300
    assert {"packetflow_handle_request", "packetflow_handle_composition"} <= set(entry["hooks"])


class Served:
    """A ``packetflow serve`` subprocess of the app (the module discovered by its entry
    point)."""

    def __init__(self, cwd: Path) -> None:
        env = clean_env(PACKETFLOW_SECRET=SECRET, PACKETFLOW_MODULES="adaptive_optimization")
        command = [sys.executable, "-m", "packetflow._cli", "serve", "--app", "opt_app:node",
                   "--port", "0"]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        match = re.search(r"serving on (ws://\S+)", line)
        assert match, line
        self.url = match.group(1)

    def stop(self) -> int:
        """A graceful stop (SIGTERM): the module saves its models before the node exits."""
        if self.process.poll() is None:
            self.process.terminate()
        code = self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    (tmp_path / "opt_app.py").write_text(APP)
    server = Served(tmp_path)
    try:
        yield server
    finally:
        server.stop()


def test_optimize_over_the_wire_then_from_the_saved_models(
    served: Served,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tok = pf.TokenAuthority(SECRET).issue("ops", ["cap:*"])
    remote = ["--url", served.url, "--token", tok]
    for _ in range(3):
        assert main(["call", "lookup", "--json", '{"q": "abc"}', *remote]) == 0
        assert main(["call", "both", "--json", '{"q": "xyz"}', *remote]) == 0
    capsys.readouterr()

    assert main(["optimize", "show", *remote, "--json", "--entries", "5"]) == 0
    shown = json.loads(capsys.readouterr().out)
    lookup = shown["capabilities"]["lookup"]
    assert lookup["hits"] >= 2 and lookup["cached"] is True
    assert shown["rewrites"]["rewritten"] == 1  # `both`: two independent lookups in parallel

    assert main(["optimize", "show", *remote]) == 0
    table = capsys.readouterr().out
    assert re.search(r"^lookup\s+\d+", table, re.MULTILINE), table

    assert main(["optimize", "predict", "--composition", "both", *remote]) == 0
    predicted = capsys.readouterr().out
    assert "critical path:" in predicted and "sequential_independent" in predicted

    assert main(["optimize", "invalidate", "--capability", "lookup", *remote]) == 0
    assert capsys.readouterr().out.strip() == "invalidated 2"  # the call's and the step's

    bad = '{"type": "pipeline", "steps": [{"type": "step", "cap": "ghost"}]}'
    assert main(["optimize", "predict", "--plan", bad, *remote]) == 1
    assert "E422" in capsys.readouterr().err

    served.stop()
    assert (tmp_path / "data" / "adaptive_optimization" / "models.json").is_file()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PACKETFLOW_MODULES", "adaptive_optimization")
    monkeypatch.delenv("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", raising=False)
    assert main(["optimize", "show", "--app", "opt_app:node", "--json"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["capabilities"]["lookup"]["calls"] >= 1  # learned before the restart


def test_optimize_without_the_module_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "opt_app.py").write_text(APP)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", "1")
    assert main(["optimize", "show", "--app", "opt_app:node"]) == 1
    assert "module 'adaptive_optimization' is not active" in capsys.readouterr().err


def test_the_demo_shows_a_rewrite_and_a_cache_hit(tmp_path: Path) -> None:
    done = cli("demo", "optimize", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert '"type": "parallel"' in out.split("rewritten:")[1].splitlines()[0]
    assert "same result: True" in out
    assert 'second call: {"name": "Ada"}' in out and "cache_hit=True" in out
