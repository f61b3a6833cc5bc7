"""The audit ledger: an append-only, hash-chained SQLite table.

Each record stores ``hash = H(seq | ts | kind | data | prev)`` where ``prev`` is the previous
record's hash (a fixed genesis value for the first) and ``H`` is SHA-256, or HMAC-SHA-256 when a
key is configured (then nobody without the key can forge a consistent chain). Editing a record
breaks its own hash; deleting or reordering records breaks the link of the record after them;
deleting trailing records disagrees with the ``head`` row written in the same transaction.
Triggers make ``UPDATE`` and ``DELETE`` fail so mistakes do not happen by accident.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["GENESIS", "AuditLedger", "Record", "Verification"]

GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    ts REAL NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS head_only_forward BEFORE UPDATE ON head WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(ABORT, 'the audit log head only moves forward'); END;
CREATE TRIGGER IF NOT EXISTS head_no_delete BEFORE DELETE ON head
BEGIN SELECT RAISE(ABORT, 'the audit log head cannot be deleted'); END;
"""


@dataclass(frozen=True, slots=True)
class Record:
    """One audit record."""

    seq: int
    ts: float
    kind: str
    data: dict[str, Any]
    hash: str


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of :meth:`AuditLedger.verify`: ``ok``, how many records were checked, and for
    a broken chain the first bad record's ``seq`` and what is wrong with it."""

    ok: bool
    checked: int
    bad_seq: int | None = None
    problem: str | None = None

    def __str__(self) -> str:
        if self.ok:
            return f"audit log intact: {self.checked} record(s), hash chain verified"
        return f"audit log TAMPERED at record {self.bad_seq}: {self.problem}"


def canonical(data: dict[str, Any]) -> str:
    """The JSON text that is hashed: sorted keys, no spaces, so it is reproducible."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)


class AuditLedger:
    """Append and verify records in one SQLite file (one writer at a time).

    Args:
        path: the SQLite file (its folder is created).
        key: an HMAC key; ``None`` means plain SHA-256.
    """

    def __init__(self, path: str | Path, key: bytes | None = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._key = key
        self._lock = threading.Lock()
        # Written from a worker thread (never two at once: the lock), read from anywhere.
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        row = self._db.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
        self._seq, self._last = (int(row[0]), str(row[1])) if row else (0, GENESIS)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _digest(self, seq: int, ts: float, kind: str, data: str, prev: str) -> str:
        message = f"{seq}|{ts!r}|{kind}|{data}|{prev}".encode()
        if self._key is not None:
            return hmac.new(self._key, message, hashlib.sha256).hexdigest()
        return hashlib.sha256(message).hexdigest()

    def append(self, entries: Sequence[tuple[float, str, dict[str, Any]]]) -> int:
        """Append ``(ts, kind, data)`` entries in one transaction; returns the last seq."""
        with self._lock:
            seq, prev = self._seq, self._last
            rows = []
            for ts, kind, data in entries:
                seq += 1
                text = canonical(data)
                digest = self._digest(seq, ts, kind, text, prev)
                rows.append((seq, ts, kind, text, prev, digest))
                prev = digest
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)", rows)
                self._db.execute(
                    "INSERT INTO head (id, seq, hash) VALUES (1, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                    (seq, prev),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._seq, self._last = seq, prev
            return seq

    def records(self) -> Iterator[Record]:
        """Every record in ``seq`` order."""
        cursor = self._db.execute("SELECT seq, ts, kind, data, hash FROM records ORDER BY seq")
        for seq, ts, kind, data, digest in cursor:
            yield Record(int(seq), float(ts), str(kind), json.loads(data), str(digest))

    def verify(self) -> Verification:
        """Walk the chain; the first record that does not check out is named."""
        expected, prev, checked = 1, GENESIS, 0
        cursor = self._db.execute(
            "SELECT seq, ts, kind, data, prev, hash FROM records ORDER BY seq"
        )
        for seq, ts, kind, data, stored_prev, digest in cursor:
            if seq != expected:
                return Verification(
                    False, checked, expected,
                    f"record {expected} is missing (deleted); the next record is {seq}",
                )  # fmt: skip
            if stored_prev != prev:
                return Verification(
                    False, checked, seq,
                    f"it does not follow record {seq - 1} (records deleted, replaced or "
                    "reordered)",
                )  # fmt: skip
            if self._digest(seq, ts, kind, data, stored_prev) != digest:
                return Verification(
                    False, checked, seq, "its content does not match its hash (edited)"
                )
            prev, expected, checked = digest, expected + 1, checked + 1
        head = self._db.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
        last = expected - 1
        if head is not None and (int(head[0]) != last or str(head[1]) != prev):
            return Verification(
                False, checked, last + 1,
                f"the log ends at record {last} but its head says {head[0]} (trailing records "
                "deleted)",
            )  # fmt: skip
        if head is None and checked:
            return Verification(False, checked, 1, "the head row is missing (deleted)")
        return Verification(True, checked)
