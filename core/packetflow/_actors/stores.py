"""The stores behind the ``persistence=`` names of one node, opened on first use."""

from __future__ import annotations

import logging
from pathlib import Path

import trio

from ..errors import UnavailableError
from .actor import ActorType
from .memory_store import MemoryStore
from .sqlite_store import SqliteStore
from .statistics import StoreStatistics
from .store import ActorStore, StoreError

__all__ = ["SQLITE_FILE", "Stores"]

log = logging.getLogger("packetflow.actors")

SQLITE_FILE = "actors.sqlite3"


class Stores:
    """``memory`` always; ``sqlite`` (``<data_dir>/actors.sqlite3``) once an actor type needs
    it; any other store added with :meth:`add`. A store opens (files, writer task) the first
    time an actor uses it, so a node without durable actors never touches its data dir."""

    def __init__(self, node_name: str, data_dir: Path) -> None:
        self.node_name = node_name
        self.data_dir = data_dir
        self.memory = MemoryStore()
        self._stores: dict[str, ActorStore] = {"memory": self.memory}
        self._opened: set[str] = set()
        self._lock = trio.Lock()

    def add(self, store: ActorStore) -> None:
        self._stores[store.name] = store
        if isinstance(store, MemoryStore) and store.name == "memory":
            self.memory = store  # node.actors.max_passivated_memory sets the one in use

    def prepare(self, atype: ActorType) -> None:
        """Make sure the store ``atype`` needs exists (SQLite is created on demand)."""
        if atype.persistence == "sqlite" and "sqlite" not in self._stores:
            self._stores["sqlite"] = SqliteStore(self.data_dir / SQLITE_FILE)

    async def get(self, atype: ActorType, nursery: trio.Nursery | None) -> ActorStore:
        """The open store for ``atype``, opening it (in ``nursery``) if needed.

        Raises:
            UnavailableError: E503 when there is no such store, it cannot be opened, or the
                actor system is not running (``nursery`` is None).
        """
        name = atype.persistence
        if name in self._opened:
            return self._stores[name]
        store = self._stores.get(name)
        if store is None:
            raise UnavailableError(
                f"{atype.subject}: persistence {name!r} has no store on node "
                f"{self.node_name!r}; add one with node.actors.add_store()"
            )
        async with self._lock:
            if name in self._opened:
                return store
            if nursery is None:
                raise UnavailableError(
                    f"node {self.node_name!r}: actors are not running", retry_after_ms=1000
                )
            try:
                await store.open(nursery)
            except StoreError as exc:
                raise UnavailableError(str(exc), retry_after_ms=5000) from exc
            except RuntimeError as exc:  # the nursery closed while the store was opening
                await store.close()
                raise UnavailableError(
                    f"node {self.node_name!r}: actors are stopping", retry_after_ms=1000
                ) from exc
            self._opened.add(name)
        return store

    def forget_opened(self) -> None:
        """The nursery holding the stores' tasks is gone: reopen on next use."""
        self._opened.clear()

    async def close(self) -> None:
        """Flush and close every open store."""
        for name in sorted(self._opened):
            try:
                await self._stores[name].close()
            except Exception:
                log.exception("actor store %r failed to close", name)
        self._opened.clear()

    def statistics(self) -> dict[str, StoreStatistics]:
        """The counters of every built-in store (SQLite and memory), by store name."""
        return {
            name: store.statistics()
            for name, store in self._stores.items()
            if isinstance(store, SqliteStore | MemoryStore)
        }
