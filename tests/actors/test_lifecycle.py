"""Lifecycle: crashes and restarts, the failed state, passivation, ticks, deadlines."""

from __future__ import annotations

import pytest
import trio
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow.errors import (
    ConflictError,
    ContractViolationError,
    DeadlineExceededError,
    ExecutionFailedError,
    UnavailableError,
)

from .conftest import NodeFactory


class Tally(BaseModel):
    count: int = 0
    ticks: int = 0


class Op(BaseModel):
    crash: bool = False
    refuse: bool = False
    sleep: float = 0.0
    bad_reply: bool = False


class Count(BaseModel):
    count: int


class TallyBase(pf.Actor[Tally]):
    async def handle(self, msg: Op, ctx: pf.Context) -> Count:
        self.state.count += 1  # applied before any failure: must be rolled back
        if msg.crash:
            raise RuntimeError("simulated bug")
        if msg.refuse:
            raise ConflictError("tally: refused on purpose")
        if msg.sleep:
            await trio.sleep(msg.sleep)
        if msg.bad_reply:
            return {"count": "not a number"}  # type: ignore[return-value]
        return Count(count=self.state.count)


def tally(persistence: str = "sqlite", **options: object) -> type[TallyBase]:
    # No idle timeout unless a test sets one: with MockClock's autojump, time leaps while
    # SQLite works in its thread, and the actor would be passivated under the test's feet.
    options.setdefault("idle_timeout", None)

    @pf.actor(name="tally", persistence=persistence, **options)  # type: ignore[arg-type]
    class TallyActor(TallyBase):
        pass

    return TallyActor


PERSISTENCE = pytest.mark.parametrize("persistence", ["memory", "sqlite"], ids=["memory", "sqlite"])


@PERSISTENCE
async def test_a_crash_is_e500_and_the_actor_restarts_from_its_last_commit(
    make_node: NodeFactory, persistence: str, autojump_clock: trio.testing.MockClock
) -> None:
    node = make_node(tally(persistence))
    async with node.started():
        for _ in range(3):
            await node.actors.send("tally", "t", {})
        with pytest.raises(ExecutionFailedError) as caught:
            await node.actors.send("tally", "t", {"crash": True}, context={"trace_id": "t-1"})
        assert "t-1" in caught.value.message
        assert "simulated bug" not in caught.value.message
        assert isinstance(caught.value.__cause__, RuntimeError)
        assert await node.actors.send("tally", "t", {}) == {"count": 4}
        assert len(await node.actors.history("tally", "t")) == 4
        [info] = await node.actors.list()
        assert (info.status, info.message_count) == ("idle", 4)


