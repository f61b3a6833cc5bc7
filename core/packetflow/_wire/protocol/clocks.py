"""The two clocks of a connection, fed by their caller: heartbeats and strikes.

Nothing here reads a clock: every method takes ``now`` (``trio.current_time()`` in the trio
shells, plain numbers in the fuzzer), so both are deterministic under test.
"""

from __future__ import annotations

from ..codec import encode
from ..messages import Heartbeat
from .events import CLOSE_DEAD_PEER, Beat, Close

__all__ = ["Liveness", "Strikes"]


class Liveness:
    """Heartbeats both ways (trio-websocket sends no pings on its own), one side's view.

    This side beats every ``interval`` seconds with a ``heartbeat`` whose id starts with
    ``prefix``, and answers the peer's beats with a ``heartbeat`` carrying the same id. Any
    message from the peer proves it alive (:meth:`seen`); one silent for ``missed`` intervals
    is declared dead, and so is one that stops reading (a beat that cannot be sent within an
    interval: :meth:`stalled`).
    """

    __slots__ = ("beats", "interval", "last_seen", "missed", "next_beat", "prefix")

    def __init__(self, interval: float, missed: int, prefix: str, now: float) -> None:
        if interval <= 0 or missed < 1:
            raise ValueError("interval must be positive and missed >= 1")
        self.interval = interval
        self.missed = missed
        self.prefix = prefix
        self.last_seen = now
        self.next_beat = now + interval
        self.beats = 0

    def seen(self, now: float) -> None:
        self.last_seen = now

    def is_answer(self, heartbeat_id: str) -> bool:
        """Whether a received heartbeat answers one of ours (else: echo it back)."""
        return heartbeat_id.startswith(self.prefix)

    def tick(self, now: float) -> Beat | Close | None:
        """The beat due at ``now``, the verdict on a silent peer, or nothing yet."""
        if now < self.next_beat:
            return None
        silent = now - self.last_seen
        if silent > self.interval * self.missed:
            return Close(
                CLOSE_DEAD_PEER,
                f"peer silent for {silent:.1f}s ({self.missed} heartbeats missed)",
            )
        self.beats += 1
        self.next_beat = now + self.interval
        return Beat(encode(Heartbeat(id=f"{self.prefix}{self.beats}")), self.interval)

    def stalled(self) -> Close:
        """The verdict on a peer whose beat could not be sent within an interval."""
        return Close(
            CLOSE_DEAD_PEER,
            f"peer stopped reading (a heartbeat waited {self.interval:g}s to be sent)",
        )


class Strikes:
    """Garbage a peer may send: a burst of ``limit``, then one more every ``1 / refill_per_s``
    seconds (a token bucket)."""

    __slots__ = ("_left", "_stamp", "limit", "refill_per_s")

    def __init__(self, limit: int, refill_per_s: float) -> None:
        self.limit = limit
        self.refill_per_s = refill_per_s
        self._left = float(limit)
        self._stamp: float | None = None

    def strike(self, now: float) -> bool:
        """Count one more; returns whether the peer is out of strikes (close it)."""
        if self._stamp is not None:
            self._left = min(self.limit, self._left + (now - self._stamp) * self.refill_per_s)
        self._stamp = now
        if self._left >= 1.0:
            self._left -= 1.0
            return False
        return True
