"""``node.serve``: the wire server with what the node serves beside it.

The wire (:mod:`packetflow._wire.server`, layer 1) knows nothing of MCP or HTTP; this module
(layer 4, beside the node) injects them (:func:`start_beside`):

- the MCP tunnel (``mcp_request`` messages) when the ``mcp`` extra is installed; without it,
  those messages get E404 naming the extra;
- with ``ServerConfig.http_port``: the HTTP port (:mod:`packetflow._http`) on the wire's
  host — ``/metrics``, ``/healthz``, ``/readyz``, the dashboard, and MCP streamable HTTP at
  ``/mcp`` — stopping when the wire drains, with the same drain timeout.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AsyncExitStack
from functools import partial
from typing import TYPE_CHECKING, Any

import trio

from ._wire.config import ServerConfig
from ._wire.server import WireServer
from ._wire.server import serve_node as serve_wire
from .errors import NotFoundError

if TYPE_CHECKING:
    from ._mcp.server import McpServer
    from ._node import Node

__all__ = ["check_extras", "serve_node", "start_beside", "start_mcp"]


def check_extras(config: ServerConfig) -> None:
    """Fail before the node starts when ``config`` asks for what is not installed.

    Raises:
        ImportError: naming the extra to install.
    """
    if config.mcp_http_port is not None:
        import packetflow._mcp.http
    if config.http_port is not None:
        import packetflow._http.app  # noqa: F401 - ImportError naming the 'http' extra


async def serve_node(
    node: Node,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    config: ServerConfig | None = None,
    shutdown_signals: Sequence[int] = (),
    task_status: trio.TaskStatus[WireServer] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve ``node`` over the wire, with MCP and the HTTP port beside it (see
    :func:`packetflow._wire.server.serve_node` for the rest)."""
    config = config if config is not None else ServerConfig.from_env()
    check_extras(config)
    await serve_wire(
        node,
        host,
        port,
        config=config,
        shutdown_signals=shutdown_signals,
        beside=partial(start_beside, node),
        task_status=task_status,
    )


async def start_beside(
    node: Node, server: WireServer, host: str, nursery: trio.Nursery
) -> str | None:
    """The MCP tunnel, and the HTTP port when configured (until the wire drains); returns the
    MCP endpoint's URL (``None``: no HTTP port, or no ``mcp`` extra)."""
    mcp = _mcp_beside(node, server)
    if server.config.http_port is None:
        return None
    await nursery.start(_serve_http_port, node, server, host, mcp)
    return server.mcp_url


async def start_mcp(node: Node, server: WireServer, host: str, nursery: trio.Nursery) -> None:
    """Only the MCP tunnel (for transports without an HTTP port: the in-memory client)."""
    _mcp_beside(node, server)


async def _serve_http_port(
    node: Node,
    server: WireServer,
    host: str,
    mcp: McpServer | None,
    *,
    task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED,
) -> None:
    from ._http.app import HttpApp
    from ._http.server import serve_http

    port = server.config.http_port
    assert port is not None
    async with AsyncExitStack() as stack:
        endpoint = None
        if mcp is not None:
            from ._mcp.wire import mcp_http_endpoint

            endpoint, running = mcp_http_endpoint(mcp, server, host)
            await stack.enter_async_context(running)
        app = HttpApp(node, server, mcp=endpoint)

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


def _mcp_beside(node: Node, server: WireServer) -> McpServer | None:
    try:
        from ._mcp.wire import mcp_beside
    except ImportError:
        if node.request_handler("mcp_request") is None:
            node.add_request_handler("mcp_request", partial(_no_mcp, node.name))
        return None
    return mcp_beside(node, server)


async def _no_mcp(name: str, request: Any, ctx: Any, timeout: float | None) -> dict[str, Any]:
    raise NotFoundError(
        f"node {name!r} serves no MCP: the 'mcp' extra is not installed; install it with "
        "pip install 'packetflow[mcp]' and restart the node"
    )
