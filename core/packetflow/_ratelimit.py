"""Token-bucket rate limits (per capability, and per token on the wire and MCP).

A foundation module (layer 0): capabilities, auth and the wire all enforce limits, so it sits
below all of them (see tests/test_layers.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trio

__all__ = ["RateLimit", "TokenBucket"]

_UNITS = {"s": 1.0, "sec": 1.0, "second": 1.0, "m": 60.0, "min": 60.0, "minute": 60.0,
          "h": 3600.0, "hour": 3600.0}  # fmt: skip
_SPEC = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*([a-z]+)\s*$")


@dataclass(frozen=True, slots=True)
class RateLimit:
    """At most ``rate`` calls per ``per`` seconds, with bursts up to ``burst`` (default: ``rate``).

    ``RateLimit.parse("100/s")`` and ``"10/min"`` are accepted wherever a limit is configured.
    """

    rate: float
    per: float = 1.0
    burst: float | None = None

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.per <= 0:
            raise ValueError(f"rate limit {self.rate}/{self.per}s: rate and per must be positive")

    @classmethod
    def parse(cls, spec: str | RateLimit) -> RateLimit:
        """Parse ``"<n>/<unit>"`` (units: s, min, h)."""
        if isinstance(spec, RateLimit):
            return spec
        match = _SPEC.match(spec.lower())
        if match is None or match.group(2) not in _UNITS:
            raise ValueError(f"rate limit {spec!r}: expected '<count>/<s|min|h>', e.g. '100/s'")
        return cls(rate=float(match.group(1)), per=_UNITS[match.group(2)])

    def bucket(self) -> TokenBucket:
        """A fresh bucket enforcing this limit."""
        return TokenBucket(self.rate / self.per, self.burst or self.rate)


class TokenBucket:
    """Refills at ``rate_per_s``, holds at most ``capacity`` tokens. Uses trio's clock, so tests
    drive it with ``MockClock``."""

    __slots__ = ("_stamp", "_tokens", "capacity", "rate_per_s")

    def __init__(self, rate_per_s: float, capacity: float) -> None:
        self.rate_per_s = rate_per_s
        self.capacity = capacity
        self._tokens = capacity
        self._stamp: float | None = None

    def try_acquire(self) -> float:
        """Take one token. Returns 0.0 on success, else the seconds until one is available."""
        now = trio.current_time()
        if self._stamp is not None:
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate_per_s)
        self._stamp = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return 0.0
        return (1.0 - self._tokens) / self.rate_per_s
