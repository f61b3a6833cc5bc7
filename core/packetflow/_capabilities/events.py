"""Structured observability events: start/stop/error of every execution and composition step."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["EventBus", "ExecutionEvent"]

log = logging.getLogger("packetflow.events")

EventKind = Literal[
    "start", "stop", "error", "step.stop", "step.error", "composition.stop", "composition.error"
]


@dataclass(frozen=True, slots=True)
class ExecutionEvent:
    """One observability event.

    Attributes:
        kind: ``start``/``stop``/``error`` for a capability execution, ``step.*`` for a
            composition step (then ``path`` is the plan node path), ``composition.*`` when a
            plan run ends (``extra["graph"]`` holds its :class:`ExecutionGraph`).
        capability: the capability (or composition) name.
        trace_id: the request's trace id, shared by every step and nested call.
        duration_ms: set on ``stop``/``error``.
        error_code: the wire code on ``error``.
        path: the plan path of a step event.
        extra: anything else (e.g. the execution graph on a composition's ``stop``).
    """

    kind: EventKind
    capability: str
    trace_id: str | None
    duration_ms: float | None = None
    error_code: str | None = None
    path: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[ExecutionEvent], None]


class EventBus:
    """Synchronous fan-out to listeners. ``active`` lets the hot path skip building events when
    nobody listens and debug logging is off."""

    def __init__(self) -> None:
        self._listeners: tuple[Listener, ...] = ()
        self.active = log.isEnabledFor(logging.DEBUG)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` for every event; returns a function that unsubscribes it."""
        self._listeners = (*self._listeners, listener)
        self.active = True

        def unsubscribe() -> None:
            self._listeners = tuple(x for x in self._listeners if x is not listener)
            self.active = bool(self._listeners) or log.isEnabledFor(logging.DEBUG)

        return unsubscribe

    def emit(self, event: ExecutionEvent) -> None:
        """Deliver ``event``; a failing listener is logged and never breaks the execution."""
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s trace=%s %s", event.kind, event.capability, event.trace_id, event)
        for listener in self._listeners:
            try:
                listener(event)
            except Exception:
                log.exception("event listener %r failed on %s", listener, event.kind)
