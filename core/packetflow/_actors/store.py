"""The persistence interface actors are saved through, and the records it stores.

An :class:`ActorStore` keeps, per ``(capability, actor_id)``, the committed state (JSON text),
the actor's metadata and its conversation log (append-only, retention-trimmed, searchable).
Three stores are planned: ``memory`` and ``sqlite`` (here) and ``distributed`` (the cluster's
JetStream KV, later) — the actor system only ever talks to this protocol.

One handled message is one :class:`Commit`: new state, new metadata and (optionally) one log
entry, written atomically. ``commit`` returns only once the write is durable for that store,
which is what lets the actor system reply after the commit and never before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

import trio

__all__ = [
    "ActorRecord",
    "ActorStore",
    "Commit",
    "HistoryEntry",
    "SearchHit",
    "SearchQuery",
    "StoreError",
    "entry_text",
    "tokenize",
]


class ActorRecord(NamedTuple):
    """What a store knows about one actor.

    Records and log entries are tuples of strings and numbers on purpose: CPython's garbage
    collector stops tracking such tuples, so thousands of idle actors add little to each
    full collection."""

    capability: str
    actor_id: str
    state: str
    """The committed state as JSON text."""
    created_at: float
    last_message_at: float | None
    message_count: int
    owner: str | None
    stopped: bool = False
    next_seq: int = 1
    """The sequence number the next log entry gets (log sequence numbers never repeat)."""


class HistoryEntry(NamedTuple):
    """One handled message of an actor's conversation: what came in and what went out."""

    seq: int
    at: float
    message: str
    """The message as JSON text."""
    reply: str
    """The reply as JSON text."""
    user_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entry as the API and the wire show it (JSON decoded)."""
        return {
            "seq": self.seq,
            "at": self.at,
            "message": json.loads(self.message),
            "reply": json.loads(self.reply),
            "user_id": self.user_id,
        }


@dataclass(slots=True)
class SearchHit:
    """A log entry that matched a search."""

    capability: str
    actor_id: str
    entry: HistoryEntry

    def to_dict(self) -> dict[str, Any]:
        return {"capability": self.capability, "actor_id": self.actor_id, **self.entry.to_dict()}


@dataclass(slots=True)
class Commit:
    """The atomic write after one handled message (or one tick, then without ``entry``)."""

    record: ActorRecord
    entry: HistoryEntry | None = None
    retention: int | None = None
    """Keep at most this many log entries for the actor (oldest dropped); ``None``: all."""


class ActorStore(Protocol):
    """Where actors' state, metadata and conversation logs live.

    Every method may be called from the trio thread only. ``commit`` must not return before
    the write survives what the store promises to survive (``sqlite``: the process being
    killed; ``memory``: nothing beyond the process).
    """

    name: str
    """The ``persistence=`` value this store serves: ``"memory"``, ``"sqlite"``..."""

    async def open(self, nursery: trio.Nursery | None = None) -> None:
        """Prepare the store (files, schema); background tasks (a writer) go in ``nursery``.
        Idempotent."""

    async def close(self) -> None:
        """Flush pending writes and release resources. Idempotent."""

    async def load(self, capability: str, actor_id: str) -> ActorRecord | None:
        """The actor's record, or ``None`` if the store has never seen it."""

    async def commit(self, commit: Commit) -> None:
        """Write ``commit`` atomically; returns once it is durable.

        Raises:
            StoreError: the write failed; the actor must fall back to its last commit.
        """

    async def mark_stopped(self, capability: str, actor_id: str, reason: str) -> None:
        """Record that the actor was stopped (its state is kept where the store is durable)."""

    async def records(
        self, capability: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> list[ActorRecord]:
        """Actors known to the store, ordered by capability and actor id."""

    async def history(
        self,
        capability: str,
        actor_id: str,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
    ) -> list[HistoryEntry]:
        """A page of the actor's log in ascending ``seq``: the newest ``limit`` entries with
        ``seq < before`` (when given) and ``seq > after`` (when given)."""

    async def search(
        self,
        query: SearchQuery,
        *,
        capability: str | None = None,
        actor_id: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Log entries matching ``query``, best matches first."""


class StoreError(Exception):
    """A store could not read or write; the cause is chained."""


# -- search --------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)
_QUOTED = re.compile(r'"([^"]*)"')


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens, the way SQLite's ``unicode61`` tokenizer splits text."""
    return [token.casefold() for token in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed full-text query: every term and every phrase must occur in an entry.

    Written as plain text: ``"quantum error correction" surface codes`` holds one phrase (in
    double quotes) and two terms. No operators, so any user text is a valid query.
    """

    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> SearchQuery:
        phrases = tuple(
            tuple(tokens) for tokens in (tokenize(m) for m in _QUOTED.findall(text)) if tokens
        )
        terms = tuple(tokenize(_QUOTED.sub(" ", text)))
        return cls(terms, phrases)

    def __bool__(self) -> bool:
        return bool(self.terms or self.phrases)

    def to_fts5(self) -> str:
        """The query in FTS5 syntax; every token is quoted so user text cannot inject
        operators."""
        parts = [f'"{term}"' for term in self.terms]
        parts += ['"' + " ".join(phrase) + '"' for phrase in self.phrases]
        return " AND ".join(parts)

    def matches(self, text: str) -> bool:
        """Whether ``text`` satisfies the query (the in-memory equivalent of FTS5 MATCH)."""
        tokens = tokenize(text)
        present = set(tokens)
        if not all(term in present for term in self.terms):
            return False
        return all(_contains(tokens, phrase) for phrase in self.phrases)


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    size, wanted = len(phrase), list(phrase)
    return any(
        tokens[i : i + size] == wanted for i, token in enumerate(tokens) if token == phrase[0]
    )


def entry_text(entry: HistoryEntry) -> str:
    """The searchable text of an entry: every string (and number) in the message and reply."""
    return (
        " ".join(_leaves(json.loads(entry.message)))
        + " \n "
        + " ".join(_leaves(json.loads(entry.reply)))
    )


def _leaves(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield str(value)
