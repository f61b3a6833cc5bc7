"""Zone capacity as admission control: per-zone slots, a bounded wait queue, and the ledger
of which request holds which slot.

A request of a zone takes a slot when it is admitted and gives it back when its response
goes out, so at most ``capacity`` requests of a zone execute at the same time. When the zone
is full the request waits in the zone's queue:

- at most ``max_queue`` waiters; one more is refused at once (E429);
- waiters are admitted by priority (higher first), then in arrival order: a freed slot goes
  straight to the next waiter (no barging by a newcomer);
- a waiter that is not admitted within ``queue_timeout`` is refused (E429), and so is one
  whose request's deadline would pass first (E408);
- a cancelled waiter leaves the queue; one cancelled just after it was handed a slot hands
  it on, so no slot is ever lost.

``retry_after_ms`` on a refusal estimates when a slot would be free for the caller: the
recent slot hold time (an exponentially weighted moving average) times the refused
request's place in the queue, divided by the capacity.

**Re-entrancy rule** (no composition deadlocks on its own zone): a composition holds no slot
itself, only its steps do, each in its own step's zone. And a request that finds its zone full
while it runs *inside* a request holding a slot of that zone (the same trio task or one of its
ancestors, e.g. a capability calling another capability of its zone in-process) runs on that
slot instead of waiting for a second one: the caller cannot release its slot before the
callee finishes, so waiting could only time out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import trio

import packetflow as pf

__all__ = ["Hold", "Holdings", "Refused", "ZoneGate", "shared_gates"]

# The hold time assumed before any slot has been given back (for retry_after_ms).
INITIAL_HOLD_S = 0.1
_EWMA = 0.2  # weight of the newest hold time
_ANCESTORS = 32  # how far up the task tree the re-entrancy rule looks


class Refused(Exception):
    """The zone could not admit a request (E429, or E408 when its deadline passes first)."""

    def __init__(self, code: str, message: str, retry_after_ms: int | None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after_ms = retry_after_ms


class _Waiter:
    __slots__ = ("event", "granted")

    def __init__(self) -> None:
        self.event = trio.Event()
        self.granted = False


class ZoneGate:
    """The slots and the wait queue of one zone."""

    def __init__(self, zone_id: str, capacity: int, max_queue: int) -> None:
        self.id = zone_id
        self.capacity = capacity
        self.max_queue = max_queue
        self.in_use = 0
        self.waiting = 0
        self.peak = 0
        self.admitted = 0
        self.queued = 0  # requests that had to wait (in total)
        self.rejected = 0  # refusals: queue full or no slot in time
        self.timed_out = 0  # the refusals after waiting
        self.reused = 0
        self.hold_s = INITIAL_HOLD_S
        self.released = 0
        # priority -> waiters in arrival order (a dict keeps insertion order; O(1) removal)
        self._queues: dict[int, dict[_Waiter, None]] = {}

    def resize(self, capacity: int, max_queue: int) -> None:
        """New limits (a restarted module with a changed config); more room admits waiters."""
        self.capacity, self.max_queue = capacity, max_queue
        while self.in_use < self.capacity and self._grant():
            self.in_use += 1

    def try_enter(self) -> bool:
        """Take a slot if one is free and nobody waits (the hot path)."""
        if self.in_use < self.capacity and not self.waiting:
            self.in_use += 1
            self.admitted += 1
            if self.in_use > self.peak:
                self.peak = self.in_use
            return True
        return False

    async def enter(self, priority: int, wait_s: float, deadline_s: float | None) -> float:
        """Wait for a slot; returns the seconds waited.

        Args:
            priority: higher is admitted first.
            wait_s: the longest wait (``queue_timeout``).
            deadline_s: the request's remaining deadline, if it has one.

        Raises:
            Refused: the queue is full, the wait timed out, or the deadline would pass.
        """
        if self.waiting >= self.max_queue:
            self.rejected += 1
            raise Refused(
                "E429",
                f"zone {self.id!r} is full ({self.in_use}/{self.capacity} running, "
                f"{self.waiting} waiting, max_queue {self.max_queue}); retry later or raise "
                "its capacity",
                self.retry_after_ms(self.waiting + 1),
            )
        waiter = _Waiter()
        queue = self._queues.setdefault(priority, {})
        queue[waiter] = None
        self.waiting += 1
        self.queued += 1
        limit = wait_s if deadline_s is None else min(wait_s, deadline_s)
        started = trio.current_time()
        try:
            with trio.move_on_after(limit):
                await waiter.event.wait()
        except BaseException:
            if waiter.granted:  # handed a slot while being cancelled: pass it on
                self.leave(None)
            else:
                self._drop(waiter, priority)
            raise
        if not waiter.granted:
            position = self._position(waiter, priority)
            self._drop(waiter, priority)
            self.timed_out += 1
            self.rejected += 1
            if deadline_s is not None and deadline_s <= wait_s:
                raise Refused(
                    "E408",
                    f"zone {self.id!r}: the request's deadline ({deadline_s:g}s) passed while "
                    f"it waited for a slot; give it more time or retry later",
                    None,
                )
            raise Refused(
                "E429",
                f"zone {self.id!r}: no slot within queue_timeout {wait_s:g}s "
                f"({self.in_use}/{self.capacity} running); retry later or raise its capacity",
                self.retry_after_ms(position),
            )
        self.admitted += 1
        if self.in_use > self.peak:
            self.peak = self.in_use
        return trio.current_time() - started

    def leave(self, held_s: float | None) -> None:
        """Give a slot back (``held_s``: how long it was held, for ``retry_after_ms``)."""
        if held_s is not None:
            if self.released:
                self.hold_s += _EWMA * (held_s - self.hold_s)
            else:  # the first real sample replaces the initial guess
                self.hold_s = held_s
            self.released += 1
        if not self._queues or not self._grant():
            self.in_use -= 1

    def retry_after_ms(self, position: int) -> int:
        """When a caller at ``position`` in the queue could expect a slot."""
        estimate_ms = self.hold_s * max(1, position) / self.capacity * 1000
        return max(1, math.ceil(estimate_ms - 1e-6))  # (float noise must not add a ms)

    def _grant(self) -> bool:
        """Hand a slot to the next waiter (the slot stays in use); False if none waits."""
        while self._queues:
            top = max(self._queues)
            queue = self._queues[top]
            waiter = next(iter(queue))
            del queue[waiter]
            if not queue:
                del self._queues[top]
            self.waiting -= 1
            waiter.granted = True
            waiter.event.set()
            return True
        return False

    def _drop(self, waiter: _Waiter, priority: int) -> None:
        queue = self._queues.get(priority)
        if queue is not None and waiter in queue:
            del queue[waiter]
            if not queue:
                del self._queues[priority]
            self.waiting -= 1

    def _position(self, waiter: _Waiter, priority: int) -> int:
        ahead = sum(len(q) for p, q in self._queues.items() if p > priority)
        for index, other in enumerate(self._queues.get(priority, {})):
            if other is waiter:
                return ahead + index + 1
        return ahead + 1


@dataclass(slots=True)
class Hold:
    """A request's claim on a zone: a slot (``gate`` set), or a ride on its caller's slot or
    no slot at all (``gate`` None, e.g. a composition); ``answer`` is what its response hook
    decides: the request's ``spatial_context`` in the response's ``metadata``."""

    context: int
    request_id: str
    gate: ZoneGate | None
    started: float
    answer: pf.Annotate


class Holdings:
    """Which task's request holds what, so a response gives back exactly its own slot.

    A request's request and response hooks run in the same trio task, with the same context
    object; holds are kept per task as a stack (nested requests unwind in reverse order) and
    matched by ``(id(context), request id)`` from the top. A response whose request took
    nothing here (an earlier module refused it) matches nothing and gives nothing back.
    """

    def __init__(self) -> None:
        self._by_task: dict[trio.lowlevel.Task, list[Hold]] = {}

    def __len__(self) -> int:
        return sum(len(holds) for holds in self._by_task.values())

    def add(self, task: trio.lowlevel.Task, hold: Hold) -> None:
        holds = self._by_task.get(task)
        if holds is None:
            self._by_task[task] = [hold]
        else:
            holds.append(hold)

    def pop(self, task: trio.lowlevel.Task, context: int, request_id: str) -> Hold | None:
        holds = self._by_task.get(task)
        if not holds:
            return None
        for index in range(len(holds) - 1, -1, -1):
            hold = holds[index]
            if hold.context == context and hold.request_id == request_id:
                del holds[index]
                if not holds:
                    del self._by_task[task]
                return hold
        return None

    def held_above(self, task: trio.lowlevel.Task, gate: ZoneGate) -> bool:
        """Whether ``task`` or one of its ancestors holds a slot of ``gate``."""
        current: trio.lowlevel.Task | None = task
        for _ in range(_ANCESTORS):
            if current is None:
                return False
            for hold in self._by_task.get(current, ()):
                if hold.gate is gate:
                    return True
            nursery = current.parent_nursery
            current = nursery.parent_task if nursery is not None else None
        return False


def shared_gates(
    shared: dict[str, Any], limits: dict[str, int], max_queue: int
) -> dict[str, ZoneGate]:
    """The zone gates kept in ``shared`` (``node.modules.shared_state``), ``limits`` = zone id
    -> capacity; existing gates of the same zone ids are kept (resized), others created.

    The gates outlive one module instance: a restarted or reloaded module takes over the gates
    its predecessor's in-flight requests still hold slots of, so the capacity holds across the
    swap (the old requests give their slots back to the same gate).
    """
    known: dict[str, ZoneGate] = shared.get("gates", {})
    gates: dict[str, ZoneGate] = {}
    for zone_id, capacity in limits.items():
        gate = known.get(zone_id)
        if gate is None:
            gate = ZoneGate(zone_id, capacity, max_queue)
        else:
            if type(gate) is not ZoneGate:
                # Made by the code before a reload (an older ZoneGate class): give it this
                # code's methods, so what it raises is this module's Refused.
                gate.__class__ = ZoneGate
            gate.resize(capacity, max_queue)
        gates[zone_id] = gate
    shared["gates"] = gates
    return gates
