"""Circuit breakers for ``retry`` nodes, shared per key (by default the body's capability)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Literal

import trio

from ..errors import UnavailableError
from .plan import CircuitBreaker

__all__ = ["BreakerBoard", "CircuitState"]

State = Literal["closed", "open", "half_open"]


class CircuitState:
    """One breaker.

    closed → (``failure_threshold`` consecutive failures) → open → (``recovery_timeout``) →
    half_open, where up to ``half_open_max_calls`` trial calls run: a success closes the
    circuit, a failure opens it again.
    """

    __slots__ = ("config", "failures", "key", "opened_at", "state", "trials")

    def __init__(self, key: str, config: CircuitBreaker) -> None:
        self.key = key
        self.config = config
        self.state: State = "closed"
        self.failures = 0
        self.opened_at = 0.0
        self.trials = 0

    def acquire(self) -> bool:
        """Admit one call; returns whether it is a half-open trial.

        Raises:
            UnavailableError: E503 while open (``retry_after_ms`` = time to half-open) or when
                every half-open trial slot is taken.
        """
        if self.state == "open":
            remaining = self.opened_at + self.config.recovery_timeout - trio.current_time()
            if remaining > 0:
                raise self._rejection(remaining)
            self.state, self.trials = "half_open", 0
        if self.state == "half_open":
            if self.trials >= self.config.half_open_max_calls:
                raise self._rejection(self.config.recovery_timeout)
            self.trials += 1
            return True
        return False

    def settle(self, trial: bool, failed: bool | None) -> None:
        """Report the outcome of an admitted call: ``True`` failed, ``False`` succeeded,
        ``None`` neither (cancelled, or an error the breaker does not count)."""
        if trial and self.state == "half_open":
            self.trials -= 1
        if failed is None:
            return
        if not failed:
            self.state, self.failures = "closed", 0
        elif trial or self.state == "half_open":
            self._open()
        else:
            self.failures += 1
            if self.failures >= self.config.failure_threshold:
                self._open()

    def _open(self) -> None:
        self.state, self.failures, self.trials = "open", 0, 0
        self.opened_at = trio.current_time()

    def _rejection(self, wait: float) -> UnavailableError:
        return UnavailableError(
            f"circuit {self.key!r} is {self.state.replace('_', '-')}; retry later",
            details={"circuit": self.key, "state": self.state},
            retry_after_ms=max(1, round(wait * 1000)),
        )


class BreakerBoard:
    """Every breaker of a node, by key. Bounded: the least recently used beyond ``capacity``
    is forgotten (it restarts closed)."""

    def __init__(self, capacity: int = 4096) -> None:
        self._states: OrderedDict[str, CircuitState] = OrderedDict()
        self.capacity = capacity

    def get(self, key: str, config: CircuitBreaker) -> CircuitState:
        """The breaker for ``key``; created with ``config`` the first time it is seen."""
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = CircuitState(key, config)
            if len(self._states) > self.capacity:
                self._states.popitem(last=False)
        else:
            self._states.move_to_end(key)
        return state

    def snapshot(self) -> dict[str, State]:
        return {key: state.state for key, state in self._states.items()}
