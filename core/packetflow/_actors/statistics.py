"""What ``node.actors.statistics()`` returns: frozen snapshots, as trio's ``statistics()`` do.

Every call builds a new snapshot; nothing in it changes afterwards, so a metrics collector can
keep one and compare it with the next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "ActorSystemStatistics",
    "MemoryStoreStatistics",
    "SqliteStoreStatistics",
    "StoreStatistics",
]


@dataclass(frozen=True, slots=True)
class MemoryStoreStatistics:
    """The ``persistence="memory"`` store.

    Attributes:
        records: actors it holds a record of (live and passivated).
        passivated: passivated actors it remembers (at most ``max_passivated_memory``).
        evicted: passivated actors forgotten so far to stay within that bound.
    """

    records: int
    passivated: int
    evicted: int


@dataclass(frozen=True, slots=True)
class SqliteStoreStatistics:
    """The ``persistence="sqlite"`` store (group commit).

    Attributes:
        batches: transactions written so far.
        commits: actor commits written so far (``commits / batches`` is the batching factor).
    """

    batches: int
    commits: int


StoreStatistics: TypeAlias = MemoryStoreStatistics | SqliteStoreStatistics
"""One store's counters, by the kind of store."""


@dataclass(frozen=True, slots=True)
class ActorSystemStatistics:
    """``node.actors.statistics()``.

    Attributes:
        live: actors in this node's memory.
        types: actor type -> status (``idle``, ``active``...) -> how many live actors of that
            type are in it; every registered type is present, with no entries when none is live.
        mailbox: actor type -> ``{"waiting": messages in its live actors' mailboxes,
            "deepest": the fullest mailbox}``.
        passivations: actor type -> actors passivated so far (a counter).
        stores: store name -> its counters, for the built-in stores (a store added with
            ``add_store`` that is neither appears only if it subclasses one of them).
    """

    live: int
    types: Mapping[str, Mapping[str, int]]
    mailbox: Mapping[str, Mapping[str, int]]
    passivations: Mapping[str, int]
    stores: Mapping[str, StoreStatistics]
