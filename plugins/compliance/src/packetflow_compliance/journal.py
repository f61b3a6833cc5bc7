"""The journal: group commit of audit records, so every answer waits for its record.

Hooks :meth:`Journal.add` records to the *open batch* and :meth:`Journal.wait` for it; one
writer task takes the open batch whenever it is free and appends it to the ledger in one
transaction in a worker thread (never on the trio thread). Everything added while a batch is
being written goes into the next one, so many concurrent requests share one transaction and one
fsync, and no answer goes out before its record is committed. A request record (nobody waits
for it) does not start a write by itself: it goes with the next answer's, or after
``LAZY_DELAY`` (50 ms) when the request runs longer, so a lone caller pays one transaction per
request, not two.

A batch that fails to write is **retried** (after 10 ms, doubling up to 1 s) until it is written;
it is never dropped, and batches are written in order. While the last attempt failed,
:attr:`Journal.failure` says why (the module refuses new requests with E503); the first
successful write clears it. The backlog (records added but not committed) is bounded by
``max_backlog``: beyond it :meth:`add` refuses (E503) rather than buffering more.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from typing import Any

import trio

from .ledger import AuditLedger, Entry

__all__ = ["AuditUnavailable", "Journal", "JournalStatistics", "Ticket"]

log = logging.getLogger("packetflow.compliance")

RETRY_FIRST = 0.01  # seconds before the first retry of a failed batch
RETRY_MAX = 1.0  # the longest wait between two attempts
LAZY_DELAY = 0.05  # seconds a batch of records nobody waits for may wait for company


class AuditUnavailable(Exception):
    """A record cannot be accepted or was not committed in time."""


@dataclass(slots=True, eq=False)
class Ticket:
    """One batch of records: set ``done`` once committed (or abandoned at close, ``error``)."""

    entries: list[Entry] = field(default_factory=list)
    done: trio.Event = field(default_factory=trio.Event)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class JournalStatistics:
    """What :meth:`Journal.statistics` reports.

    Attributes:
        written: records committed by this journal.
        batches: transactions committed (``written / batches`` is the group-commit factor).
        pending: records added and not committed yet (at most ``max_backlog``).
        failed_attempts: writes that failed and were retried.
        failure: why the last attempt failed, or ``None`` when it succeeded.
    """

    written: int
    batches: int
    pending: int
    failed_attempts: int
    failure: str | None


class Journal:
    """Group-commits audit records to ``ledger``; :meth:`serve` is the writer task.

    Args:
        ledger: the writer's ledger (used only from the writer's worker thread).
        max_backlog: records that may wait to be committed before :meth:`add` refuses.
        timeout: seconds :meth:`wait` waits for a commit before it gives up.
    """

    def __init__(self, ledger: AuditLedger, *, max_backlog: int, timeout: float) -> None:
        self.ledger = ledger
        self.max_backlog = max_backlog
        self.timeout = timeout
        self.failure: BaseException | None = None
        self._open = Ticket()
        self._writing: Ticket | None = None
        self._wakeup = trio.Event()
        self._attempted = trio.Event()
        self._scope: trio.CancelScope | None = None
        self._stopped = trio.Event()
        self._closed = False
        self._written = self._batches = self._failed_attempts = 0

    def statistics(self) -> JournalStatistics:
        """Counters of the writer (see :class:`JournalStatistics`)."""
        return JournalStatistics(
            self._written,
            self._batches,
            self._pending(),
            self._failed_attempts,
            None if self.failure is None else str(self.failure),
        )

    def _pending(self) -> int:
        writing = 0 if self._writing is None else len(self._writing.entries)
        return writing + len(self._open.entries)

    # -- adding and waiting --------------------------------------------------------------------

    def add(self, kind: str, data: dict[str, Any], *, urgent: bool = True) -> Ticket:
        """Put one record in the open batch; returns the batch to :meth:`wait` for.

        ``urgent=False`` (a request record: nobody waits for it) lets the batch wait up to
        :data:`LAZY_DELAY` for an urgent record to share its transaction with.

        Raises:
            AuditUnavailable: ``max_backlog`` records wait already, or the journal is closed.
        """
        if self._closed:
            raise AuditUnavailable("the audit journal is closed (the module is stopping)")
        pending = self._pending()
        if pending >= self.max_backlog:
            raise AuditUnavailable(
                f"{pending} audit records are waiting to be written (max_backlog); "
                f"the last write failed with: {self.failure}"
            )
        ticket = self._open
        ticket.entries.append((time.time(), kind, data))
        if urgent:
            self._wakeup.set()
        return ticket

    async def wait(self, ticket: Ticket) -> None:
        """Wait until ``ticket``'s batch is committed (at most ``timeout`` seconds).

        Raises:
            AuditUnavailable: it was not committed in time; it stays queued and is written
                when the ledger recovers.
        """
        with trio.move_on_after(self.timeout):
            await ticket.done.wait()
        if not ticket.done.is_set():
            raise AuditUnavailable(
                f"the audit record was not committed within {self.timeout:g}s "
                f"(audit_timeout); the last write failed with: {self.failure}"
            )
        if ticket.error is not None:
            raise AuditUnavailable(ticket.error)

    async def drain(self) -> None:
        """Wait until every record added so far is committed (no timeout)."""
        if self._open.entries:
            self._wakeup.set()  # records nobody waits for: do not let them linger
        for ticket in (self._open, self._writing):
            if ticket is not None and ticket.entries:
                await ticket.done.wait()

    async def next_attempt(self) -> JournalStatistics:
        """Wait for the writer's next write attempt to end; returns the statistics after it
        (``failure`` tells whether it failed)."""
        await self._attempted.wait()
        return self.statistics()

    # -- the writer ----------------------------------------------------------------------------

    async def serve(self, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        """The writer task: commit each open batch in turn until :meth:`close`."""
        try:
            with trio.CancelScope() as scope:
                self._scope = scope
                task_status.started()
                while True:
                    with trio.move_on_after(LAZY_DELAY if self._open.entries else math.inf):
                        await self._wakeup.wait()
                    self._wakeup = trio.Event()
                    if not self._open.entries:
                        continue
                    ticket, self._open = self._open, Ticket()
                    self._writing = ticket
                    await self._write(ticket)
                    self._writing = None
                    ticket.done.set()
        finally:
            self._stopped.set()

    async def _write(self, ticket: Ticket) -> None:
        delay = RETRY_FIRST
        while True:
            try:
                await trio.to_thread.run_sync(self.ledger.append, ticket.entries)
            except Exception as exc:
                self._failed_attempts += 1
                if self.failure is None:  # once per episode: a dead disk must not flood the log
                    log.error(
                        "compliance: writing %d audit record(s) failed; retrying until it "
                        "succeeds, refusing new requests meanwhile",
                        len(ticket.entries), exc_info=exc,
                    )  # fmt: skip
                self.failure = exc
                self._attempt_done()
                await trio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX)
                continue
            if self.failure is not None:
                log.warning(
                    "compliance: the audit log is writable again (%d failed attempt(s) so far)",
                    self._failed_attempts,
                )
            self.failure = None
            self._written += len(ticket.entries)
            self._batches += 1
            self._attempt_done()
            return

    def _attempt_done(self) -> None:
        self._attempted.set()
        self._attempted = trio.Event()

    async def close(self) -> None:
        """Commit what is queued (waiting at most ``timeout``), stop the writer, close the
        ledger. Records that could not be written by then are logged as lost."""
        self._closed = True
        with trio.CancelScope(shield=True):
            with trio.move_on_after(self.timeout):
                await self.drain()
            lost = self._pending()
            if self._scope is not None:
                self._scope.cancel()
                await self._stopped.wait()  # its thread may still hold the ledger
            for ticket in (self._open, self._writing):
                if ticket is not None and not ticket.done.is_set():
                    ticket.error = "the node stopped before the audit record could be written"
                    ticket.done.set()
            if lost:
                log.error(
                    "compliance: %d audit record(s) could not be written before the module "
                    "stopped (%s)", lost, self.failure,
                )  # fmt: skip
            await trio.to_thread.run_sync(self.ledger.close)
