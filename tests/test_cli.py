"""The ``packetflow`` command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import packetflow as pf

ROOT = Path(__file__).resolve().parents[1]


def packetflow(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a scratch directory (the demo writes a data dir into its working
    directory) with the repository importable for ``--app tests.apps...``."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    with tempfile.TemporaryDirectory() as scratch:
        return subprocess.run(
            [sys.executable, "-m", "packetflow._cli", *args],
            capture_output=True,
            text=True,
            cwd=scratch,
            env=env,
            timeout=120,
            check=False,
        )


def test_version() -> None:
    result = packetflow("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"packetflow {pf.__version__}"


def test_capabilities_list_json() -> None:
    result = packetflow("capabilities", "list", "--app", "tests.apps.sample:node", "--json")
    assert result.returncode == 0, result.stderr
    entries = {e["name"]: e for e in json.loads(result.stdout)}
    assert set(entries) == {"double", "inc", "inc_then_double"}
    assert entries["inc"]["requires"] == ["value"]
    assert entries["inc_then_double"]["kind"] == "composition"


def test_capabilities_list_table_from_a_factory() -> None:
    result = packetflow("capabilities", "list", "--app", "tests.apps.sample:make_node")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "KIND", "VERSION", "INTENT"]
    assert any(line.startswith("double") and "Double a number" in line for line in lines)


@pytest.mark.parametrize(
    ("app", "message"),
    [
        ("tests.apps.sample", "expected 'package.module:attribute'"),
        ("tests.apps.nowhere:node", "cannot import"),
        ("tests.apps.sample:missing", "has no attribute 'missing'"),
        ("tests.apps.sample:not_a_node", "not a packetflow.Node"),
    ],
    ids=["no-colon", "bad-module", "bad-attr", "not-a-node"],
)
def test_bad_app_is_a_clear_error(app: str, message: str) -> None:
    result = packetflow("capabilities", "list", "--app", app)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_no_command_prints_help() -> None:
    result = packetflow()
    assert result.returncode == 2
    assert "capabilities" in result.stdout


def test_demo_runs_end_to_end() -> None:
    result = packetflow("demo")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "account acc-1001: approved" in out
    assert "manual review" in out
    assert "E409 conflict" in out
    assert "welcome email: queued for later delivery [attempts=4, fallback=True]" in out
    assert "pipeline[2].parallel.branch['risk'].step" in out
    # the MCP part: the same node through the official MCP client over stdio
    assert "tools:" in out and "user_onboarding" in out
    assert "progress 1/8 pipeline[0].step (validate_email) done" in out
    assert "isError=True: E422 contract_violation" in out
    # ... and over streamable HTTP beside the wire, with a scoped token
    assert "tools/list shows what the token may call: ['score_risk', 'validate_email']" in out
    assert "isError=True: E403 forbidden: token of 'agent'" in out
