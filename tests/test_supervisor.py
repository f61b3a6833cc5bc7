"""Supervision: restart types, intensity limits, one_for_all, escalation."""

from __future__ import annotations

import pytest
import trio
import trio.testing

from packetflow._supervisor import Supervisor, SupervisorFailed


@pytest.fixture
def autojump_clock() -> trio.testing.MockClock:
    return trio.testing.MockClock(autojump_threshold=0)


async def test_permanent_child_restarts_after_a_crash(
    autojump_clock: trio.testing.MockClock,
) -> None:
    runs = []

    async def worker() -> None:
        runs.append(trio.current_time())
        if len(runs) < 3:
            raise RuntimeError("boom")
        await trio.sleep_forever()

    async with trio.open_nursery() as nursery:
        sup = Supervisor("t", nursery)
        child = sup.start_child("w", worker)
        await trio.sleep(10)
        assert len(runs) == 3
        assert child.restarts == 2
        assert child.status == "running"
        assert isinstance(child.last_error, RuntimeError)
        child.cancel()
        await child.wait_stopped()
        assert child.status == "stopped"


async def test_transient_child_is_not_restarted_after_a_normal_exit(
    autojump_clock: trio.testing.MockClock,
) -> None:
    runs = []

    async def worker() -> None:
        runs.append(1)

    async with trio.open_nursery() as nursery:
        child = Supervisor("t", nursery).start_child("w", worker, restart="transient")
        await child.wait_stopped()
    assert runs == [1]
    assert child.status == "stopped"


async def test_intensity_limit_marks_the_child_failed_and_spares_siblings(
    autojump_clock: trio.testing.MockClock,
) -> None:
    crashes = []

    async def crasher() -> None:
        crashes.append(1)
        raise ValueError("always")

    async with trio.open_nursery() as nursery:
        sup = Supervisor("t", nursery, max_restarts=3, period=60)
        healthy = sup.start_child("healthy", trio.sleep_forever)
        bad = sup.start_child("bad", crasher)
        await bad.wait_stopped()
        assert bad.status == "failed"
        assert len(crashes) == 4  # the first run plus three restarts
        assert healthy.status == "running"
        healthy.cancel()


async def test_escalation_raises_into_the_nursery(autojump_clock: trio.testing.MockClock) -> None:
    async def crasher() -> None:
        raise ValueError("always")

    with pytest.RaisesGroup(SupervisorFailed):
        async with trio.open_nursery() as nursery:
            Supervisor("t", nursery, max_restarts=1, escalate=True).start_child("bad", crasher)


async def test_one_for_all_restarts_the_siblings(autojump_clock: trio.testing.MockClock) -> None:
    starts = {"a": 0, "b": 0}

    async def steady() -> None:
        starts["a"] += 1
        await trio.sleep_forever()

    async def flaky() -> None:
        starts["b"] += 1
        if starts["b"] == 1:
            raise RuntimeError("first run fails")
        await trio.sleep_forever()

    async with trio.open_nursery() as nursery:
        sup = Supervisor("t", nursery, strategy="one_for_all")
        a = sup.start_child("a", steady)
        await trio.sleep(1)
        b = sup.start_child("b", flaky)
        await trio.sleep(10)
        assert starts == {"a": 2, "b": 2}
        a.cancel()
        b.cancel()
