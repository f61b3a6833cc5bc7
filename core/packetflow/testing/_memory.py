"""An in-memory transport for application tests, as httpx ships ``MockTransport``.

:func:`open_memory_client` connects a real :class:`~packetflow.Client` to a node of the same
process over a pair of memory streams instead of a socket: the client speaks the real wire
protocol (WebSocket frames included), and the node serves it with the same connection shell
and protocol object as a TCP connection -- hello, tokens and scopes, limits, heartbeats,
cancel, channels, MCP tunnel. Tests of client code then need no port.

Each direction of a memory stream holds at most :data:`STREAM_BUFFER` bytes; beyond that the
sender waits, as a TCP socket's full buffer makes it wait (backpressure, never an unbounded
queue).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import trio
from trio_websocket import WebSocketConnection

from .._client.client import Client, open_client
from .._client.transport import Connect, unwrap, websocket_over
from .._serving import start_mcp
from .._wire.config import ServerConfig
from .._wire.protocol.client import CLIENT_LIMITS
from .._wire.server import WireServer

if TYPE_CHECKING:
    from .._node import Node

__all__ = ["STREAM_BUFFER", "memory_stream_pair", "open_memory_client"]

_CHUNK = 64 * 1024
_CHUNKS = 16
STREAM_BUFFER = _CHUNK * _CHUNKS
"""Bytes buffered per direction of a memory stream (1 MiB) before its sender waits."""


@asynccontextmanager
async def open_memory_client(
    node: Node,
    *,
    token: str | None = None,
    config: ServerConfig | None = None,
    **options: Any,
) -> AsyncIterator[Client]:
    """A :class:`~packetflow.Client` connected to the running ``node`` in memory, for the
    ``async with`` block.

    ::

        async with node.started(), open_memory_client(node) as client:
            assert await client.call("user_transform", {"user_id": "42"}) == {...}

    Args:
        node: the node to talk to.
        token: the access token the client sends in its ``hello``.
        config: how the node serves this client (tokens, limits, heartbeats), as for
            ``node.serve``; default ``ServerConfig()``: no secret, so the client is anonymous
            with every scope, as on a loopback bind. Give it an ``authority`` to test tokens
            and scopes.
        options: :class:`~packetflow.Client` options (``reconnect``, ``connect_timeout``...).

    Raises:
        RuntimeError: ``node`` is not running.
        ValueError: ``config.mcp_http_port`` is set (a memory client serves no HTTP).
        UnauthenticatedError: E401, the node refused the token.
    """
    config = ServerConfig() if config is None else config
    if config.mcp_http_port is not None:
        raise ValueError(
            f"config.mcp_http_port={config.mcp_http_port!r}: a memory client opens no port; "
            "leave it unset (the client's mcp() tunnel still reaches the node's MCP server)"
        )
    if node.state != "running":
        raise RuntimeError(
            f"node {node.name!r} is {node.state}: open the memory client inside "
            "'async with node.started()'"
        )
    server = WireServer(node, config)
    try:
        async with trio.open_nursery() as nursery:
            await start_mcp(node, server, "memory", nursery)  # the mcp_request tunnel, as serve()
            connect = _connector(server, nursery, float(options.get("connect_timeout", 10.0)))
            async with open_client(
                f"memory://{node.name}", token=token, connect=connect, **options
            ) as client:
                yield client
            nursery.cancel_scope.cancel()
    except BaseExceptionGroup as group:
        unwrap(group)  # the block's own exception, as open_client raises it


def _connector(server: WireServer, nursery: trio.Nursery, connect_timeout: float) -> Connect:
    """Each (re)connection of the client: a fresh stream pair, the node's end served in
    ``nursery``."""

    @asynccontextmanager
    async def connect() -> AsyncIterator[WebSocketConnection]:
        ours, theirs = memory_stream_pair()
        nursery.start_soon(server.handle_stream, theirs)
        async with websocket_over(
            ours,
            f"memory-{server.node.name}",
            "/",
            max_message_size=CLIENT_LIMITS.max_bytes,
            connect_timeout=connect_timeout,
        ) as ws:
            yield ws

    return connect


def memory_stream_pair() -> tuple[trio.StapledStream[Any, Any], trio.StapledStream[Any, Any]]:
    """Two connected byte streams, each direction buffering at most :data:`STREAM_BUFFER`
    bytes. (``trio.testing.memory_stream_pair`` buffers without bound;
    ``lockstep_stream_pair`` buffers nothing, so two peers that both send before reading
    deadlock.)"""
    a_out, b_in = trio.open_memory_channel[bytes](_CHUNKS)
    b_out, a_in = trio.open_memory_channel[bytes](_CHUNKS)
    return (
        trio.StapledStream(_SendEnd(a_out), _ReceiveEnd(a_in)),
        trio.StapledStream(_SendEnd(b_out), _ReceiveEnd(b_in)),
    )


class _SendEnd(trio.abc.SendStream):
    def __init__(self, channel: trio.MemorySendChannel[bytes]) -> None:
        self._channel = channel

    async def send_all(self, data: bytes | bytearray | memoryview) -> None:
        # A closed peer: BrokenResourceError; this end closed: ClosedResourceError (as a
        # socket stream raises them).
        view = memoryview(data)
        if not view:
            await trio.lowlevel.checkpoint()
        for start in range(0, len(view), _CHUNK):
            await self._channel.send(bytes(view[start : start + _CHUNK]))

    async def wait_send_all_might_not_block(self) -> None:
        await trio.lowlevel.checkpoint()

    async def aclose(self) -> None:
        await self._channel.aclose()


class _ReceiveEnd(trio.abc.ReceiveStream):
    def __init__(self, channel: trio.MemoryReceiveChannel[bytes]) -> None:
        self._channel = channel
        self._rest = b""

    async def receive_some(self, max_bytes: int | None = None) -> bytes:
        if self._rest:
            await trio.lowlevel.checkpoint()
        else:
            try:
                self._rest = await self._channel.receive()
            except trio.EndOfChannel:  # the peer closed: end of stream
                return b""
        size = len(self._rest) if max_bytes is None else max_bytes
        chunk, self._rest = self._rest[:size], self._rest[size:]
        return chunk

    async def aclose(self) -> None:
        await self._channel.aclose()
