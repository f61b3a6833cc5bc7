"""Configuration of the WebSocket server: auth, limits, heartbeats, shutdown."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._auth.tokens import TokenAuthority
from .._ratelimit import RateLimit
from .codec import DEFAULT_LIMITS, Limits

__all__ = ["ServerConfig", "is_loopback"]


def is_loopback(host: str | None) -> bool:
    """Whether binding ``host`` keeps the server reachable from this machine only."""
    if not host:
        return False  # "" / None bind every interface
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerConfig:
    """How a node serves the wire protocol. Every queue and table it implies is bounded.

    Attributes:
        authority: verifies tokens; ``None`` means no secret: every caller is anonymous with
            all scopes, which is only allowed on loopback binds or with ``insecure_dev``.
        insecure_dev: allow a secret-less node on a non-loopback bind (development only).
        limits: message size, nesting depth and string length limits (E413 / close 1009).
        heartbeat_s: interval of the node's heartbeats (advertised in ``welcome``).
        missed_heartbeats: a peer silent for this many intervals is dropped (close 4408).
        max_in_flight: requests running at once per connection; beyond it E429.
        max_connections: connections at once; beyond it the HTTP upgrade gets 503.
        max_subscriptions: channel subscriptions per connection; beyond it E429.
        subscription_buffer: events buffered per subscription before drop-oldest.
        max_malformed: malformed messages tolerated in a burst (one more every 10 s) before
            the connection is closed with 1008.
        token_rate_limit: the default per-token limit (``"100/s"``); a token's own
            ``rate_limit`` claim wins. ``None``: unlimited.
        handshake_timeout: seconds a new connection has to complete ``hello``.
        drain_timeout: seconds in-flight requests get to finish on shutdown.
        close_timeout: seconds a closing handshake may take before the socket is dropped.
        http_port: also serve the node's HTTP port (0: any) on the same host, with the same
            tokens, rate limits and shutdown: ``/metrics``, ``/healthz``, ``/readyz``, the
            dashboard at ``/`` (the ``http`` extra) and MCP streamable HTTP at ``/mcp`` (the
            ``mcp`` extra). ``None``: no HTTP port (the wire tunnel still answers MCP).
        mcp_http_port: the older name of ``http_port`` (``--mcp-http``): the same port.
        dashboard_interval: seconds between the dashboard's live updates.
    """

    authority: TokenAuthority | None = None
    insecure_dev: bool = False
    limits: Limits = DEFAULT_LIMITS
    heartbeat_s: float = 15.0
    missed_heartbeats: int = 3
    max_in_flight: int = 256
    max_connections: int = 10_000
    max_subscriptions: int = 64
    subscription_buffer: int = 256
    max_malformed: int = 10
    token_rate_limit: RateLimit | str | None = None
    handshake_timeout: float = 10.0
    drain_timeout: float = 10.0
    close_timeout: float = 2.0
    http_port: int | None = None
    mcp_http_port: int | None = None
    dashboard_interval: float = 1.0

    def __post_init__(self) -> None:
        positive = {
            "heartbeat_s": self.heartbeat_s,
            "handshake_timeout": self.handshake_timeout,
            "close_timeout": self.close_timeout,
            "dashboard_interval": self.dashboard_interval,
        }
        at_least_one = {
            "missed_heartbeats": self.missed_heartbeats,
            "max_in_flight": self.max_in_flight,
            "max_connections": self.max_connections,
            "max_subscriptions": self.max_subscriptions,
            "subscription_buffer": self.subscription_buffer,
            "max_malformed": self.max_malformed,
        }
        for name, value in positive.items():
            if value <= 0:
                raise ValueError(f"{name} must be positive, got {value!r}")
        for name, value in at_least_one.items():
            if value < 1:
                raise ValueError(f"{name} must be >= 1, got {value!r}")
        for name, port in (("http_port", self.http_port), ("mcp_http_port", self.mcp_http_port)):
            if port is not None and not 0 <= port <= 65535:
                raise ValueError(f"{name} must be 0..65535, got {port!r}")
        if self.mcp_http_port is not None:
            if self.http_port is None:
                object.__setattr__(self, "http_port", self.mcp_http_port)
            elif self.http_port != self.mcp_http_port:
                raise ValueError(
                    f"http_port {self.http_port!r} and mcp_http_port {self.mcp_http_port!r}: "
                    "MCP is served on the HTTP port (at /mcp); give one port"
                )
        if self.drain_timeout < 0:
            raise ValueError(f"drain_timeout must be non-negative, got {self.drain_timeout!r}")
        if isinstance(self.token_rate_limit, str):
            object.__setattr__(self, "token_rate_limit", RateLimit.parse(self.token_rate_limit))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> ServerConfig:
        """A config whose authority comes from ``PACKETFLOW_SECRET`` /
        ``PACKETFLOW_SECRET_FILE`` / ``PACKETFLOW_AUDIENCE`` (see
        :meth:`TokenAuthority.from_env`); ``options`` set the other fields."""
        env = os.environ if environ is None else environ
        options.setdefault("authority", TokenAuthority.from_env(env))
        return cls(**options)

    def check_bind(self, host: str | None) -> None:
        """Refuse to expose a secret-less node beyond this machine.

        Raises:
            PermissionError: naming the fix.
        """
        if self.authority is None and not self.insecure_dev and not is_loopback(host):
            raise PermissionError(
                f"refusing to serve on {host or 'every interface'!r} without a token secret: "
                "any remote client could call every capability; set PACKETFLOW_SECRET "
                "(generate one with 'packetflow token secret'), bind 127.0.0.1, or pass "
                "--insecure-dev for development"
            )
