"""Exponential backoff with jitter: one formula for supervisor restarts, module recoveries,
``retry`` plan nodes and client reconnects."""

from __future__ import annotations

import random

__all__ = ["backoff_delay"]


def backoff_delay(
    attempt: int, base: float, maximum: float, *, multiplier: float = 2.0, jitter: float = 0.5
) -> float:
    """Seconds to wait before retry number ``attempt`` (1-based).

    ``min(maximum, base * multiplier**(attempt - 1))``, then scaled by a random factor in
    ``[1 - jitter, 1 + jitter]`` so that many callers that failed together do not retry in
    lockstep.
    """
    delay = min(maximum, base * multiplier ** (attempt - 1))
    return float(delay * random.uniform(1 - jitter, 1 + jitter))
