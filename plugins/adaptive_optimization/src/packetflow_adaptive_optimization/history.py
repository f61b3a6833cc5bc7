"""The execution history: a bounded ring buffer of what ran, fed by the module's hooks.

Records are raw tuples on the hot path (one ``append`` per request or composition step) and
become :class:`ExecutionRecord` objects when read. The models fold them in batches, off the
request path; records overwritten before a fold are counted in ``dropped``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeAlias

__all__ = ["ExecutionRecord", "History", "Raw"]

# (at, capability, version, duration_ms, outcome, payload_hash, context_hash, step, inflight)
Raw: TypeAlias = tuple[float, str, str, float, str, int | None, int, str | None, int]


@dataclass(frozen=True, slots=True)
class ExecutionRecord:
    """One request or composition step as the module saw it.

    Attributes:
        at: trio time the outcome arrived (seconds).
        capability / version: what ran.
        duration_ms: from the module's request hook to its response hook (virtual time under
            ``trio.testing.MockClock``).
        outcome: ``"ok"``, the error code (``"E500"``...), ``"hit"`` (answered from the cache)
            or ``"shared"`` (a single-flight follower given the leader's result).
        payload_hash: hash of the canonical payload, for cacheable capabilities.
        context_hash: hash of the caller (user and session).
        step: the composition step path, or ``None`` for a request.
        inflight: requests of this capability in flight when it started (itself included).
    """

    at: float
    capability: str
    version: str
    duration_ms: float
    outcome: str
    payload_hash: int | None
    context_hash: int
    step: str | None
    inflight: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


class History:
    """The last ``size`` records (oldest overwritten first)."""

    __slots__ = ("folded", "raw", "total")

    def __init__(self, size: int) -> None:
        self.raw: deque[Raw] = deque(maxlen=size)
        self.total = 0  # records ever added
        self.folded = 0  # records handed to the models so far (or lost)

    @property
    def capacity(self) -> int:
        assert self.raw.maxlen is not None
        return self.raw.maxlen

    def take_new(self) -> tuple[list[Raw], int]:
        """The records added since the last call, and how many were overwritten unseen."""
        new = self.total - self.folded
        available = min(new, len(self.raw))
        self.folded = self.total
        fresh = list(islice(self.raw, len(self.raw) - available, None))
        return fresh, new - available

    def records(self, limit: int | None = None) -> list[ExecutionRecord]:
        """The most recent records, oldest first."""
        raw = list(self.raw) if limit is None else list(self.raw)[-limit:]
        return [ExecutionRecord(*entry) for entry in raw]
