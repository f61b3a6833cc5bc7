"""Signed access tokens (JWT, via PyJWT): issuing and verifying (SPEC 1.3).

Claims: ``sub``, ``scopes``, ``exp``, ``iat``, ``jti``, ``aud``, plus optional ``roles`` and
``rate_limit``. A node signs with HS256 and its secret by default; :meth:`TokenAuthority.eddsa`
builds the asymmetric variant (Ed25519 keys, for federation) with the same interface, so a
verifier only ever holds a :class:`TokenAuthority`.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jwt

from .._ratelimit import RateLimit
from ..errors import UnauthenticatedError
from .principal import Principal, scopes_from

__all__ = ["DEFAULT_AUDIENCE", "TokenAuthority", "new_secret"]

DEFAULT_AUDIENCE = "packetflow"
_MIN_SECRET = 32  # bytes: RFC 7518 3.2, the HMAC key must be at least the hash size
_REQUIRED = ["sub", "exp", "iat", "aud", "jti"]


def new_secret() -> str:
    """A fresh random node secret (43 URL-safe characters, 256 bits)."""
    return secrets.token_urlsafe(32)


class TokenAuthority:
    """Issues and verifies a node's tokens.

    Args:
        signing_key: the HS256 secret (at least 32 bytes), or a private key for EdDSA.
        verify_key: the key that checks signatures (default: ``signing_key``; the public key
            for EdDSA). A verify-only authority has ``signing_key=None``.
        algorithm: ``"HS256"`` (default) or ``"EdDSA"``.
        audience: the ``aud`` this node accepts and issues.
        leeway: seconds of clock skew tolerated on ``exp``/``iat``.
    """

    def __init__(
        self,
        signing_key: str | bytes | Any | None,
        *,
        verify_key: str | bytes | Any | None = None,
        algorithm: str = "HS256",
        audience: str = DEFAULT_AUDIENCE,
        leeway: float = 0.0,
    ) -> None:
        if algorithm not in ("HS256", "EdDSA"):
            raise ValueError(f"algorithm {algorithm!r}: use 'HS256' or 'EdDSA'")
        if algorithm == "HS256":
            secret = signing_key if signing_key is not None else verify_key
            raw = secret.encode() if isinstance(secret, str) else secret
            if not isinstance(raw, bytes) or len(raw) < _MIN_SECRET:
                raise ValueError(
                    f"token secret must be at least {_MIN_SECRET} bytes; generate one with "
                    "'packetflow token secret'"
                )
        if not audience:
            raise ValueError("audience must be a non-empty string")
        self.algorithm = algorithm
        self.audience = audience
        self.leeway = leeway
        verify = verify_key if verify_key is not None else signing_key
        if verify is None:
            raise ValueError("give a signing_key, a verify_key or both")
        self._signing_key = signing_key
        self._verify_key: Any = verify

    def __repr__(self) -> str:
        return f"<TokenAuthority {self.algorithm} aud={self.audience!r}>"

    @classmethod
    def eddsa(
        cls,
        private_key: str | bytes | None = None,
        public_key: str | bytes | None = None,
        *,
        audience: str = DEFAULT_AUDIENCE,
    ) -> TokenAuthority:
        """An Ed25519 authority from PEM keys (needs the ``cryptography`` package); give only
        ``public_key`` to verify tokens issued elsewhere."""
        if private_key is None and public_key is None:
            raise ValueError("eddsa(): give private_key, public_key or both")
        return cls(private_key, verify_key=public_key, algorithm="EdDSA", audience=audience)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TokenAuthority | None:
        """The authority configured by ``PACKETFLOW_SECRET`` (or ``PACKETFLOW_SECRET_FILE``)
        and ``PACKETFLOW_AUDIENCE``; ``None`` when no secret is set."""
        env = os.environ if environ is None else environ
        secret = env.get("PACKETFLOW_SECRET")
        if not secret and (path := env.get("PACKETFLOW_SECRET_FILE")):
            secret = Path(path).read_text(encoding="utf-8").strip()
        if not secret:
            return None
        return cls(secret, audience=env.get("PACKETFLOW_AUDIENCE") or DEFAULT_AUDIENCE)

    def issue(
        self,
        sub: str,
        scopes: Iterable[str],
        *,
        ttl: float = 3600.0,
        roles: Iterable[str] = (),
        rate_limit: str | None = None,
        audience: str | None = None,
    ) -> str:
        """A signed token for ``sub`` with ``scopes``, valid for ``ttl`` seconds.

        Raises:
            ValueError: a malformed scope, rate limit or ttl, or a verify-only authority.
        """
        if self._signing_key is None:
            raise ValueError(f"{self!r} has no signing key; it can only verify tokens")
        if not sub:
            raise ValueError("sub must be a non-empty string")
        if ttl <= 0:
            raise ValueError(f"ttl must be positive, got {ttl!r}")
        if rate_limit is not None:
            RateLimit.parse(rate_limit)  # fail at issue time, not at every request
        now = int(time.time())
        claims: dict[str, Any] = {
            "sub": sub,
            "scopes": list(scopes_from(scopes)),
            "iat": now,
            "exp": now + int(ttl),
            "aud": audience or self.audience,
            "jti": secrets.token_hex(8),
        }
        if roles := list(roles):
            claims["roles"] = roles
        if rate_limit is not None:
            claims["rate_limit"] = rate_limit
        return jwt.encode(claims, self._signing_key, algorithm=self.algorithm)

    def verify(self, token: str) -> Principal:
        """Check signature, expiry and audience; returns the caller.

        Raises:
            UnauthenticatedError: E401 naming what is wrong with the token.
        """
        try:
            claims = jwt.decode(
                token,
                self._verify_key,
                algorithms=[self.algorithm],
                audience=self.audience,
                leeway=self.leeway,
                options={"require": _REQUIRED},
            )
        except jwt.ExpiredSignatureError:
            raise _refused("token has expired; create a new one", "expired") from None
        except jwt.InvalidAudienceError:
            raise _refused(
                f"token is not for this node (audience {self.audience!r}); create one with "
                f"--aud {self.audience}",
                "wrong_audience",
            ) from None
        except jwt.InvalidSignatureError:
            raise _refused(
                "token signature does not verify; it was not issued with this node's secret",
                "bad_signature",
            ) from None
        except jwt.MissingRequiredClaimError as exc:
            raise _refused(f"token lacks the {exc.claim!r} claim", "missing_claim") from None
        except jwt.ImmatureSignatureError:
            raise _refused("token is not valid yet (iat/nbf in the future)", "immature") from None
        except jwt.PyJWTError as exc:
            raise _refused(f"token is not a valid JWT: {exc}", "invalid") from None
        return _principal(claims)


def _principal(claims: dict[str, Any]) -> Principal:
    scopes = claims.get("scopes", [])
    roles = claims.get("roles", [])
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise _refused("token claim 'scopes' must be a list of strings", "invalid")
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise _refused("token claim 'roles' must be a list of strings", "invalid")
    rate = claims.get("rate_limit")
    try:
        rate_limit = RateLimit.parse(rate) if isinstance(rate, str) else None
    except ValueError:
        raise _refused(f"token claim 'rate_limit' {rate!r} is malformed", "invalid") from None
    return Principal(
        sub=str(claims["sub"]),
        scopes=tuple(scopes),
        roles=tuple(roles),
        expires_at=float(claims["exp"]),
        token_id=str(claims["jti"]),
        rate_limit=rate_limit,
    )


def _refused(message: str, reason: str) -> UnauthenticatedError:
    return UnauthenticatedError(message, details={"reason": reason})
