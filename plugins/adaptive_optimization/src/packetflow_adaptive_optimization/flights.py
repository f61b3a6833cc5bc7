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
    """One leader's run and the followers waiting for it (built when the first follower
    arrives)."""

    __slots__ = ("done", "followers", "leader", "stored")

    def __init__(self, leader: object) -> None:
        self.leader = leader  # the leader's token
        self.stored: Stored | None = None  # the leader's stored result, when it succeeded
        self.done = trio.Event()
        self.followers = 0

    async def wait(self, timeout: float) -> Stored | None:
        """Wait for the leader (at most ``timeout`` seconds); its stored result, or ``None``
        when it failed, was cancelled or took too long."""
        with trio.move_on_after(timeout):
            await self.done.wait()
        return self.stored

    def land(self, stored: Stored | None) -> None:
        """The leader's outcome: its stored result, or ``None`` (failed: release)."""
        self.stored = stored
        self.done.set()


class Flights:
    """The flights in the air, by key, and the followers about to wait for one (both bounded
    by ``limit``: beyond it a request simply runs without single-flight).

    A flight is only its leader's *token* (any object the leader keeps) until a follower
    arrives: most misses have none, and then no :class:`Flight` is built."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._by_key: dict[object, object] = {}  # key -> the leader's token, or its Flight
        self._waiting = 0  # followers waiting, over every flight
        self.shared = 0  # followers given a leader's result
        self.released = 0  # followers that ran themselves (leader failed, cancelled or slow)

    def __len__(self) -> int:
        return len(self._by_key)

    def waiting(self) -> int:
        """Followers waiting for a flight in the air."""
        return self._waiting

    def get(self, key: object) -> object | None:
        """What is in the air for ``key``: a leader's token or its :class:`Flight`."""
        return self._by_key.get(key)

    def lead(self, key: object, token: object) -> bool:
        """Start a flight for ``key`` led by ``token`` (``False`` when the table is full)."""
        if len(self._by_key) >= self.limit:
            return False
        self._by_key[key] = token
        return True

    def follow(self, key: object, found: object) -> Flight | None:
        """Count a follower of what :meth:`get` found for ``key``; ``None`` when too many
        wait already (then the request runs without single-flight)."""
        if self._waiting >= self.limit:
            return None
        if type(found) is not Flight:
            found = self._by_key[key] = Flight(found)
        assert isinstance(found, Flight)
        found.followers += 1
        self._waiting += 1
        return found

    def unfollow(self, flight: Flight) -> None:
        """A follower of ``flight`` stopped waiting (given a result, released or cancelled)."""
        flight.followers -= 1
        self._waiting -= 1

    def land(self, key: object, token: object, stored: Stored | None) -> None:
        """End the flight ``token`` leads with its stored result (or ``None``)."""
        found = self._by_key.get(key)
        if found is token:
            del self._by_key[key]
        elif type(found) is Flight and found.leader is token:
            del self._by_key[key]
            found.land(stored)

    def land_all(self) -> None:
        """Release every follower (the module is stopping)."""
        for found in self._by_key.values():
            if type(found) is Flight:
                found.land(None)
        self._by_key.clear()
