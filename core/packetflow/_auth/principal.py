"""Who is calling, and what their token's scopes allow (SPEC 1.3).

Scopes are capability-based globs:

- ``cap:<glob>``: call capabilities and compositions whose name matches (``cap:user_*``);
- ``actor:<glob>``: message actors; the glob matches the actor capability's name or
  ``<name>/<actor_id>`` (``actor:research_assistant/alice-*``);
- ``chan:<glob>``: subscribe to and publish on matching channels (``chan:orders.*``);
- ``admin``: everything, including module and registry management.

Capabilities named ``packetflow.*`` (the node's own management API, e.g. the actor admin
capabilities) are reserved for ``admin``: no ``cap:`` glob reaches them, not even ``cap:*``.

Unknown scope kinds grant nothing (a newer issuer may know kinds this node does not).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from .._ratelimit import RateLimit, TokenBucket
from ..errors import ForbiddenError, RateLimitedError, UnauthenticatedError

__all__ = ["SCOPE_KINDS", "Principal", "TokenLimiter", "scopes_from", "validate_scope"]

SCOPE_KINDS = ("cap", "actor", "chan")
RESERVED_PREFIX = "packetflow."  # management capabilities: admin tokens only
_MEMO_SIZE = 1024


def validate_scope(scope: str) -> str:
    """Check one scope's spelling; raises ``ValueError`` naming the rule."""
    if scope == "admin":
        return scope
    kind, sep, glob = scope.partition(":")
    if not sep or kind not in SCOPE_KINDS or not glob:
        raise ValueError(
            f"scope {scope!r}: expected 'admin' or '<kind>:<glob>' with kind one of "
            f"{', '.join(SCOPE_KINDS)} (e.g. 'cap:user_*')"
        )
    return scope


@dataclass(frozen=True, eq=False)
class Principal:
    """An authenticated caller: the verified claims of its token.

    Attributes:
        sub: the subject (becomes ``context.user_id`` of its requests).
        scopes: the raw scope strings.
        roles: roles for capabilities' ``authorize=`` (``context.roles`` of its requests).
        expires_at: UNIX time after which requests are refused with E401 (``None``: never).
        token_id: the token's ``jti`` (rate limits are kept per token).
        rate_limit: this token's own limit, overriding the node's default.
        authenticated: ``False`` for the anonymous principal of a node without a secret.
    """

    sub: str
    scopes: tuple[str, ...]
    roles: tuple[str, ...] = ()
    expires_at: float | None = None
    token_id: str | None = None
    rate_limit: RateLimit | None = None
    authenticated: bool = True
    _globs: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    _memo: dict[tuple[str, str], bool] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        globs: dict[str, list[str]] = {kind: [] for kind in SCOPE_KINDS}
        for scope in self.scopes:
            kind, _, glob = scope.partition(":")
            if kind in globs and glob:
                globs[kind].append(glob)
        object.__setattr__(self, "_globs", {k: tuple(v) for k, v in globs.items()})

    @classmethod
    def anonymous(cls) -> Principal:
        """The caller of a node without a token secret (loopback or ``--insecure-dev``)."""
        return cls("anonymous", ("admin",), authenticated=False)

    @property
    def is_admin(self) -> bool:
        return "admin" in self.scopes

    @property
    def rate_key(self) -> str:
        return self.token_id or self.sub

    def check_fresh(self) -> None:
        """Raise E401 once the token has expired (long-lived connections outlive tokens)."""
        if self.expires_at is not None and time.time() >= self.expires_at:
            raise UnauthenticatedError(
                f"token of {self.sub!r} expired; reconnect with a new token "
                "(packetflow token create)"
            )

    def allows(self, kind: str, *names: str) -> bool:
        """Whether a ``kind`` scope covers any of ``names`` (a capability, channel...)."""
        if self.is_admin:
            return True
        if kind == "cap" and any(name.startswith(RESERVED_PREFIX) for name in names):
            return False
        key = (kind, names[0]) if len(names) == 1 else (kind, "\0".join(names))
        hit = self._memo.get(key)
        if hit is None:
            globs = self._globs.get(kind, ())
            hit = any(fnmatchcase(name, glob) for glob in globs for name in names)
            if len(self._memo) >= _MEMO_SIZE:  # bounded: names come from clients
                self._memo.clear()
            self._memo[key] = hit
        return hit

    def require(self, kind: str, what: str, *names: str) -> None:
        """Raise E403 unless a ``kind`` scope covers one of ``names``."""
        if not self.allows(kind, *names):
            granted = [f"{kind}:{glob}" for glob in self._globs.get(kind, ())]
            if kind == "cap" and names[0].startswith(RESERVED_PREFIX):
                raise ForbiddenError(
                    f"{what} {names[0]!r} is part of the node's management API; it needs a "
                    "token with the 'admin' scope",
                    details={"scope_needed": "admin", "scopes": list(self.scopes)},
                )
            raise ForbiddenError(
                f"token of {self.sub!r} does not cover {what} {names[0]!r}; its {kind}: scopes "
                f"are {granted!r}; create a token with --scope '{kind}:{names[0]}'",
                details={"scope_needed": f"{kind}:{names[0]}", "scopes": list(self.scopes)},
            )


class TokenLimiter:
    """Per-token rate limits: one :class:`TokenBucket` per token, least recently used
    buckets forgotten beyond ``max_tokens`` (bounded memory)."""

    def __init__(self, default: RateLimit | str | None, *, max_tokens: int = 10_000) -> None:
        self.default = RateLimit.parse(default) if default is not None else None
        self.max_tokens = max_tokens
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def admit(self, principal: Principal) -> None:
        """Take one token from the caller's bucket; raises E429 with ``retry_after_ms``."""
        limit = principal.rate_limit or self.default
        if limit is None:
            return
        key = principal.rate_key
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = limit.bucket()
            if len(self._buckets) > self.max_tokens:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
        wait = bucket.try_acquire()
        if wait:
            retry_ms = max(1, round(wait * 1000))
            raise RateLimitedError(
                f"token of {principal.sub!r}: rate limit of {limit.rate:g}/{limit.per:g}s "
                f"exceeded; retry in {retry_ms} ms",
                retry_after_ms=retry_ms,
            )

    def __len__(self) -> int:
        return len(self._buckets)


def scopes_from(values: Iterable[str]) -> tuple[str, ...]:
    """Validate and deduplicate scopes, keeping their order."""
    return tuple(dict.fromkeys(validate_scope(v) for v in values))
