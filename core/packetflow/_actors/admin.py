"""The actor registry's operations as capabilities, so every transport reaches them.

``packetflow.actors.list|state|history|search|stop`` are ordinary capabilities registered with
the first actor type: the wire protocol (``capability_request``), MCP and the CLI's ``--url``
mode call them like any other, through the same module chain, auth and limits. A transport
should grant them to tokens with the ``admin`` scope (or the ``actor:`` scope of the actor
type named in the payload), not to every ``cap:*`` token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from .._capabilities.capability import Capability, capability

if TYPE_CHECKING:
    from .system import ActorSystem

__all__ = ["ADMIN_PREFIX", "admin_capabilities"]

ADMIN_PREFIX = "packetflow.actors."
_TAGS = ("packetflow", "actors", "admin")


class ListIn(BaseModel):
    capability: str | None = Field(default=None, description="only actors of this type")
    limit: int = Field(default=100, ge=1, le=10_000)
    offset: int = Field(default=0, ge=0)


class ListOut(BaseModel):
    actors: list[dict[str, Any]]


class ActorRef(BaseModel):
    capability: str = Field(description="the actor type (its capability name)")
    actor_id: str = Field(min_length=1, max_length=256)


class StateOut(BaseModel):
    state: dict[str, Any]


class HistoryIn(ActorRef):
    limit: int = Field(default=50, ge=1, le=10_000)
    before: int | None = Field(default=None, description="only entries with seq < before")
    after: int | None = Field(default=None, description="only entries with seq > after")


class HistoryOut(BaseModel):
    entries: list[dict[str, Any]]


class SearchIn(BaseModel):
    query: str = Field(min_length=1, max_length=1000, description='words and "phrases"')
    capability: str | None = None
    actor_id: str | None = None
    limit: int = Field(default=20, ge=1, le=1000)


class SearchOut(BaseModel):
    hits: list[dict[str, Any]]


class StopIn(ActorRef):
    reason: str = Field(default="stopped by an operator", max_length=1000)


class StopOut(BaseModel):
    stopped: bool


def admin_capabilities(actors: ActorSystem) -> list[Capability]:
    """The five registry operations of ``actors`` as capabilities."""

    @capability(name=ADMIN_PREFIX + "list", intent="List actors with their metadata", tags=_TAGS)
    async def list_actors(inp: ListIn) -> ListOut:
        found = await actors.list(inp.capability, limit=inp.limit, offset=inp.offset)
        return ListOut(actors=[info.to_dict() for info in found])

    @capability(name=ADMIN_PREFIX + "state", intent="An actor's committed state", tags=_TAGS)
    async def actor_state(inp: ActorRef) -> StateOut:
        state = await actors.get_state(inp.capability, inp.actor_id)
        return StateOut(state=state.model_dump(mode="json"))

    @capability(
        name=ADMIN_PREFIX + "history", intent="A page of an actor's conversation", tags=_TAGS
    )
    async def actor_history(inp: HistoryIn) -> HistoryOut:
        entries = await actors.history(
            inp.capability, inp.actor_id, limit=inp.limit, before=inp.before, after=inp.after
        )
        return HistoryOut(entries=entries)

    @capability(
        name=ADMIN_PREFIX + "search", intent="Full-text search of actors' conversations",
        tags=_TAGS,
    )  # fmt: skip
    async def actor_search(inp: SearchIn) -> SearchOut:
        hits = await actors.search(
            inp.query, capability=inp.capability, actor_id=inp.actor_id, limit=inp.limit
        )
        return SearchOut(hits=hits)

    @capability(name=ADMIN_PREFIX + "stop", intent="Stop an actor", tags=_TAGS)
    async def actor_stop(inp: StopIn) -> StopOut:
        await actors.stop(inp.capability, inp.actor_id, inp.reason)
        return StopOut(stopped=True)

    return [list_actors, actor_state, actor_history, actor_search, actor_stop]
