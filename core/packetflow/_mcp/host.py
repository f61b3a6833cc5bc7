"""What MCP needs of the node it serves and mounts into, as a small ``Protocol``.

MCP is layer 3 and the node layer 4 (``tests/test_layers.py``): the MCP server, its HTTP,
stdio and tunnel transports and mounted servers name what they use -- identity and state, the
registry, actors, prompts, resources, channels and events they serve, ``dispatch`` for every
call, ``started`` to run the node, the request-handler slot of the tunnel, and ``unregister``
for mounted tools -- and ``packetflow.Node`` provides it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .._actors.system import ActorSystem
    from .._capabilities.events import EventBus
    from .._channels import Channels
    from .._content.catalog import Prompts, Resources
    from .._context import Context
    from .._registry import Registry
    from .._wire.messages import ActorMessage, CapabilityRequest, CapabilityResponse

__all__ = ["McpNode", "RequestHandler"]

RequestHandler = Callable[[Any, "Context", "float | None"], Awaitable[dict[str, Any]]]
"""A node request handler: ``(request, ctx, timeout) -> reply payload``."""


class McpNode(Protocol):
    """The node an :class:`~packetflow._mcp.server.McpServer` serves (``packetflow.Node``)."""

    name: str

    @property
    def state(self) -> str:
        """``"running"`` while it serves requests."""
        ...

    @property
    def registry(self) -> Registry: ...

    @property
    def actors(self) -> ActorSystem: ...

    @property
    def prompts(self) -> Prompts: ...

    @property
    def resources(self) -> Resources: ...

    @property
    def channels(self) -> Channels: ...

    @property
    def events(self) -> EventBus: ...

    async def dispatch(
        self,
        request: CapabilityRequest | ActorMessage,
        context: Context | Mapping[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> CapabilityResponse:
        """Run one request through the module chain; the response model."""
        ...

    def started(self) -> AbstractAsyncContextManager[object]:
        """Run the node for the ``async with`` block."""
        ...

    def add_request_handler(self, type: str, handler: RequestHandler, /) -> None:
        """Route requests of wire ``type`` to ``handler`` after the module chain."""
        ...

    def request_handler(self, type: str, /) -> RequestHandler | None:
        """The handler of wire ``type`` requests, if one is installed."""
        ...

    def unregister(self, name: str, /) -> None:
        """Remove a capability (a mounted tool); E404 if unknown."""
        ...
