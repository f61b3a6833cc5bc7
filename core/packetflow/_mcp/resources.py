"""Actors as MCP resources.

Each actor is two resources:

- ``packetflow://actors/{capability}/{actor_id}``: its last committed state (JSON);
- ``packetflow://actors/{capability}/{actor_id}/history``: its conversation log (JSON).

``resources/list`` pages through the actors (two resources each); ``resources/templates/list``
shows both URI templates, and ``completion/complete`` suggests their placeholders (the actor
types, then the ids of the chosen type's actors). The actors come from an
:class:`ActorDirectory`, the interface the node's actor system (``node.actors``) offers:
``list``, ``get_state`` and ``history``.
Components are percent-encoded in URIs, so capability names with dots and actor ids with
slashes round-trip.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, unquote

from mcp.types import (
    ListResourcesResult,
    ListResourceTemplatesResult,
    ReadResourceResult,
    Resource,
    ResourceTemplate,
    TextResourceContents,
)
from pydantic import BaseModel

from .._content.completion import MAX_COMPLETIONS
from ..errors import MalformedError, NotFoundError

__all__ = [
    "ACTOR_TEMPLATES",
    "SCHEME",
    "ActorDirectory",
    "ActorEntry",
    "ActorResources",
    "ActorUri",
    "actor_uri",
    "parse_actor_uri",
]

SCHEME = "packetflow://actors/"
ACTOR_TEMPLATES = (SCHEME + "{capability}/{actor_id}", SCHEME + "{capability}/{actor_id}/history")
"""The URI templates of an actor's state and of its conversation."""
COMPLETION_SCAN = 1000
"""Actors an ``actor_id`` completion looks through (the first, by type and id): a completion
answers while the user types, so its cost is bounded whatever the directory holds."""
_JSON = "application/json"


class ActorEntry(Protocol):
    """One actor in a listing (``node.actors.list()``'s ``ActorInfo`` fits)."""

    @property
    def capability(self) -> str: ...

    @property
    def actor_id(self) -> str: ...


