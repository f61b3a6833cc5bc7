"""Learning from outcomes: phrasing -> capability evidence, kept in memory for ranking and in a
SQLite file under the node's data dir so it survives restarts.

A phrasing is a clause's content words (lemmas, typos corrected), so "refund order 12" and
"refund order 99" are the same phrasing. ``nl_planning.feedback`` adds strong evidence
(+1 when a capability is right for a phrasing, -1 when it is wrong); a plan that ran to the
end adds weak evidence (+0.2) for each of its steps. The ranking boost is
``0.45 * tanh(score)``: one correction outweighs the small margins of an ambiguous phrasing.

Bounded: at most ``limit`` phrasings; beyond it the least recently updated one is forgotten
(in memory and on disk). Writes are batched: :meth:`record` changes memory at once and
queues the row; :meth:`flush` (a worker thread) writes the queue in one transaction.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections import OrderedDict
from pathlib import Path

__all__ = ["Evidence"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS evidence (
    phrase TEXT NOT NULL,
    capability TEXT NOT NULL,
    score REAL NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (phrase, capability)
);
CREATE INDEX IF NOT EXISTS evidence_updated ON evidence (updated);
"""
STRONG = 1.0
WEAK = 0.2
_SCALE = 0.45


class Evidence:
    """The evidence store.

    Args:
        path: the SQLite file (created with its folder); ``None`` keeps evidence in memory only.
        limit: phrasings kept.
    """

    def __init__(self, path: Path | None, limit: int = 10_000) -> None:
        self.path = path
        self.limit = limit
        self._scores: OrderedDict[str, dict[str, float]] = OrderedDict()
        self._dirty: dict[tuple[str, str], float] = {}
        self._forgotten: set[str] = set()
        self._lock = threading.Lock()
        # One writer at a time on the connection: the periodic flush and close() may run in
        # two worker threads at once (sqlite3 connections are not safe to share that way).
        self._db = threading.Lock()
        self.version = 0
        """Increases on every change (plan caches key on it)."""
        self._conn: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._conn.executescript(_SCHEMA)
            rows = self._conn.execute(
                "SELECT phrase, capability, score FROM evidence ORDER BY updated"
            ).fetchall()
            for phrase, capability, score in rows:
                self._scores.setdefault(phrase, {})[capability] = float(score)
                self._scores.move_to_end(phrase)
            while len(self._scores) > limit:
                self._scores.popitem(last=False)

    def __len__(self) -> int:
        return len(self._scores)

    def boost(self, phrase: str, capability: str) -> float:
        """The ranking boost of ``capability`` for ``phrase`` (0 when nothing is known)."""
        found = self._scores.get(phrase)
        if not found:
            return 0.0
        return _SCALE * math.tanh(found.get(capability, 0.0))

    def record(self, phrase: str, capability: str, delta: float) -> None:
        """Add ``delta`` to the evidence that ``phrase`` means ``capability``."""
        if not phrase:
            return
        with self._lock:
            scores = self._scores.setdefault(phrase, {})
            # Clamped so that old evidence can always be corrected by a few new outcomes.
            scores[capability] = max(-3.0, min(3.0, scores.get(capability, 0.0) + delta))
            self._scores.move_to_end(phrase)
            self._dirty[(phrase, capability)] = scores[capability]
            while len(self._scores) > self.limit:
                old, _ = self._scores.popitem(last=False)
                self._forgotten.add(old)
                self._dirty = {k: v for k, v in self._dirty.items() if k[0] != old}
            self.version += 1

    def flush(self) -> int:
        """Write the queued changes (blocking: call it in a worker thread); returns rows."""
        with self._db:
            return self._write()

    def _write(self) -> int:
        with self._lock:
            dirty, self._dirty = self._dirty, {}
            forgotten, self._forgotten = self._forgotten, set()
        if self._conn is None or not (dirty or forgotten):
            return 0
        now = time.time()
        with self._conn:
            self._conn.execute("BEGIN")
            self._conn.executemany(
                "INSERT INTO evidence (phrase, capability, score, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (phrase, capability) DO UPDATE SET score = excluded.score, "
                "updated = excluded.updated",
                [(p, c, s, now) for (p, c), s in dirty.items()],
            )
            self._conn.executemany(
                "DELETE FROM evidence WHERE phrase = ?", [(p,) for p in forgotten]
            )
        return len(dirty)

    @property
    def pending(self) -> int:
        return len(self._dirty) + len(self._forgotten)

    def close(self) -> None:
        """Flush and close the file."""
        with self._db:
            self._write()
            if self._conn is not None:
                self._conn.close()
                self._conn = None
