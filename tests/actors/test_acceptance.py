"""The behaviours the original design's acceptance script checked, for both persistences."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow.errors import NotFoundError

from .conftest import NodeFactory


class CounterState(BaseModel):
    count: int = 0


class Increment(BaseModel):
    by: int = 1
    note: str = ""


class Total(BaseModel):
    count: int


class CounterBase(pf.Actor[CounterState]):
    async def handle(self, msg: Increment, ctx: pf.Context) -> Total:
        self.state.count += msg.by
        return Total(count=self.state.count)


def counter(persistence: str, **options: object) -> type[CounterBase]:
    @pf.actor(name="counter", persistence=persistence, **options)  # type: ignore[arg-type]
    class Counter(CounterBase):
        pass

    return Counter


PERSISTENCE = pytest.mark.parametrize("persistence", ["memory", "sqlite"], ids=["memory", "sqlite"])


@PERSISTENCE
async def test_first_message_creates_the_actor(make_node: NodeFactory, persistence: str) -> None:
    node = make_node(counter(persistence))
    async with node.started():
        assert await node.actors.send("counter", "c1", {}) == {"count": 1}
        [info] = await node.actors.list()
        assert (info.capability, info.actor_id, info.message_count) == ("counter", "c1", 1)
        assert info.persistence == persistence


@PERSISTENCE
async def test_four_messages_count_one_to_four(make_node: NodeFactory, persistence: str) -> None:
    node = make_node(counter(persistence))
    async with node.started():
        counts = [(await node.actors.send("counter", "c1", {}))["count"] for _ in range(4)]
        assert counts == [1, 2, 3, 4]
        assert (await node.actors.get_state("counter", "c1")) == CounterState(count=4)


@PERSISTENCE
async def test_history_length_equals_message_count(
    make_node: NodeFactory, persistence: str
) -> None:
    node = make_node(counter(persistence))
    async with node.started():
        for i in range(5):
            await node.actors.send("counter", "c1", {"note": f"turn {i}"})
        history = await node.actors.history("counter", "c1")
        [info] = await node.actors.list()
        assert len(history) == info.message_count == 5
        assert [entry["message"]["note"] for entry in history] == [f"turn {i}" for i in range(5)]
        assert [entry["reply"]["count"] for entry in history] == [1, 2, 3, 4, 5]


@PERSISTENCE
async def test_list_shows_the_actor_with_metadata(make_node: NodeFactory, persistence: str) -> None:
    node = make_node(counter(persistence))
    async with node.started():
        await node.actors.send("counter", "c1", {}, context={"user_id": "alice"})
        await node.actors.send("counter", "c2", {})
        infos = await node.actors.list()
        assert [(i.actor_id, i.status, i.owner) for i in infos] == [
            ("c1", "idle", "alice"),
            ("c2", "idle", None),
        ]
        c1 = infos[0]
        assert c1.last_message_at is not None
        assert c1.created_at <= c1.last_message_at


async def test_after_stop_sqlite_resumes_from_persisted_state(make_node: NodeFactory) -> None:
    node = make_node(counter("sqlite"))
    async with node.started():
        for _ in range(5):
            await node.actors.send("counter", "c1", {})
        await node.actors.stop("counter", "c1", "test")
        with pytest.raises(NotFoundError):
            await node.actors.get_state("counter", "c1")
        with pytest.raises(NotFoundError):
            await node.actors.send("counter", "c1", {}, create_if_missing=False)
        [info] = await node.actors.list()
        assert info.status == "stopped"
        assert await node.actors.send("counter", "c1", {}) == {"count": 6}
        assert len(await node.actors.history("counter", "c1")) == 6


async def test_after_stop_memory_starts_afresh(make_node: NodeFactory) -> None:
    node = make_node(counter("memory"))
    async with node.started():
        for _ in range(5):
            await node.actors.send("counter", "c1", {})
        await node.actors.stop("counter", "c1")
        with pytest.raises(NotFoundError):
            await node.actors.get_state("counter", "c1")
        assert await node.actors.list() == []
        assert await node.actors.send("counter", "c1", {}) == {"count": 1}


async def test_stopping_an_unknown_actor_is_e404(make_node: NodeFactory) -> None:
    node = make_node(counter("sqlite"))
    async with node.started():
        with pytest.raises(NotFoundError, match="'nobody' is not running"):
            await node.actors.stop("counter", "nobody")


async def test_a_new_node_on_the_same_data_dir_sees_sqlite_actors(
    make_node: NodeFactory,
) -> None:
    async with make_node(counter("sqlite")).started() as first:
        for _ in range(3):
            await first.actors.send("counter", "c1", {})
    async with make_node(counter("sqlite")).started() as second:
        assert len(second.actors) == 0
        [info] = await second.actors.list()
        assert (info.status, info.message_count) == ("passivated", 3)
        assert await second.actors.send("counter", "c1", {}) == {"count": 4}
