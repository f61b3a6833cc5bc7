"""Listening: the HTTP app on Hypercorn's trio worker (``serve_*`` style)."""

from __future__ import annotations

import logging
import socket
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import trio
from hypercorn.config import Config
from hypercorn.trio import serve

from .router import ASGIApp

__all__ = ["STALL_TIMEOUT", "serve_http"]

log = logging.getLogger("packetflow.http")

STALL_TIMEOUT = 30.0
"""Seconds a connection may leave sent data unacknowledged (a client that stopped reading a
live stream) before the kernel cuts it."""


class _Config(Config):
    """Hypercorn's config, with ``TCP_USER_TIMEOUT`` on the listening sockets (accepted
    connections inherit it).

    Why the kernel: Hypercorn shields its socket writes from cancellation, so a client that
    stops reading would hold its connection's task, and the node's graceful stop, for as long
    as it stays connected; with the option the write fails after ``stall`` seconds. Linux only
    (elsewhere the option does not exist and such a client holds its connection until it goes).
    """

    def __init__(self, stall: float) -> None:
        super().__init__()
        self._stall_ms = max(1, round(stall * 1000))

    def create_sockets(self) -> Any:
        sockets = super().create_sockets()
        option = getattr(socket, "TCP_USER_TIMEOUT", None)
        if option is not None:
            for sock in (*sockets.secure_sockets, *sockets.insecure_sockets):
                if sock.family in (socket.AF_INET, socket.AF_INET6):
                    sock.setsockopt(socket.IPPROTO_TCP, option, self._stall_ms)
        return sockets


async def serve_http(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = 8766,
    *,
    shutdown_trigger: Callable[[], Awaitable[None]] | None = None,
    graceful_timeout: float = 10.0,
    stall_timeout: float = STALL_TIMEOUT,
    task_status: trio.TaskStatus[str] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve ``app`` until cancelled or until ``shutdown_trigger`` returns (then requests in
    flight get ``graceful_timeout`` seconds). A client that leaves what it was sent unread for
    ``stall_timeout`` seconds is disconnected. ``task_status`` gets the base URL
    (``http://host:port``; port 0 picks a free port)."""
    config = _Config(stall_timeout)
    config.bind = [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    config.accesslog = None
    config.errorlog = log
    config.graceful_timeout = graceful_timeout
    async with trio.open_nursery() as nursery:
        binds: list[str] = await nursery.start(
            partial(serve, shutdown_trigger=shutdown_trigger), app, config
        )
        task_status.started(binds[0].rstrip("/"))
