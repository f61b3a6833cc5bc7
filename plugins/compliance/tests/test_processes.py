"""Real node processes on one data dir: several writers share one chain, and ``kill -9`` never
leaves an answered request without its record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from packetflow_compliance import AuditLedger

APP = Path(__file__).with_name("audited_node.py")

Spawn = Callable[[Path, str, int, int], "subprocess.Popen[str]"]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """``spawn(data_dir, name, count, workers)``: a started :mod:`audited_node` process that
    printed ``ready``; every process is killed at the end of the test."""
    started: list[subprocess.Popen[str]] = []

    def run(data_dir: Path, name: str, count: int, workers: int) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, str(APP), str(data_dir), name, str(count), str(workers)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=_env(),
        )  # fmt: skip
        started.append(process)
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        assert line == "ready\n", f"{name} did not start: {line!r} {process.stderr.read()}"
        return process

    yield run
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _go(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()


def _answered(output: str) -> set[str]:
    return {line.split()[1] for line in output.splitlines() if line.startswith("answered ")}


def _recorded(db: Path) -> tuple[set[str], set[str], str]:
    """Users with a committed request record and with a response record, and ``verify``."""
    ledger = AuditLedger(db)
    try:
        requests, responses = set(), set()
        for record in ledger.records():
            if record.kind == "request":
                requests.add(str(record.data["user_id"]))
            elif record.kind == "response":
                assert record.data["outcome"] == "ok", record.data
                responses.add(str(record.data["user_id"]))
        return requests, responses, str(ledger.verify())
    finally:
        ledger.close()


def test_two_node_processes_share_one_chain(tmp_path: Path, spawn: Spawn) -> None:
    count = 1000
    a = spawn(tmp_path, "a", count, 8)
    b = spawn(tmp_path, "b", count, 8)
    _go(a)
    _go(b)  # both write at once from here
    outputs = {}
    for name, process in (("a", a), ("b", b)):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, f"{name}: {err}"
        assert out.endswith("done\n"), f"{name} stopped early: {err}"
        outputs[name] = out
    expected = {f"{name}-{n}" for name in "ab" for n in range(count)}
    assert _answered(outputs["a"]) | _answered(outputs["b"]) == expected
    requests, responses, _ = _recorded(tmp_path / "compliance" / "audit.db")
    assert requests == expected
    assert responses == expected
    verify = subprocess.run(
        [sys.executable, "-m", "packetflow._cli", "compliance", "verify",
         "--data-dir", str(tmp_path)],
        capture_output=True, text=True, env=_env(), check=False,
    )  # fmt: skip
    assert verify.returncode == 0, verify.stderr
    assert verify.stdout == f"audit log intact: {4 * count} record(s), hash chain verified\n"


def test_kill_9_leaves_no_answered_request_without_its_record(tmp_path: Path, spawn: Spawn) -> None:
    node = spawn(tmp_path, "k", 0, 8)
    _go(node)
    assert node.stdout is not None
    answered: set[str] = set()
    while len(answered) < 300:  # answers are flowing: kill it in the middle of the traffic
        answered |= _answered(node.stdout.readline())
    os.kill(node.pid, signal.SIGKILL)
    rest, _ = node.communicate(timeout=60)
    assert node.returncode == -signal.SIGKILL
    answered |= _answered(rest)  # printed before it died, each after its call returned
    requests, responses, verification = _recorded(tmp_path / "compliance" / "audit.db")
    assert verification.startswith("audit log intact"), verification
    assert answered <= responses
    assert responses <= requests
