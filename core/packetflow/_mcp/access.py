"""What one :class:`~packetflow._mcp.server.McpServer` lets each caller see and do: who is
calling (:meth:`Access.caller_of`), one request off their rate limit (:meth:`Access.charge`),
and which names a listing may show them (the ``*_visible`` predicates, the wire's discovery
rule for tokens).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from mcp.server.context import ServerRequestContext

from .._auth.principal import RESERVED_PREFIX
from .._auth.principal import Principal as TokenPrincipal
from ..errors import ForbiddenError
from .actors import reaches
from .auth import CALLER_KEY, Admission, Authorizer, Caller, Principal, allow_all, token_scopes
from .tools import ToolCatalog

__all__ = ["Access", "actor_visible"]

Visible = Callable[..., bool]
"""A predicate on the names an :data:`~.auth.Authorizer` takes (``None`` in its place: all)."""


class Access:
    """The authorizer, the rate limit and the management switch of one MCP server."""

    def __init__(
        self,
        authorize: Authorizer,
        admit: Admission | None,
        caller: Caller,
        management: bool,
        catalog: ToolCatalog,
    ) -> None:
        self.authorize = authorize
        self.admit = admit
        self.caller = caller
        self.management = management
        self.catalog = catalog

    def caller_of(self, ctx: ServerRequestContext[Any, Any]) -> Caller:
        """Who sent this request: the tunnel's :class:`Caller`, the one the HTTP gate left in
        the ASGI scope, or the server's own :attr:`caller` (stdio, in-memory)."""
        request = ctx.request
        if request is None:
            return self.caller
        if isinstance(request, Caller):
            return request
        state = getattr(request, "scope", {}).get("state") or {}
        found = state.get(CALLER_KEY)
        return found if isinstance(found, Caller) else self.caller

    def charge(self, caller: Caller) -> None:
        """One request off the caller's rate limit (E429), unless its transport charged it."""
        if self.admit is not None and caller.principal is not None and not caller.admitted:
            self.admit(caller.principal)

    def tools_visible(self, principal: Principal | None) -> Callable[[str], bool]:
        """Which tools a listing shows ``principal``: capabilities its ``cap:`` rules allow,
        actor types its ``actor:`` rules reach, management tools only with ``management``."""
        caps = self.visible(principal, "cap")
        actor = self.actor_types_visible(principal)
        actors = self.catalog.actors()
        hidden = None if self.management else RESERVED_PREFIX

        def visible(name: str) -> bool:
            if name in actors:
                return actor is None or actor(name)
            if hidden is not None and name.startswith(hidden):
                return False
            return caps is None or caps(name)

        return visible

    def actor_types_visible(self, principal: Principal | None) -> Callable[[str], bool] | None:
        """Which actor types ``principal`` may reach: for tokens, those its ``actor:`` scopes
        cover some actor of; ``None`` for everything."""
        if isinstance(principal, TokenPrincipal) and self.authorize is token_scopes:
            return partial(reaches, principal)
        return self.visible(principal, "actor")

    def visible(self, principal: Principal | None, kind: str) -> Visible | None:
        """What a listing of ``kind`` may show ``principal``: ``None`` for everything, else a
        predicate on the names the authorizer takes."""
        authorize = self.authorize
        if authorize is allow_all:
            return None
        if authorize is token_scopes:  # the wire's discovery rule (memoised per principal)
            if isinstance(principal, TokenPrincipal):
                return partial(principal.allows, kind)
            return None  # local callers and other verifiers' principals see everything

        def visible(*names: str) -> bool:
            try:
                authorize(principal, kind, *names)
            except ForbiddenError:
                return False
            return True

        return visible


def actor_visible(visible: Visible, capability: str, actor_id: str) -> bool:
    """``visible`` asked about one actor, by type and by ``type/id`` (as ``actor:`` scopes
    name actors)."""
    return visible(capability, f"{capability}/{actor_id}")
