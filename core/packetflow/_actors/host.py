"""What the actor system needs of the node it runs in, as a small ``Protocol``.

Actors are layer 2 and the node layer 4 (``tests/test_layers.py``): the actor system names
what it uses -- the node's name and data directory, its registry and ``register`` (an actor
type is a capability), the supervisor it runs under, and ``dispatch`` with the request-handler
slot every ``actor_message`` goes through -- and ``packetflow.Node`` provides it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .._capabilities.capability import Capability
    from .._context import Context
    from .._registry import Registry
    from .._supervisor import Supervisor
    from .._wire.messages import ActorMessage, CapabilityResponse

__all__ = ["ActorHandler", "ActorNode"]

ActorHandler = Callable[["ActorMessage", "Context", "float | None"], Awaitable[dict[str, Any]]]
"""The node's handler of ``actor_message`` requests: ``(request, ctx, timeout) -> reply``."""


class ActorNode(Protocol):
    """The node an :class:`~packetflow._actors.system.ActorSystem` runs in (``packetflow.Node``)."""

    name: str
    data_dir: Path

    @property
    def registry(self) -> Registry: ...

    @property
    def supervisor(self) -> Supervisor:
        """Where the actor system runs as a permanent child (only while running)."""
        ...

    def register(self, *items: Capability | Iterable[Capability]) -> None: ...

    def add_request_handler(self, type: str, handler: ActorHandler, /) -> None:
        """Route ``actor_message`` requests to ``handler`` after the module chain."""
        ...

    async def dispatch(
        self,
        request: ActorMessage,
        context: Context | Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> CapabilityResponse:
        """Run one request through the module chain; the response model."""
        ...

    async def dispatch_payload(
        self,
        request: ActorMessage,
        context: Context | Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """The same, the response's payload alone (no model built when no module is active)."""
        ...
