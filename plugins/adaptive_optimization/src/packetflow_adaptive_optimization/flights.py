"""Single-flight: concurrent identical requests run the capability once.

The first request for a key is the *leader*; a request for the same key while the leader
runs is a *follower* and waits for the leader's outcome. A successful leader hands its result
to every follower; a leader that fails or is cancelled *releases* them, and each then runs the
capability itself: an error may belong to its caller (authorization, a deadline, a
cancellation), so it is never shared. A follower waits at most ``single_flight_wait``
seconds (and never beyond its own request's deadline) before it runs itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import trio

if TYPE_CHECKING:
    from .keys import Stored

__all__ = ["Flight", "Flights"]


class Flight:
    """One leader's run and the followers waiting for it."""

    __slots__ = ("done", "followers", "key", "stored")

    def __init__(self, key: object) -> None:
        self.key = key
        self.stored: Stored | None = None  # the leader's stored result, when it succeeded
        self.done: trio.Event | None = None  # made by the first follower only
        self.followers = 0

    async def wait(self, timeout: float) -> Stored | None:
        """Wait for the leader (at most ``timeout`` seconds); its stored result, or ``None``
        when it failed, was cancelled or took too long."""
        if self.done is None:
            self.done = trio.Event()
        with trio.move_on_after(timeout):
            await self.done.wait()
        return self.stored

    def land(self, stored: Stored | None) -> None:
        """The leader's outcome: its stored result, or ``None`` (failed: release)."""
        self.stored = stored
        if self.done is not None:
            self.done.set()


class Flights:
    """The flights in the air, by key, and the followers about to wait for one (both bounded
    by ``limit``: beyond it a request simply runs without single-flight)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._by_key: dict[object, Flight] = {}
        self._waiting = 0  # followers waiting, over every flight
        self.shared = 0  # followers given a leader's result
        self.released = 0  # followers that ran themselves (leader failed, cancelled or slow)

    def __len__(self) -> int:
        return len(self._by_key)

    def waiting(self) -> int:
        """Followers waiting for a flight in the air."""
        return self._waiting

    def get(self, key: object) -> Flight | None:
        return self._by_key.get(key)

    def lead(self, key: object) -> Flight | None:
        """Start a flight for ``key`` (``None`` when the table is full)."""
        if len(self._by_key) >= self.limit:
            return None
        flight = self._by_key[key] = Flight(key)
        return flight

    def follow(self, flight: Flight) -> bool:
        """Count a follower of ``flight``; ``False`` when too many wait already (then the
        request runs without single-flight)."""
        if self._waiting >= self.limit:
            return False
        flight.followers += 1
        self._waiting += 1
        return True

    def unfollow(self, flight: Flight) -> None:
        """A follower of ``flight`` stopped waiting (given a result, released or cancelled)."""
        flight.followers -= 1
        self._waiting -= 1

    def land(self, flight: Flight, stored: Stored | None) -> None:
        """End ``flight`` with the leader's stored result (or ``None``)."""
        if self._by_key.get(flight.key) is flight:
            del self._by_key[flight.key]
        flight.land(stored)

    def land_all(self) -> None:
        """Release every follower (the module is stopping)."""
        for flight in list(self._by_key.values()):
            self.land(flight, None)
