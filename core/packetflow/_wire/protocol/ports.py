"""What :class:`~.server.ServerProtocol` asks of the world around one connection (its ports).

The state machine keeps only its own connection's state; whatever is shared by all of a
node's connections comes in through these small :class:`~typing.Protocol` classes, which
the wire server (:class:`packetflow._wire.server.WireServer`) and the node's registry entries
satisfy without importing them:

- :class:`Gate`: the node's draining state and per-token rate limits, and the refusal count
  of ``/metrics``;
- :class:`Described`: a capability as discovery shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..._auth.principal import Principal

__all__ = ["Described", "Gate"]


class Gate(Protocol):
    """What the protocol asks of the node beyond its own connection (the wire server)."""

    @property
    def draining(self) -> bool:
        """Whether the node is shutting down (new requests get E503)."""
        ...

    def admit(self, principal: Principal) -> None:
        """Charge one message to ``principal``'s rate limit; raises E429 beyond it."""
        ...

    def note_refused(self, code: str) -> None:
        """Count a message answered with error ``code`` before it ran (for ``/metrics``)."""
        ...


class Described(Protocol):
    """A registry entry as discovery shows it (a capability)."""

    @property
    def name(self) -> str: ...

    def describe(self) -> dict[str, Any]: ...
