"""``persistence="memory"``: actors' records in this process's RAM.

Committed state survives a crash of ``handle`` and passivation, not the process. ``stop``
forgets the actor (nothing durable to resume from). The conversation log is searched with the
same query semantics as the SQLite store's FTS5 index, by scanning (fine for RAM-sized logs).

Bounded: live actors are bounded by the node's ``max_actors`` and each log by the actor type's
``history``; the records of *passivated* actors are bounded here by ``max_passivated``. Beyond
it the actor passivated longest ago is forgotten, exactly as if it had been stopped (a memory
actor has nowhere else to be resumed from). The actor system says when an actor passivates and
when it comes back (:meth:`MemoryStore.passivated`, :meth:`MemoryStore.activated`), so a live
actor's record — the state it falls back to after a crash — is never evicted.
"""

from __future__ import annotations

from collections import deque

import trio

from .statistics import MemoryStoreStatistics
from .store import ActorRecord, Commit, HistoryEntry, SearchHit, SearchQuery, entry_text

__all__ = ["MAX_PASSIVATED", "MemoryStore"]

MAX_PASSIVATED = 10_000
"""Passivated memory actors a node remembers by default."""


class MemoryStore:
    """An :class:`~packetflow._actors.store.ActorStore` in RAM.

    Args:
        max_passivated: records of passivated actors kept at most (``0``: an actor is
            forgotten when it passivates); beyond it the one passivated longest ago is
            forgotten, like a stopped memory actor.
    """

    name = "memory"

    def __init__(self, max_passivated: int = MAX_PASSIVATED) -> None:
        # capability -> actor_id -> record / log. Nested dicts: no key tuple per actor.
        self._records: dict[str, dict[str, ActorRecord]] = {}
        self._logs: dict[str, dict[str, deque[HistoryEntry]]] = {}
        # Passivated actors in passivation order (a dict is an ordered set): the eviction
        # queue. Live actors are not in it, so commits (the hot path) never touch it.
        self._passive: dict[tuple[str, str], None] = {}
        self._max_passivated = _checked(max_passivated)
        self.evicted = 0
        """Passivated actors forgotten to stay within ``max_passivated`` (a counter)."""

    def __len__(self) -> int:
        return sum(len(records) for records in self._records.values())

    @property
    def max_passivated(self) -> int:
        return self._max_passivated

    @max_passivated.setter
    def max_passivated(self, value: int) -> None:
        self._max_passivated = _checked(value)
        self._evict()

    @property
    def passivated_count(self) -> int:
        """How many passivated actors the store remembers."""
        return len(self._passive)

    def statistics(self) -> MemoryStoreStatistics:
        """Records held, passivated actors remembered, and evictions so far."""
        return MemoryStoreStatistics(
            records=len(self), passivated=len(self._passive), evicted=self.evicted
        )

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
        if log is None or log.maxlen != commit.retention:  # new, or the type was re-registered
            # Oldest dropped first, in O(1): a busy actor's log is full on every commit.
            log = logs[record.actor_id] = deque(log or (), maxlen=commit.retention)
        log.append(entry)

    def activated(self, capability: str, actor_id: str) -> None:
        """The actor is live again: its record is no longer a candidate for eviction."""
        self._passive.pop((capability, actor_id), None)

    def passivated(self, capability: str, actor_id: str) -> None:
        """The actor left memory: remember its record among the passivated ones, forgetting
        the one passivated longest ago if there are more than ``max_passivated``."""
        if actor_id in self._records.get(capability, ()):
            self._passive[capability, actor_id] = None
            self._evict()

    def _evict(self) -> None:
        passive = self._passive
        while len(passive) > self._max_passivated:
            capability, actor_id = key = next(iter(passive))
            del passive[key]
            self._forget(capability, actor_id)
            self.evicted += 1

    def _forget(self, capability: str, actor_id: str) -> None:
        self._records.get(capability, {}).pop(actor_id, None)
        self._logs.get(capability, {}).pop(actor_id, None)

    async def mark_stopped(self, capability: str, actor_id: str, reason: str) -> None:
        self._passive.pop((capability, actor_id), None)
        self._forget(capability, actor_id)

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
        log = self._logs.get(capability, {}).get(actor_id, ())
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


def _checked(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"max_passivated {value!r}: must be a whole number >= 0; give how many passivated "
            "memory actors to remember (0 forgets each one when it passivates)"
        )
    return value
