"""The node's HTTP app: every route of the HTTP port on one router.

| path | who | what |
|---|---|---|
| ``/healthz``, ``/readyz`` | anyone | liveness; readiness (503 while draining) |
| ``/metrics`` | ``admin`` token (anyone on a node without a secret) | Prometheus text format |
| ``/mcp`` | bearer token, ``cap:``/``actor:`` scopes | MCP streamable HTTP (``mcp`` extra) |
| ``/``, ``/static/*`` | anyone | the dashboard page (it asks for a token) |
| ``/api/session``, ``/api/capabilities`` | any valid token | who am I; what I may call |
| ``/api/*`` (the rest) | ``admin`` token | the dashboard's data and live stream |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

try:
    import hypercorn  # noqa: F401
    import prometheus_client  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised by an env without the extra
    raise ImportError(
        "the node's HTTP port (/metrics, /healthz, the dashboard) needs the 'http' extra: "
        "pip install 'packetflow[http]'"
    ) from exc

from ..errors import NotFoundError, PacketFlowError
from .auth import HttpAuth, error_response
from .dashboard import Dashboard
from .health import Health
from .live import LiveUpdates
from .metrics import CONTENT_TYPE, NodeMetrics
from .router import ASGIApp, Receive, Request, Response, Router, Scope, Send
from .views import Views

if TYPE_CHECKING:
    from .._node import Node
    from .._wire.server import WireServer

__all__ = ["HttpApp"]


class HttpApp:
    """The ASGI app of one served node (see the module docstring).

    Args:
        node: the running node.
        wire: its wire server (tokens, limits, draining).
        mcp: the MCP streamable-HTTP ASGI app to mount at ``/mcp`` (``None``: the ``mcp``
            extra is not installed; ``/mcp`` then answers 404 saying so).
    """

    def __init__(self, node: Node, wire: WireServer, *, mcp: ASGIApp | None = None) -> None:
        config = wire.config
        self.node = node
        self.wire = wire
        self.auth = HttpAuth(config.authority, wire.limiter)
        self.metrics = NodeMetrics(node, wire)
        self.views = Views(node, wire)
        self.live = LiveUpdates(self.views, config.dashboard_interval)
        self.router = Router()
        health = Health(node, wire)
        self.router.add("GET", "/healthz", health.healthz)
        self.router.add("GET", "/readyz", health.readyz)
        self.router.add("GET", "/metrics", self._metrics)
        Dashboard(self.views, self.auth, self.live).install(self.router)
        if mcp is not None:
            self.router.mount("/mcp", mcp)
        else:
            for method in ("GET", "POST", "DELETE"):
                self.router.add(method, "/mcp", _no_mcp)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.router(scope, receive, send)

    async def _metrics(self, request: Request) -> Response:
        try:
            if self.auth.authority is not None:
                self.auth.admin(request)
        except PacketFlowError as exc:
            return error_response(exc)
        return Response(200, self.metrics.scrape(), CONTENT_TYPE)


async def _no_mcp(request: Request) -> Any:
    return error_response(
        NotFoundError(
            "this node serves no MCP: the 'mcp' extra is not installed; install it with "
            "pip install 'packetflow[mcp]' and restart the node"
        )
    )
