"""Opening a client WebSocket whose byte stream we own.

trio-websocket's client leaves the socket open when the *server* closes the connection (it waits
for the server's TCP close, then never closes its own end, and ``aclose()`` returns early once a
close reason is set). Owning the stream lets the client close it in every case.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import NoReturn, TypeAlias, cast
from urllib.parse import urlsplit

import trio
from trio_websocket import WebSocketConnection, wrap_client_stream

__all__ = ["Connect", "open_websocket", "unwrap", "websocket_over"]

Connect: TypeAlias = Callable[[], AbstractAsyncContextManager[WebSocketConnection]]
"""Opens one client WebSocket to a node (for the ``async with`` block)."""


@asynccontextmanager
async def open_websocket(
    url: str, *, max_message_size: int, connect_timeout: float, close_timeout: float = 2.0
) -> AsyncIterator[WebSocketConnection]:
    """Connect to ``ws://`` or ``wss://`` ``url`` for the ``async with`` block.

    Raises:
        ValueError: a URL that is not ``ws://host[:port][/path]``.
        OSError, trio.TooSlowError, trio_websocket.HandshakeError: cannot connect.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise ValueError(f"url {url!r}: expected 'ws://host:port' or 'wss://host:port'")
    secure = parts.scheme == "wss"
    port = parts.port or (443 if secure else 80)
    resource = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    stream: trio.abc.Stream
    with trio.fail_after(connect_timeout):
        if secure:
            stream = await trio.open_ssl_over_tcp_stream(
                parts.hostname, port, ssl_context=ssl.create_default_context()
            )
        else:
            stream = await trio.open_tcp_stream(parts.hostname, port)
    async with websocket_over(
        stream,
        host_header,
        resource,
        max_message_size=max_message_size,
        connect_timeout=connect_timeout,
        close_timeout=close_timeout,
    ) as ws:
        yield ws


@asynccontextmanager
async def websocket_over(
    stream: trio.abc.Stream,
    host: str,
    resource: str,
    *,
    max_message_size: int,
    connect_timeout: float,
    close_timeout: float = 2.0,
) -> AsyncIterator[WebSocketConnection]:
    """The client side of a WebSocket on an open byte ``stream`` (TCP, TLS, or in memory),
    which is closed afterwards in every case.

    Raises:
        trio.TooSlowError, trio_websocket.HandshakeError: the opening handshake failed.
    """
    try:
        async with trio.open_nursery() as nursery:
            with trio.fail_after(connect_timeout):
                ws = await wrap_client_stream(
                    nursery,
                    cast(trio.SocketStream, stream),  # any trio Stream works; typed too narrowly
                    host,
                    resource,
                    max_message_size=max_message_size,
                )
            try:
                yield ws
            finally:
                # Not cancel(): the reader task must live on to complete a closing handshake
                # that another task may have started; it ends by itself once the stream closes.
                nursery.cancel_scope.deadline = trio.current_time() + close_timeout
                with trio.CancelScope(shield=True) as scope:
                    scope.deadline = trio.current_time() + close_timeout
                    await ws.aclose()
    except BaseExceptionGroup as group:
        unwrap(group)
    finally:
        await trio.aclose_forcefully(stream)


def unwrap(group: BaseExceptionGroup[BaseException]) -> NoReturn:
    """Re-raise the one real exception of a nursery's ``group``.

    Context managers here run background tasks that never raise, so the group holds the
    ``async with`` body's exception (plus ``Cancelled`` from the cleanup); users should not
    need ``except*`` around a client.
    """
    real = [exc for exc in group.exceptions if not isinstance(exc, trio.Cancelled)]
    if len(real) > 1:
        raise group
    only = real[0] if real else group.exceptions[0]
    context = only.__context__
    try:
        raise only
    finally:
        only.__context__ = context  # keep the original context, not the group
