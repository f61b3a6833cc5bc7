"""Telling connected MCP clients that the tool list changed.

The two protocol eras deliver change notifications differently:

- 2026-07-28 clients open a ``subscriptions/listen`` stream; the SDK's ``ListenHandler`` serves
  it from a subscription bus this feed publishes ``ToolsListChanged`` events on.
- Handshake-era clients get ``notifications/tools/list_changed`` on their connection's
  standalone channel. The feed remembers each such connection's session when its
  ``notifications/initialized`` arrives (bounded: the oldest is forgotten first; sending to a
  closed one is a no-op).

:meth:`ChangeFeed.follow` drives both from the node's ``packetflow.registry.changed`` channel,
coalescing bursts (registering ten capabilities sends one notification);
:meth:`ChangeFeed.follow_content` does the same for ``node.prompts`` and ``node.resources``.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from typing import Any

import anyio
import trio
from mcp.server.context import ServerRequestContext
from mcp.server.session import ServerSession
from mcp.server.subscriptions import (
    InMemorySubscriptionBus,
    ListenHandler,
    PromptsListChanged,
    ResourcesListChanged,
    ToolsListChanged,
)
from mcp.types import NotificationParams

from .._channels import Channels
from .._content.catalog import Prompts, Resources

__all__ = ["REGISTRY_CHANNEL", "ChangeFeed"]

log = logging.getLogger("packetflow.mcp")

REGISTRY_CHANNEL = "packetflow.registry.changed"


class ChangeFeed:
    """List-changed notifications for every connected client, in both protocol eras.

    Args:
        max_legacy_sessions: handshake-era connections remembered (oldest dropped first).
        max_listeners: concurrent ``subscriptions/listen`` streams (beyond: refused).
        resources: also announce resource-list changes (when actors are served).
    """

    def __init__(
        self,
        *,
        max_legacy_sessions: int = 1024,
        max_listeners: int = 1024,
        resources: bool = False,
    ) -> None:
        self.bus = InMemorySubscriptionBus()
        self.listen = ListenHandler(self.bus, max_subscriptions=max_listeners)
        self.resources = resources
        self._legacy: deque[ServerSession] = deque(maxlen=max_legacy_sessions)
        self.sent = 0

    async def on_initialized(
        self, ctx: ServerRequestContext[Any, Any], params: NotificationParams
    ) -> None:
        """The ``notifications/initialized`` handler: remember a handshake-era connection."""
        self._legacy.append(ctx.session)

    async def tools_changed(self) -> None:
        """Notify every client that the tool list (and the resource list) changed."""
        await self.announce(tools=True, resources=self.resources)

    async def announce(
        self, *, tools: bool = False, prompts: bool = False, resources: bool = False
    ) -> None:
        """Send the list-changed notifications for the lists named."""
        self.sent += 1
        if tools:
            await self.bus.publish(ToolsListChanged())
        if prompts:
            await self.bus.publish(PromptsListChanged())
        if resources:
            await self.bus.publish(ResourcesListChanged())
        for session in list(self._legacy):
            try:
                if tools:
                    await session.send_tool_list_changed()
                if prompts:
                    await session.send_prompt_list_changed()
                if resources:
                    await session.send_resource_list_changed()
            except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                self._forget(session)

    async def follow_content(self, prompts: Prompts, resources: Resources) -> None:
        """Notify clients after every change of the node's prompts or resources, until
        cancelled (a burst of changes is one notification per list)."""
        changed = {"prompts": False, "resources": False}
        wake = trio.Event()

        def mark(kind: str) -> None:
            changed[kind] = True
            wake.set()

        stop_prompts = prompts.on_change(lambda: mark("prompts"))
        stop_resources = resources.on_change(lambda: mark("resources"))
        try:
            while True:
                await wake.wait()
                wake = trio.Event()
                kinds = dict(changed)
                changed.update(prompts=False, resources=False)
                await self.announce(prompts=kinds["prompts"], resources=kinds["resources"])
        finally:
            stop_prompts()
            stop_resources()

    async def follow(self, channels: Channels) -> None:
        """Notify clients after every registry change, until cancelled."""
        with channels.subscribe(REGISTRY_CHANNEL, buffer=64) as changes:
            async for _ in changes:
                with contextlib.suppress(trio.WouldBlock):
                    while True:  # a burst of changes is one notification
                        changes.receive_nowait()
                await self.tools_changed()

    def _forget(self, session: ServerSession) -> None:
        with contextlib.suppress(ValueError):
            self._legacy.remove(session)
