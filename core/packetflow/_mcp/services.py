"""The client services of an MCP tool call: what ``ctx.log``, ``ctx.progress``,
``ctx.sample`` and ``ctx.elicit`` do when a capability runs as an MCP tool.

- ``log`` sends ``notifications/message`` on the call's own stream, at or above the level the
  connection chose with ``logging/setLevel`` (handshake era; all levels until it does) or the
  level the request opted in to (2026-07-28, per request; none without the opt-in);
- ``progress`` sends ``notifications/progress`` when the request carried a progress token;
- ``sample`` and ``elicit`` send ``sampling/createMessage`` / ``elicitation/create`` to the
  client on the call's stream. A client that did not declare the capability, a connection that
  cannot carry server requests (2026-07-28, stateless HTTP, the wire tunnel) or a client that
  answers with an error gives the capability E503; an answer that does not fit the model is
  E422. A client that never answers runs into the capability's deadline (E408).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import anyio
import trio
from mcp.server.connection import Connection, allowed_log_levels
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError, NoBackChannelError
from mcp.shared.message import ServerMessageMetadata
from mcp.types import (
    ClientCapabilities,
    CreateMessageRequest,
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitationCapability,
    ElicitResult,
    LoggingMessageNotification,
    LoggingMessageNotificationParams,
    ModelHint,
    ModelPreferences,
    SamplingCapability,
    SamplingMessage,
)
from pydantic import BaseModel, ValidationError

from .._context import Context
from .._jsonable import jsonable
from .._rich import Audio, Image, Text
from .._services import (
    LOG_LEVELS,
    Elicitation,
    LogLevel,
    Sampled,
    SampleRequest,
    services_of,
)
from ..errors import DeadlineExceededError, UnavailableError
from .content import block_from_mcp, mcp_block
from .elicitation import form_schema, parse_answer

__all__ = [
    "CLIENT_WAIT",
    "ELICITATION",
    "LOG_LEVEL_KEY",
    "SAMPLING",
    "STREAM_STARTED_KEY",
    "McpServices",
    "client_wait",
    "close_sse_stream",
    "connection_of",
    "elicitation_failed",
    "elicitation_of",
    "sampling_failed",
    "sampling_params",
    "set_log_level",
]

log = logging.getLogger("packetflow.mcp")

M = TypeVar("M", bound=BaseModel)

LOG_LEVEL_KEY = "packetflow.log_level"
"""Where ``logging/setLevel`` leaves the connection's level (in ``Connection.state``)."""

STREAM_STARTED_KEY = "packetflow.stream_started"
"""Where the HTTP transport leaves, in the ASGI scope's ``state``, the event set once the
response's first bytes (an SSE stream's priming event) have left."""

_STREAM_START_WAIT = 10.0  # seconds; a client that never takes the first event gets closed

CLIENT_WAIT = 300.0
"""Seconds a sampling or elicitation request waits for the client at most (E408 after), when
the capability's own deadline does not end it sooner: a person may take a while to answer a
form, but a call never hangs on a client that went quiet."""

SAMPLING = ClientCapabilities(sampling=SamplingCapability())
ELICITATION = ClientCapabilities(elicitation=ElicitationCapability())


def connection_of(ctx: ServerRequestContext[Any, Any]) -> Connection | None:
    """The connection a request arrived on.

    The SDK hands low-level handlers the per-request ``ServerSession``, which holds the
    connection privately; its public per-connection ``state`` is where the log level lives.
    ``tests/test_mcp/test_logging.py`` fails if an SDK release moves it (then no level is
    remembered and every level is sent, as before ``logging/setLevel``)."""
    connection = getattr(ctx.session, "_connection", None)
    return connection if isinstance(connection, Connection) else None


def set_log_level(ctx: ServerRequestContext[Any, Any], level: LogLevel) -> None:
    """Remember ``level`` for the connection of ``ctx`` (``logging/setLevel``)."""
    connection = connection_of(ctx)
    if connection is not None:
        connection.state[LOG_LEVEL_KEY] = level


