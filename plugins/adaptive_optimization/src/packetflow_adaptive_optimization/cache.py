"""The result cache: bounded by entries and bytes (least recently used evicted first), with a
TTL that expires (checked on every read, and swept in bounded batches), invalidation by
capability or by key, and counters for everything it refused.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import OrderedDict
from typing import Any, TypeAlias

import trio

__all__ = ["CacheKey", "Entry", "ResultCache", "key_id"]

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


class Entry:
    """One cached result (JSON bytes)."""

    __slots__ = ("expires", "key", "raw")

    def __init__(self, key: CacheKey, raw: bytes, expires: float) -> None:
        self.key = key
        self.raw = raw
        self.expires = expires


class ResultCache:
    """``key -> result`` with LRU, byte and TTL bounds.

    Args:
        ttl: seconds an entry lives (trio's clock: ``MockClock`` drives it in tests).
        max_entries / max_bytes: the bounds; storing beyond them evicts the least recently
            used entries.
    """

    def __init__(self, ttl: float, max_entries: int, max_bytes: int) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[CacheKey, Entry] = OrderedDict()
        self._by_capability: dict[str, set[CacheKey]] = {}
        self._expiry: list[tuple[float, int, CacheKey]] = []  # a heap, stale items skipped
        self._seq = 0
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self.stores = 0
        self.evictions = 0
        self.expirations = 0
        self.invalidations = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: CacheKey) -> bytes | None:
        """The live result stored under ``key`` (an expired one is dropped: a miss)."""
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        if entry.expires <= trio.current_time():
            self._drop(key)
            self.expirations += 1
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry.raw

    def put(self, key: CacheKey, raw: bytes) -> None:
        """Store ``raw`` under ``key``, evicting least recently used entries to fit."""
        now = trio.current_time()
        if key in self._entries:
            self._drop(key)
        entry = self._entries[key] = Entry(key, raw, now + self.ttl)
        self._by_capability.setdefault(key[0], set()).add(key)
        self.bytes += len(raw)
        self.stores += 1
        self._seq += 1
        heapq.heappush(self._expiry, (entry.expires, self._seq, key))
        while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
            oldest = next(iter(self._entries))
            self._drop(oldest)
            self.evictions += 1
        self.sweep(now, limit=2)  # a little expiry work with every store
        if len(self._expiry) > 2 * self.max_entries + 64:
            self._compact()

    def sweep(self, now: float | None = None, limit: int = 1000) -> int:
        """Drop up to ``limit`` expired entries; returns how many were dropped."""
        now = trio.current_time() if now is None else now
        dropped = 0
        heap = self._expiry
        while heap and heap[0][0] <= now and dropped < limit:
            expires, _, key = heapq.heappop(heap)
            entry = self._entries.get(key)
            if entry is not None and entry.expires == expires:
                self._drop(key)
                self.expirations += 1
                dropped += 1
        return dropped

    def invalidate(self, capability: str | None = None, key: str | None = None) -> int:
        """Drop the entries of ``capability`` and/or the entry named ``key`` (a
        :func:`key_id`); with neither, every entry. Returns how many were dropped."""
        if capability is None and key is None:
            keys: list[CacheKey] = list(self._entries)
        else:
            pool = (
                self._by_capability.get(capability, set())
                if capability is not None
                else self._entries.keys()
            )
            keys = [k for k in pool if key is None or key_id(k) == key]
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
                    "bytes": len(entry.raw),
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
        self.bytes -= len(entry.raw)
        keys = self._by_capability.get(key[0])
        if keys is not None:
            keys.discard(key)
            if not keys:
                del self._by_capability[key[0]]

    def _compact(self) -> None:
        # Replaced and evicted entries leave stale heap items behind; rebuild from the live
        # entries so the heap stays bounded by the cache.
        self._expiry = [(e.expires, i, k) for i, (k, e) in enumerate(self._entries.items())]
        heapq.heapify(self._expiry)
