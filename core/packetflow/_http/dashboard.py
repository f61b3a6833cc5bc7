"""The dashboard: its page and assets (``/``, ``/static/...``, shipped inside the package) and
its JSON API under ``/api``.

The page asks for a token in a login form and keeps it in the tab's ``sessionStorage``; every
API call sends it as ``Authorization: Bearer`` (never in a URL, so it stays out of logs and
history). Live updates come over Server-Sent Events read with ``fetch`` (``EventSource``
cannot send headers). ``/api/session`` and ``/api/capabilities`` take any valid token (the
capabilities it may call, as discovery shows them); everything else needs ``admin``.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING, Any

from ..errors import NotFoundError, PacketFlowError, UnavailableError
from .auth import HttpAuth, error_response
from .live import LiveUpdates, TooManyClients
from .router import Request, Response, Router, Stream, json_response
from .views import Views

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

__all__ = ["Dashboard"]

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}
# The page may run only its own scripts and styles, and talk only to this origin.
_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


class Dashboard:
    """The dashboard's routes for one node."""

    def __init__(self, views: Views, auth: HttpAuth, live: LiveUpdates) -> None:
        self.views = views
        self.auth = auth
        self.live = live
        self._static = files("packetflow._http") / "static"

    def install(self, router: Router) -> None:
        """Add the page, its assets and the API to ``router``."""
        router.add("GET", "/", self.page)
        router.add("GET", "/static/{name}", self.asset)
        any_token = self._guarded(self.auth.caller)
        admin = self._guarded(self.auth.admin)
        router.add("GET", "/api/session", any_token(self.session))
        router.add("GET", "/api/capabilities", any_token(self.capabilities))
        router.add("GET", "/api/overview", admin(self.overview))
        router.add("GET", "/api/modules", admin(self.modules))
        router.add("GET", "/api/modules/{name}", admin(self.module))
        router.add("GET", "/api/runs", admin(self.runs))
        router.add("GET", "/api/actors", admin(self.actors))
        router.add("GET", "/api/actors/{capability}/{actor_id}", admin(self.actor))
        router.add("GET", "/api/channels", admin(self.channels))
        router.add("GET", "/api/arena", admin(self.arena))
        router.add("GET", "/api/optimizer", admin(self.optimizer))
        router.add("GET", "/api/events", admin(self.events))

    def _guarded(
        self, check: Callable[[Request], Any]
    ) -> Callable[[Callable[..., Awaitable[Response | Stream]]], Any]:
        def wrap(handler: Callable[..., Awaitable[Response | Stream]]) -> Any:
            async def guarded(request: Request) -> Response | Stream:
                try:
                    principal = check(request)
                    return await handler(request, principal)
                except PacketFlowError as exc:
                    return error_response(exc)

            return guarded

        return wrap

    # -- the page --------------------------------------------------------------------------

    async def page(self, request: Request) -> Response:
        return self._file("index.html")

    async def asset(self, request: Request) -> Response:
        return self._file(request.params["name"])

    def _file(self, name: str) -> Response:
        suffix = name[name.rfind(".") :] if "." in name else ""
        resource = self._static / name
        if "/" in name or name.startswith(".") or suffix not in _TYPES or not resource.is_file():
            return json_response({"error": {"status": 404, "message": f"no asset {name!r}"}}, 404)
        response = Response(200, resource.read_bytes(), _TYPES[suffix])
        response.headers += [
            (b"content-security-policy", _CSP),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
        ]
        return response

    # -- the API ---------------------------------------------------------------------------

    async def session(self, request: Request, principal: Any) -> Response:
        node = self.views.node
        return json_response(
            {
                "node": node.name,
                "sub": principal.sub,
                "admin": principal.is_admin,
                "scopes": list(principal.scopes),
                "interval": self.live.interval,
            }
        )

    async def capabilities(self, request: Request, principal: Any) -> Response:
        return json_response({"capabilities": self.views.capabilities(principal)})

    async def overview(self, request: Request, principal: Any) -> Response:
        return json_response(self.views.overview())

    async def modules(self, request: Request, principal: Any) -> Response:
        return json_response(self.views.modules())

    async def module(self, request: Request, principal: Any) -> Response:
        name = request.params["name"]
        data = self.views.modules()
        found = [m for m in data["modules"] if m["name"] == name]
        if not found:
            raise NotFoundError(f"module {name!r} is not registered on this node")
        positions = {
            kind: order.index(name) if name in order else None
            for kind, order in data["chains"].items()
        }
        return json_response({"module": found[0], "chains": data["chains"], "positions": positions})

    async def runs(self, request: Request, principal: Any) -> Response:
        return json_response({"runs": self.views.runs()})

    async def actors(self, request: Request, principal: Any) -> Response:
        return json_response(await self.views.actors())

    async def actor(self, request: Request, principal: Any) -> Response:
        params = request.params
        return json_response(await self.views.actor(params["capability"], params["actor_id"]))

    async def channels(self, request: Request, principal: Any) -> Response:
        return json_response(self.views.channels())

    async def arena(self, request: Request, principal: Any) -> Response:
        arena = await self.views.arena()
        if arena is None:
            raise NotFoundError(
                "the spatial arena is not running on this node; install "
                "packetflow-module-spatial-arena"
            )
        return json_response(arena)

    async def optimizer(self, request: Request, principal: Any) -> Response:
        optimizer = await self.views.optimizer()
        if optimizer is None:
            raise NotFoundError(
                "the optimizer is not running on this node; install "
                "packetflow-module-adaptive-optimization"
            )
        return json_response(optimizer)

    async def events(self, request: Request, principal: Any) -> Stream:
        try:
            chunks = self.live.subscribe()
        except TooManyClients as exc:
            raise UnavailableError(
                f"dashboard: {exc}; close another dashboard tab", retry_after_ms=5000
            ) from None
        return Stream(chunks)
