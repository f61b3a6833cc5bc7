"""The ``packetflow`` command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

import packetflow as pf

ROOT = Path(__file__).resolve().parents[1]


def cli_env(**extra: str) -> dict[str, str]:
    """The test env with the repository importable for ``--app tests.apps...``."""
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        **extra,
    }


def packetflow(
    *args: str, cwd: Path | None = None, **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run the CLI in ``cwd`` (default: a scratch directory) and capture its output."""
    options.setdefault("env", cli_env())
    with tempfile.TemporaryDirectory() as scratch:
        return subprocess.run(
            [sys.executable, "-m", "packetflow._cli", *args],
            capture_output="stdout" not in options,
            stderr=subprocess.PIPE if "stdout" in options else None,
            text=True,
            cwd=cwd or scratch,
            timeout=120,
            check=False,
            **options,
        )


def closed_pipe() -> int:
    """A pipe whose reader is already gone, as after ``| head`` exits: writes get EPIPE."""
    read, write = os.pipe()
    os.close(read)
    return write


def on_a_terminal(*args: str, cwd: Path, **env: str) -> str:
    """Run the CLI with its stdout on a pseudo-terminal; returns what the terminal showed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "packetflow._cli", *args],
        stdout=terminal, stderr=subprocess.DEVNULL, cwd=cwd, env=cli_env(**env),
    )  # fmt: skip
    os.close(terminal)
    shown = bytearray()
    while True:  # blocking reads until the child closes the terminal (EIO): no polling
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert process.wait(timeout=120) == 0
    return shown.decode()


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


def test_demo_runs_end_to_end_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = packetflow("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []  # its state lived in a temporary data dir
    out = result.stdout
    assert "account acc-1001: approved" in out
    assert "manual review" in out
    assert "E409 conflict" in out
    assert "welcome email: queued for later delivery [attempts=4, fallback=True]" in out
    assert "pipeline[2].parallel.branch['risk'].step" in out
    # the mail server fails on purpose: those are retries, not errors in the log
    assert "retry: send_welcome_email attempt 1/4 was E503; retrying" in out
    assert "attempt 4/4 was E503; giving up, the fallback runs" in out
    assert "ERROR" not in out and "Traceback" not in out + result.stderr
    assert "\033[" not in out  # not a terminal: no styles
    # the MCP part: the same node through the official MCP client over stdio
    assert "tools:" in out and "user_onboarding" in out
    # progress counts the steps that ran (6), not the plan's 8 step nodes
    assert "progress 1: pipeline[0].step (validate_email) done" in out
    assert "progress 6: pipeline[4].retry.body.step (send_welcome_email) done" in out
    assert "progress 7" not in out and "/8" not in out
    assert "(6 steps ran)" in out
    assert "isError=True: E422 contract_violation" in out
    # ... and over streamable HTTP beside the wire, with a scoped token
    assert "tools/list shows what the token may call: ['score_risk', 'validate_email']" in out
    assert "isError=True: E403 forbidden: token of 'agent'" in out
    # the served node shows where its dashboard is (the 'http' extra is installed here)
    assert re.search(r"dashboard at http://127\.0\.0\.1:\d+/", out)


def test_demo_keeps_its_state_in_the_data_dir_it_is_given(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    env = cli_env(PACKETFLOW_DISABLE_MODULE_AUTOLOAD="")  # the compliance module audits
    result = packetflow("demo", "onboarding", "research", "--data-dir", str(kept), env=env)
    assert result.returncode == 0, result.stderr
    assert (kept / "compliance" / "audit.db").is_file()
    assert (kept / "research" / "actors.sqlite3").is_file()
    assert f"packetflow compliance verify --data-dir {kept}" in result.stdout


@pytest.mark.parametrize(
    ("no_color", "styled"), [("", True), ("1", False)], ids=["terminal", "NO_COLOR"]
)
def test_demo_styles_titles_only_on_a_terminal_without_no_color(
    tmp_path: Path, no_color: str, styled: bool
) -> None:
    shown = on_a_terminal("demo", "onboarding", cwd=tmp_path, NO_COLOR=no_color)
    assert "== Capabilities on the node" in shown
    assert ("\033[1m== Capabilities" in shown) is styled


def test_unknown_demo_is_one_line() -> None:
    result = packetflow("demo", "nope")
    assert result.returncode == 2
    # installed modules add their own demos after the built-in ones
    assert result.stderr.startswith(
        "error: demo 'nope' is unknown; choose from onboarding, network, research, mcp"
    )
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ("modules", "list"),
        ("capabilities", "list", "--app", "tests.apps.sample:node", "--json"),
        ("token", "secret"),
    ],
    ids=["modules-list", "capabilities-list", "token-secret"],
)
def test_a_closed_stdout_ends_quietly(argv: tuple[str, ...]) -> None:
    """``packetflow ... | head``: the reader left; no traceback, the SIGPIPE exit code."""
    write = closed_pipe()
    try:
        result = packetflow(*argv, stdout=write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, "")


def test_a_plugin_command_with_a_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    """``packetflow compliance report --json | head``: the handling is in the entry point,
    so commands that installed packages add get it too."""
    pytest.importorskip("packetflow_compliance")  # installed in every nox tests session
    env = cli_env(PACKETFLOW_DISABLE_MODULE_AUTOLOAD="")
    made = packetflow("demo", "onboarding", "--data-dir", str(tmp_path), env=env)
    assert made.returncode == 0, made.stderr
    write = closed_pipe()
    try:
        result = packetflow(
            "compliance", "report", "--json", "--data-dir", str(tmp_path), stdout=write
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, "")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:8765", "use 'ws://127.0.0.1:8765'"),
        ("https://node.example:443", "use 'wss://node.example:443'"),
        ("127.0.0.1:8765", "not a URL; use 'ws://127.0.0.1:8765'"),
        ("localhost:8765", "not a URL; use 'ws://localhost:8765'"),
        ("ftp://x", "expected ws://HOST:PORT"),
    ],
    ids=["http", "https", "ip-port", "host-port", "other-scheme"],
)
@pytest.mark.parametrize(
    "command",
    [
        ("call", "inc"),
        ("capabilities", "list"),
        ("actors", "list"),
        ("actors", "send", "counter", "c-1"),
        ("modules", "list"),
    ],
    ids=["call", "capabilities", "actors-list", "actors-send", "modules"],
)
def test_a_url_that_is_not_ws_is_one_line_explaining_the_form(
    command: tuple[str, ...], url: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from packetflow._cli import main

    assert main([*command, "--url", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: --url {url!r}: ") and message in err
    assert err.count("\n") == 1


APP_FILE = """
import packetflow as pf
from helpers_for_app import double_it  # a neighbour of this file, not on sys.path

