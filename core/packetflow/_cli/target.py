"""Where a command's node is: ``--app MODULE:ATTR`` runs it in this process (no server, no
token), ``--url ws://...`` reaches a running node over the wire protocol.

Both give a :class:`Target` with the same two operations, so every command that calls a node
(``call``, ``actors ...``, ``capabilities list``) works against either.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, Protocol
from urllib.parse import urlsplit

from .._client.client import Client, open_client
from .._node import Node
from ..errors import PacketFlowError
from .app import add_config_argument, load_app
from .errors import CommandError

__all__ = [
    "DEFAULT_URL",
    "TOKEN_ENV",
    "URL_ENV",
    "Target",
    "add_target_arguments",
    "check_url",
    "open_target",
    "target_url",
]

DEFAULT_URL = "ws://127.0.0.1:8765"
URL_ENV = "PACKETFLOW_URL"
TOKEN_ENV = "PACKETFLOW_TOKEN"


class Target(Protocol):
    """What a command can ask of a node, wherever it runs."""

    async def call(
        self, name: str, payload: Mapping[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        """Run capability ``name`` and return its output (typed errors raise)."""

    async def send(
        self, capability: str, actor_id: str, message: Mapping[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        """Send ``message`` to actor ``(capability, actor_id)`` and return its reply."""


def add_target_arguments(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """``--app`` or ``--url`` (default ``$PACKETFLOW_URL``, else ``ws://127.0.0.1:8765``,
    unless ``required``), with ``--token`` and ``--config``."""
    where = parser.add_mutually_exclusive_group(required=required)
    where.add_argument(
        "--app",
        metavar="MODULE:ATTR",
        help="run the node in this process (MODULE:ATTR or path/to/file.py:ATTR; no token)",
    )
    default = f"e.g. {DEFAULT_URL}" if required else f"default ${URL_ENV}, else {DEFAULT_URL}"
    where.add_argument("--url", help=f"a running node ({default})")
    parser.add_argument(
        "--token",
        default=os.environ.get(TOKEN_ENV),
        help=f"access token for --url (default ${TOKEN_ENV})",
    )
    add_config_argument(parser)


def target_url(args: argparse.Namespace) -> str:
    """The checked ``ws://`` URL a command without ``--app`` connects to."""
    return check_url(args.url or os.environ.get(URL_ENV, "").strip() or DEFAULT_URL)


def check_url(url: str) -> str:
    """``url`` when it is a ``ws://``/``wss://`` URL; otherwise a one-line error saying which
    form to use.

    Raises:
        CommandError: an ``http(s)://`` URL, a bare ``host:port``, or anything else.
    """
    parts = urlsplit(url)
    if parts.scheme in ("ws", "wss") and parts.hostname:
        return url
    if parts.scheme in ("http", "https"):
        fixed = ("wss" if parts.scheme == "https" else "ws") + url[len(parts.scheme) :]
        raise CommandError(
            f"--url {url!r}: the node speaks its wire protocol over WebSocket, not HTTP; "
            f"use {fixed!r} (MCP clients use http://HOST:PORT/mcp instead)"
        )
    if "://" not in url and url.strip():
        raise CommandError(f"--url {url!r}: not a URL; use 'ws://{url.strip()}' (wss:// for TLS)")
    raise CommandError(
        f"--url {url!r}: expected ws://HOST:PORT (wss:// for TLS), e.g. {DEFAULT_URL!r}"
    )


@asynccontextmanager
async def open_target(args: argparse.Namespace) -> AsyncIterator[Target]:
    """The node ``args`` name (``--app``: started here for the block; else ``--url``)."""
    if not getattr(args, "app", None):
        url = target_url(args)
        async with open_client(url, token=args.token, reconnect=False) as client:
            yield _Remote(client)
        return
    node = load_app(args.app, getattr(args, "config", None))
    # A typed error would leave the node's nursery wrapped in exception groups: carry it
    # out of the block plainly, so it reads the same as from a remote node.
    error: PacketFlowError | None = None
    async with node.started():
        try:
            yield _Local(node)
        except PacketFlowError as exc:
            error = exc
    if error is not None:
        raise error


class _Local:
    def __init__(self, node: Node) -> None:
        self.node = node

    async def call(
        self, name: str, payload: Mapping[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        return await self.node.call(name, payload, timeout=timeout)

    async def send(
        self, capability: str, actor_id: str, message: Mapping[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        return await self.node.actors.send(capability, actor_id, message, timeout=timeout)


class _Remote:
    def __init__(self, client: Client) -> None:
        self.client = client

    async def call(
        self, name: str, payload: Mapping[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        return await self.client.call(name, payload, timeout=timeout)

    async def send(
        self, capability: str, actor_id: str, message: Mapping[str, Any], timeout: float | None
    ) -> dict[str, Any]:
        return await self.client.actor(capability, actor_id).send(message, timeout=timeout)
