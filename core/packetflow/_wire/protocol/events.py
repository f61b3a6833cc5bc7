"""What the protocol objects tell their transport to do: typed, immutable outputs.

Every method of :class:`~packetflow._wire.protocol.server.ServerProtocol` and
:class:`~packetflow._wire.protocol.client.ClientProtocol` that takes input returns a tuple of
these, to be carried out in order. Outputs shared by both sides come first (:class:`Send`,
:class:`Beat`, :class:`Close`), then the server's, then the client's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from ..messages import ActorMessage, CapabilityRequest, Discover, Event, Hello, McpRequest, Welcome

if TYPE_CHECKING:
    from ..._channels import ChannelEvent
    from ...errors import PacketFlowError

__all__ = [
    "CLOSE_DEAD_PEER",
    "CLOSE_GOING_AWAY",
    "CLOSE_INTERNAL",
    "CLOSE_POLICY",
    "CLOSE_TOO_BIG",
    "Authenticate",
    "Beat",
    "CancelRun",
    "ClientOutput",
    "Close",
    "CloseSubscription",
    "Deliver",
    "EndSubscription",
    "EventSink",
    "OpenSubscription",
    "Publish",
    "Query",
    "Refused",
    "ReplyWaiter",
    "Request",
    "Resolve",
    "Run",
    "Send",
    "ServerOutput",
    "Welcomed",
]

CLOSE_GOING_AWAY = 1001  # node shutting down
CLOSE_POLICY = 1008  # repeated garbage, failed hellos, no hello in time
CLOSE_TOO_BIG = 1009  # a message above max_bytes (trio-websocket sends it itself on a socket)
CLOSE_INTERNAL = 1011  # a bug in a transport (the node keeps running); never a protocol output
CLOSE_DEAD_PEER = 4408  # missed heartbeats

Request: TypeAlias = CapabilityRequest | ActorMessage | McpRequest
"""The request-like messages: each gets exactly one reply unless it is cancelled."""


# -- both sides ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Send:
    """Send ``text`` to the peer."""

    text: str


@dataclass(frozen=True, slots=True)
class Beat:
    """Send the heartbeat ``text``. If it cannot go out within ``within`` seconds the peer has
    stopped reading: tell the protocol (``stalled()``), which closes the connection."""

    text: str
    within: float


@dataclass(frozen=True, slots=True)
class Close:
    """Close the connection with ``code`` (1001, 1008, 1009 or 4408) and ``reason``; the
    protocol ignores whatever arrives after it."""

    code: int
    reason: str


# -- server side --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Authenticate:
    """Check the token of ``hello`` (version ``version`` was agreed), then report the result
    with ``welcome(auth, principal, now)`` or ``refuse(auth, error, now)``."""

    hello: Hello
    version: str


@dataclass(frozen=True, slots=True)
class Run:
    """Run the admitted ``request`` (it counts as in flight), then report its result with
    ``reply`` / ``fail`` / ``cancelled`` and, once that text is sent, ``done``. It always comes
    alone."""

    request: Request


@dataclass(frozen=True, slots=True)
class CancelRun:
    """Cancel the running request ``request_id`` (its task then reports ``cancelled``)."""

    request_id: str


@dataclass(frozen=True, slots=True)
class OpenSubscription:
    """Subscribe to the channels matching ``channel``, send ``ack``, then forward each event
    through ``forward(id, channel, event)``."""

    id: str
    channel: str
    ack: str


@dataclass(frozen=True, slots=True)
class CloseSubscription:
    """Stop the subscription to ``channel`` (it is no longer in the protocol's table)."""

    channel: str


@dataclass(frozen=True, slots=True)
class Publish:
    """Publish ``message`` on its channel, then send ``published(publish, delivered)``."""

    message: Event


@dataclass(frozen=True, slots=True)
class Query:
    """Search the registry for ``message``, then send ``discovered(query, found)``."""

    message: Discover


ServerOutput: TypeAlias = (
    Send | Beat | Close | Authenticate | Run | CancelRun | OpenSubscription | CloseSubscription
    | Publish | Query
)  # fmt: skip


# -- client side --------------------------------------------------------------------------


class ReplyWaiter(Protocol):
    """Where the client transport waits for one reply (the trio shell's ``Slot``)."""

    def resolve(self, reply: dict[str, Any] | PacketFlowError) -> None: ...


class EventSink(Protocol):
    """Where the client transport buffers one subscription's events."""

    def offer(self, event: ChannelEvent) -> None: ...

    def fail(self, error: PacketFlowError) -> None: ...


@dataclass(frozen=True, slots=True)
class Welcomed:
    """The node accepted the session."""

    welcome: Welcome


@dataclass(frozen=True, slots=True)
class Refused:
    """The node refused the hello (E401, E600...): not worth retrying with the same hello."""

    error: PacketFlowError


@dataclass(frozen=True, slots=True)
class Resolve:
    """Hand ``reply`` (the message as a dict, or the error that ended the wait) to ``waiter``."""

    waiter: ReplyWaiter
    reply: dict[str, Any] | PacketFlowError


@dataclass(frozen=True, slots=True)
class Deliver:
    """Offer ``event`` to the subscription ``sink``."""

    sink: EventSink
    event: ChannelEvent


@dataclass(frozen=True, slots=True)
class EndSubscription:
    """The node ended the subscription ``sink`` with ``error`` (its token expired...)."""

    sink: EventSink
    error: PacketFlowError


ClientOutput: TypeAlias = (
    Send | Beat | Close | Welcomed | Refused | Resolve | Deliver | EndSubscription
)