@pf.capability
async def twice(n: int) -> int:
    return double_it(n)

node = pf.Node("from-a-file")
node.register(twice)
"""


@pytest.mark.parametrize(
    "spec",
    ["./myapp.py:node", "myapp.py:node", "sub/dir/myapp.py:node", "{abs}/sub/dir/myapp.py:node"],
    ids=["dot-slash", "bare-file", "subdir", "absolute"],
)
def test_app_may_be_a_file_path(tmp_path: Path, spec: str) -> None:
    for folder in (tmp_path, tmp_path / "sub" / "dir"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "myapp.py").write_text(APP_FILE, encoding="utf-8")
        (folder / "helpers_for_app.py").write_text(
            "def double_it(n):\n    return 2 * n\n", encoding="utf-8"
        )
    spec = spec.format(abs=tmp_path)
    result = packetflow("call", "twice", "--json", '{"n": 21}', "--app", spec, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"result": 42}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "there is no file 'gone.py'; check the path"),
        ("raise RuntimeError('boom')\n", "importing 'gone.py' raised RuntimeError: boom"),
        ("x = 1\n", "file 'gone.py' has no attribute 'node'"),
    ],
    ids=["missing", "raises", "no-attribute"],
)
def test_a_bad_app_file_is_one_line(tmp_path: Path, text: str | None, message: str) -> None:
    if text is not None:
        (tmp_path / "gone.py").write_text(text, encoding="utf-8")
    result = packetflow("capabilities", "list", "--app", "gone.py:node", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_call_app_runs_in_process_without_a_server_or_token() -> None:
    result = packetflow("call", "inc_then_double", "--json", '{"value": 1}',
                        "--app", "tests.apps.sample:node")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"value": 2, "doubled": 4}
    missing = packetflow("call", "nope", "--app", "tests.apps.sample:node")
    assert missing.returncode == 1
    assert missing.stderr.startswith("E404 not_found: ")
    assert "Traceback" not in missing.stderr
