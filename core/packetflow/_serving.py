"""What ``node.serve`` runs beside the WebSocket server (its *companions*, see
:func:`packetflow._wire.server.serve_node`): the node injects them, so the wire layer imports
neither MCP nor HTTP.

- The MCP tunnel (``mcp_request`` messages) when the ``mcp`` extra is installed; without it,
  those messages get E404 naming the extra.
- With ``ServerConfig.http_port``: the HTTP port (:mod:`packetflow._http`) on the wire's
  host — ``/metrics``, ``/healthz``, ``/readyz``, the dashboard, and MCP streamable HTTP at
  ``/mcp`` — stopping when the wire drains, with the same drain timeout.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from functools import partial
from typing import TYPE_CHECKING, Any

import trio

from .errors import NotFoundError

if TYPE_CHECKING:
    from ._mcp.server import McpServer
    from ._wire.config import ServerConfig
    from ._wire.server import Companion, WireServer

__all__ = ["check_extras", "companions"]


def companions(config: ServerConfig) -> list[Companion]:
    """The companions of a node served with ``config``."""
    return [serve_beside]


def check_extras(config: ServerConfig) -> None:
    """Fail before the node starts when ``config`` asks for what is not installed.

    Raises:
        ImportError: naming the extra to install.
    """
    if config.mcp_http_port is not None:
        import packetflow._mcp.http
    if config.http_port is not None:
        import packetflow._http.app  # noqa: F401 - ImportError naming the 'http' extra


async def serve_beside(
    server: WireServer, host: str, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED
) -> None:
    """The MCP tunnel, and the HTTP port when configured, until the wire drains."""
    mcp = _mcp_beside(server)
    port = server.config.http_port
    if port is None:
        task_status.started()
        return
    from ._http.app import HttpApp
    from ._http.server import serve_http

    async with AsyncExitStack() as stack:
        endpoint = None
        if mcp is not None:
            from ._mcp.wire import mcp_http_endpoint

            endpoint, running = mcp_http_endpoint(mcp, server, host)
            await stack.enter_async_context(running)
        app = HttpApp(server.node, server, mcp=endpoint)

        async def drained() -> None:
            await server.wait_draining()
            app.live.close()  # live streams end, so the graceful stop does not wait on them

        async with trio.open_nursery() as nursery:

            async def listen(*, task_status: trio.TaskStatus[str]) -> None:
                await serve_http(
                    app,
                    host,
                    port,
                    shutdown_trigger=drained,
                    graceful_timeout=server.config.drain_timeout,
                    task_status=task_status,
                )
                nursery.cancel_scope.cancel()  # drained: the live updates stop too

            nursery.start_soon(app.live.run)
            url: str = await nursery.start(listen)
            server.http_url = url
            server.mcp_url = None if endpoint is None else f"{url}/mcp"
            task_status.started()


def _mcp_beside(server: WireServer) -> McpServer | None:
    node = server.node
    try:
        from ._mcp.wire import mcp_beside
    except ImportError:
        if node.request_handler("mcp_request") is None:
            node.add_request_handler("mcp_request", partial(_no_mcp, node.name))
        return None
    return mcp_beside(server)


async def _no_mcp(name: str, request: Any, ctx: Any, timeout: float | None) -> dict[str, Any]:
    raise NotFoundError(
        f"node {name!r} serves no MCP: the 'mcp' extra is not installed; install it with "
        "pip install 'packetflow[mcp]' and restart the node"
    )
