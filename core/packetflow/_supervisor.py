"""OTP-style supervision on trio (SPEC 1.4).

A :class:`Supervisor` owns a nursery of children. Each child has a restart type:

- ``permanent``: always restarted when it ends (with or without an error);
- ``transient``: restarted only when it fails (raises);
- ``temporary``: never restarted, and forgotten once it ends.

Restarts back off exponentially with jitter. If more than ``max_restarts`` restarts happen
within ``period`` seconds, the supervisor gives up: with ``escalate=False`` (the default) the
failing child is marked ``failed`` and left stopped; with ``escalate=True`` the supervisor
raises :class:`SupervisorFailed` so its own supervisor can react. ``one_for_all`` restarts
every child when one fails. One child's crash never takes its siblings down under
``one_for_one``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import trio

from ._backoff import backoff_delay

__all__ = [
    "Child",
    "ChildStatistics",
    "RestartType",
    "Strategy",
    "Supervisor",
    "SupervisorFailed",
    "SupervisorStatistics",
]

log = logging.getLogger("packetflow.supervisor")

RestartType = Literal["permanent", "transient", "temporary"]
Strategy = Literal["one_for_one", "one_for_all"]
ChildStatus = Literal["running", "restarting", "stopped", "failed"]


class SupervisorFailed(Exception):
    """A supervisor exceeded its restart intensity and escalates."""


@dataclass(frozen=True, slots=True)
class ChildStatistics:
    """One supervised child: its ``status``, how many times it was restarted, and its last
    error as text (``None`` if it never failed)."""

    status: ChildStatus
    restarts: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class SupervisorStatistics:
    """``supervisor.statistics()``: the children it supervises now, by name."""

    children: Mapping[str, ChildStatistics]


@dataclass(eq=False)
class Child:
    """A supervised task. ``status``, ``restarts`` and ``last_error`` are for introspection."""

    name: str
    target: Callable[[], Awaitable[object]]
    restart: RestartType
    status: ChildStatus = "running"
    restarts: int = 0
    last_error: BaseException | None = None
    _scope: trio.CancelScope = field(default_factory=trio.CancelScope)
    _stopped: trio.Event = field(default_factory=trio.Event)

    def cancel(self) -> None:
        """Stop this child for good (no restart)."""
        self.restart = "temporary"
        self._scope.cancel()

    async def wait_stopped(self) -> None:
        await self._stopped.wait()


class Supervisor:
    """Supervises children started with :meth:`start_child`.

    Args:
        name: used in logs.
        nursery: where children run (usually the node's).
        strategy: ``one_for_one`` or ``one_for_all``.
        max_restarts / period: restart intensity (at most N restarts within T seconds).
        backoff_base / backoff_max: exponential backoff between restarts, with ±50% jitter.
        escalate: raise :class:`SupervisorFailed` into the nursery when intensity is exceeded.
    """

    def __init__(
        self,
        name: str,
        nursery: trio.Nursery,
        *,
        strategy: Strategy = "one_for_one",
        max_restarts: int = 5,
        period: float = 30.0,
        backoff_base: float = 0.05,
        backoff_max: float = 5.0,
        escalate: bool = False,
    ) -> None:
        if max_restarts < 0 or period <= 0:
            raise ValueError("max_restarts must be >= 0 and period > 0")
        self.name = name
        self.strategy = strategy
        self.max_restarts = max_restarts
        self.period = period
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.escalate = escalate
        self.children: dict[str, Child] = {}
        self._nursery = nursery
        self._restart_times: deque[float] = deque()

    def start_child(
        self,
        name: str,
        target: Callable[[], Awaitable[object]],
        *,
        restart: RestartType = "permanent",
    ) -> Child:
        """Start ``target()`` as a supervised child; names must be unique among live children."""
        existing = self.children.get(name)
        if existing is not None and existing.status in ("running", "restarting"):
            raise ValueError(f"supervisor {self.name!r}: a child named {name!r} is running")
        child = Child(name, target, restart)
        self.children[name] = child
        self._nursery.start_soon(self._run, child, name=f"{self.name}/{name}")
        return child

    async def _run(self, child: Child) -> None:
        attempt = 0
        try:
            while True:
                child.status = "running"
                failed = False
                with child._scope:
                    try:
                        await child.target()
                    except Exception as exc:
                        failed = True
                        child.last_error = exc
                        log.error("%s/%s crashed", self.name, child.name, exc_info=exc)
                if child._scope.cancel_called and child.restart == "temporary":
                    child.status = "stopped"
                    return
                child._scope = trio.CancelScope()
                if child.restart == "temporary" or (child.restart == "transient" and not failed):
                    child.status = "stopped"
                    return
                if not self._may_restart():
                    child.status = "failed"
                    log.error(
                        "%s/%s: restart intensity exceeded (%d in %gs); giving up",
                        self.name, child.name, self.max_restarts, self.period,
                    )  # fmt: skip
                    if self.escalate:
                        raise SupervisorFailed(
                            f"supervisor {self.name!r}: child {child.name!r} restarted more than "
                            f"{self.max_restarts} times in {self.period:g}s"
                        ) from child.last_error
                    return
                attempt += 1
                child.restarts += 1
                child.status = "restarting"
                if failed and self.strategy == "one_for_all":
                    self._restart_siblings(child)
                await trio.sleep(self._backoff(attempt))
        finally:
            child._stopped.set()
            # As in OTP, a temporary child leaves the supervisor when it ends: short-lived
            # children (one per connection) must not accumulate.
            if child.restart == "temporary" and self.children.get(child.name) is child:
                del self.children[child.name]

    def _may_restart(self) -> bool:
        now = trio.current_time()
        while self._restart_times and now - self._restart_times[0] > self.period:
            self._restart_times.popleft()
        if len(self._restart_times) >= self.max_restarts:
            return False
        self._restart_times.append(now)
        return True

    def _backoff(self, attempt: int) -> float:
        return backoff_delay(attempt, self.backoff_base, self.backoff_max)

    def _restart_siblings(self, failed: Child) -> None:
        for sibling in self.children.values():
            if sibling is not failed and sibling.status == "running":
                sibling._scope.cancel()  # its loop restarts it (unless temporary)

    def statistics(self) -> SupervisorStatistics:
        """Per child: status, restart count, last error (as text); a frozen snapshot."""
        return SupervisorStatistics(
            {
                name: ChildStatistics(
                    child.status,
                    child.restarts,
                    None if child.last_error is None else repr(child.last_error),
                )
                for name, child in self.children.items()
            }
        )
