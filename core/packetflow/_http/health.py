"""``/healthz`` (the process serves: 200 while the node runs) and ``/readyz`` (it takes work:
503 while it starts, drains or stops), for load balancers and orchestrators. Neither needs a
token: they say nothing but the node's state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .router import Request, Response, json_response

if TYPE_CHECKING:
    from .._node import Node
    from .._wire.server import WireServer

__all__ = ["Health"]


class Health:
    """The two probes of one served node."""

    def __init__(self, node: Node, wire: WireServer) -> None:
        self.node = node
        self.wire = wire

    async def healthz(self, request: Request) -> Response:
        alive = self.node.state in ("running", "stopping")
        return json_response(
            {"status": "ok" if alive else "down", "node": self.node.name, "state": self.node.state},
            200 if alive else 503,
        )

    async def readyz(self, request: Request) -> Response:
        if self.wire.draining:
            reason = "draining"
        elif self.node.state != "running":
            reason = self.node.state
        else:
            reason = None
        body = {"status": "ready" if reason is None else "unavailable", "node": self.node.name}
        if reason is not None:
            body["reason"] = reason
        return json_response(body, 200 if reason is None else 503)
