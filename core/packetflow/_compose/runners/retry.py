"""The ``retry`` runner: backoff, ``retry_on``, the shared circuit breaker and the fallback."""

from __future__ import annotations

from typing import Any

import trio

from ..._backoff import backoff_delay
from ...errors import PacketFlowError, UnavailableError
from ..engine import Run, annotate
from ..plan import Retry, Step
from .base import Blackboard, Lookup, Runner, sub

__all__ = ["RetryRunner"]


class RetryRunner(Runner):
    def __init__(self, node: Retry, lookup: Lookup, path: str) -> None:
        self.path = path
        self.node = node
        self.body = sub(node.body, lookup, f"{path}.body")
        self.fallback = sub(node.fallback, lookup, f"{path}.fallback") if node.fallback else None
        breaker = node.circuit_breaker
        default_key = node.body.cap if isinstance(node.body, Step) else path
        self.breaker_key = (breaker.key or default_key) if breaker else None

    async def run(self, run: Run, bb: Blackboard) -> None:
        node = self.node
        breaker = (
            run.breakers.get(self.breaker_key, node.circuit_breaker)
            if self.breaker_key is not None and node.circuit_breaker is not None
            else None
        )
        last: PacketFlowError | None = None
        attempts = 0
        for attempt in range(1, node.max_attempts + 1):
            try:
                trial = breaker.acquire() if breaker is not None else False
            except UnavailableError as err:
                last = annotate(err, self.path)
                break
            attempts = attempt
            local = dict(bb)
            outcome: bool | None = None
            try:
                await self.body.run(run, local)
                outcome = False
            except PacketFlowError as err:
                last = err
                outcome = True if err.code in node.retry_on else None
            finally:
                if breaker is not None:
                    breaker.settle(trial, outcome)
            if outcome is False:
                bb.update(local)
                bb["retry_metadata"] = self._metadata(attempts, None, False, breaker)
                return
            assert last is not None
            if last.code not in node.retry_on:
                break
            if attempt < node.max_attempts:
                backoff = node.backoff
                delay = backoff_delay(
                    attempt, backoff.base, backoff.max,
                    multiplier=backoff.multiplier, jitter=backoff.jitter,
                )  # fmt: skip
                await trio.sleep(delay)
        metadata = self._metadata(attempts, last, self.fallback is not None, breaker)
        if self.fallback is not None:
            await self.fallback.run(run, bb)
            bb["retry_metadata"] = metadata
            return
        assert last is not None
        if isinstance(last.details, dict):
            last.details.setdefault("retry_metadata", metadata)
        raise last

    @staticmethod
    def _metadata(
        attempts: int, error: PacketFlowError | None, fallback: bool, breaker: Any
    ) -> dict[str, Any]:
        return {
            "attempts": attempts,
            "succeeded": error is None,
            "fallback_used": fallback,
            "last_error": None if error is None else error.to_wire(),
            "circuit": None if breaker is None else breaker.state,
        }
