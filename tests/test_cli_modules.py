"""`packetflow modules chain` and `packetflow module new`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from packetflow._cli import main

APP = """
import packetflow as pf

class Audit(pf.Module):
    name = "audit"
    priority = 900

    @pf.hookimpl
    def packetflow_handle_response(self, response, context):
        return None

class Planner(pf.Module):
    name = "planner"
    priority = 100

    @pf.hookimpl
    def packetflow_handle_request(self, request, context):
        return None

    @pf.hookimpl
    def packetflow_handle_composition(self, plan, context):
        return None

    @pf.hookimpl
    def packetflow_handle_response(self, response, context):
        return None

node = pf.Node("cli-app")
node.modules.register(Audit)
node.modules.register(Planner)
"""


def test_modules_chain_prints_the_resolved_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cli_app.py").write_text(APP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert main(["modules", "chain", "--app", "cli_app:node"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "request     (ascending priority) : planner(100)",
        "composition (ascending priority) : planner(100)",
        "response    (descending priority): audit(900) -> planner(100)",
    ]
    assert main(["modules", "list", "--app", "cli_app:node"]) == 0
    table = capsys.readouterr().out
    assert "audit    -        (inline)" in table
    assert "handle_request,handle_composition,handle_response" in table


def test_module_new_refuses_a_bad_name(tmp_path: Path) -> None:
    assert main(["module", "new", "Bad-Name", "--dir", str(tmp_path)]) == 2


def test_a_new_module_package_passes_its_own_tests_when_installed(tmp_path: Path) -> None:
    assert main(["module", "new", "demo_mod", "--dir", str(tmp_path / "plugins")]) == 0
    package = tmp_path / "plugins" / "demo_mod"
    assert (package / "src" / "packetflow_demo_mod" / "py.typed").is_file()
    site = tmp_path / "site"
    subprocess.run(  # a real install (wheel built by hatchling, offline) into its own dir
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--target", str(site), str(package)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert (site / "packetflow_module_demo_mod-0.1.0.dist-info" / "entry_points.txt").is_file()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=package, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "9 passed" in done.stdout


def test_module_new_outside_the_repository_writes_a_package_folder_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["module", "new", "rate_guard"]) == 0
    package = tmp_path / "packetflow-module-rate-guard"
    assert (package / "pyproject.toml").is_file()
    assert not (tmp_path / "plugins").exists()
    assert "created packetflow-module-rate-guard/" in capsys.readouterr().out


def test_module_new_at_the_repository_root_writes_into_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "packetflow"\n', encoding="utf-8")
    (tmp_path / "plugins").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["module", "new", "rate_guard"]) == 0
    assert (tmp_path / "plugins" / "rate_guard" / "pyproject.toml").is_file()
