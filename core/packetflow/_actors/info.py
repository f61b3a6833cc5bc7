"""What ``node.actors.list()`` reports about one actor."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal, TypeAlias

__all__ = ["ActorInfo", "ActorStatus"]

ActorStatus: TypeAlias = Literal[
    "idle", "active", "restarting", "stopping", "failed", "passivated", "stopped"
]
"""``idle``/``active``/``restarting``/``stopping``/``failed``: live in this node's memory
(``active``: it has messages to handle). ``passivated``: saved, not in memory; the next
message brings it back. ``stopped``: stopped with ``stop()``; its state is kept where the store
is durable and a message with ``create_if_missing`` resumes it."""


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One actor's metadata."""

    capability: str
    actor_id: str
    status: ActorStatus
    persistence: str
    created_at: float
    last_message_at: float | None
    message_count: int
    owner: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