class McpServices:
    """The client services of one ``tools/call`` (attached to its context)."""

    __slots__ = ("_ctx", "_tool")

    def __init__(self, ctx: ServerRequestContext[Any, Any], tool: str) -> None:
        self._ctx = ctx
        self._tool = tool

    @property
    def tool(self) -> str:
        return self._tool

    # -- notifications ---------------------------------------------------------------------

    async def log(self, level: LogLevel, message: str, data: dict[str, Any]) -> None:
        ctx = self._ctx
        if not self._wants(level):
            return
        payload: Any = message if not data else {"message": message, **jsonable(data)}
        notification = LoggingMessageNotification(
            params=LoggingMessageNotificationParams(level=level, data=payload, logger=self._tool)
        )
        try:
            await ctx.session.send_notification(notification, related_request_id=ctx.request_id)
        except (anyio.BrokenResourceError, anyio.ClosedResourceError):
            log.debug("mcp: log line for %s dropped, the stream is closed", self._tool)

    def _wants(self, level: LogLevel) -> bool:
        ctx = self._ctx
        allowed = allowed_log_levels(ctx.protocol_version, ctx.meta)
        if level not in allowed:
            return False  # 2026-07-28: this request did not opt in at this level
        connection = connection_of(ctx)
        chosen = None if connection is None else connection.state.get(LOG_LEVEL_KEY)
        return chosen is None or LOG_LEVELS.index(level) >= LOG_LEVELS.index(chosen)

    async def progress(self, done: float, total: float | None, message: str | None) -> None:
        try:
            await self._ctx.session.report_progress(done, total, message)
        except (anyio.BrokenResourceError, anyio.ClosedResourceError):
            log.debug("mcp: progress for %s dropped, the stream is closed", self._tool)

    async def close_stream(self) -> bool:
        ctx = self._ctx
        close = ctx.close_sse_stream
        if close is None:
            return False
        # Closing before the client has the priming event (its resume point) would leave it
        # nothing to reconnect with: wait for the stream's first bytes to leave.
        state = getattr(ctx.request, "scope", {}).get("state") or {}
        started = state.get(STREAM_STARTED_KEY)
        if started is not None:
            with trio.move_on_after(_STREAM_START_WAIT):
                await started.wait()
        await close()
        return True

    # -- requests to the client ------------------------------------------------------------

    async def sample(self, request: SampleRequest) -> Sampled:
        session = self._ctx.session
        self._require(SAMPLING, "sampling", "ctx.sample")
        params = sampling_params(request)
        try:
            with client_wait("ctx.sample", self._tool):
                result = await session.send_request(
                    CreateMessageRequest(params=params),
                    CreateMessageResult,
                    metadata=ServerMessageMetadata(related_request_id=self._ctx.request_id),
                )
            content = block_from_mcp(result.content)
        except (MCPError, ValidationError, TypeError) as exc:
            raise sampling_failed(self._tool, exc) from exc
        except NoBackChannelError as exc:
            raise _no_back_channel("ctx.sample", "sampling") from exc
        return Sampled(
            role=result.role, content=content, model=result.model, stop_reason=result.stop_reason
        )

    async def elicit(self, message: str, schema: type[M]) -> Elicitation[M]:
        session = self._ctx.session
        self._require(ELICITATION, "elicitation", "ctx.elicit")
        requested = form_schema(schema)
        try:
            with client_wait("ctx.elicit", self._tool):
                answer = await session.elicit_form(message, requested, self._ctx.request_id)
        except (MCPError, ValidationError) as exc:
            raise elicitation_failed(self._tool, exc) from exc
        except NoBackChannelError as exc:
            raise _no_back_channel("ctx.elicit", "elicitation") from exc
        return elicitation_of(schema, answer, self._tool)

    def require_declared(self, capability: ClientCapabilities, feature: str, call: str) -> None:
        """E503 unless the client declared ``capability``."""
        session = self._ctx.session
        if not session.check_client_capability(capability):
            info = session.client_params.client_info if session.client_params else None
            who = f"client {info.name!r}" if info is not None else "the client"
            raise UnavailableError(
                f"{call} in tool {self._tool!r}: {who} does not declare the {feature} "
                f"capability; use a client that supports {feature}, or catch UnavailableError "
                "and go on without it",
                details={"feature": feature},
            )

    def _require(self, capability: ClientCapabilities, feature: str, call: str) -> None:
        self.require_declared(capability, feature, call)
        if not self._ctx.session.can_send_request:
            raise _no_back_channel(call, feature)


