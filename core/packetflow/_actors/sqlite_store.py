"""``persistence="sqlite"``: actors in one SQLite file under the node's data dir.

- WAL journal, ``synchronous=NORMAL`` by default: a commit is in the WAL (the OS has it) before
  ``commit`` returns, so it survives ``kill -9`` of the node; ``synchronous="FULL"`` also
  survives power loss, at the price of an fsync per batch.
- SQLite is blocking, so it never runs on the trio thread: one writer connection and one reader
  connection, each used by one worker thread at a time (``trio.to_thread`` with a limiter of 1).
- **Group commit**: a single writer task takes every commit queued while the previous batch was
  being written and writes them in one transaction; each committer waits for its batch. Many
  actors share one fsync/WAL append without any reply going out before its commit.
- The conversation log is a plain table with an external-content FTS5 index kept in step by
  triggers; retention deletes the oldest rows of an actor in the same transaction as the insert.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import trio

from .statistics import SqliteStoreStatistics
from .store import (
    ActorRecord,
    Commit,
    HistoryEntry,
    SearchHit,
    SearchQuery,
    StoreError,
    entry_text,
)

__all__ = ["SqliteStore"]

T = TypeVar("T")

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS actors (
    capability      TEXT NOT NULL,
    actor_id        TEXT NOT NULL,
    state           TEXT NOT NULL,
    created_at      REAL NOT NULL,
    last_message_at REAL,
    message_count   INTEGER NOT NULL,
    owner           TEXT,
    stopped         INTEGER NOT NULL DEFAULT 0,
    stop_reason     TEXT,
    next_seq        INTEGER NOT NULL,
    PRIMARY KEY (capability, actor_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_log (
    id         INTEGER PRIMARY KEY,
    capability TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    at         REAL NOT NULL,
    message    TEXT NOT NULL,
    reply      TEXT NOT NULL,
    user_id    TEXT,
    text       TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS actor_log_by_actor ON actor_log (capability, actor_id, seq);
CREATE VIRTUAL TABLE IF NOT EXISTS actor_log_fts
    USING fts5(text, content='actor_log', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS actor_log_fts_insert AFTER INSERT ON actor_log BEGIN
    INSERT INTO actor_log_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS actor_log_fts_delete AFTER DELETE ON actor_log BEGIN
    INSERT INTO actor_log_fts (actor_log_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""

_UPSERT = """
INSERT INTO actors (capability, actor_id, state, created_at, last_message_at, message_count,
                    owner, stopped, stop_reason, next_seq)
VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)
ON CONFLICT (capability, actor_id) DO UPDATE SET
    state = excluded.state, last_message_at = excluded.last_message_at,
    message_count = excluded.message_count, owner = excluded.owner, stopped = 0,
    stop_reason = NULL, next_seq = excluded.next_seq
