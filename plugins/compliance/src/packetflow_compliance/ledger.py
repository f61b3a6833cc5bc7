"""The audit ledger: an append-only, hash-chained SQLite table that several processes append to.

Each record stores ``hash = H(seq | ts | kind | data | prev)`` where ``prev`` is the previous
record's hash (a fixed genesis value for the first) and ``H`` is SHA-256, or HMAC-SHA-256 when a
key is configured (then nobody without the key can forge a consistent chain). Editing a record
breaks its own hash; deleting or reordering records breaks the link of the record after them;
deleting trailing records disagrees with the ``head`` row written in the same transaction.
Triggers make ``UPDATE`` and ``DELETE`` fail so mistakes do not happen by accident.

**Several writers, one chain.** Every node process on a data dir appends to the same chain. An
append takes SQLite's write lock first (``BEGIN IMMEDIATE``) and only then reads the head and
numbers and hashes its records, so two processes can never both extend the same head; the
second waits for the lock (up to ``lock_timeout``) and chains onto the first one's records. One
chain keeps a single total order of everything that happened on the data dir and lets
``verify`` stay one walk; the lock is held for one short transaction per group commit, so
contention stays low. (A chain per writer would avoid the lock but needs a registry of writers
to catch a whole chain being dropped.)

**Segregation of duties** reads ``first_actions``: one row per fact "``user`` ran a rule's first
capability on ``subject``", derived from the ``first_actions`` field of the records and written
in the same transaction, so the index is as durable as the log; ``verify`` checks that it holds
exactly what the records say.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .verification import Checkpoint, Verification

__all__ = ["GENESIS", "AuditLedger", "Entry", "LedgerError", "Record", "canonical"]

GENESIS = "0" * 64
SCHEMA_VERSION = 1

Entry = tuple[float, str, dict[str, Any]]
"""What :meth:`AuditLedger.append` takes: ``(ts, kind, data)``."""

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS records (
        seq INTEGER PRIMARY KEY,
        ts REAL NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS first_actions (
        rule TEXT NOT NULL,
        subject TEXT NOT NULL,
        user TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (rule, subject, user, seq)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS head_only_forward BEFORE UPDATE ON head
    WHEN NEW.seq <= OLD.seq
    BEGIN SELECT RAISE(ABORT, 'the audit log head only moves forward'); END""",
    """CREATE TRIGGER IF NOT EXISTS head_no_delete BEFORE DELETE ON head
    BEGIN SELECT RAISE(ABORT, 'the audit log head cannot be deleted'); END""",
    """CREATE TRIGGER IF NOT EXISTS first_actions_no_update BEFORE UPDATE ON first_actions
    BEGIN SELECT RAISE(ABORT, 'the segregation index is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS first_actions_no_delete BEFORE DELETE ON first_actions
    BEGIN SELECT RAISE(ABORT, 'the segregation index is append-only'); END""",
)

# The facts the records state, straight from their JSON (verify and the one-time backfill).
DERIVED_FACTS = (
    "SELECT f.value ->> 0 AS rule, f.value ->> 1 AS subject, f.value ->> 2 AS user, "
    "r.seq AS seq FROM records AS r, json_each(r.data, '$.first_actions') AS f"
)


class LedgerError(Exception):
    """The audit log cannot be opened or is not one this version can write."""


@dataclass(frozen=True, slots=True)
class Record:
    """One audit record."""

    seq: int
    ts: float
    kind: str
    data: dict[str, Any]
    hash: str


