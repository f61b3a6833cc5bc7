"""The result cache: bounded by entries and bytes (least recently used evicted first), with a
TTL that expires (checked on every read, and swept in bounded batches), invalidation by
capability or by key, and counters for everything it refused.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, deque
from typing import Any, TypeAlias

import trio

from .keys import Stored

__all__ = ["CacheKey", "ResultCache", "key_id"]

# (capability, version, canonical payload JSON, canonical JSON of the context keys)
CacheKey: TypeAlias = tuple[str, str, bytes, bytes]


def key_id(key: CacheKey) -> str:
    """A short, stable name of a key (what ``stats`` lists and ``invalidate`` takes)."""
    digest = hashlib.blake2b(digest_size=8)
    for part in key:
        data = part if isinstance(part, bytes) else part.encode()
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class ResultCache:
    """``key -> result`` with LRU, byte and TTL bounds.

    One TTL for every entry makes expiry times grow with insertion: a plain queue in
    insertion order is the expiry order (replaced and evicted entries leave stale items,
    skipped when they reach the front, and the queue is rebuilt when it outgrows the cache).

    Args:
        ttl: seconds an entry lives (trio's clock: ``MockClock`` drives it in tests).
        max_entries / max_bytes: the bounds; storing beyond them evicts the least recently
            used entries.
    """

    def __init__(self, ttl: float, max_entries: int, max_bytes: int) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[CacheKey, Stored] = OrderedDict()
        self._expiry: deque[Stored] = deque()  # insertion order = expiry order
        self._rebuild_at = 2 * max_entries + 64  # stale items in _expiry before a rebuild
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self.stores = 0
        self.evictions = 0
        self.expirations = 0
        self.invalidations = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: CacheKey, now: float) -> Stored | None:
        """The live result stored under ``key`` at trio time ``now`` (an expired one is
        dropped: a miss)."""
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        if entry.expires <= now:
            self._drop(key)
            self.expirations += 1
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: CacheKey, stored: Stored, now: float) -> None:
        """Store ``stored`` under ``key`` at trio time ``now``, evicting least recently used
        entries to fit."""
        entries = self._entries
        old = entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        stored.key = key
        stored.expires = now + self.ttl
        entries[key] = stored
        self.bytes += stored.size
        self.stores += 1
        expiry = self._expiry
        expiry.append(stored)
        if len(entries) > self.max_entries or self.bytes > self.max_bytes:
            self._evict()
        if expiry[0].expires <= now:
            self.sweep(now, limit=2)  # a little expiry work with every store
        if len(expiry) > self._rebuild_at:
            self._expiry = deque(entries.values())

    def _evict(self) -> None:
        entries = self._entries
        while len(entries) > self.max_entries or self.bytes > self.max_bytes:
            _, entry = entries.popitem(last=False)
            self.bytes -= entry.size
            self.evictions += 1

    def sweep(self, now: float | None = None, limit: int = 1000) -> int:
        """Drop up to ``limit`` expired entries; returns how many were dropped."""
        now = trio.current_time() if now is None else now
        dropped = 0
        expiry, entries = self._expiry, self._entries
        while expiry and expiry[0].expires <= now and dropped < limit:
            entry = expiry.popleft()
            if entries.get(entry.key) is entry:
                self._drop(entry.key)
                self.expirations += 1
                dropped += 1
        return dropped

    def invalidate(self, capability: str | None = None, key: str | None = None) -> int:
        """Drop the entries of ``capability`` and/or the entry named ``key`` (a
        :func:`key_id`); with neither, every entry. Returns how many were dropped."""
        keys = [
            k
            for k in self._entries
            if (capability is None or k[0] == capability) and (key is None or key_id(k) == key)
        ]
        for k in keys:
            self._drop(k)
        self.invalidations += len(keys)
        return len(keys)

    def entries(self, limit: int = 100) -> list[dict[str, Any]]:
        """The most recently used entries, for ``stats``."""
        now = trio.current_time()
        found = []
        for key in reversed(self._entries):
            entry = self._entries[key]
            found.append(
                {
                    "capability": key[0],
                    "version": key[1],
                    "key": key_id(key),
                    "bytes": entry.size,
                    "expires_in_s": round(entry.expires - now, 3),
                }
            )
            if len(found) >= limit:
                break
        return found

    def describe(self) -> dict[str, Any]:
        return {
            "entries": len(self._entries),
            "bytes": self.bytes,
            "max_entries": self.max_entries,
            "max_bytes": self.max_bytes,
            "ttl_s": self.ttl,
            "hits": self.hits,
            "misses": self.misses,
            "stores": self.stores,
            "evictions": self.evictions,
            "expirations": self.expirations,
            "invalidations": self.invalidations,
        }

    def _drop(self, key: CacheKey) -> None:
        entry = self._entries.pop(key)
        self.bytes -= entry.size