class ActorDirectory(Protocol):
    """What the MCP server reads actors through; ``node.actors`` has this shape.

    ``get_state`` and ``history`` raise :class:`~packetflow.errors.NotFoundError` (E404) for
    an unknown actor.
    """

    async def list(
        self, capability: str | None = None, *, limit: int = ..., offset: int = ...
    ) -> Sequence[ActorEntry]: ...

    async def get_state(self, capability: str, actor_id: str) -> BaseModel | Mapping[str, Any]: ...

    async def history(
        self, capability: str, actor_id: str, *, limit: int = ...
    ) -> Sequence[Mapping[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class ActorUri:
    """A parsed actor resource URI."""

    capability: str
    actor_id: str
    history: bool = False

    def __str__(self) -> str:
        return actor_uri(self.capability, self.actor_id, history=self.history)


def actor_uri(capability: str, actor_id: str, *, history: bool = False) -> str:
    """``packetflow://actors/{capability}/{actor_id}`` (``/history`` for the conversation)."""
    uri = f"{SCHEME}{quote(capability, safe='')}/{quote(actor_id, safe='')}"
    return uri + "/history" if history else uri


def parse_actor_uri(uri: str) -> ActorUri:
    """The actor a resource URI names.

    Raises:
        MalformedError: E400 for a URI that is not an actor resource.
    """
    parts = uri[len(SCHEME) :].split("/") if uri.startswith(SCHEME) else []
    history = len(parts) == 3 and parts[2] == "history"
    if len(parts) not in (2, 3) or (len(parts) == 3 and not history) or not all(parts[:2]):
        raise MalformedError(
            f"resource {uri!r}: expected {SCHEME}{{capability}}/{{actor_id}}[/history]"
        )
    return ActorUri(unquote(parts[0]), unquote(parts[1]), history)


class ActorResources:
    """Serves ``resources/list``, ``resources/templates/list`` and ``resources/read`` from an
    :class:`ActorDirectory`.

    Args:
        actors: the directory (``node.actors``).
        page_size: actors per ``resources/list`` page (two resources each).
        history_limit: conversation entries returned by a ``.../history`` read (the newest).
    """

    def __init__(
        self, actors: ActorDirectory, *, page_size: int = 100, history_limit: int = 200
    ) -> None:
        if page_size < 1 or history_limit < 1:
            raise ValueError("page_size and history_limit must be >= 1")
        self.actors = actors
        self.page_size = page_size
        self.history_limit = history_limit

    async def list(
        self, cursor: str | None, visible: Callable[[str, str], bool] | None = None
    ) -> ListResourcesResult:
        """One page of actor resources; ``next_cursor`` continues it. ``visible(capability,
        actor_id)`` leaves out actors the caller may not read (a page may then hold fewer
        than ``page_size``; the cursor still continues after it)."""
        if cursor is not None and not cursor.isdigit():
            raise MalformedError(f"cursor {cursor!r} is not one this server issued")
        offset = int(cursor or 0)
        # One extra entry tells whether another page follows.
        entries = list(await self.actors.list(limit=self.page_size + 1, offset=offset))
        more = len(entries) > self.page_size
        resources: list[Resource] = []
        for entry in entries[: self.page_size]:
            if visible is not None and not visible(entry.capability, entry.actor_id):
                continue
            name = f"{entry.capability}/{entry.actor_id}"
            resources.append(
                Resource(
                    uri=actor_uri(entry.capability, entry.actor_id),
                    name=name,
                    description=f"state of actor {name}",
                    mime_type=_JSON,
                )
            )
            resources.append(
                Resource(
                    uri=actor_uri(entry.capability, entry.actor_id, history=True),
                    name=f"{name}/history",
                    description=f"conversation log of actor {name}",
                    mime_type=_JSON,
                )
            )
        return ListResourcesResult(
            resources=resources, next_cursor=str(offset + self.page_size) if more else None
        )

    @staticmethod
    def templates() -> ListResourceTemplatesResult:
        return ListResourceTemplatesResult(
            resource_templates=[
                ResourceTemplate(
                    uri_template=ACTOR_TEMPLATES[0],
                    name="actor state",
                    description="an actor's last committed state",
                    mime_type=_JSON,
                ),
                ResourceTemplate(
                    uri_template=ACTOR_TEMPLATES[1],
                    name="actor conversation",
                    description="an actor's conversation log (newest entries, oldest first)",
                    mime_type=_JSON,
                ),
            ]
        )

    async def complete(
        self,
        argument: str,
        prefix: str,
        arguments: Mapping[str, str],
        *,
        types: Iterable[str],
        reachable: Callable[[str], bool] | None = None,
        visible: Callable[[str, str], bool] | None = None,
    ) -> tuple[builtins.list[str], int]:  # ``list`` is the method above here
        """Suggestions for a placeholder of :data:`ACTOR_TEMPLATES` that start with ``prefix``,
        at most :data:`~packetflow._content.completion.MAX_COMPLETIONS`, and how many there were.

        ``capability``: the actor ``types`` the caller may reach (``reachable(type)``).
        ``actor_id``: the ids among the first :data:`COMPLETION_SCAN` actors of the type chosen
        in ``arguments["capability"]`` that the caller may read (``visible(type, id)``); before
        a type is chosen (clients such as the Inspector's CLI send no context), those of any
        type. An unknown type, or any other argument, gets none.
        """
        if argument == "capability":
            values = sorted(
                name
                for name in types
                if name.startswith(prefix) and (reachable is None or reachable(name))
            )
        elif argument == "actor_id":
            capability = arguments.get("capability") or None
            try:
                entries = await self.actors.list(capability, limit=COMPLETION_SCAN)
            except NotFoundError:  # not an actor type: nothing to suggest while typing
                entries = []
            found = {  # one id may name actors of several types: suggested once
                entry.actor_id
                for entry in entries
                if capability in (None, entry.capability)
                and entry.actor_id.startswith(prefix)
                and (visible is None or visible(entry.capability, entry.actor_id))
            }
            values = sorted(found)
        else:
            values = []
        return values[:MAX_COMPLETIONS], len(values)

    async def read(self, target: ActorUri) -> ReadResourceResult:
        """The state or conversation of one actor, as JSON text.

        Raises:
            NotFoundError: E404 for an unknown actor.
        """
        value: Any
        if target.history:
            value = [
                dict(entry)
                for entry in await self.actors.history(
                    target.capability, target.actor_id, limit=self.history_limit
                )
            ]
        else:
            state = await self.actors.get_state(target.capability, target.actor_id)
            value = state.model_dump(mode="json") if isinstance(state, BaseModel) else dict(state)
        text = json.dumps(value, ensure_ascii=False, default=str)
        return ReadResourceResult(
            contents=[TextResourceContents(uri=str(target), mime_type=_JSON, text=text)]
        )
