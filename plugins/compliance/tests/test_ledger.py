"""The hash-chained ledger: verification names the first edited, deleted or reordered record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from packetflow_compliance import AuditLedger


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    ledger = AuditLedger(path)
    ledger.append([(1000.0 + i, "request", {"n": i}) for i in range(1, 6)])
    ledger.append([(2000.0, "response", {"n": 6})])
    ledger.close()
    return path


def tamper(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER records_no_update")
    db.execute("DROP TRIGGER records_no_delete")
    db.execute("DROP TRIGGER IF EXISTS head_only_forward")
    db.execute("DROP TRIGGER IF EXISTS head_no_delete")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def verify(path: Path, key: bytes | None = None) -> tuple[bool, int | None, str]:
    ledger = AuditLedger(path, key)
    try:
        result = ledger.verify()
    finally:
        ledger.close()
    return result.ok, result.bad_seq, str(result)


def test_an_untouched_log_verifies(ledger_path: Path) -> None:
    assert verify(ledger_path) == (True, None, "audit log intact: 6 record(s), hash chain verified")


def test_the_log_refuses_updates_and_deletes(ledger_path: Path) -> None:
    db = sqlite3.connect(ledger_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE records SET data = '{}' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM records WHERE seq = 2")
    db.close()


@pytest.mark.parametrize(
    ("statements", "bad", "words"),
    [
        (["UPDATE records SET data = '{\"n\":99}' WHERE seq = 3"], 3, "edited"),
        (["DELETE FROM records WHERE seq = 4"], 4, "missing (deleted)"),
        (["DELETE FROM records WHERE seq = 6"], 6, "trailing records deleted"),
        (
            ["UPDATE records SET seq = -2 WHERE seq = 2",
             "UPDATE records SET seq = 2 WHERE seq = 3",
             "UPDATE records SET seq = 3 WHERE seq = -2"],
            2, "does not follow record 1",
        ),
    ],
    ids=["edited", "deleted", "tail-deleted", "reordered"],
)  # fmt: skip
def test_tampering_names_the_first_bad_record(
    ledger_path: Path, statements: list[str], bad: int, words: str
) -> None:
    tamper(ledger_path, *statements)
    ok, seq, text = verify(ledger_path)
    assert not ok
    assert seq == bad
    assert f"record {bad}" in text
    assert words in text


def test_with_a_key_a_recomputed_chain_is_still_caught(tmp_path: Path) -> None:
    path = tmp_path / "keyed.db"
    ledger = AuditLedger(path, b"secret")
    ledger.append([(1.0, "request", {"n": 1})])
    ledger.close()
    assert verify(path, b"secret")[0]
    assert verify(path, b"guess")[1] == 1  # forging needs the key