async def close_sse_stream(ctx: Context) -> bool:
    """End the SSE stream of the MCP tool call running under ``ctx`` now, without ending the
    call (SEP-1699 polling): the client reconnects after the ``retry`` interval and gets the
    rest of the call (progress, logs, the result) replayed by ``Last-Event-ID``. Long-running
    tools use it so idle connections are not held open.

    Returns:
        ``True`` if a stream was closed; ``False`` where there is none to close (not an MCP
        call over streamable HTTP, or a client older than 2025-11-25, which cannot resume).
    """
    services = services_of(ctx)
    return await services.close_stream() if isinstance(services, McpServices) else False


def sampling_params(request: SampleRequest) -> CreateMessageRequestParams:
    """``ctx.sample``'s request as MCP ``sampling/createMessage`` params.

    Raises:
        TypeError: a message holds an embedded resource (sampling takes text, images, audio).
    """
    for message in request.messages:
        if not isinstance(message.content, (Text, Image, Audio)):
            raise TypeError(
                f"ctx.sample: {message.content.type!r} blocks cannot be sampled; send text, "
                "images or audio"
            )
    return CreateMessageRequestParams(
        messages=[
            SamplingMessage(role=m.role, content=mcp_block(m.content)) for m in request.messages
        ],
        max_tokens=request.max_tokens,
        system_prompt=request.system,
        temperature=request.temperature,
        stop_sequences=list(request.stop) or None,
        metadata=request.metadata or None,
        model_preferences=(
            ModelPreferences(hints=[ModelHint(name=name) for name in request.models])
            if request.models
            else None
        ),
    )


def elicitation_of(schema: type[M], answer: ElicitResult, tool: str) -> Elicitation[M]:
    """The user's answer as an :class:`Elicitation` (E422 when it does not fit ``schema``)."""
    if answer.action != "accept":
        return Elicitation[schema](action=answer.action)  # type: ignore[valid-type]
    data = parse_answer(schema, answer.content, f"ctx.elicit in tool {tool!r}")
    return Elicitation[schema](action="accept", data=data)  # type: ignore[valid-type]


def sampling_failed(tool: str, exc: Exception) -> UnavailableError:
    return UnavailableError(
        f"ctx.sample in tool {tool!r}: the client did not sample ({_reason(exc)}); retry, or go "
        "on without the model's answer",
        details={"feature": "sampling"},
    )


def elicitation_failed(tool: str, exc: Exception) -> UnavailableError:
    return UnavailableError(
        f"ctx.elicit in tool {tool!r}: the client did not ask the user ({_reason(exc)}); retry, "
        "or go on without the answer",
        details={"feature": "elicitation"},
    )


@contextmanager
def client_wait(call: str, tool: str) -> Iterator[None]:
    with trio.move_on_after(CLIENT_WAIT) as scope:
        yield
    if scope.cancelled_caught:
        raise DeadlineExceededError(
            f"{call} in tool {tool!r}: the client did not answer within {CLIENT_WAIT:g}s; give "
            "the capability a shorter timeout= to fail sooner",
            details={"timeout_s": CLIENT_WAIT},
        )


def _no_back_channel(call: str, feature: str) -> UnavailableError:
    return UnavailableError(
        f"{call}: this MCP connection cannot carry requests to the client (the 2026-07-28 "
        f"protocol, stateless or JSON-response HTTP, or the wire tunnel); {feature} needs a "
        "handshake-era session (stdio, or streamable HTTP with SSE)",
        details={"feature": feature},
    )


def _reason(exc: Exception) -> str:
    if isinstance(exc, MCPError):
        return f"error {exc.error.code}: {exc.error.message}"
    return f"its answer was malformed: {str(exc).splitlines()[0]}"
