"""Verifying the audit log, and checkpoints that extend what verification can prove.

``verify`` walks the chain from the genesis value and checks, in order: every record's link and
hash, the head row against the last record, a checkpoint kept outside the database (when one is
given), and the segregation index against the facts the records state. The first thing that
does not check out is named.

What the log alone cannot show is a *consistent rewrite*: whoever can write the file can delete
the last records and move the head row back (and, without the HMAC key, recompute every hash).
A :class:`Checkpoint` (``packetflow compliance checkpoint``) is the count and head hash at one
moment; kept where the database's writers cannot reach it, it proves that the first ``count``
records are still exactly the ones it saw.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .ledger import DERIVED_FACTS, GENESIS

if TYPE_CHECKING:
    from .ledger import AuditLedger

__all__ = ["Checkpoint", "CheckpointError", "Verification", "verify"]

CHECKPOINT_FORMAT = "packetflow-compliance-checkpoint/1"


class CheckpointError(ValueError):
    """A checkpoint file that cannot be read."""


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of :func:`verify`: ``ok``, how many records were checked, the hash of the
    last one, and for a broken log the first bad record's ``seq`` and what is wrong with it."""

    ok: bool
    checked: int
    bad_seq: int | None = None
    problem: str | None = None
    head_hash: str = GENESIS
    against: Checkpoint | None = None

    def __str__(self) -> str:
        if not self.ok:
            return f"audit log TAMPERED at record {self.bad_seq}: {self.problem}"
        text = f"audit log intact: {self.checked} record(s), hash chain verified"
        if self.against is not None:
            text += (
                f"; the first {self.against.count} match the checkpoint of {self.against.taken_at}"
            )
        return text


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The number of records and the last one's hash at one moment (``taken_at``, ISO 8601).

    ``keyed`` says whether the log was hashed with an HMAC key (the hash only matches with the
    same key).
    """

    count: int
    hash: str
    taken_at: str
    keyed: bool = False

    @classmethod
    def of(cls, verification: Verification, *, keyed: bool) -> Checkpoint:
        """The checkpoint of a log that just verified."""
        if not verification.ok:
            raise CheckpointError(f"{verification}; a tampered log cannot be checkpointed")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return cls(verification.checked, verification.head_hash, now, keyed)

    def to_json(self) -> str:
        """The checkpoint as a JSON document (what ``packetflow compliance checkpoint`` writes)."""
        return json.dumps(
            {"format": CHECKPOINT_FORMAT, "count": self.count, "hash": self.hash,
             "taken_at": self.taken_at, "keyed": self.keyed},
            indent=2,
        )  # fmt: skip

    @classmethod
    def from_json(cls, text: str, source: str = "checkpoint") -> Checkpoint:
        """Parse :meth:`to_json` output.

        Raises:
            CheckpointError: not a checkpoint document (names ``source`` and the problem).
        """
        try:
            data: Any = json.loads(text)
        except ValueError as exc:
            raise CheckpointError(f"{source!r}: not JSON ({exc}); pass a checkpoint file") from exc
        if not isinstance(data, dict) or data.get("format") != CHECKPOINT_FORMAT:
            raise CheckpointError(
                f"{source!r}: not a compliance checkpoint (no format {CHECKPOINT_FORMAT!r}); "
                "write one with `packetflow compliance checkpoint --out FILE`"
            )
        count, digest = data.get("count"), data.get("hash")
        if not isinstance(count, int) or count < 0 or not isinstance(digest, str):
            raise CheckpointError(
                f"{source!r}: 'count' must be a non-negative integer and 'hash' a string"
            )
        return cls(count, digest, str(data.get("taken_at")), bool(data.get("keyed")))


def verify(ledger: AuditLedger, against: Checkpoint | None = None) -> Verification:
    """Walk ``ledger``'s chain; the first record that does not check out is named.

    Args:
        ledger: the log to check.
        against: a checkpoint taken earlier; the log must still hold its ``count`` records
            ending in its ``hash``.
    """
    expected, prev, checked = 1, GENESIS, 0
    at_checkpoint: str | None = GENESIS if against is not None and against.count == 0 else None
    cursor = ledger.execute("SELECT seq, ts, kind, data, prev, hash FROM records ORDER BY seq")
    for seq, ts, kind, data, stored_prev, digest in cursor:
        if seq != expected:
            return Verification(
                False, checked, expected,
                f"record {expected} is missing (deleted); the next record is {seq}",
            )  # fmt: skip
        if stored_prev != prev:
            return Verification(
                False, checked, seq,
                f"it does not follow record {seq - 1} (records deleted, replaced or reordered)",
            )  # fmt: skip
        if ledger.digest(seq, ts, kind, data, stored_prev) != digest:
            return Verification(False, checked, seq, "its content does not match its hash (edited)")
        if against is not None and seq == against.count:
            at_checkpoint = digest
        prev, expected, checked = digest, expected + 1, checked + 1
    last = expected - 1
    head = ledger.execute("SELECT seq, hash FROM head WHERE id = 1").fetchone()
    if head is not None and (int(head[0]) != last or str(head[1]) != prev):
        return Verification(
            False, checked, last + 1,
            f"the log ends at record {last} but its head says {head[0]} (trailing records "
            "deleted)",
        )  # fmt: skip
    if head is None and checked:
        return Verification(False, checked, 1, "the head row is missing (deleted)")
    if against is not None:
        problem = _against(against, last, at_checkpoint)
        if problem is not None:
            return Verification(False, checked, min(last + 1, against.count), problem)
    problem_at = _index_mismatch(ledger)
    if problem_at is not None:
        return Verification(
            False, checked, problem_at,
            "the segregation index disagrees with the records (facts deleted or forged)",
        )  # fmt: skip
    return Verification(True, checked, head_hash=prev, against=against)


def _against(checkpoint: Checkpoint, last: int, digest: str | None) -> str | None:
    when = f"the checkpoint of {checkpoint.taken_at}"
    if last < checkpoint.count:
        return (
            f"the log has {last} record(s) but {when} saw {checkpoint.count} (records deleted "
            "and the head rewound)"
        )
    if digest != checkpoint.hash:
        return (
            f"record {checkpoint.count} does not match {when} (the log was rewritten up to it, "
            "or it is checked with another key)"
        )
    return None


def _index_mismatch(ledger: AuditLedger) -> int | None:
    """The lowest seq where the segregation index and the records' facts differ, if any."""
    has_index = ledger.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'first_actions'"
    ).fetchone()
    if has_index is None:  # a read-only look at a log from 0.1.0, never opened for writing
        return None
    indexed = "SELECT rule, subject, user, seq FROM first_actions"
    row = ledger.execute(
        f"SELECT min(seq) FROM (SELECT * FROM ({DERIVED_FACTS} EXCEPT {indexed}) "
        f"UNION ALL SELECT * FROM ({indexed} EXCEPT {DERIVED_FACTS}))"
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])
