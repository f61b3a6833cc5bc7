"""Checkpoints: what the log alone cannot show (its tail deleted and its head rewound, or the
whole chain recomputed without a key) is caught against a checkpoint kept elsewhere."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from packetflow_compliance import AuditLedger, Checkpoint, CheckpointError, verify


def write(path: Path, count: int, key: bytes | None = None, by: str = "node") -> None:
    ledger = AuditLedger(path, key)
    ledger.append([(1000.0 + n, "request", {"n": n, "by": by}) for n in range(count)])
    ledger.close()


def checkpoint_of(path: Path, key: bytes | None = None) -> Checkpoint:
    ledger = AuditLedger(path, key, readonly=True)
    try:
        return Checkpoint.of(ledger.verify(), keyed=key is not None)
    finally:
        ledger.close()


def check(path: Path, against: Checkpoint | None, key: bytes | None = None) -> str:
    ledger = AuditLedger(path, key, readonly=True)
    try:
        return str(verify(ledger, against))
    finally:
        ledger.close()


def delete_tail_and_rewind_head(path: Path, keep: int) -> None:
    """The attack: drop the records after ``keep`` and move the head back onto record ``keep``."""
    db = sqlite3.connect(path)
    for trigger in ("records_no_delete", "head_only_forward"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DELETE FROM records WHERE seq > ?", (keep,))
    db.execute(
        "UPDATE head SET seq = ?, hash = (SELECT hash FROM records WHERE seq = ?)", (keep, keep)
    )
    db.commit()
    db.close()


def test_tail_deletion_with_a_rewound_head_is_caught_by_a_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    write(path, 6)
    checkpoint = checkpoint_of(path)
    assert (checkpoint.count, checkpoint.keyed) == (6, False)
    delete_tail_and_rewind_head(path, keep=4)
    # The log alone is consistent again: this is what verify cannot see without a checkpoint.
    assert check(path, None) == "audit log intact: 4 record(s), hash chain verified"
    text = check(path, Checkpoint.from_json(checkpoint.to_json()))
    assert text.startswith("audit log TAMPERED at record 5: the log has 4 record(s) but")
    assert "saw 6 (records deleted and the head rewound)" in text


def test_a_recomputed_chain_is_caught_by_a_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    write(path, 3)
    checkpoint = checkpoint_of(path)
    (tmp_path / "audit.db").unlink()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"audit.db{suffix}").unlink(missing_ok=True)
    write(path, 5, by="mallory")  # a whole new, self-consistent history in its place
    text = check(path, checkpoint)
    assert text == (
        f"audit log TAMPERED at record 3: record 3 does not match the checkpoint of "
        f"{checkpoint.taken_at} (the log was rewritten up to it, or it is checked with another "
        "key)"
    )


def test_a_log_that_grew_since_the_checkpoint_verifies(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    write(path, 3, b"k")
    checkpoint = checkpoint_of(path, b"k")
    write(path, 2, b"k")
    assert check(path, checkpoint, b"k") == (
        "audit log intact: 5 record(s), hash chain verified; the first 3 match the checkpoint "
        f"of {checkpoint.taken_at}"
    )
    assert checkpoint.keyed


def test_a_tampered_log_cannot_be_checkpointed(tmp_path: Path) -> None:
    path = tmp_path / "audit.db"
    write(path, 3)
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER records_no_update")
    db.execute("UPDATE records SET data = '{}' WHERE seq = 2")
    db.commit()
    db.close()
    with pytest.raises(CheckpointError, match="TAMPERED at record 2"):
        checkpoint_of(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("nope", "not JSON"),
        ('{"count": 1, "hash": "x"}', "not a compliance checkpoint"),
        ('{"format": "packetflow-compliance-checkpoint/1", "count": -1, "hash": "x"}',
         "'count' must be a non-negative integer"),
    ],
    ids=["not-json", "no-format", "bad-count"],
)  # fmt: skip
def test_a_bad_checkpoint_is_refused_with_its_source(text: str, words: str) -> None:
    with pytest.raises(CheckpointError, match=words) as caught:
        Checkpoint.from_json(text, "cp.json")
    assert str(caught.value).startswith("'cp.json': ")
