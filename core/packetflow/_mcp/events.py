"""Resumable SSE for streamable HTTP: each session's events kept for replay, bounded.

With an event store the SDK gives every SSE stream event ids, starts it with a priming event
(an id, empty data and the ``retry`` interval) and, when a client reconnects with
``Last-Event-ID``, replays what that stream sent since. A tool may then end its stream early
(:func:`packetflow.mcp.close_sse_stream`, SEP-1699 polling): the client reconnects after the
retry interval and receives the rest.

The SDK hands one store to all sessions and keys streams by JSON-RPC request id, which two
sessions share ("1", "2"...), so :class:`ResumableSessions` gives each session its own
:class:`SessionEventStore` instead: a reconnecting client only ever sees its own session's
events. Each store keeps the newest ``max_events`` events and at most ``max_bytes`` of them
(the oldest are dropped first; a client reconnecting after its events were dropped gets what
remains), and goes away with its session.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from mcp.server.streamable_http import (
    EventCallback,
    EventId,
    EventMessage,
    EventStore,
    StreamId,
)
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.types import JSONRPCMessage

__all__ = ["ResumableSessions", "SessionEventStore"]


class SessionEventStore(EventStore):
    """One session's SSE events, newest ``max_events`` / ``max_bytes`` kept."""

    def __init__(self, *, max_events: int = 256, max_bytes: int = 1 << 20) -> None:
        if max_events < 1 or max_bytes < 1:
            raise ValueError("max_events and max_bytes must be >= 1")
        self.max_events = max_events
        self.max_bytes = max_bytes
        self._events: deque[tuple[int, StreamId, JSONRPCMessage | None, int]] = deque()
        self._seq = 0
        self._bytes = 0

    # No ``__len__``: the SDK tests ``if self._event_store:``, and an empty store must be on.

    @property
    def count(self) -> int:
        """Retained events."""
        return len(self._events)

    @property
    def size(self) -> int:
        """Bytes of the retained messages (as JSON)."""
        return self._bytes

    async def store_event(self, stream_id: StreamId, message: JSONRPCMessage | None) -> EventId:
        self._seq += 1
        size = 0 if message is None else len(message.model_dump_json(by_alias=True))
        events = self._events
        events.append((self._seq, stream_id, message, size))
        self._bytes += size
        while len(events) > self.max_events or (self._bytes > self.max_bytes and len(events) > 1):
            self._bytes -= events.popleft()[3]
        return str(self._seq)

    async def replay_events_after(
        self, last_event_id: EventId, send_callback: EventCallback
    ) -> StreamId | None:
        events = self._events
        if not last_event_id.isdigit() or not events:
            return None
        index = int(last_event_id) - events[0][0]  # ids are consecutive within the deque
        if not 0 <= index < len(events):
            return None
        stream_id = events[index][1]
        for seq, stream, message, _ in list(events)[index + 1 :]:
            if stream == stream_id and message is not None:
                await send_callback(EventMessage(message, str(seq)))
        return stream_id


class ResumableSessions(StreamableHTTPSessionManager):
    """The SDK's session manager, with a fresh :class:`SessionEventStore` per session.

    The SDK reads ``event_store`` once for each new session (when it admits it);
    ``tests/test_mcp/test_sse_resume.py`` fails if a release reads it differently.
    """

    def __init__(
        self, *args: Any, store: Callable[[], EventStore] = SessionEventStore, **kwargs: Any
    ) -> None:
        self._new_store = store
        super().__init__(*args, **kwargs)

    @property
    def event_store(self) -> EventStore | None:
        return self._new_store()

    @event_store.setter
    def event_store(self, value: EventStore | None) -> None:
        """The base class's assignment: ignored, each session gets its own store."""
