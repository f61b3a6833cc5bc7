"""Reading what the actors of a node hold: state, metadata, conversation logs and search.

The read side behind ``node.actors.get_state``, ``list``, ``history`` and ``search``: it looks
at the live actors (the :class:`~.roster.Roster`) and the stores, never changes either.
"""

from __future__ import annotations

import builtins
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from pydantic import BaseModel

from ..errors import MalformedError, NotFoundError
from .actor import ActorType
from .info import ActorInfo, ActorStatus
from .roster import Roster
from .store import ActorStore, SearchQuery

__all__ = ["ActorQueries"]


class ActorQueries:
    """Queries over the actor types of one node.

    Args:
        types: the registered actor types by name (the actor system's own dict).
        lookup: the type registered for a capability name (E404 when there is none).
        store: the store of a type's persistence, opened when first needed.
        live: the live actors.
    """

    def __init__(
        self,
        types: Mapping[str, ActorType],
        lookup: Callable[[str | None], ActorType],
        store: Callable[[ActorType], Awaitable[ActorStore]],
        live: Roster,
    ) -> None:
        self._types = types
        self._type = lookup
        self._store = store
        self._live = live

    async def get_state(self, capability: str, actor_id: str) -> BaseModel:
        """The actor's last committed state (a copy); E404 when there is none."""
        atype = self._type(capability)
        store = await self._store(atype)
        record = await store.load(atype.name, actor_id)
        if record is None or record.stopped:
            raise NotFoundError(
                f"{atype.subject} {actor_id!r} has no state"
                + (" (stopped)" if record is not None else "")
            )
        return atype.state_model.model_validate_json(record.state)

    async def list(
        self, capability: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> builtins.list[ActorInfo]:
        """Actors (live and persisted) with their metadata, ordered by capability and id."""
        names = [self._type(capability).name] if capability is not None else sorted(self._types)
        found: dict[tuple[str, str], ActorInfo] = {}
        for name in names:
            atype = self._types[name]
            store = await self._store(atype)
            for record in await store.records(name, limit=offset + limit):
                status: ActorStatus = "stopped" if record.stopped else "passivated"
                found[name, record.actor_id] = ActorInfo(
                    name, record.actor_id, status, atype.persistence, record.created_at,
                    record.last_message_at, record.message_count, record.owner,
                )  # fmt: skip
            for cell in self._live.of_type(name):
                found[name, cell.actor_id] = ActorInfo(
                    name, cell.actor_id, cell.status, atype.persistence, cell.created_at,
                    cell.last_message_at, cell.message_count, cell.owner,
                )  # fmt: skip
        return [found[key] for key in sorted(found)][offset : offset + limit]

    async def history(
        self,
        capability: str,
        actor_id: str,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """A page of the actor's conversation log, oldest first."""
        atype = self._type(capability)
        store = await self._store(atype)
        entries = await store.history(atype.name, actor_id, limit=limit, before=before, after=after)
        return [entry.to_dict() for entry in entries]

    async def search(
        self,
        query: str,
        *,
        capability: str | None = None,
        actor_id: str | None = None,
        limit: int = 20,
    ) -> builtins.list[dict[str, Any]]:
        """Full-text search over conversation logs, best matches first (E400 without words)."""
        parsed = SearchQuery.parse(query)
        if not parsed:
            raise MalformedError(f"search query {query!r} has no words; give words to find")
        names = [self._type(capability).name] if capability is not None else sorted(self._types)
        by_store: dict[str, builtins.list[str]] = {}
        for name in names:
            by_store.setdefault(self._types[name].persistence, []).append(name)
        hits: builtins.list[dict[str, Any]] = []
        for type_names in by_store.values():
            store = await self._store(self._types[type_names[0]])
            for hit in await store.search(
                parsed,
                capability=capability,
                actor_id=actor_id,
                limit=limit,
            ):
                if hit.capability in type_names:
                    hits.append(hit.to_dict())
        return hits[:limit]
