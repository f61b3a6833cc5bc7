"""``persistence="memory"``: actors' records in this process's RAM.

Committed state survives a crash of ``handle`` and passivation, not the process. ``stop``
forgets the actor (nothing durable to resume from). The conversation log is searched with the
same query semantics as the SQLite store's FTS5 index, by scanning (fine for RAM-sized logs).
"""

from __future__ import annotations

import trio

from .store import ActorRecord, Commit, HistoryEntry, SearchHit, SearchQuery, entry_text

__all__ = ["MemoryStore"]


class MemoryStore:
    """An :class:`~packetflow._actors.store.ActorStore` in RAM."""

    name = "memory"

    def __init__(self) -> None:
        # capability -> actor_id -> record / log. Nested dicts: no key tuple per actor.
        self._records: dict[str, dict[str, ActorRecord]] = {}
        self._logs: dict[str, dict[str, list[HistoryEntry]]] = {}

    def __len__(self) -> int:
        return sum(len(records) for records in self._records.values())

    async def open(self, nursery: trio.Nursery | None = None) -> None:
        return None

    async def close(self) -> None:
        return None

    async def load(self, capability: str, actor_id: str) -> ActorRecord | None:
        records = self._records.get(capability)
        return None if records is None else records.get(actor_id)

    async def commit(self, commit: Commit) -> None:
        record = commit.record
        records = self._records.get(record.capability)
        if records is None:
            records = self._records[record.capability] = {}
        records[record.actor_id] = record
        entry = commit.entry
        if entry is None:
            return
        logs = self._logs.get(record.capability)
        if logs is None:
            logs = self._logs[record.capability] = {}
        log = logs.get(record.actor_id)
        if log is None:
            log = logs[record.actor_id] = []
        log.append(entry)
        retention = commit.retention
        if retention is not None and len(log) > retention:
            del log[: len(log) - retention]

    async def mark_stopped(self, capability: str, actor_id: str, reason: str) -> None:
        self._records.get(capability, {}).pop(actor_id, None)
        self._logs.get(capability, {}).pop(actor_id, None)

    async def records(
        self, capability: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> list[ActorRecord]:
        names = [capability] if capability is not None else sorted(self._records)
        found = [
            record for name in names for _, record in sorted(self._records.get(name, {}).items())
        ]
        return found[offset : offset + limit]

    async def history(
        self,
        capability: str,
        actor_id: str,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> list[HistoryEntry]:
        log = self._logs.get(capability, {}).get(actor_id, [])
        page = [
            entry
            for entry in log
            if (before is None or entry.seq < before) and (after is None or entry.seq > after)
        ]
        return page[-limit:] if limit > 0 else []

    async def search(
        self,
        query: SearchQuery,
        *,
        capability: str | None = None,
        actor_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        hits: list[SearchHit] = []
        names = [capability] if capability is not None else sorted(self._logs)
        for name in names:
            logs = self._logs.get(name, {})
            ids = [actor_id] if actor_id is not None else sorted(logs)
            for aid in ids:
                hits.extend(
                    SearchHit(name, aid, entry)
                    for entry in logs.get(aid, ())
                    if query.matches(entry_text(entry))
                )
        hits.sort(key=lambda hit: -hit.entry.at)  # newest first
        return hits[:limit]
