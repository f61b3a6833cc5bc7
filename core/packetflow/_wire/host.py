"""What the wire needs of the node it serves, as a small ``Protocol``.

The wire is layer 1 and the node layer 4 (``tests/test_layers.py``): the wire names what it
uses -- identity, state, the supervisor its connections run under, the channels, discovery and
``dispatch`` -- and ``packetflow.Node`` provides it. A cluster transport or a test can serve
anything else that does.
"""

from __future__ import annotations

from collections.abc import Coroutine, Iterable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .._channels import Channels
    from .._supervisor import Supervisor
    from .messages import CapabilityResponse
    from .protocol.events import Request
    from .protocol.ports import Described

__all__ = ["Finder", "WireNode"]


class Finder(Protocol):
    """Discovery: the capabilities matching every given criterion (the node's registry)."""

    def find(
        self,
        *,
        name: str | None = None,
        tag: str | None = None,
        requires: Iterable[str] | None = None,
        provides: Iterable[str] | None = None,
        intent: str | None = None,
    ) -> Iterable[Described]: ...


class WireNode(Protocol):
    """The node a :class:`~packetflow._wire.server.WireServer` serves (``packetflow.Node``)."""

    @property
    def name(self) -> str: ...

    @property
    def node_id(self) -> str: ...

    @property
    def state(self) -> str:
        """``"running"`` while it serves requests."""
        ...

    @property
    def supervisor(self) -> Supervisor:
        """Where each connection runs as a supervised child (only while running)."""
        ...

    @property
    def channels(self) -> Channels: ...

    @property
    def registry(self) -> Finder: ...

    def dispatch(self, request: Request, /) -> Coroutine[Any, Any, CapabilityResponse]:
        """Run one wire request through the module chain; the reply to send."""
        ...

    def started(self) -> AbstractAsyncContextManager[object]:
        """Run the node for the ``async with`` block."""
        ...
