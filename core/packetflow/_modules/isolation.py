"""Fault isolation for modules (SPEC 5.3): OTP supervision ideas applied to hooks.

Every failed hook call (it raised, overran ``hook_timeout`` or returned something that is not
one of its decisions) is counted against its module and answered by the module's policy:
``on_error="skip"`` goes on without it, ``"fail"`` answers the request with E502 (E408 for a
timeout). ``max_failures`` failures within ``failure_window`` seconds *quarantine* the module:
it leaves the chain at once (the circuit opens), then is restarted (``stop`` + a fresh instance
+ ``start``) after an exponential backoff. Once ``max_restarts`` restarts are used up, the next
quarantine leaves it ``failed`` until an operator enables it again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

import trio

from .._backoff import backoff_delay
from ..errors import DeadlineExceededError, ModuleFailedError, PacketFlowError
from .discovery import label

if TYPE_CHECKING:
    from .._context import Context
    from .chain import Failure
    from .module import Module
    from .slot import ModuleSlot

__all__ = ["MAX_BACKOFF", "Isolation"]

log = logging.getLogger("packetflow.modules")

MAX_BACKOFF = 300.0  # seconds: the longest wait between two restarts


class Lifecycle(Protocol):
    """What isolation needs from the module runtime."""

    def spawn_recovery(self, slot: ModuleSlot) -> None: ...

    def remove_from_chain(self, slot: ModuleSlot) -> None: ...

    async def drain(self, instance: Module) -> None: ...

    async def stop_instance(self, slot: ModuleSlot, reason: str) -> None: ...

    async def start_instance(self, slot: ModuleSlot) -> bool: ...

    def add_to_chain(self, slot: ModuleSlot) -> None: ...


class Isolation:
    """Applies failure policies and runs quarantines and restarts for one host."""

    def __init__(self, host: Lifecycle) -> None:
        self._host = host

    def fault(
        self,
        slot: ModuleSlot,
        hook: str,
        failure: Failure,
        exc: BaseException | None,
        ctx: Context,
    ) -> PacketFlowError | None:
        """Count one failure; returns the error to answer with when the module fails closed."""
        assert slot.policy is not None
        policy = slot.policy
        if failure == "timeout":
            slot.timeouts += 1
        else:
            slot.errors += 1
        now = trio.current_time()
        first = not slot.failures
        slot.failures.append(now)
        while now - slot.failures[0] > policy.failure_window:
            slot.failures.popleft()
        who = label(slot.name, slot.origin)
        what = (
            f"took longer than its hook_timeout of {policy.hook_timeout:g}s"
            if failure == "timeout"
            else f"raised {type(exc).__name__}"
            if failure == "error"
            else f"returned an invalid decision ({exc})"
        )
        # The traceback once per burst: a module failing on every call must not flood the log.
        log.warning(
            "%s: %s %s (trace_id=%s, %d failure(s) in %gs)",
            who, hook, what, ctx.trace_id, len(slot.failures), policy.failure_window,
            exc_info=exc if first and failure == "error" else None,
        )  # fmt: skip
        if slot.status == "active" and len(slot.failures) >= policy.max_failures:
            self.quarantine(slot)
        if policy.on_error == "skip":
            return None
        details = {"module": slot.name, "hook": hook, "reason": failure, "trace_id": ctx.trace_id}
        if failure == "timeout":
            return DeadlineExceededError(
                f"{who}: {hook} {what}; the module is fail-closed (on_error = 'fail')",
                details=details,
            )
        error = ModuleFailedError(
            f"{who}: {hook} {what}; the module is fail-closed (on_error = 'fail'), see the node "
            f"log under trace_id {ctx.trace_id}",
            details=details,
        )
        error.__cause__ = exc
        return error

    def quarantine(self, slot: ModuleSlot) -> None:
        """Open the circuit: take ``slot`` out of the chain now and schedule its recovery."""
        assert slot.policy is not None
        slot.status = "quarantined"
        self._host.remove_from_chain(slot)
        log.error(
            "%s quarantined after %d failures in %gs",
            label(slot.name, slot.origin), len(slot.failures), slot.policy.failure_window,
        )  # fmt: skip
        self._host.spawn_recovery(slot)

    async def recover(self, slot: ModuleSlot) -> None:
        """Stop the quarantined instance, then restart with backoff until it starts or the
        restart budget is spent (then the module is ``failed``)."""
        assert slot.policy is not None
        policy = slot.policy
        old = slot.instance
        if old is not None:
            await self._host.drain(old)
            await self._host.stop_instance(slot, "quarantined")
        while True:
            if slot.restarts >= policy.max_restarts:
                slot.status = "failed"
                slot.load_error = (
                    f"{label(slot.name, slot.origin)} failed: quarantined again after "
                    f"{slot.restarts} restart(s); re-enable it with node.modules.enable"
                    f"({slot.name!r}) once fixed"
                )
                log.error("%s", slot.load_error)
                return
            await trio.sleep(
                backoff_delay(slot.restarts + 1, max(policy.restart_backoff, 1e-3), MAX_BACKOFF)
            )
            if not _quarantined(slot):
                return  # an operator disabled, enabled or removed it meanwhile
            slot.restarts += 1
            slot.failures.clear()
            if await self._host.start_instance(slot):
                if not _quarantined(slot):  # stopped or disabled while it started
                    await self._host.stop_instance(slot, "node_stopping")
                    return
                self._host.add_to_chain(slot)
                log.info("%s restarted (restart %d)", label(slot.name, slot.origin), slot.restarts)
                return


def _quarantined(slot: ModuleSlot) -> bool:
    # A function, not an inline comparison: the status changes across awaits, which a type
    # checker narrowing on the first comparison cannot know.
    return slot.status == "quarantined"
