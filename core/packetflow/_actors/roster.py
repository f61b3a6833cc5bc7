"""The live actors of one node, by type, and the limits on how many there may be."""

from __future__ import annotations

import math
from collections.abc import Iterator

import trio

from ..errors import RateLimitedError
from .actor import ActorType
from .cell import ActorCell

__all__ = ["Roster"]


class Roster:
    """Who is live (in memory), who created them, and admission against the limits.

    Args:
        node_name: for error messages.
        max_actors: live actors at most; creating one more is E429.
        max_actors_per_user: live actors created by one ``user_id`` at most (E429).
    """

    def __init__(self, node_name: str, max_actors: int, max_actors_per_user: int) -> None:
        self.node_name = node_name
        self.max_actors = max_actors
        self.max_actors_per_user = max_actors_per_user
        self.min_idle_timeout = math.inf
        """The shortest idle timeout any live actor may have (sets the sweep cadence)."""
        self.shortened = trio.Event()
        """Set when ``min_idle_timeout`` drops: the sleeping sweeper wakes to follow it."""
        self._cells: dict[str, dict[str, ActorCell]] = {}  # type -> actor_id -> cell
        self._count = 0
        self._owned: dict[str, int] = {}

    def __len__(self) -> int:
        return self._count

    def add_type(self, atype: ActorType) -> None:
        self._cells.setdefault(atype.name, {})
        self.note_idle_timeout(atype.idle_timeout)

    def note_idle_timeout(self, seconds: float | None) -> None:
        if seconds is not None and seconds < self.min_idle_timeout:
            self.min_idle_timeout = seconds
            # The sweeper may be sleeping for a quarter of a longer timeout: an actor created
            # with a shorter one (actor_options.idle_timeout_s) would outlive its deadline.
            self.shortened.set()

    def get(self, type_name: str, actor_id: str) -> ActorCell | None:
        return self._cells[type_name].get(actor_id)

    def of_type(self, type_name: str) -> list[ActorCell]:
        """A snapshot of the type's live actors (safe to iterate across awaits)."""
        return list(self._cells.get(type_name, {}).values())

    def __iter__(self) -> Iterator[ActorCell]:
        for cells in self._cells.values():
            yield from cells.values()

    def admit(self, owner: str | None) -> None:
        """Check there is room for one more live actor created by ``owner``.

        Raises:
            RateLimitedError: E429 naming the limit that was hit.
        """
        if self._count >= self.max_actors:
            raise RateLimitedError(
                f"node {self.node_name!r}: {self.max_actors} actors already (max_actors); "
                "retry later, stop unused actors or raise node.actors.max_actors",
                retry_after_ms=1000,
            )
        if owner is not None and self._owned.get(owner, 0) >= self.max_actors_per_user:
            raise RateLimitedError(
                f"user {owner!r}: {self.max_actors_per_user} live actors already "
                "(max_actors_per_user); retry later or stop some",
                retry_after_ms=1000,
            )

    def add(self, cell: ActorCell) -> None:
        self._cells[cell.type.name][cell.actor_id] = cell
        self._count += 1
        if cell.owner is not None:
            self._owned[cell.owner] = self._owned.get(cell.owner, 0) + 1
        self.note_idle_timeout(cell.idle_timeout)

    def forget(self, cell: ActorCell) -> None:
        """Drop ``cell`` (passivated or stopped); its RAM goes with it."""
        cells = self._cells[cell.type.name]
        if cells.get(cell.actor_id) is not cell:
            return
        del cells[cell.actor_id]
        self._count -= 1
        owner = cell.owner
        if owner is not None:
            left = self._owned.get(owner, 1) - 1
            if left:
                self._owned[owner] = left
            else:
                self._owned.pop(owner, None)

    def idle_past_timeout(self, now: float) -> list[ActorCell]:
        """Idle actors (no worker, not failed) whose idle timeout has passed at ``now``."""
        return [
            cell
            for cell in self
            if cell.status == "idle"
            and cell.mailbox is None
            and cell.idle_timeout is not None
            and now - cell.last_active >= cell.idle_timeout
        ]

    def clear(self) -> None:
        for cells in self._cells.values():
            cells.clear()
        self._count = 0
        self._owned.clear()