async def test_messages_queued_behind_a_crash_are_handled_after_the_restart(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    node = make_node(tally())
    replies: dict[str, object] = {}

    async def send(label: str, op: dict[str, object]) -> None:
        try:
            replies[label] = await node.actors.send("tally", "t", op)
        except pf.PacketFlowError as exc:
            replies[label] = exc.code

    async with node.started():
        async with trio.open_nursery() as nursery:
            nursery.start_soon(send, "slow", {"sleep": 1.0})
            await trio.testing.wait_all_tasks_blocked()
            nursery.start_soon(send, "crash", {"crash": True})
            await trio.testing.wait_all_tasks_blocked()
            nursery.start_soon(send, "after", {})
        assert replies == {"slow": {"count": 1}, "crash": "E500", "after": {"count": 2}}


@PERSISTENCE
async def test_an_actor_crashing_on_every_message_ends_failed(
    make_node: NodeFactory, persistence: str
) -> None:
    node = make_node(tally(persistence, max_restarts=2, restart_period=60))
    async with node.started():
        await node.actors.send("tally", "t", {})
        for _ in range(3):  # the first run plus two restarts
            with pytest.raises(ExecutionFailedError):
                await node.actors.send("tally", "t", {"crash": True})
        with pytest.raises(UnavailableError, match="is failed"):
            await node.actors.send("tally", "t", {})
        [info] = await node.actors.list()
        assert info.status == "failed"
        await node.actors.send("tally", "other", {})  # its neighbours are fine
        # An operator stops it; the next message resumes it from its last commit.
        await node.actors.stop("tally", "t", "reset after crash loop")
        resumed = 2 if persistence == "sqlite" else 1  # memory actors are forgotten on stop
        assert await node.actors.send("tally", "t", {}) == {"count": resumed}


async def test_crashes_spread_out_in_time_do_not_fail_the_actor(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    # memory: with SQLite, autojump would also leap the clock while the store works
    node = make_node(tally("memory", max_restarts=1, restart_period=10))
    async with node.started():
        for _ in range(4):
            with pytest.raises(ExecutionFailedError):
                await node.actors.send("tally", "t", {"crash": True})
            await trio.sleep(11)
        assert await node.actors.send("tally", "t", {}) == {"count": 1}


async def test_a_packetflow_error_from_handle_passes_through_and_rolls_back(
    make_node: NodeFactory,
) -> None:
    node = make_node(tally())
    async with node.started():
        await node.actors.send("tally", "t", {})
        with pytest.raises(ConflictError, match="refused on purpose"):
            await node.actors.send("tally", "t", {"refuse": True})
        assert await node.actors.send("tally", "t", {}) == {"count": 2}


async def test_a_reply_breaking_the_contract_is_e422_and_rolls_back(
    make_node: NodeFactory,
) -> None:
    node = make_node(tally())
    async with node.started():
        with pytest.raises(ContractViolationError) as caught:
            await node.actors.send("tally", "t", {"bad_reply": True})
        assert caught.value.type == "output_contract"
        assert await node.actors.send("tally", "t", {}) == {"count": 1}


async def test_a_bad_message_is_e422_with_field_details(make_node: NodeFactory) -> None:
    node = make_node(tally())
    async with node.started():
        with pytest.raises(ContractViolationError) as caught:
            await node.actors.send("tally", "t", {"sleep": "long"})
        assert [d["field"] for d in caught.value.details] == ["sleep"]
        assert await node.actors.list() == []  # nothing was created


async def test_the_handle_deadline_is_e408_and_rolls_back(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    node = make_node(tally(timeout=5))
    async with node.started():
        with pytest.raises(DeadlineExceededError):
            await node.actors.send("tally", "t", {"sleep": 10})
        assert await node.actors.send("tally", "t", {}) == {"count": 1}


async def test_a_sender_timeout_is_e408_and_the_message_still_commits(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    node = make_node(tally())
    async with node.started():
        with pytest.raises(DeadlineExceededError):
            await node.actors.send("tally", "t", {"sleep": 10}, timeout=1)
        await trio.sleep(20)
        assert await node.actors.send("tally", "t", {}) == {"count": 2}


async def _advance(clock: trio.testing.MockClock, seconds: float) -> None:
    """Let workers finish, move the (non-autojumping) clock and let the sweeper run."""
    await trio.testing.wait_all_tasks_blocked()
    clock.jump(seconds)
    await trio.testing.wait_all_tasks_blocked()


@PERSISTENCE
async def test_idle_actors_are_passivated_and_restored(
    make_node: NodeFactory, persistence: str, mock_clock: trio.testing.MockClock
) -> None:
    # A manual clock: autojump would also leap while SQLite works in its thread.
    node = make_node(tally(persistence, idle_timeout=60))
    async with node.started():
        for _ in range(3):
            await node.actors.send("tally", "t", {})
        await node.actors.send("tally", "u", {}, idle_timeout=600)
        assert len(node.actors) == 2
        await _advance(mock_clock, 61)
        assert len(node.actors) == 1  # "t" passivated; "u" has its own, longer timeout
        [t_info, _] = await node.actors.list()
        assert (t_info.status, t_info.message_count) == ("passivated", 3)
        assert await node.actors.send("tally", "t", {}) == {"count": 4}
        assert len(node.actors) == 2
        await _advance(mock_clock, 601)
        assert len(node.actors) == 0


@PERSISTENCE
async def test_a_shorter_idle_timeout_from_the_sender_is_followed_by_the_sweep(
    make_node: NodeFactory, persistence: str, mock_clock: trio.testing.MockClock
) -> None:
    # The type's timeout sets the sweeper asleep for a quarter of 600 s; an actor created
    # with actor_options.idle_timeout_s=5 must not wait for it.
    node = make_node(tally(persistence, idle_timeout=600))
    async with node.started():
        await _advance(mock_clock, 1)
        await node.actors.send("tally", "brief", {}, idle_timeout=5)
        await node.actors.send("tally", "lasting", {})
        await _advance(mock_clock, 4.9)
        assert len(node.actors) == 2  # not before its deadline
        await _advance(mock_clock, 0.1 + 5 / 4)  # the deadline, plus one sweep interval
        assert len(node.actors) == 1
        statuses = {info.actor_id: info.status for info in await node.actors.list()}
        assert statuses == {"brief": "passivated", "lasting": "idle"}
        assert await node.actors.send("tally", "brief", {}) == {"count": 2}


@pf.actor(persistence="memory", tick_interval=10, idle_timeout=None)
class Ticker(TallyBase):
    async def tick(self, ctx: pf.Context) -> None:
        self.state.ticks += 1


async def test_ticks_run_periodically_between_messages(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    node = make_node(Ticker)
    async with node.started():
        await node.actors.send("ticker", "t", {})
        await trio.sleep(35)
        state = await node.actors.get_state("ticker", "t")
        assert isinstance(state, Tally)
        assert (state.count, state.ticks) == (1, 3)
        assert len(await node.actors.history("ticker", "t")) == 1  # ticks are not messages


async def test_stopping_the_node_lets_queued_messages_finish(make_node: NodeFactory) -> None:
    node = make_node(tally())
    replies: list[object] = []
    async with node.started():
        await node.actors.send("tally", "t", {})

        async def send() -> None:
            replies.append(await node.actors.send("tally", "t", {"sleep": 0.05}))

        node.nursery.start_soon(send)
        node.nursery.start_soon(send)
        await trio.testing.wait_all_tasks_blocked()  # one in handle, one in the mailbox
    assert replies == [{"count": 2}, {"count": 3}]
    async with make_node(tally()).started() as again:
        state = await again.actors.get_state("tally", "t")
        assert isinstance(state, Tally)
        assert state.count == 3


async def test_a_crash_storm_restarts_the_actor_system_under_the_node_supervisor(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    node = make_node(tally("memory"))
    node.actors.worker_max_restarts = 2  # the budget shared by every actor's worker
    async with node.started():
        await node.actors.send("tally", "steady", {})
        for i in range(3):  # three actors crash once each: the third restart is one too many
            with pytest.raises(ExecutionFailedError):
                await node.actors.send("tally", f"t{i}", {"crash": True})
        await trio.testing.wait_all_tasks_blocked()
        actors = node.supervisor.children["actors"]
        assert actors.restarts == 1
        assert isinstance(actors.last_error, BaseExceptionGroup)
        await trio.sleep(10)  # the node supervisor's backoff
        assert await node.actors.send("tally", "steady", {}) == {"count": 2}
        assert await node.actors.send("tally", "t0", {}) == {"count": 1}


async def test_a_handle_outlasting_the_drain_timeout_is_cancelled_unacknowledged(
    make_node: NodeFactory,
) -> None:
    node = make_node(tally())
    node.actors.drain_timeout = 0.05
    outcome: list[str] = []
    async with node.started():
        await node.actors.send("tally", "t", {})

        async def send() -> None:
            try:
                await node.actors.send("tally", "t", {"sleep": 60})
            except UnavailableError:
                outcome.append("E503")

        node.nursery.start_soon(send)
        await trio.testing.wait_all_tasks_blocked()
    assert outcome == ["E503"]
    async with make_node(tally()).started() as again:
        state = await again.actors.get_state("tally", "t")
        assert isinstance(state, Tally)
        assert state.count == 1  # the unacknowledged message left no trace
