"""Segregation of duties: whoever ran a rule's ``first`` capability on a subject may not run its
``second`` on it.

The memory is the audit log itself: a successful ``first`` request's response record carries
its facts (``first_actions``), and the ledger indexes them in the same transaction
(:meth:`AuditLedger.ran_first`). A ``second`` request looks its caller up there, so the rule
holds across restarts, across every node process on the data dir, and for any number of
subjects. When the index cannot be read in time, the request is refused (fail-closed).

A ``first`` request that has not finished yet is held in memory (bounded, oldest dropped) so
that the same caller's concurrent ``second`` request on this process is refused too.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from fnmatch import fnmatchcase
from typing import Any

import trio

from .config import SegregationRule
from .ledger import AuditLedger
from .policy import Refusal

__all__ = ["MAX_IN_FLIGHT", "Duties", "DutiesUnavailable", "Fact"]

MAX_IN_FLIGHT = 65_536  # unfinished ``first`` requests remembered (only leaked ones reach it)

Fact = tuple[str, str, str]
"""``(rule, subject, user)``: ``user`` ran ``rule``'s first capability on ``subject``."""


class DutiesUnavailable(Exception):
    """The segregation index could not be read; the request must be refused."""


class Duties:
    """Checks segregation-of-duties rules against the log read through ``reader``.

    Args:
        rules: the configured rules.
        reader: a ledger connection used only for lookups (one worker thread at a time).
        timeout: seconds a lookup may take before the request is refused.
    """

    def __init__(
        self, rules: Sequence[SegregationRule], reader: AuditLedger, timeout: float
    ) -> None:
        self.rules = tuple(rules)
        self.reader = reader
        self.timeout = timeout
        self._limiter = trio.CapacityLimiter(1)
        self._pending: OrderedDict[str, list[Fact]] = OrderedDict()
        self._in_flight: dict[Fact, int] = {}

    async def check(
        self, key: str, capability: str | None, payload: dict[str, Any], user: str
    ) -> Refusal | None:
        """The rule request ``key`` breaks, or ``None`` (then its first-actions are held until
        :meth:`settle`).

        Raises:
            DutiesUnavailable: the log could not be read.
        """
        name = capability or ""
        staged: list[Fact] = []
        deadline = trio.current_time() + self.timeout  # one budget for all the lookups
        for rule in self.rules:
            value = payload.get(rule.subject)
            if value is None:
                continue
            fact = (rule.name, str(value), user)
            if fnmatchcase(name, rule.second) and (
                fact in self._in_flight or await self._ran_first(fact, deadline)
            ):
                return Refusal(
                    f"segregation:{rule.name}",
                    f"compliance: {user!r} ran {rule.first!r} on {rule.subject} {fact[1]!r} and "
                    f"may not also run {name!r} ({rule.name})",
                )
            if fnmatchcase(name, rule.first):
                staged.append(fact)
        if staged:
            self._hold(key, staged)
        return None

    async def _ran_first(self, fact: Fact, deadline: float) -> bool:
        try:
            with trio.fail_at(deadline):
                return await trio.to_thread.run_sync(
                    self.reader.ran_first, *fact, limiter=self._limiter, abandon_on_cancel=True
                )
        except trio.TooSlowError as exc:
            raise DutiesUnavailable(
                f"the segregation index did not answer within {self.timeout:g}s (audit_timeout)"
            ) from exc
        except Exception as exc:
            raise DutiesUnavailable(f"the segregation index cannot be read: {exc}") from exc

    def _hold(self, key: str, facts: list[Fact]) -> None:
        self._drop(key)
        self._pending[key] = facts
        for fact in facts:
            self._in_flight[fact] = self._in_flight.get(fact, 0) + 1
        while len(self._pending) > MAX_IN_FLIGHT:
            self._drop(next(iter(self._pending)))

    def _drop(self, key: str) -> list[Fact]:
        facts = self._pending.pop(key, [])
        for fact in facts:
            left = self._in_flight[fact] - 1
            if left:
                self._in_flight[fact] = left
            else:
                del self._in_flight[fact]
        return facts

    def settle(self, key: str, ok: bool) -> list[Fact]:
        """Request ``key`` finished: the facts it established (none if it failed), to write
        into its response record. They stay held until :meth:`release`, after that record is
        committed, so no moment passes when they are neither in memory nor in the log."""
        if not ok:
            self._drop(key)
            return []
        return list(self._pending.get(key, ()))

    def release(self, key: str) -> None:
        """Forget request ``key``'s held facts (its response record is committed)."""
        self._drop(key)

    async def aclose(self) -> None:
        """Close the lookup connection, after any lookup still running in its thread (one
        given up at its deadline) has finished with it."""
        await trio.to_thread.run_sync(self.reader.close, limiter=self._limiter)
