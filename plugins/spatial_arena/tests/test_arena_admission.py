"""A zone's gate on its own: slots, the bounded queue in priority and arrival order, timeouts
with retry_after_ms, cancellation that never loses a slot (time is trio's MockClock)."""

from __future__ import annotations

import pytest
import trio
import trio.testing

from packetflow_spatial_arena import Refused, ZoneGate
from packetflow_spatial_arena.admission import Hold, Holdings


@pytest.fixture
def clock() -> trio.testing.MockClock:
    return trio.testing.MockClock(autojump_threshold=0)


def test_slots_up_to_capacity() -> None:
    gate = ZoneGate("ai", capacity=2, max_queue=0)
    assert gate.try_enter() and gate.try_enter()
    assert not gate.try_enter()
    gate.leave(0.01)
    assert gate.try_enter()
    assert (gate.in_use, gate.peak, gate.admitted) == (2, 2, 3)


async def test_a_full_queue_refuses_at_once_with_retry_after() -> None:
    gate = ZoneGate("ai", capacity=1, max_queue=0)
    assert gate.try_enter()
    gate.leave(0.2)  # one hold of 200 ms seen
    assert gate.try_enter()
    with pytest.raises(Refused) as refused:
        await gate.enter(0, wait_s=1.0, deadline_s=None)
    assert refused.value.code == "E429"
    assert "zone 'ai' is full" in refused.value.message
    # 200 ms hold x queue position 1 / capacity 1
    assert refused.value.retry_after_ms == 200
    assert gate.rejected == 1


async def test_waiters_are_admitted_by_priority_then_arrival(
    clock: trio.testing.MockClock,
) -> None:
    gate = ZoneGate("ai", capacity=1, max_queue=10)
    assert gate.try_enter()
    order: list[str] = []

    async def wait(name: str, priority: int) -> None:
        await gate.enter(priority, wait_s=60.0, deadline_s=None)
        order.append(name)

    async with trio.open_nursery() as nursery:
        for name, priority in [("a", 0), ("b", 0), ("urgent", 5), ("c", 0)]:
            nursery.start_soon(wait, name, priority)
            await trio.testing.wait_all_tasks_blocked()
        assert gate.waiting == 4
        assert not gate.try_enter()  # a newcomer never overtakes the queue
        for _ in range(4):
            gate.leave(0.01)
            await trio.testing.wait_all_tasks_blocked()
    assert order == ["urgent", "a", "b", "c"]
    assert gate.in_use == 1 and gate.waiting == 0


async def test_queue_timeout_refuses_with_an_estimate(clock: trio.testing.MockClock) -> None:
    gate = ZoneGate("ai", capacity=2, max_queue=10)
    assert gate.try_enter() and gate.try_enter()
    gate.hold_s = 0.5
    with pytest.raises(Refused) as refused:
        await gate.enter(0, wait_s=0.25, deadline_s=None)
    assert refused.value.code == "E429"
    assert "no slot within queue_timeout 0.25s" in refused.value.message
    assert refused.value.retry_after_ms == 250  # 500 ms x position 1 / capacity 2
    assert (gate.waiting, gate.timed_out, gate.rejected) == (0, 1, 1)


async def test_a_deadline_shorter_than_the_queue_timeout_is_e408(
    clock: trio.testing.MockClock,
) -> None:
    gate = ZoneGate("ai", capacity=1, max_queue=10)
    assert gate.try_enter()
    with pytest.raises(Refused) as refused:
        await gate.enter(0, wait_s=5.0, deadline_s=0.1)
    assert refused.value.code == "E408"
    assert gate.waiting == 0


async def test_a_cancelled_waiter_leaves_the_queue(clock: trio.testing.MockClock) -> None:
    gate = ZoneGate("ai", capacity=1, max_queue=10)
    assert gate.try_enter()
    with trio.move_on_after(1.0):
        await gate.enter(0, wait_s=60.0, deadline_s=None)
    assert gate.waiting == 0
    gate.leave(0.01)
    assert gate.in_use == 0  # nobody was handed the slot


async def test_a_waiter_cancelled_after_its_grant_hands_the_slot_on() -> None:
    gate = ZoneGate("ai", capacity=1, max_queue=10)
    assert gate.try_enter()
    admitted: list[str] = []

    async def wait(name: str, scope: trio.CancelScope | None = None) -> None:
        with scope or trio.CancelScope():
            await gate.enter(0, wait_s=60.0, deadline_s=None)
            admitted.append(name)
            await trio.sleep_forever()

    first_scope = trio.CancelScope()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(wait, "first", first_scope)
        await trio.testing.wait_all_tasks_blocked()
        nursery.start_soon(wait, "second")
        await trio.testing.wait_all_tasks_blocked()
        first_scope.cancel()  # "first" is woken with Cancelled, but before it runs...
        gate.leave(0.01)  # ...the freed slot is handed to it
        await trio.testing.wait_all_tasks_blocked()
        assert admitted == ["second"]
        assert gate.in_use == 1 and gate.waiting == 0
        nursery.cancel_scope.cancel()
    gate.leave(0.01)
    assert gate.in_use == 0


async def test_more_capacity_admits_waiters(clock: trio.testing.MockClock) -> None:
    gate = ZoneGate("ai", capacity=1, max_queue=10)
    assert gate.try_enter()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(gate.enter, 0, 60.0, None)
        await trio.testing.wait_all_tasks_blocked()
        gate.resize(2, 10)
    assert (gate.in_use, gate.waiting) == (2, 0)


async def test_holdings_pair_a_response_with_its_own_request() -> None:
    holdings = Holdings()
    gate = ZoneGate("ai", capacity=5, max_queue=0)
    task = trio.lowlevel.current_task()
    outer = Hold(1, "", gate, 0.0, {})
    inner = Hold(1, "", None, 0.0, {})
    holdings.add(task, outer)
    holdings.add(task, inner)
    assert holdings.held_above(task, gate)
    assert holdings.pop(task, 1, "") is inner  # the nested request unwinds first
    assert holdings.pop(task, 2, "") is None  # another context: not ours
    assert holdings.pop(task, 1, "") is outer
    assert len(holdings) == 0
    assert not holdings.held_above(task, gate)

    seen: list[bool] = []

    async def child() -> None:
        seen.append(holdings.held_above(trio.lowlevel.current_task(), gate))

    holdings.add(task, outer)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child)
    assert seen == [True]  # a task started inside the holder's task counts as inside it
