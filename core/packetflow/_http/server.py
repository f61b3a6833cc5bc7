"""Listening: the HTTP app on Hypercorn's trio worker (``serve_*`` style)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial

import trio
from hypercorn.config import Config
from hypercorn.trio import serve

from .router import ASGIApp

__all__ = ["serve_http"]

log = logging.getLogger("packetflow.http")


async def serve_http(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = 8766,
    *,
    shutdown_trigger: Callable[[], Awaitable[None]] | None = None,
    graceful_timeout: float = 10.0,
    task_status: trio.TaskStatus[str] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve ``app`` until cancelled or until ``shutdown_trigger`` returns (then requests in
    flight get ``graceful_timeout`` seconds). ``task_status`` gets the base URL
    (``http://host:port``; port 0 picks a free port)."""
    config = Config()
    config.bind = [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    config.accesslog = None
    config.errorlog = log
    config.graceful_timeout = graceful_timeout
    async with trio.open_nursery() as nursery:
        binds: list[str] = await nursery.start(
            partial(serve, shutdown_trigger=shutdown_trigger), app, config
        )
        task_status.started(binds[0].rstrip("/"))
