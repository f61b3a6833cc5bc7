"""Declared side effects, run by the node after every execution of a capability.

Built-in kinds: :class:`AuditLog`, :class:`Metric` and :class:`Notify`. Modules add kinds by
subclassing :class:`Effect` (and contributing them through ``packetflow_register_effects``).
An effect that fails is logged and counted; it never fails the call it observes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from .stats import percentile

if TYPE_CHECKING:
    from .._channels import Channels
    from .._context import Context
    from ..errors import PacketFlowError

__all__ = ["AuditLog", "Effect", "EffectNode", "Metric", "Metrics", "Notify", "Outcome"]

audit_log = logging.getLogger("packetflow.audit")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an effect sees: one finished execution."""

    capability: str
    context: Context
    result: dict[str, Any] | None
    error: PacketFlowError | None
    duration_ms: float

    @property
    def ok(self) -> bool:
        return self.error is None


class EffectNode(Protocol):
    """What the built-in effects use of the node they act on (``packetflow.Node``)."""

    @property
    def metrics(self) -> Metrics: ...

    @property
    def channels(self) -> Channels: ...


class Effect:
    """Base class of effect kinds. ``apply`` may be sync or async."""

    kind: ClassVar[str] = "effect"

    # ``node`` is the ``packetflow.Node`` that ran the capability. It is typed ``Any`` for the
    # reason ``Module.start``'s ``config`` is: an override may annotate it as ``pf.Node`` (or
    # as a smaller Protocol, like the built-ins' ``EffectNode``), and a narrower parameter
    # type is only a valid override of ``Any``; naming ``Node`` here would import the node
    # into layer 2 (tests/test_layers.py).
    def apply(self, outcome: Outcome, node: Any) -> Awaitable[None] | None:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class AuditLog(Effect):
    """Write one structured line per execution to the ``packetflow.audit`` logger."""

    kind: ClassVar[str] = "audit_log"
    level: Literal["debug", "info", "warning", "error"] = "info"

    def apply(self, outcome: Outcome, node: EffectNode) -> None:
        audit_log.log(
            logging.getLevelName(self.level.upper()),
            "capability=%s user=%s trace=%s outcome=%s duration_ms=%.3f",
            outcome.capability,
            outcome.context.user_id,
            outcome.context.trace_id,
            "ok" if outcome.error is None else outcome.error.code,
            outcome.duration_ms,
        )


@dataclass(frozen=True, slots=True)
class Metric(Effect):
    """Count executions (``"counter"``) or record their duration (``"histogram"``) under
    ``name`` in ``node.metrics``."""

    kind: ClassVar[str] = "metric"
    type: Literal["counter", "histogram"]
    name: str

    def apply(self, outcome: Outcome, node: EffectNode) -> None:
        if self.type == "counter":
            node.metrics.increment(self.name)
        else:
            node.metrics.observe(self.name, outcome.duration_ms)


@dataclass(frozen=True, slots=True)
class Notify(Effect):
    """Publish the result (``{"capability", "result"}``) to ``channel`` after a success."""

    kind: ClassVar[str] = "notify"
    channel: str

    def apply(self, outcome: Outcome, node: EffectNode) -> None:
        if outcome.result is not None:
            node.channels.publish(
                self.channel, {"capability": outcome.capability, "result": outcome.result}
            )


class Metrics:
    """Named counters and histograms fed by :class:`Metric` effects.

    Bounded: at most ``max_names`` distinct names (further names are dropped and counted in
    ``dropped``) and ``window`` samples per histogram.
    """

    def __init__(self, max_names: int = 1000, window: int = 2048) -> None:
        self.counters: dict[str, float] = {}
        self._histograms: dict[str, list[float]] = {}
        self._max_names = max_names
        self._window = window
        self.dropped = 0

    def _has_room(self, name: str) -> bool:
        if name in self.counters or name in self._histograms:
            return True
        if len(self.counters) + len(self._histograms) >= self._max_names:
            self.dropped += 1
            return False
        return True

    def increment(self, name: str, value: float = 1.0) -> None:
        if self._has_room(name):
            self.counters[name] = self.counters.get(name, 0.0) + value

    def observe(self, name: str, value: float) -> None:
        if self._has_room(name):
            samples = self._histograms.setdefault(name, [])
            samples.append(value)
            if len(samples) > self._window:
                del samples[: len(samples) - self._window]

    def histogram(self, name: str) -> dict[str, float]:
        """``{count, p50, p99, max}`` over the window of ``name`` (zeros when unknown)."""
        ordered = sorted(self._histograms.get(name, ()))
        return {
            "count": float(len(ordered)),
            "p50": percentile(ordered, 0.5),
            "p99": percentile(ordered, 0.99),
            "max": ordered[-1] if ordered else 0.0,
        }
