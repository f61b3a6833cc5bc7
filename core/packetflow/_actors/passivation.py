"""Passivation: forgetting live actors that stayed idle past their ``idle_timeout``.

Passivating is forgetting the live actor: its state is already committed, and the next
message restores it from the store. A sweeper task does it periodically.
"""

from __future__ import annotations

import trio

from .cell import ActorCell
from .memory_store import MemoryStore
from .roster import Roster

__all__ = ["Passivation"]


class Passivation:
    """Passivates the idle actors of ``live`` and counts passivations by type (``counts``,
    for ``/metrics``)."""

    def __init__(self, live: Roster) -> None:
        self._live = live
        self.counts: dict[str, int] = {}

    async def sweep(self) -> None:
        """Passivate idle actors until cancelled (the actor system's background task)."""
        # Every quarter of the shortest idle timeout of a live actor (30 s at most): an actor
        # is passivated at most that long after its deadline, and a sweep (one pass over the
        # live actors) runs at most four times per shortest timeout. A shorter timeout arriving
        # mid-sleep (actor_options.idle_timeout_s) wakes the sweeper to follow it at once.
        live = self._live
        while True:
            shortened = live.shortened = trio.Event()
            with trio.move_on_after(min(30.0, max(0.01, live.min_idle_timeout / 4))):
                await shortened.wait()
            self.idle()

    def idle(self) -> int:
        """Passivate every idle actor past its ``idle_timeout``; returns how many."""
        expired = self._live.idle_past_timeout(trio.current_time())
        for cell in expired:
            self.passivate(cell)
        return len(expired)

    def passivate(self, cell: ActorCell) -> None:
        """Forget the live ``cell``; a memory actor's record joins the passivated ones
        (bounded by ``max_passivated_memory``)."""
        self._live.forget(cell)
        self.counts[cell.type.name] = self.counts.get(cell.type.name, 0) + 1
        if isinstance(cell.store, MemoryStore):
            cell.store.passivated(cell.type.name, cell.actor_id)
