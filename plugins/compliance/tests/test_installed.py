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
from packetflow_compliance import AuditLedger


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


def test_checkpoint_and_verify_against_catch_a_rewound_tail(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    ledger = AuditLedger(db)
    ledger.append([(1.0 + n, "request", {"n": n}) for n in range(8)])
    ledger.close()

    done = cli("compliance", "checkpoint", "--db", str(db), "--out", "cp.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == json.loads((tmp_path / "cp.json").read_text(encoding="utf-8"))
    assert printed["count"] == 8
    before = cli("compliance", "verify", "--db", str(db), "--against", "cp.json", cwd=tmp_path)
    assert before.returncode == 0, before.stderr
    assert "the first 8 match the checkpoint" in before.stdout

    conn = sqlite3.connect(db)  # delete the last 3 records and move the head back onto 5
    conn.execute("DROP TRIGGER records_no_delete")
    conn.execute("DROP TRIGGER head_only_forward")
    conn.execute("DELETE FROM records WHERE seq > 5")
    conn.execute("UPDATE head SET seq = 5, hash = (SELECT hash FROM records WHERE seq = 5)")
    conn.commit()
    conn.close()
    alone = cli("compliance", "verify", "--db", str(db), cwd=tmp_path)
    assert alone.returncode == 0, "without a checkpoint the rewind is invisible (documented)"
    caught = cli("compliance", "verify", "--db", str(db), "--against", "cp.json", cwd=tmp_path)
    assert caught.returncode == 1
    assert "TAMPERED at record 6: the log has 5 record(s)" in caught.stderr
    assert "records deleted and the head rewound" in caught.stderr


def test_verify_against_a_bad_checkpoint_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    AuditLedger(db).close()
    (tmp_path / "cp.json").write_text("{}", encoding="utf-8")
    for name in ("cp.json", "missing.json"):
        done = cli("compliance", "verify", "--db", str(db), "--against", name, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.startswith(f"error: {name!r}: ")
        assert len(done.stderr.splitlines()) == 1