"""

_RECORD_COLUMNS = (
    "capability, actor_id, state, created_at, last_message_at, message_count, owner, stopped, "
    "next_seq"
)
_ENTRY_COLUMNS = "seq, at, message, reply, user_id"


@dataclass(slots=True)
class _Stop:
    capability: str
    actor_id: str
    reason: str


@dataclass(slots=True)
class _Batch:
    ops: list[Commit | _Stop] = field(default_factory=list)
    done: trio.Event = field(default_factory=trio.Event)
    error: BaseException | None = None


class SqliteStore:
    """An :class:`~packetflow._actors.store.ActorStore` in one SQLite file.

    Args:
        path: the database file (its directory is created on open).
        synchronous: SQLite's ``synchronous`` pragma: ``"NORMAL"`` survives a killed process,
            ``"FULL"`` also a power cut.
    """

    name = "sqlite"

    def __init__(
        self, path: str | Path, *, synchronous: Literal["NORMAL", "FULL"] = "NORMAL"
    ) -> None:
        self.path = Path(path)
        self.synchronous = synchronous
        self._writer: sqlite3.Connection | None = None
        self._reader: sqlite3.Connection | None = None
        self._write_limiter = trio.CapacityLimiter(1)
        self._read_limiter = trio.CapacityLimiter(1)
        self._batch = _Batch()
        self._wakeup = trio.Event()
        self._writer_scope: trio.CancelScope | None = None
        self.batches = 0
        """How many transactions the writer has committed (group-commit statistics)."""
        self.commits = 0

    def __repr__(self) -> str:
        return f"<SqliteStore {str(self.path)!r}>"

    def statistics(self) -> SqliteStoreStatistics:
        """Transactions and commits written so far (group-commit statistics)."""
        return SqliteStoreStatistics(batches=self.batches, commits=self.commits)

    # -- lifecycle -----------------------------------------------------------------------------

    async def open(self, nursery: trio.Nursery | None = None) -> None:
        """Create the file and schema (idempotent); with ``nursery``, start the writer task
        there (a store without a writer is read-only)."""
        if self._writer is None:
            try:
                self._writer, self._reader = await trio.to_thread.run_sync(self._connect)
            except (sqlite3.Error, OSError) as exc:
                raise StoreError(
                    f"actor store {str(self.path)!r}: cannot open: {exc}; check that the "
                    "node's data_dir is writable"
                ) from exc
        if nursery is not None and self._writer_scope is None:
            await nursery.start(self._serve_writes)

    def _connect(self) -> tuple[sqlite3.Connection, sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        writer = _connection(self.path, self.synchronous)
        version = writer.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            writer.close()
            raise sqlite3.DatabaseError(
                f"schema version {version} is newer than this packetflow ({SCHEMA_VERSION})"
            )
        writer.executescript(_SCHEMA)
        writer.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return writer, _connection(self.path, self.synchronous)

    async def close(self) -> None:
        """Write what is queued, stop the writer, close the connections."""
        if self._writer_scope is not None and self._batch.ops:
            self._wakeup.set()
            await self._batch.done.wait()
        if self._writer_scope is not None:
            self._writer_scope.cancel()
            self._writer_scope = None
        writer, reader, self._writer, self._reader = self._writer, self._reader, None, None
        for conn in (writer, reader):
            if conn is not None:
                await trio.to_thread.run_sync(conn.close)

    # -- writes --------------------------------------------------------------------------------

    async def _serve_writes(
        self, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED
    ) -> None:
        with trio.CancelScope() as scope:
            self._writer_scope = scope
            task_status.started()
            try:
                while True:
                    await self._wakeup.wait()
                    self._wakeup = trio.Event()
                    batch, self._batch = self._batch, _Batch()
                    try:
                        await trio.to_thread.run_sync(
                            self._write, batch.ops, limiter=self._write_limiter
                        )
                    except Exception as exc:
                        batch.error = exc
                    batch.done.set()
            finally:
                if self._writer_scope is scope:
                    self._writer_scope = None

    async def commit(self, commit: Commit) -> None:
        await self._enqueue(commit)

    async def mark_stopped(self, capability: str, actor_id: str, reason: str) -> None:
        await self._enqueue(_Stop(capability, actor_id, reason))

    async def _enqueue(self, op: Commit | _Stop) -> None:
        if self._writer_scope is None:
            raise StoreError(f"actor store {str(self.path)!r} is not open for writing")
        batch = self._batch
        batch.ops.append(op)
        self._wakeup.set()
        await batch.done.wait()
        if batch.error is not None:
            raise StoreError(
                f"actor store {str(self.path)!r}: write failed: {batch.error}"
            ) from batch.error

    def _write(self, ops: list[Commit | _Stop]) -> None:
        conn = self._writer
        if conn is None:
            raise StoreError(f"actor store {str(self.path)!r} is closed")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for op in ops:
                if isinstance(op, _Stop):
                    conn.execute(
                        "UPDATE actors SET stopped = 1, stop_reason = ? "
                        "WHERE capability = ? AND actor_id = ?",
                        (op.reason, op.capability, op.actor_id),
                    )
                    continue
                r = op.record
                conn.execute(
                    _UPSERT,
                    (r.capability, r.actor_id, r.state, r.created_at, r.last_message_at,
                     r.message_count, r.owner, r.next_seq),
                )  # fmt: skip
                entry = op.entry
                if entry is None:
                    continue
                conn.execute(
                    "INSERT INTO actor_log (capability, actor_id, seq, at, message, reply, "
                    "user_id, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (r.capability, r.actor_id, entry.seq, entry.at, entry.message, entry.reply,
                     entry.user_id, entry_text(entry)),
                )  # fmt: skip
                if op.retention is not None:
                    conn.execute(
                        "DELETE FROM actor_log WHERE capability = ? AND actor_id = ? AND seq <= ?",
                        (r.capability, r.actor_id, entry.seq - op.retention),
                    )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.batches += 1
        self.commits += len(ops)

    # -- reads ---------------------------------------------------------------------------------

    async def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        conn = self._reader
        if conn is None:
            raise StoreError(f"actor store {str(self.path)!r} is not open")
        try:
            return await trio.to_thread.run_sync(fn, conn, limiter=self._read_limiter)
        except sqlite3.Error as exc:
            raise StoreError(f"actor store {str(self.path)!r}: read failed: {exc}") from exc

    async def load(self, capability: str, actor_id: str) -> ActorRecord | None:
        def query(conn: sqlite3.Connection) -> ActorRecord | None:
            row = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM actors WHERE capability = ? AND actor_id = ?",
                (capability, actor_id),
            ).fetchone()
            return None if row is None else _record(row)

        return await self._read(query)

    async def records(
        self, capability: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> list[ActorRecord]:
        def query(conn: sqlite3.Connection) -> list[ActorRecord]:
            where, args = ("WHERE capability = ?", (capability,)) if capability else ("", ())
            rows = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM actors {where} "
                "ORDER BY capability, actor_id LIMIT ? OFFSET ?",
                (*args, limit, offset),
            ).fetchall()
            return [_record(row) for row in rows]

        return await self._read(query)

    async def history(
        self,
        capability: str,
        actor_id: str,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> list[HistoryEntry]:
        def query(conn: sqlite3.Connection) -> list[HistoryEntry]:
            rows = conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM actor_log "
                "WHERE capability = ? AND actor_id = ? AND seq < ? AND seq > ? "
                "ORDER BY seq DESC LIMIT ?",
                (capability, actor_id, before if before is not None else 2**62,
                 after if after is not None else -1, limit),
            ).fetchall()  # fmt: skip
            return [HistoryEntry(*row) for row in reversed(rows)]

        return await self._read(query)

    async def search(
        self,
        query: SearchQuery,
        *,
        capability: str | None = None,
        actor_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        match = query.to_fts5()
        clauses, args = ["actor_log_fts MATCH ?"], [match]
        if capability is not None:
            clauses.append("l.capability = ?")
            args.append(capability)
        if actor_id is not None:
            clauses.append("l.actor_id = ?")
            args.append(actor_id)

        def run(conn: sqlite3.Connection) -> list[SearchHit]:
            rows = conn.execute(
                "SELECT l.capability, l.actor_id, l.seq, l.at, l.message, l.reply, l.user_id "
                "FROM actor_log_fts JOIN actor_log AS l ON l.id = actor_log_fts.rowid "
                f"WHERE {' AND '.join(clauses)} ORDER BY rank LIMIT ?",
                (*args, limit),
            ).fetchall()
            return [SearchHit(row[0], row[1], HistoryEntry(*row[2:])) for row in rows]

        return await self._read(run)


def _connection(path: Path, synchronous: str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves. check_same_thread=False: trio's
    # worker threads take turns, serialised by a CapacityLimiter(1) per connection.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _record(row: Any) -> ActorRecord:
    capability, actor_id, state, created, last, count, owner, stopped, next_seq = row
    return ActorRecord(
        capability, actor_id, state, created, last, count, owner, bool(stopped), next_seq
    )
