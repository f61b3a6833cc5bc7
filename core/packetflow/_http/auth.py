"""Who is calling the HTTP port: ``Authorization: Bearer <token>``, checked by the node's token
authority exactly as the wire checks ``hello`` tokens.

No token or an invalid one is HTTP 401 (with ``WWW-Authenticate: Bearer``); a valid token
without the ``admin`` scope on an admin endpoint is 403. Each answered request is charged to
the token's rate limit (the wire's limiter: one bucket per token across transports), 429 beyond
it. A node without a secret serves loopback only and treats every caller as the local admin,
as the wire does.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .._auth.principal import Principal, TokenLimiter
from ..errors import ForbiddenError, PacketFlowError, UnauthenticatedError
from .router import Request, Response

if TYPE_CHECKING:
    from .._auth.tokens import TokenAuthority

__all__ = ["HttpAuth", "error_response", "http_status"]

_STATUS = {
    "E400": 400, "E401": 401, "E403": 403, "E404": 404, "E408": 504, "E409": 409,
    "E413": 413, "E422": 422, "E429": 429, "E500": 500, "E502": 502, "E503": 503,
    "E600": 400,
}  # fmt: skip


def http_status(code: str) -> int:
    """The HTTP status of a PacketFlow error code."""
    return _STATUS.get(code, 500)


def error_response(exc: PacketFlowError) -> Response:
    """``{"error": {code, type, message, details}}`` with the code's HTTP status."""
    status = http_status(exc.code)
    response = Response(status, json.dumps({"error": exc.to_wire()}).encode())
    if status == 401:
        challenge = f'Bearer error="invalid_token", error_description="{exc.code} {exc.type}"'
        response.headers.append((b"www-authenticate", challenge.encode()))
    retry = exc.retry_after_ms
    if retry is not None and retry >= 0:
        response.headers.append((b"retry-after", str(max(1, round(retry / 1000))).encode()))
    return response


class HttpAuth:
    """Checks requests against ``authority`` (``None``: no secret, everyone is local admin).

    Args:
        authority: the node's token authority (``ServerConfig.authority``).
        limiter: the wire server's per-token limiter (``None``: unlimited).
    """

    def __init__(self, authority: TokenAuthority | None, limiter: TokenLimiter | None) -> None:
        self.authority = authority
        self.limiter = limiter

    def caller(self, request: Request) -> Principal:
        """The principal behind the request's bearer token.

        Raises:
            UnauthenticatedError: E401, no or an invalid token.
            RateLimitedError: E429, the token's rate limit is spent.
        """
        if self.authority is None:
            return Principal.anonymous()
        token = _bearer(request.headers.get("authorization"))
        if token is None:
            raise UnauthenticatedError(
                f"{request.path!r} needs 'Authorization: Bearer <token>'; create one with "
                "'packetflow token create --sub NAME --scope admin'",
                details={"reason": "missing"},
            )
        principal = self.authority.verify(token)
        if self.limiter is not None:
            self.limiter.admit(principal)
        return principal

    def admin(self, request: Request) -> Principal:
        """The caller, who must hold the ``admin`` scope.

        Raises:
            UnauthenticatedError: E401. ForbiddenError: E403, a token without ``admin``.
        """
        principal = self.caller(request)
        if not principal.is_admin:
            raise ForbiddenError(
                f"{request.path!r} is an admin endpoint and the token of {principal.sub!r} has "
                f"scopes {list(principal.scopes)!r}; create a token with --scope admin",
                details={"scope_needed": "admin", "scopes": list(principal.scopes)},
            )
        return principal


def _bearer(value: str | None) -> str | None:
    if value is None:
        return None
    scheme, _, token = value.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None
