"""Mounting an external MCP server: its tools become capabilities ``<name>.<tool>``.

``node.mount_mcp("files", command=["files-mcp", "--root", "."])`` (stdio) or
``node.mount_mcp("search", url="https://.../mcp")`` (streamable HTTP) connects with the official
SDK client and registers one capability per tool (``kind == "remote"``, contract from the
tool's JSON Schemas, see :mod:`.schema`). They run through the node like any capability: in
compositions, through ``node.call`` / ``node.dispatch`` and the wire.

The connection is a child of its own :class:`~packetflow._supervisor.Supervisor`: when the
server dies (a call sees the connection close, or the periodic health check fails) the tools
stay registered but answer E503 with ``retry_after_ms``, and the supervisor reconnects with
exponential backoff — relaunching the command for stdio. Once back, the tools work again (and
are re-read: tools added or removed meanwhile are registered or unregistered). A tools
list-changed notification from the server refreshes them at once.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Any, Literal

import httpx2
import mcp
import trio
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError
from mcp.types import CONNECTION_CLOSED, Tool, ToolListChangedNotification
from mcp_types.version import MODERN_PROTOCOL_VERSIONS
from pydantic import BaseModel

from .._capabilities.capability import Capability
from .._supervisor import Child, Supervisor
from ..errors import ExecutionFailedError, PacketFlowError, UnavailableError
from .results import error_from_result, error_from_rpc, output_of
from .schema import RemoteContract

if TYPE_CHECKING:
    from .._context import Context
    from .host import McpNode

__all__ = ["McpMount", "MountStatus"]

log = logging.getLogger("packetflow.mcp.mount")

MountStatus = Literal["idle", "connecting", "up", "down", "failed", "stopped"]

_MAX_PAGES = 100  # a server whose tools/list never ends cannot hang the mount


class McpMount:
    """One external MCP server mounted into a node (see :meth:`packetflow.Node.mount_mcp`).

    Args:
        node: the node whose registry receives the tools.
        name: the prefix of the capability names (``name.tool``).
        command: the stdio server to launch: executable and arguments.
        url: a streamable HTTP endpoint (exclusive with ``command``).
        env / cwd: environment additions and working directory for ``command``.
        headers: HTTP headers for ``url`` (e.g. ``{"Authorization": "Bearer ..."}``).
        mode: the SDK client's protocol mode: ``"auto"`` (2026-07-28, falling back to the
            handshake) or ``"legacy"``.
        call_timeout: seconds before a tool call fails with E408.
        connect_timeout: seconds to connect and list the tools before the attempt counts as
            failed; also how long a starting node waits for the first connection.
        health_interval: seconds between checks that the server still answers.
        backoff_base / backoff_max: reconnect backoff (exponential, with jitter).
    """

    def __init__(
        self,
        node: McpNode,
        name: str,
        *,
        command: Sequence[str] | None = None,
        url: str | None = None,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
        headers: Mapping[str, str] | None = None,
        mode: Literal["auto", "legacy"] = "auto",
        call_timeout: float = 60.0,
        connect_timeout: float = 10.0,
        health_interval: float = 10.0,
        backoff_base: float = 0.2,
        backoff_max: float = 5.0,
    ) -> None:
        if (command is None) == (url is None):
            raise ValueError(f"mount_mcp({name!r}): give exactly one of command= or url=")
        if command is not None and (isinstance(command, str) or not command):
            raise ValueError(
                f"mount_mcp({name!r}): command must be a non-empty list, e.g. ['server', '--flag']"
            )
        if not name or "." in name:
            raise ValueError(f"mount_mcp({name!r}): the name must be non-empty, without dots")
        for option, value in (
            ("call_timeout", call_timeout),
            ("connect_timeout", connect_timeout),
            ("health_interval", health_interval),
            ("backoff_base", backoff_base),
            ("backoff_max", backoff_max),
        ):
            if value <= 0:
                raise ValueError(f"mount_mcp({name!r}): {option} must be positive, got {value!r}")
        self.node = node
        self.name = name
        self.command = list(command) if command is not None else None
        self.url = url
        self.env = dict(env) if env is not None else None
        self.cwd = cwd
        self.headers = dict(headers or {})
        self.mode = mode
        self.call_timeout = call_timeout
        self.connect_timeout = connect_timeout
        self.health_interval = health_interval
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.status: MountStatus = "idle"
        self.tools: dict[str, Tool] = {}
        self.connects = 0
        self.last_error: str | None = None
        self.supervisor: Supervisor | None = None
        self._child: Child | None = None
        self._client: mcp.Client | None = None
        self._installed: dict[str, str] = {}  # capability name -> signature of its tool
        self._ready = trio.Event()
        self._lost = trio.Event()
        self._refresh = trio.Event()

    def __repr__(self) -> str:
        target = self.url or " ".join(self.command or ())
        return f"<McpMount {self.name!r} {self.status} {target!r} tools={len(self.tools)}>"

    @property
    def capabilities(self) -> list[str]:
        """The capability names this mount registered."""
        return sorted(self._installed)

    # -- lifecycle (a node Component) -----------------------------------------------------------

    async def open(self, node: McpNode, nursery: trio.Nursery) -> None:
        """Start the connection with the node and wait up to ``connect_timeout`` for it (a
        server that is not up yet is retried in the background; its tools appear then)."""
        self.start(nursery)
        if not await self.wait_ready(self.connect_timeout):
            log.warning(
                "mcp mount %r: not connected after %gs (%s); starting without its tools, "
                "retrying in the background",
                self.name, self.connect_timeout, self.last_error or "no answer",
            )  # fmt: skip

    async def close(self) -> None:
        """Stop the connection (the node is stopping); the tools stay registered."""
        self.status = "stopped"
        if self._child is not None:
            self._child.cancel()

    def start(self, nursery: trio.Nursery) -> None:
        """Start the supervised connection in ``nursery`` (the node's)."""
        if self._child is not None and self._child.status in ("running", "restarting"):
            raise RuntimeError(f"mcp mount {self.name!r} is already started")
        # Its own supervisor: a flapping external server must not use up the node's restart
        # intensity. The limit only stops a tight crash loop: with backoff_max between
        # attempts, a server that stays down is retried for as long as the node runs.
        self.supervisor = Supervisor(
            f"{self.node.name}/mcp:{self.name}",
            nursery,
            max_restarts=int(120 / self.backoff_max) + 20,
            period=60.0,
            backoff_base=self.backoff_base,
            backoff_max=self.backoff_max,
        )
        self.status = "connecting"
        self._child = self.supervisor.start_child("connection", self._connection)

    async def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the tools are registered (the first connection succeeded); returns
        ``False`` when ``timeout`` passed first."""
        if timeout is None:
            await self._ready.wait()
            return True
        with trio.move_on_after(timeout):
            await self._ready.wait()
            return True
        return False

    def unmount(self) -> None:
        """Disconnect and unregister every tool of this mount."""
        self.status = "stopped"
        if self._child is not None:
            self._child.cancel()
        for name in list(self._installed):
            self._drop(name)

    # -- the supervised connection --------------------------------------------------------------

    async def _connection(self) -> None:
        """One connection: connect, register the tools, serve calls until the server is lost.
        Returning lets the supervisor reconnect after its backoff."""
        self._lost = trio.Event()
        self.status = "connecting"
        # One deadline for connecting and listing the tools, lifted once they are registered
        # (a scope around the client's whole lifetime: the client's own task group must nest).
        connecting = trio.CancelScope(deadline=trio.current_time() + self.connect_timeout)
        try:
            with connecting:
                async with AsyncExitStack() as stack:
                    client = await stack.enter_async_context(self._client_for(stack))
                    self._install(await self._list_tools(client))
                    connecting.deadline = math.inf
                    await self._serve(client)
            if connecting.cancelled_caught:
                self.last_error = f"no answer within {self.connect_timeout:g}s"
                log.warning("mcp mount %r: %s; reconnecting", self.name, self.last_error)
        except Exception as exc:  # any failure of the server or its transport: reconnect
            self.last_error = _describe(exc)
            log.warning("mcp mount %r: %s; reconnecting", self.name, self.last_error)
        finally:
            self._client = None
            if not self._stopping():
                self.status = "down"

    async def _serve(self, client: mcp.Client) -> None:
        """Connected: make the tools callable until the server is lost."""
        self._client = client
        self.status = "up"
        self.connects += 1
        self.last_error = None
        self._ready.set()
        log.info("mcp mount %r: connected, %d tools", self.name, len(self.tools))
        async with trio.open_nursery() as nursery:
            nursery.start_soon(self._watch, client)
            if client.protocol_version in MODERN_PROTOCOL_VERSIONS and _lists_changes(client):
                nursery.start_soon(self._listen, client)
            await self._lost.wait()
            nursery.cancel_scope.cancel()
        if self.last_error is None:
            self.last_error = "connection lost"
        log.warning("mcp mount %r: %s; reconnecting", self.name, self.last_error)

    def _client_for(self, stack: AsyncExitStack) -> mcp.Client:
        target: Any
        if self.url is not None:
            http = httpx2.AsyncClient(
                headers=self.headers, timeout=httpx2.Timeout(30.0, read=300.0)
            )
            stack.push_async_callback(http.aclose)
            target = streamable_http_client(self.url, http_client=http)
        else:
            assert self.command is not None
            target = mcp.StdioServerParameters(
                command=self.command[0], args=self.command[1:], env=self.env, cwd=self.cwd
            )
        return mcp.Client(target, mode=self.mode, message_handler=self._on_message)

    async def _list_tools(self, client: mcp.Client) -> list[Tool]:
        tools: list[Tool] = []
        cursor: str | None = None
        for _ in range(_MAX_PAGES):
            page = await client.list_tools(cursor=cursor, cache_mode="bypass")
            tools += page.tools
            cursor = page.next_cursor
            if cursor is None:
                break
        return tools

    async def _watch(self, client: mcp.Client) -> None:
        """Health checks and refreshes: a server that stops answering is lost."""
        while True:
            with trio.move_on_after(self.health_interval):
                await self._refresh.wait()
            self._refresh = trio.Event()
            try:
                with trio.fail_after(self.connect_timeout):
                    tools = await self._list_tools(client)
            except Exception as exc:
                self._lose(client, f"health check failed: {_describe(exc)}")
                return
            self._install(tools)

    async def _listen(self, client: mcp.Client) -> None:
        """2026-07-28 servers announce tool changes on a ``subscriptions/listen`` stream."""
        try:
            async with client.listen(tools_list_changed=True) as events:
                async for _ in events:
                    self._refresh.set()
        except Exception as exc:  # no stream, no push: the health check still refreshes
            log.debug("mcp mount %r: no change stream (%s)", self.name, _describe(exc))

    async def _on_message(self, message: Any) -> None:
        if isinstance(message, ToolListChangedNotification):
            self._refresh.set()

    # -- registry ------------------------------------------------------------------------------

    def _install(self, tools: list[Tool]) -> None:
        """Register new and changed tools, unregister the ones the server dropped."""
        self.tools = {tool.name: tool for tool in tools}
        wanted: dict[str, Tool] = {f"{self.name}.{tool.name}": tool for tool in tools}
        registry = self.node.registry
        for cap_name, tool in wanted.items():
            signature = _signature(tool)
            if self._installed.get(cap_name) == signature:
                continue
            if cap_name not in self._installed and cap_name in registry:
                log.error(
                    "mcp mount %r: capability %r is already registered by something else; "
                    "tool %r is not mounted",
                    self.name, cap_name, tool.name,
                )  # fmt: skip
                continue
            registry.add(self._capability(cap_name, tool), replace=True)
            self._installed[cap_name] = signature
        for cap_name in [name for name in self._installed if name not in wanted]:
            self._drop(cap_name)

    def _drop(self, cap_name: str) -> None:
        self._installed.pop(cap_name, None)
        if cap_name in self.node.registry:
            self.node.unregister(cap_name)

    def _capability(self, cap_name: str, tool: Tool) -> Capability:
        structured = isinstance(tool.output_schema, dict) and tool.output_schema.get("type") == (
            "object"
        )
        tool_name = tool.name

        async def handler(inp: Any, ctx: Context) -> dict[str, Any]:
            arguments = (
                inp.model_dump(exclude_unset=True) if isinstance(inp, BaseModel) else dict(inp)
            )
            return await self.call(tool_name, arguments, structured=structured)

        annotations = tool.annotations
        return Capability(
            cap_name,
            handler,
            RemoteContract(cap_name, tool.input_schema, tool.output_schema),
            intent=tool.description
            or tool.title
            or f"tool {tool.name!r} of MCP server {self.name!r}",
            tags=("mcp", self.name),
            timeout=self.call_timeout,
            idempotent=bool(annotations and annotations.idempotent_hint),
            kind="remote",
        )

    # -- calls ---------------------------------------------------------------------------------

    async def call(
        self, tool: str, arguments: dict[str, Any], *, structured: bool = True
    ) -> dict[str, Any]:
        """Call ``tool`` on the server; returns the capability output.

        Raises:
            UnavailableError: E503 while the server is down (``retry_after_ms`` set).
            PacketFlowError: the typed error the tool reported (E422, E404, E500...).
        """
        client = self._client
        subject = f"tool {tool!r} of MCP server {self.name!r}"
        if client is None:
            raise self._unavailable(subject)
        try:
            result = await client.call_tool(tool, arguments)
        except MCPError as exc:
            raise self._translate(client, exc, subject) from exc
        except Exception as exc:
            if isinstance(exc, RuntimeError) and self._client is client:
                # the SDK client checks structured results against the tool's outputSchema
                raise ExecutionFailedError(f"{subject} returned an invalid result: {exc}") from exc
            # the transport broke under the call (or the connection closed meanwhile)
            self._lose(client, _describe(exc))
            raise self._unavailable(subject) from exc
        if result.is_error:
            raise error_from_result(result, subject)
        return output_of(result, structured=structured)

    def _translate(self, client: mcp.Client, exc: MCPError, subject: str) -> PacketFlowError:
        if exc.error.code == CONNECTION_CLOSED:
            self._lose(client, exc.error.message)
            return self._unavailable(subject)
        return error_from_rpc(exc.error, subject)

    def _stopping(self) -> bool:
        return self.status == "stopped"  # set by close()/unmount() while a connection ran

    def _lose(self, client: mcp.Client, reason: str) -> None:
        """``client``'s server is gone: calls fail fast from now on and the connection task
        reconnects (a late failure of an older connection leaves a newer one alone)."""
        if client is not self._client:
            return
        self._client = None
        self.status = "down"
        self.last_error = reason
        self._lost.set()

    def _unavailable(self, subject: str) -> UnavailableError:
        why = self.last_error or "not connected"
        return UnavailableError(
            f"{subject} is unavailable ({why}); the node is reconnecting, retry later",
            details={"mount": self.name, "status": self.status},
            retry_after_ms=int(self.backoff_max * 1000),
        )


def _signature(tool: Tool) -> str:
    return json.dumps(
        [tool.description, tool.title, tool.input_schema, tool.output_schema], sort_keys=True
    )


def _lists_changes(client: mcp.Client) -> bool:
    tools = client.server_capabilities.tools
    return bool(tools and tools.list_changed)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        return _describe(exc.exceptions[0])
    if isinstance(exc, MCPError):
        return exc.error.message
    if isinstance(exc, TimeoutError | trio.TooSlowError):
        return "no answer in time"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
