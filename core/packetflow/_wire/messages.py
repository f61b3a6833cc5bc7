"""Wire protocol "1.0" message models: one pydantic model per ``type``, in a discriminated union.

Unknown top-level fields are kept (``extra="allow"``): modules add fields such as
``spatial_context`` and later modules must see them. The same models are what modules receive
in their hooks (``pf.CapabilityRequest``...), so a module sees exactly what travels.

Mutable defaults are factories: pydantic deep-copies a literal ``{}`` or ``[]`` default for
every message, and a request's absent ``context`` is built without validating an empty one (both
on every request the node decodes).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .._context import Context
from .._lowlevel import evolve

__all__ = [
    "MAX_ID",
    "PROTOCOL_VERSION",
    "ActorMessage",
    "ActorOptions",
    "Cancel",
    "CapabilityError",
    "CapabilityRequest",
    "CapabilityResponse",
    "Discover",
    "Discovery",
    "ErrorBody",
    "Event",
    "Heartbeat",
    "Hello",
    "McpRequest",
    "McpResponse",
    "Message",
    "Subscribe",
    "Unsubscribe",
    "Welcome",
]

PROTOCOL_VERSION = "1.0"
MAX_ID = 256
"""The longest message ``id`` (and actor id, channel pattern) a peer may send."""


class Envelope(BaseModel):
    """Fields every message has."""

    model_config = ConfigDict(extra="allow", protected_namespaces=())

    version: str = PROTOCOL_VERSION
    type: str
    id: str = Field(default="", max_length=MAX_ID)
    metadata: dict[str, Any] = Field(default_factory=dict)

    def evolve(self, **changes: Any) -> Self:
        """A shallow copy with ``changes`` applied: declared fields, or extra top-level fields
        (``spatial_context=...``). What ``model_copy(update=changes)`` does, without
        validation, at a fraction of its cost: the hook decisions of the module chain
        (``Intercept(request.evolve(...))``) are on every request's path.

        ``tests/wire/test_evolve.py`` checks it equals ``model_copy`` (it writes pydantic's
        instance state directly, as ``model_copy`` itself does: see ``_lowlevel.evolve``).
        """
        return evolve(self, changes)


class RequestEnvelope(Envelope):
    """Fields of request-like messages."""

    intent: str | None = None
    capability_id: str | None = None
    payload: dict[str, Any] = Field(default_factory=dict)
    context: Context = Field(default_factory=Context.empty)


class Hello(Envelope):
    """client → node, first message: credentials and the protocol versions the client speaks."""

    type: Literal["hello"] = "hello"
    token: str | None = None
    client: str | None = None
    versions: list[str] = [PROTOCOL_VERSION]


class Welcome(Envelope):
    """node → client: the accepted session."""

    type: Literal["welcome"] = "welcome"
    node_id: str
    session_id: str
    heartbeat_s: float
    limits: dict[str, Any] = Field(default_factory=dict)


class CapabilityRequest(RequestEnvelope):
    """Run a capability or composition (``metadata.timeout_ms``, ``metadata.priority``)."""

    type: Literal["capability_request"] = "capability_request"


class CapabilityResponse(Envelope):
    """The result: ``payload`` holds the provided fields; ``metadata`` carries
    ``execution_time_ms``, ``cache_hit`` and ``modules`` (which modules acted)."""

    type: Literal["capability_response"] = "capability_response"
    capability_id: str | None = None
    payload: dict[str, Any] = Field(default_factory=dict)


class ErrorBody(BaseModel):
    """The ``error`` object (see :mod:`packetflow.errors`); ``details`` is always there, an
    empty object when there is nothing to say."""

    model_config = ConfigDict(extra="allow")

    code: str
    type: str
    message: str
    details: Any = Field(default_factory=dict)
    retry_after_ms: int | None = None

    @field_validator("details", mode="before")
    @classmethod
    def _details_present(cls, value: Any) -> Any:
        return {} if value is None else value


class CapabilityError(Envelope):
    """A failed request."""

    type: Literal["capability_error"] = "capability_error"
    capability_id: str | None = None
    error: ErrorBody


class ActorOptions(BaseModel):
    """How to address an actor that may not exist yet."""

    model_config = ConfigDict(extra="forbid")

    create_if_missing: bool = True
    idle_timeout_s: float | None = None
    persistence: Literal["memory", "sqlite", "distributed"] | None = None


class ActorMessage(RequestEnvelope):
    """A message to the stateful actor ``(capability_id, actor_id)``."""

    type: Literal["actor_message"] = "actor_message"
    actor_id: str = Field(min_length=1, max_length=MAX_ID)
    actor_options: ActorOptions = ActorOptions()


class McpRequest(RequestEnvelope):
    """A JSON-RPC 2.0 MCP message (in ``payload``) tunnelled to the node's MCP server.

    It travels like any request (``node.dispatch``, auth, limits); the MCP transport answers it
    by registering ``node.add_request_handler("mcp_request", ...)``, whose result payload is the
    JSON-RPC reply sent back as an ``mcp_response``."""

    type: Literal["mcp_request"] = "mcp_request"
    payload: dict[str, Any]


class McpResponse(Envelope):
    """The MCP server's JSON-RPC reply (in ``payload``)."""

    type: Literal["mcp_response"] = "mcp_response"
    payload: dict[str, Any]


class Subscribe(Envelope):
    """Subscribe to channels matching ``channel`` (globs allowed)."""

    type: Literal["subscribe"] = "subscribe"
    channel: str = Field(min_length=1, max_length=MAX_ID)


class Unsubscribe(Envelope):
    """Drop a subscription made with the same ``channel`` pattern."""

    type: Literal["unsubscribe"] = "unsubscribe"
    channel: str = Field(min_length=1, max_length=MAX_ID)


class Event(Envelope):
    """A channel event (node → subscriber, or a client publishing with a ``chan:`` scope);
    ``metadata.dropped`` counts events lost to overflow before this one."""

    type: Literal["event"] = "event"
    channel: str = Field(min_length=1, max_length=MAX_ID)
    payload: dict[str, Any] = Field(default_factory=dict)


class Discover(Envelope):
    """A registry query; every given criterion must match."""

    type: Literal["discover"] = "discover"
    name: str | None = None
    tag: str | None = None
    intent: str | None = None
    requires: list[str] = Field(default_factory=list)
    provides: list[str] = Field(default_factory=list)
    limit: int = Field(default=100, ge=1, le=1000)


class Discovery(Envelope):
    """The answer to :class:`Discover`: capability descriptions with their contracts."""

    type: Literal["discovery"] = "discovery"
    capabilities: list[dict[str, Any]] = Field(default_factory=list)


class Cancel(Envelope):
    """Cancel the caller's in-flight request whose id is this message's ``id``."""

    type: Literal["cancel"] = "cancel"


class Heartbeat(Envelope):
    """Liveness; the peer answers with a heartbeat carrying the same ``id``."""

    type: Literal["heartbeat"] = "heartbeat"


Message: TypeAlias = Annotated[
    Hello
    | Welcome
    | CapabilityRequest
    | CapabilityResponse
    | CapabilityError
    | ActorMessage
    | McpRequest
    | McpResponse
    | Subscribe
    | Unsubscribe
    | Event
    | Discover
    | Discovery
    | Cancel
    | Heartbeat,
    Field(discriminator="type"),
]
"""Any wire message."""
