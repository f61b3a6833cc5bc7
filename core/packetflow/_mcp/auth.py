"""Who calls an MCP tool and whether they may: the seams the wire's token code plugs into.

- :data:`TokenVerifier` turns a bearer token into a :class:`Principal` (streamable HTTP);
  the wire's ``TokenAuthority.verify`` has this shape.
- :class:`Authorizer` decides whether a principal may reach a capability (``"cap"``) or an
  actor (``"actor"``) — the kinds of the wire's ``cap:<glob>`` / ``actor:<glob>`` scopes — and
  is also the place for per-token rate limits. It raises instead of returning ``False`` so the
  caller gets the precise error (E403, E429...).
- :class:`Caller` travels with one MCP connection or tunnelled message; :meth:`Caller.context`
  makes the PacketFlow :class:`~packetflow.Context` of each tool call from it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeAlias, runtime_checkable

from .._context import Context
from ..errors import UnauthenticatedError

__all__ = [
    "CALLER_KEY",
    "LOCAL",
    "Authorizer",
    "Caller",
    "Principal",
    "StaticPrincipal",
    "TokenVerifier",
    "allow_all",
    "verify",
]


@runtime_checkable
class Principal(Protocol):
    """An authenticated caller as a token verifier returns it (the wire's ``Principal`` fits):
    ``sub`` becomes ``context.user_id`` and ``roles`` become ``context.roles``."""

    @property
    def sub(self) -> str: ...

    @property
    def roles(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class StaticPrincipal:
    """A plain :class:`Principal`, for tests and for verifiers that need nothing more."""

    sub: str
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()


TokenVerifier: TypeAlias = Callable[[str], "Principal | Awaitable[Principal | None] | None"]
"""``verify(token) -> principal``; raise :class:`~packetflow.errors.UnauthenticatedError` (or
return ``None``) for a token that is not valid. May be sync or async."""


class Authorizer(Protocol):
    """``authorize(principal, kind, *names)``: raise unless ``principal`` may reach ``names``.

    ``kind`` is ``"cap"`` (``names`` is the tool's capability name) or ``"actor"`` (``names``
    are the actor capability and ``"<capability>/<actor_id>"``). ``principal`` is ``None`` for
    local, unauthenticated transports (stdio, ``insecure_dev``). Raise
    :class:`~packetflow.errors.ForbiddenError` (E403) to deny, or
    :class:`~packetflow.errors.RateLimitedError` (E429) when a per-token limit is hit.
    """

    def __call__(self, principal: Principal | None, kind: str, /, *names: str) -> None: ...


def allow_all(principal: Principal | None, kind: str, /, *names: str) -> None:
    """The default :class:`Authorizer`: everything is allowed (a local, trusted client)."""


async def verify(verifier: TokenVerifier, token: str) -> Principal:
    """Run ``verifier`` (sync or async) and insist on a principal.

    Raises:
        UnauthenticatedError: E401 when the verifier refuses the token.
    """
    result: Any = verifier(token)
    if inspect.isawaitable(result):
        result = await result
    if result is None:
        raise UnauthenticatedError(
            "bearer token was refused; send 'Authorization: Bearer <token>' with a valid token",
            details={"reason": "invalid"},
        )
    principal: Principal = result
    return principal


@dataclass(frozen=True)
class Caller:
    """The identity behind one MCP connection (or one tunnelled message).

    Attributes:
        principal: the verified caller, or ``None`` on a local transport.
        base: context fields to start every call from (the wire tunnel passes the
            ``mcp_request``'s context: session, trace, user and roles set by the wire).
    """

    principal: Principal | None = None
    base: Context | None = field(default=None)

    def context(self) -> Context:
        """A fresh context for one tool call: a new trace unless ``base`` carries one; the
        principal, when there is one, says who is calling (never the client's own claim)."""
        ctx = Context.create(None if self.base is None else self.base.child())
        principal = self.principal
        if principal is not None:
            ctx.user_id = principal.sub
            ctx.roles = list(principal.roles)
        return ctx


LOCAL = Caller()
"""The caller on a local transport (stdio, in-memory): no principal, nothing claimed."""

CALLER_KEY = "packetflow.caller"
"""Where an HTTP transport leaves the :class:`Caller` in the ASGI scope's ``state``."""
