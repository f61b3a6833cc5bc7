"""The rules a message must pass before the node acts on it, as far as they need no state.

:class:`~.server.ServerProtocol` applies them to each message, then adds the checks of its
own connection's state (ids in flight, subscriptions, draining, rate limits):

- :func:`check_envelope`: a session first (only a hello or a heartbeat before it), then the
  session's protocol version on every message;
- :func:`negotiate`: the version a hello and this node agree on;
- :func:`authorize`: the scope a request of a non-admin token needs (``cap:``/``actor:``);
- :func:`capability_of`: what an error reply to a message may name.

Each raises the :mod:`packetflow.errors` error the client gets back (E400, E401, E403, E426).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import MalformedError, UnauthenticatedError, VersionUnsupportedError
from ..messages import PROTOCOL_VERSION, ActorMessage, CapabilityRequest, McpRequest, Message

if TYPE_CHECKING:
    from ..._auth.principal import Principal
    from ..messages import Hello
    from .events import Request

__all__ = [
    "REQUEST_MODELS",
    "SUPPORTED_VERSIONS",
    "authorize",
    "capability_of",
    "check_envelope",
    "negotiate",
]

SUPPORTED_VERSIONS = (PROTOCOL_VERSION,)
REQUEST_MODELS = (CapabilityRequest, ActorMessage, McpRequest)
"""The messages that run something in the node (each becomes a :class:`~.events.Run`)."""


def check_envelope(message: Message, *, established: bool, version: str | None) -> None:
    """Whether ``message`` may come now, on a session (``established``) of ``version``."""
    if message.type == "hello":
        return
    if not established and message.type != "heartbeat":
        raise UnauthenticatedError(
            f"{message.type!r} before 'hello': send a hello (with your token) first"
        )
    if message.version != (version or PROTOCOL_VERSION):
        raise VersionUnsupportedError(
            f"message version {message.version!r} is not this session's "
            f"{version or PROTOCOL_VERSION!r}",
            details={"supported": list(SUPPORTED_VERSIONS)},
        )


def negotiate(hello: Hello) -> str:
    """The first of this node's versions that ``hello`` speaks (E426 when there is none)."""
    version = next((v for v in SUPPORTED_VERSIONS if v in hello.versions), None)
    if version is None:
        raise VersionUnsupportedError(
            f"client speaks protocol versions {hello.versions!r}; this node speaks "
            f"{list(SUPPORTED_VERSIONS)!r}",
            details={"supported": list(SUPPORTED_VERSIONS)},
        )
    return version


def authorize(request: Request, principal: Principal) -> None:
    """The scope a request of a non-admin token needs."""
    cap = request.capability_id
    if request.type == "capability_request":
        if cap:
            principal.require("cap", "capability", cap)
        else:  # a planner may route an intent to any capability
            principal.require("cap", "natural-language requests (any capability)", "*")
    elif request.type == "actor_message":
        if not cap:
            raise MalformedError("'actor_message' needs capability_id (the actor's name)")
        principal.require("actor", "actor", cap, f"{cap}/{request.actor_id}")
    # mcp_request: the node's MCP server checks each tool and resource it reaches against the
    # principal (current_principal), with the same cap:/actor: rules.


def capability_of(message: Message) -> str | None:
    """The ``capability_id`` an error reply to ``message`` names: only a request's (a validated
    field); on other messages a ``capability_id`` is an unknown field, of any JSON type."""
    return message.capability_id if isinstance(message, REQUEST_MODELS) else None
