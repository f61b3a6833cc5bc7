"""A handle on a remote stateful actor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._wire.messages import ActorOptions

if TYPE_CHECKING:
    from .client import Client

__all__ = ["RemoteActor"]


class RemoteActor:
    """A stateful actor on the node, addressed by ``(capability, actor_id)``."""

    def __init__(
        self, client: Client, capability: str, actor_id: str, options: ActorOptions
    ) -> None:
        self.client = client
        self.capability = capability
        self.actor_id = actor_id
        self.options = options

    def __repr__(self) -> str:
        return f"<RemoteActor {self.capability}/{self.actor_id}>"

    async def send(
        self,
        payload: Mapping[str, Any] | Any,
        *,
        timeout: float | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send one message to the actor and return its reply payload."""
        fields = {
            "capability_id": self.capability,
            "actor_id": self.actor_id,
            "actor_options": self.options.model_dump(exclude_none=True),
        }
        return await self.client._run_request(
            "actor_message", fields, payload, timeout, context, None
        )
