"""The wire tunnel: one MCP JSON-RPC message in, its reply out.

A wire ``mcp_request`` carries one JSON-RPC message in its ``payload``; the node answers with
an ``mcp_response`` whose payload is the reply. :class:`McpTunnel` runs the message through
the same :class:`~packetflow._mcp.server.McpServer` the other transports use, as a single
exchange: a 2026-07-28 request (with its ``_meta`` envelope) on its own, a handshake-era request
(``initialize`` included) as if its connection were already initialized. Notifications get no
reply (``None``; ``{}`` through the request handler): cancellation travels as the wire's own
``cancel`` message.

The wire admits an ``mcp_request`` (authenticated session, one request off the token's rate
limit) without knowing which tools it reaches; the MCP server behind the tunnel then checks
each tool call and resource read against the connection's principal (``current_principal``)
with the wire's ``cap:`` / ``actor:`` rules, and ``tools/list`` shows only what it may call.
``node.serve`` installs a tunnel when the ``mcp`` extra is installed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio
import trio
from mcp.server.connection import Connection
from mcp.server.runner import serve_one
from mcp.shared.exceptions import NoBackChannelError
from mcp.shared.inbound import InboundLadderRejection, classify_inbound_request
from mcp.shared.jsonrpc_dispatcher import handler_exception_to_error_data
from mcp.shared.message import MessageMetadata, ServerMessageMetadata
from mcp.shared.transport_context import TransportContext
from mcp.types import (
    INTERNAL_ERROR,
    INVALID_REQUEST,
    METHOD_NOT_FOUND,
    PROTOCOL_VERSION_META_KEY,
    ErrorData,
    JSONRPCRequest,
    RequestId,
    jsonrpc_message_adapter,
)
from mcp_types.version import LATEST_HANDSHAKE_VERSION
from pydantic import ValidationError

from .._auth.current import current_principal
from ..errors import DeadlineExceededError
from .auth import LOCAL, Caller
from .server import McpServer

if TYPE_CHECKING:
    from .._context import Context
    from .host import McpNode

__all__ = ["McpTunnel"]

log = logging.getLogger("packetflow.mcp")

_STREAMING = frozenset({"subscriptions/listen"})

_TRANSPORT = TransportContext(kind="packetflow-wire", can_send_request=False)


@dataclass
class _Exchange:
    """The SDK's per-request dispatch context for one tunnelled request: no back-channel
    (one message in, one reply out), the caller riding in the message metadata."""

    request_id: RequestId
    message_metadata: MessageMetadata
    cancel_requested: anyio.Event = field(default_factory=anyio.Event)
    transport: TransportContext = _TRANSPORT
    can_send_request: bool = False

    async def send_raw_request(
        self, method: str, params: Mapping[str, Any] | None, opts: Any = None
    ) -> dict[str, Any]:
        raise NoBackChannelError(method)

    async def notify(self, method: str, params: Mapping[str, Any] | None, opts: Any = None) -> None:
        log.debug("mcp tunnel: dropped %s (one reply per message)", method)

    async def progress(
        self, progress: float, total: float | None = None, message: str | None = None
    ) -> None:
        pass


class McpTunnel:
    """Answers tunnelled MCP messages with ``server``.

    Install it as the node's ``mcp_request`` handler with :meth:`install`; the wire server then
    runs ``mcp_request`` messages through ``node.dispatch`` (auth, limits, module chain) and
    this handler.
    """

    def __init__(self, server: McpServer) -> None:
        self.server = server

    def install(self, node: McpNode) -> None:
        """Route the node's ``mcp_request`` requests here."""
        node.add_request_handler("mcp_request", self.handle_request)

    async def handle_request(
        self, request: Any, ctx: Context, timeout: float | None
    ) -> dict[str, Any]:
        """The node request handler: ``request.payload`` is the JSON-RPC message; the result
        is the reply (``{}`` for a notification). The request's context (user, roles and
        session, as the wire set them) is the caller's, and the wire connection's verified
        principal decides what it may reach (the wire already charged its rate limit)."""
        principal = current_principal()
        if principal is not None and not principal.authenticated:
            principal = None  # a node without a secret: everyone is a local caller
        caller = Caller(principal, base=ctx, admitted=True)
        if timeout is None:
            reply = await self.handle(request.payload, caller)
        else:
            with trio.move_on_after(timeout) as scope:
                reply = await self.handle(request.payload, caller)
            if scope.cancelled_caught:
                raise DeadlineExceededError(
                    f"mcp_request {request.id!r}: no reply within {timeout:g}s",
                    details={"timeout_s": timeout},
                )
        return {} if reply is None else reply

    async def handle(
        self, message: Mapping[str, Any], caller: Caller = LOCAL
    ) -> dict[str, Any] | None:
        """The reply to one JSON-RPC message (``None`` for anything but a request)."""
        try:
            parsed = jsonrpc_message_adapter.validate_python(message)
        except ValidationError:
            return _error(
                message.get("id") if isinstance(message, Mapping) else None,
                ErrorData(code=INVALID_REQUEST, message="not a JSON-RPC 2.0 message"),
            )
        if not isinstance(parsed, JSONRPCRequest):
            return None
        if parsed.method in _STREAMING:
            return _error(
                parsed.id,
                ErrorData(
                    code=METHOD_NOT_FOUND,
                    message=f"{parsed.method} needs a stream and the tunnel carries one reply per "
                    "message; subscribe to the 'packetflow.registry.changed' channel instead",
                ),
            )
        try:
            connection = _connection(parsed)
        except _Refused as refused:
            return _error(parsed.id, refused.error)
        exchange = _Exchange(parsed.id, ServerMessageMetadata(request_context=caller))
        try:
            result = await serve_one(
                self.server.lowlevel,
                exchange,
                parsed.method,
                parsed.params,
                connection=connection,
                lifespan_state={},
            )
        except Exception as exc:
            error = handler_exception_to_error_data(exc)
            if error is None:
                log.error("mcp tunnel: %s failed", parsed.method, exc_info=exc)
                error = ErrorData(code=INTERNAL_ERROR, message="Internal server error")
            return _error(parsed.id, error)
        return {"jsonrpc": "2.0", "id": parsed.id, "result": result}


class _Refused(Exception):
    def __init__(self, error: ErrorData) -> None:
        self.error = error


def _connection(request: JSONRPCRequest) -> Connection:
    """A born-ready connection for one request: the 2026-07-28 envelope's, or a handshake-era
    one for requests without it."""
    params = request.params or {}
    meta = params.get("_meta")
    if not isinstance(meta, Mapping) or PROTOCOL_VERSION_META_KEY not in meta:
        return Connection.from_envelope(LATEST_HANDSHAKE_VERSION, None, None)
    route = classify_inbound_request({"method": request.method, "params": params})
    if isinstance(route, InboundLadderRejection):
        raise _Refused(ErrorData(code=route.code, message=route.message, data=route.data))
    return Connection.from_envelope(
        route.protocol_version, route.client_info, route.client_capabilities
    )


def _error(request_id: Any, error: ErrorData) -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "id": request_id,
        "error": error.model_dump(mode="json", exclude_none=True),
    }
