"""A small ASGI router: what the node's HTTP port needs and nothing more.

Routes match a method and a path, exactly or with ``{name}`` segments (one path segment each,
percent-decoded). A handler takes a :class:`Request` and returns a :class:`Response` or a
:class:`Stream`. Whole ASGI apps (the MCP endpoint) mount on a path and get the scope as is.
Bodies are read up to :data:`MAX_BODY` bytes (413 beyond), so no request can hold the server's
memory.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias
from urllib.parse import parse_qsl, unquote

import trio

__all__ = ["MAX_BODY", "ASGIApp", "Request", "Response", "Router", "Stream", "json_response"]

log = logging.getLogger("packetflow.http")

MAX_BODY = 64 * 1024
"""Largest request body the dashboard API reads (its requests are small JSON objects)."""

Scope: TypeAlias = dict[str, Any]
Message: TypeAlias = dict[str, Any]
Receive: TypeAlias = Callable[[], Awaitable[Message]]
Send: TypeAlias = Callable[[Message], Awaitable[None]]
ASGIApp: TypeAlias = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Request:
    """One HTTP request as a handler sees it (header names lower-case)."""

    method: str
    path: str
    params: Mapping[str, str]
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes = b""

    def json(self) -> Any:
        """The body as JSON (``{}`` when empty).

        Raises:
            ValueError: the body is not JSON.
        """
        return json.loads(self.body) if self.body else {}


@dataclass(slots=True)
class Response:
    """A complete response."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


@dataclass(slots=True)
class Stream:
    """A streamed response: ``chunks`` is iterated until it ends or the client goes away
    (then it is closed, so its ``finally`` runs). A client that stops reading blocks the
    write of its chunk (Hypercorn shields socket writes from cancellation, so no timeout here
    could end it): the listening socket's ``TCP_USER_TIMEOUT`` (:func:`.server.serve_http`)
    has the kernel cut such a connection, which ends the response."""

    chunks: AsyncIterator[bytes]
    content_type: str = "text/event-stream"
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


Handler: TypeAlias = Callable[[Request], Awaitable[Response | Stream]]


def json_response(data: Any, status: int = 200) -> Response:
    """``data`` as a JSON response (non-JSON values through ``str``)."""
    return Response(status, json.dumps(data, default=str).encode())


class Router:
    """Routes requests to handlers and mounted apps; answers 404 / 405 / 413 itself."""

    def __init__(self) -> None:
        self._exact: dict[str, dict[str, Handler]] = {}
        self._patterns: list[tuple[re.Pattern[str], dict[str, Handler]]] = []
        self._mounts: dict[str, ASGIApp] = {}

    def add(self, method: str, path: str, handler: Handler) -> None:
        """Route ``method path`` (``{name}`` matches one segment) to ``handler``."""
        if "{" not in path:
            self._exact.setdefault(path, {})[method] = handler
            return
        regex = re.compile("^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(path)) + "$")
        for pattern, methods in self._patterns:
            if pattern.pattern == regex.pattern:
                methods[method] = handler
                return
        self._patterns.append((regex, {method: handler}))

    def mount(self, path: str, app: ASGIApp) -> None:
        """Hand every request for ``path`` (exactly) to the ASGI ``app``."""
        self._mounts[path] = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # no WebSocket routes: Hypercorn closes the connection
        path: str = scope["path"]
        mounted = self._mounts.get(path)
        if mounted is not None:
            await mounted(scope, receive, send)
            return
        methods, params = self._match(path)
        if methods is None:
            await _send(send, json_response(_error(404, f"no route for {path!r}"), 404))
            return
        method: str = scope["method"]
        handler = methods.get("GET" if method == "HEAD" else method)
        if handler is None:
            allow = ", ".join(sorted(methods)).encode()
            response = json_response(_error(405, f"{method} is not allowed on {path!r}"), 405)
            response.headers.append((b"allow", allow))
            await _send(send, response)
            return
        body = await _read_body(scope, receive)
        if body is None:
            await _send(send, json_response(_error(413, "request body too large"), 413))
            return
        request = Request(
            method,
            path,
            params,
            dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"))),
            {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
            body,
        )
        try:
            result = await handler(request)
        except Exception:
            log.exception("http: %s %s failed", method, path)
            result = json_response(_error(500, "internal error; see the node log"), 500)
        if isinstance(result, Stream):
            await _stream(result, receive, send)
        else:
            await _send(send, result, head=method == "HEAD")

    def _match(self, path: str) -> tuple[dict[str, Handler] | None, dict[str, str]]:
        exact = self._exact.get(path)
        if exact is not None:
            return exact, {}
        for pattern, methods in self._patterns:
            found = pattern.match(path)
            if found is not None:
                return methods, {k: unquote(v) for k, v in found.groupdict().items()}
        return None, {}


def _error(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "message": message}}


async def _read_body(scope: Scope, receive: Receive) -> bytes | None:
    if scope["method"] in ("GET", "HEAD"):
        return b""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b""
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _send(send: Send, response: Response, *, head: bool = False) -> None:
    headers = [
        (b"content-type", response.content_type.encode()),
        (b"content-length", str(len(response.body)).encode()),
        (b"cache-control", b"no-store"),
        *response.headers,
    ]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else response.body})


async def _stream(stream: Stream, receive: Receive, send: Send) -> None:
    headers = [
        (b"content-type", stream.content_type.encode()),
        (b"cache-control", b"no-store"),
        (b"x-accel-buffering", b"no"),
        *stream.headers,
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    chunks = stream.chunks
    try:
        async with trio.open_nursery() as nursery:

            async def watch_disconnect() -> None:
                while (await receive())["type"] != "http.disconnect":
                    pass
                nursery.cancel_scope.cancel()

            nursery.start_soon(watch_disconnect)
            async for chunk in chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            nursery.cancel_scope.cancel()
        await send({"type": "http.response.body", "body": b"", "more_body": False})
    except OSError:
        pass  # the client went away mid-write
    finally:
        aclose = getattr(chunks, "aclose", None)
        if aclose is not None:
            with trio.CancelScope(shield=True):
                await aclose()


async def _lifespan(receive: Receive, send: Send) -> None:
    # Nothing to set up: the server's companions own their resources (see app.py).
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
