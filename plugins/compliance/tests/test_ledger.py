"""The hash-chained ledger: verification names the first edited, deleted or reordered record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from packetflow_compliance import AuditLedger, LedgerError


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


def test_two_writers_on_one_file_extend_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    first, second = AuditLedger(path), AuditLedger(path)  # as two node processes would
    try:
        for n in range(5):
            assert first.append([(float(n), "request", {"by": "first", "n": n})]) == 2 * n + 1
            assert second.append([(float(n), "request", {"by": "second", "n": n})]) == 2 * n + 2
        result = first.verify()
    finally:
        first.close()
        second.close()
    assert result.ok, str(result)
    assert result.checked == 10


def test_a_writer_waits_for_another_writers_lock(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    AuditLedger(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of its append
    ledger = AuditLedger(path, lock_timeout=0)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            ledger.append([(1.0, "request", {})])
        holder.execute("ROLLBACK")
        assert ledger.append([(1.0, "request", {})]) == 1  # nothing half-written before
    finally:
        ledger.close()
        holder.close()


def facts_ledger(path: Path) -> AuditLedger:
    ledger = AuditLedger(path)
    ledger.append([(1.0, "response", {"first_actions": [["mc", "p1", "alice"]]})])
    ledger.append([(2.0, "response", {"first_actions": [["mc", "p2", "bob"], ["x", "p1", "eve"]]})])
    return ledger


def test_first_actions_are_indexed_with_their_record(tmp_path: Path) -> None:
    ledger = facts_ledger(tmp_path / "facts.db")
    try:
        assert ledger.ran_first("mc", "p1", "alice")
        assert ledger.ran_first("x", "p1", "eve")
        assert not ledger.ran_first("mc", "p1", "bob")
        assert not ledger.ran_first("mc", "p2", "alice")
    finally:
        ledger.close()


@pytest.mark.parametrize(
    ("statement", "bad"),
    [
        ("DELETE FROM first_actions WHERE user = 'alice'", 1),
        ("INSERT INTO first_actions VALUES ('mc', 'p9', 'carol', 2)", 2),
    ],
    ids=["fact-deleted", "fact-forged"],
)
def test_verify_catches_a_doctored_segregation_index(
    tmp_path: Path, statement: str, bad: int
) -> None:
    path = tmp_path / "facts.db"
    facts_ledger(path).close()
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER first_actions_no_delete")
    db.execute(statement)
    db.commit()
    db.close()
    ok, seq, text = verify(path)
    assert not ok
    assert seq == bad
    assert "segregation index disagrees" in text


def test_a_log_from_0_1_gets_its_index_from_the_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    facts_ledger(path).close()
    db = sqlite3.connect(path)  # back to the 0.1.0 layout: the facts only inside the records
    db.execute("DROP TABLE first_actions")
    db.execute("PRAGMA user_version = 0")
    db.commit()
    db.close()
    assert verify(path)[0]  # read-only: no index to compare yet, the chain is fine
    ledger = AuditLedger(path)
    try:
        assert ledger.ran_first("mc", "p2", "bob")
        assert ledger.verify().ok
    finally:
        ledger.close()


def test_read_only_ledgers_change_nothing(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="cannot open"):
        AuditLedger(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()
    path = tmp_path / "audit.db"
    AuditLedger(path).close()
    reader = AuditLedger(path, readonly=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.append([(1.0, "request", {})])
    finally:
        reader.close()
