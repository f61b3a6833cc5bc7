"""Who calls an MCP tool and whether they may: the seams the wire's token code plugs into.

- :data:`TokenVerifier` turns a bearer token into a :class:`Principal` (streamable HTTP);
  the wire's ``TokenAuthority.verify`` has this shape.
- :class:`Authorizer` decides whether a principal may reach a capability (``"cap"``) or an
  actor (``"actor"``) — the kinds of the wire's ``cap:<glob>`` / ``actor:<glob>`` scopes. It
  raises instead of returning ``False`` so the caller gets the precise error (E403...). The
  default, :func:`token_scopes`, applies the wire's scope rules to the wire's principals.
- :data:`Admission` charges one request to a principal's rate limit (E429); the wire's
  ``TokenLimiter.admit`` has this shape.
- :class:`Caller` travels with one MCP connection or tunnelled message; :meth:`Caller.context`
  makes the PacketFlow :class:`~packetflow.Context` of each tool call from it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeAlias, runtime_checkable

from .._auth.principal import Principal as TokenPrincipal
from .._context import Context
from ..errors import UnauthenticatedError

__all__ = [
    "CALLER_KEY",
    "LOCAL",
    "Admission",
    "Authorizer",
    "Caller",
    "Principal",
    "StaticPrincipal",
    "TokenVerifier",
    "allow_all",
    "token_scopes",
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
    :class:`~packetflow.errors.ForbiddenError` (E403) to deny. It also decides what
    ``tools/list`` and ``resources/list`` show, so it should be a pure decision: rate limits
    belong to :data:`Admission`.
    """

    def __call__(self, principal: Principal | None, kind: str, /, *names: str) -> None: ...


Admission: TypeAlias = Callable[[Principal], None]
"""``admit(principal)``: take one request from the principal's rate limit, or raise
:class:`~packetflow.errors.RateLimitedError` (E429 with ``retry_after_ms``)."""


def allow_all(principal: Principal | None, kind: str, /, *names: str) -> None:
    """An :class:`Authorizer` that allows everything (a local, trusted client)."""


_SUBJECTS = {"cap": "tool", "actor": "actor"}


def token_scopes(principal: Principal | None, kind: str, /, *names: str) -> None:
    """The default :class:`Authorizer`: the wire's scope rules for the wire's principals.

    A principal from :meth:`packetflow.TokenAuthority.verify` (streamable HTTP with the node's
    tokens, or a tunnelled message) reaches a tool only with a covering ``cap:<glob>`` scope
    and an actor only with an ``actor:<glob>`` scope (``admin`` covers everything), exactly as
    its ``capability_request`` / ``actor_message`` would. Local callers (``None``) and
    principals of other verifiers are allowed.

    Raises:
        ForbiddenError: E403 naming the scope that is needed.
    """
    if isinstance(principal, TokenPrincipal):
        principal.require(kind, _SUBJECTS.get(kind, kind), *names)


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
        admitted: the transport already charged this message to the principal's rate limit
            (the wire does, for every ``mcp_request``); the MCP server does not charge again.
    """

    principal: Principal | None = None
    base: Context | None = field(default=None)
    admitted: bool = False

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