def canonical(data: dict[str, Any]) -> str:
    """The JSON text that is hashed: sorted keys, no spaces, so it is reproducible."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)


class AuditLedger:
    """Append to and read one audit SQLite file; safe with other processes appending too.

    A ledger object itself is used by one thread at a time (the journal's writer thread, or
    a lookup thread behind a limiter); open one per thread that needs its own.

    Args:
        path: the SQLite file (its folder is created unless ``readonly``).
        key: an HMAC key; ``None`` means plain SHA-256.
        readonly: open for reading only (``verify``, ``report``): nothing is created or
            migrated, and the file must exist.
        lock_timeout: seconds an append waits for another writer's lock before it fails.
        synchronous: SQLite's ``synchronous`` pragma: ``"FULL"`` survives a power cut,
            ``"NORMAL"`` a killed process.
    """

    def __init__(
        self,
        path: str | Path,
        key: bytes | None = None,
        *,
        readonly: bool = False,
        lock_timeout: float = 5.0,
        synchronous: str = "FULL",
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._key = key
        try:
            self._db = self._connect(lock_timeout, synchronous)
        except sqlite3.Error as exc:
            raise LedgerError(
                f"audit log {str(self.path)!r}: cannot open: {exc}; check the path and that "
                "it is a compliance audit log"
            ) from exc

    def _connect(self, lock_timeout: float, synchronous: str) -> sqlite3.Connection:
        if self.readonly:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            db.execute("SELECT count(*) FROM records").fetchone()  # fails on a foreign file
            return db
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves. check_same_thread=False: the
        # ledger moves between trio's worker threads, one at a time (see the class docstring).
        db = sqlite3.connect(
            self.path, timeout=lock_timeout, isolation_level=None, check_same_thread=False
        )
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={synchronous}")
        self._migrate(db)
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        if int(db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
            return  # the usual case: no need to wait for another writer's lock
        # Under the write lock, so two processes opening a fresh file at once do it once.
        db.execute("BEGIN IMMEDIATE")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise LedgerError(
                    f"audit log {str(self.path)!r}: schema version {version} is newer than this "
                    f"packetflow-module-compliance ({SCHEMA_VERSION}); upgrade the module"
                )
            for statement in _SCHEMA:
                db.execute(statement)
            if version < 1:  # logs from 0.1.0 keep their facts only inside the records
                db.execute(f"INSERT OR IGNORE INTO first_actions {DERIVED_FACTS}")
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def digest(self, seq: int, ts: float, kind: str, data: str, prev: str) -> str:
        """The hash of one record (HMAC-SHA-256 with the key, SHA-256 without)."""
        message = f"{seq}|{ts!r}|{kind}|{data}|{prev}".encode()
        if self._key is not None:
            return hmac.new(self._key, message, hashlib.sha256).hexdigest()
        return hashlib.sha256(message).hexdigest()

    def append(self, entries: Sequence[Entry]) -> int:
        """Append ``(ts, kind, data)`` entries in one transaction; returns the last seq.

        Raises:
            sqlite3.Error: the write failed (another writer held the lock for longer than
                ``lock_timeout``, the disk is full...); nothing was written.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # Read the head only now, under the lock: another process may have moved it.
            row = db.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
            seq, prev = (int(row[0]), str(row[1])) if row else (0, GENESIS)
            rows: list[tuple[int, float, str, str, str, str]] = []
            facts: list[tuple[Any, ...]] = []  # (rule, subject, user, seq)
            for ts, kind, data in entries:
                seq += 1
                text = canonical(data)
                digest = self.digest(seq, ts, kind, text, prev)
                rows.append((seq, ts, kind, text, prev, digest))
                facts.extend((*map(str, fact), seq) for fact in data.get("first_actions", ()))
                prev = digest
            db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)", rows)
            if facts:
                db.executemany("INSERT OR IGNORE INTO first_actions VALUES (?, ?, ?, ?)", facts)
            db.execute(
                "INSERT INTO head (id, seq, hash) VALUES (1, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                (seq, prev),
            )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return seq

    def ran_first(self, rule: str, subject: str, user: str) -> bool:
        """Whether the log records ``user`` running ``rule``'s first capability on ``subject``
        (an index lookup)."""
        row = self._db.execute(
            "SELECT 1 FROM first_actions WHERE rule = ? AND subject = ? AND user = ? LIMIT 1",
            (rule, subject, user),
        ).fetchone()
        return row is not None

    def head(self) -> tuple[int, str]:
        """``(seq, hash)`` of the head row (``(0, GENESIS)`` for an empty log)."""
        row = self._db.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS)

    def records(self) -> Iterator[Record]:
        """Every record in ``seq`` order."""
        cursor = self._db.execute("SELECT seq, ts, kind, data, hash FROM records ORDER BY seq")
        for seq, ts, kind, data, digest in cursor:
            yield Record(int(seq), float(ts), str(kind), json.loads(data), str(digest))

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        """Run a read query on the ledger's connection (for :mod:`.verification`)."""
        return self._db.execute(sql, args)

    def verify(self, against: Checkpoint | None = None) -> Verification:
        """Walk the chain (and compare it with ``against``); see :func:`.verification.verify`."""
        from .verification import verify  # verification reads the ledger: import it late

        return verify(self, against)
