"""The installed package: discovered through its entry point (pip-installed, never imported by
path), listed by `packetflow modules list`, and `packetflow compliance verify` over a real
node's audit log, before and after tampering."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import packetflow as pf


def cli(*args: str, cwd: Path, autoload: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    if not autoload:
        env["PACKETFLOW_DISABLE_MODULE_AUTOLOAD"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "packetflow._cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_modules_list_shows_it_with_version_and_distribution(tmp_path: Path) -> None:
    done = cli("modules", "list", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [entry] = [e for e in json.loads(done.stdout) if e["name"] == "compliance"]
    assert entry["distribution"] == "packetflow-module-compliance"
    assert entry["version"] == "0.1.0"
    assert entry["status"] == "active"
    assert "packetflow_handle_request" in entry["hooks"]
    assert "compliance" not in cli("modules", "list", "--json", cwd=tmp_path, autoload=False).stdout


async def test_a_node_discovers_it_and_verify_catches_tampering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", raising=False)
    monkeypatch.setenv("PACKETFLOW_MODULES", "compliance")
    monkeypatch.chdir(tmp_path)

    @pf.capability(requires=(), provides=())
    async def transfer(payload: dict[str, object]) -> dict[str, object]:
        return {"done": True}

    node = pf.Node("audited", data_dir=tmp_path / "data")
    node.register(transfer)
    async with node.started():
        assert node.modules.info("compliance").distribution == "packetflow-module-compliance"
        for i in range(5):
            await node.call("transfer", {"n": i}, context={"user_id": "alice"})
    db = tmp_path / "data" / "compliance" / "audit.db"
    assert db.is_file()

    done = cli("compliance", "verify", "--data-dir", "data", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "intact: 10 record(s)" in done.stdout

    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER records_no_update")
    conn.execute("UPDATE records SET data = replace(data, 'alice', 'mallory') WHERE seq = 7")
    conn.commit()
    conn.close()
    done = cli("compliance", "verify", "--data-dir", "data", cwd=tmp_path)
    assert done.returncode == 1
    assert "TAMPERED at record 7" in done.stderr
    assert "edited" in done.stderr

    report = cli("compliance", "report", "--db", str(db), "--json", cwd=tmp_path)
    assert report.returncode == 1
    assert json.loads(report.stdout)["intact"] is False
