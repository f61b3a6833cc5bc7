"""The journal: audit records wait in a bounded buffer and a background task writes them to the
ledger in a worker thread, so hooks never block trio on disk I/O.

Fail-closed: when the buffer is full or a write failed, ``add`` raises and the module refuses
requests instead of serving them unaudited.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import trio

from .ledger import AuditLedger

__all__ = ["AuditUnavailable", "Journal"]

log = logging.getLogger("packetflow.compliance")


class AuditUnavailable(Exception):
    """Records cannot be accepted (backlog full, or the ledger failed)."""


class Journal:
    """Buffers records for ``ledger``; ``run`` writes them every ``interval`` seconds."""

    def __init__(self, ledger: AuditLedger, max_backlog: int, interval: float) -> None:
        self.ledger = ledger
        self.max_backlog = max_backlog
        self.interval = interval
        self.failure: BaseException | None = None
        self.written = 0
        self._pending: list[tuple[float, str, dict[str, Any]]] = []
        self._scope = trio.CancelScope()
        self._running = False
        self._done = trio.Event()

    def add(self, kind: str, data: dict[str, Any]) -> None:
        """Queue one record.

        Raises:
            AuditUnavailable: the ledger failed earlier, or ``max_backlog`` records wait.
        """
        if self.failure is not None:
            raise AuditUnavailable(f"the audit log failed: {self.failure}")
        if len(self._pending) >= self.max_backlog:
            raise AuditUnavailable(f"{len(self._pending)} audit records are waiting to be written")
        self._pending.append((time.time(), kind, data))

    async def run(self) -> None:
        """Write waiting records until :meth:`close`."""
        self._running = True
        try:
            with self._scope:
                while True:
                    await trio.sleep(self.interval)
                    await self.flush()
        finally:
            self._done.set()

    async def flush(self) -> None:
        batch, self._pending = self._pending, []
        if not batch or self.failure is not None:
            return
        try:
            await trio.to_thread.run_sync(self.ledger.append, batch)
        except Exception as exc:
            self.failure = exc
            log.error("compliance: writing %d audit record(s) failed", len(batch), exc_info=exc)
        else:
            self.written += len(batch)

    async def close(self) -> None:
        """Stop the writer, write what is left, close the ledger."""
        self._scope.cancel()
        with trio.CancelScope(shield=True):
            if self._running:
                await self._done.wait()
            await self.flush()
            await trio.to_thread.run_sync(self.ledger.close)
