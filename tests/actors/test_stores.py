"""The stores behind ``persistence=``: query parsing, the SQLite file, failing writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import trio
import trio.testing
from pydantic import BaseModel

import packetflow as pf
from packetflow._actors.memory_store import MemoryStore
from packetflow._actors.sqlite_store import SCHEMA_VERSION, SqliteStore
from packetflow._actors.store import ActorRecord, Commit, HistoryEntry, SearchQuery, StoreError
from packetflow.errors import NotFoundError, UnavailableError

from .conftest import NodeFactory


@pytest.mark.parametrize(
    ("text", "terms", "phrases", "fts5"),
    [
        ("surface codes", ("surface", "codes"), (), '"surface" AND "codes"'),
        ('"surface codes" T', ("t",), (("surface", "codes"),), '"t" AND "surface codes"'),
        ('NEAR(a b) -c OR "d', ("near", "a", "b", "c", "or", "d"), (), None),
        ('" ! "', (), (), ""),
    ],
    ids=["words", "phrase", "operators-are-words", "empty"],
)
def test_search_query_parsing(
    text: str, terms: tuple[str, ...], phrases: tuple[tuple[str, ...], ...], fts5: str | None
) -> None:
    query = SearchQuery.parse(text)
    assert (query.terms, query.phrases) == (terms, phrases)
    if fts5 is not None:
        assert query.to_fts5() == fts5
    assert bool(query) == bool(terms or phrases)


class N(BaseModel):
    n: int = 0


class Bump(pf.Actor[N]):
    async def handle(self, msg: N, ctx: pf.Context) -> N:
        self.state.n += 1
        return self.state


def bump(persistence: str) -> type[Bump]:
    return pf.actor(name="c", persistence=persistence)(type("C", (Bump,), {}))


async def test_the_sqlite_file_is_in_wal_mode_under_the_data_dir(
    make_node: NodeFactory, tmp_path: Path
) -> None:
    node = make_node(bump("sqlite"))
    async with node.started():
        await node.actors.send("c", "x", {"n": 1})
    path = tmp_path / "data" / "actors.sqlite3"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


async def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "actors.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this packetflow"):
        await SqliteStore(path).open()


async def test_a_store_without_a_writer_refuses_writes(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "actors.sqlite3")
    await store.open()  # read-only: no nursery, no writer task
    record = ActorRecord("c", "x", "{}", 0.0, None, 0, None)
    with pytest.raises(StoreError, match="not open for writing"):
        await store.commit(Commit(record))
    assert await store.load("c", "x") is None
    await store.close()


async def test_group_commit_batches_many_actors(make_node: NodeFactory) -> None:
    node = make_node(bump("sqlite"))
    async with node.started():
        async with trio.open_nursery() as nursery:
            for i in range(50):
                nursery.start_soon(node.actors.send, "c", f"a{i}", {})
        stats = node.actors.statistics().stores["sqlite"]
    assert isinstance(stats, pf.SqliteStoreStatistics)
    assert stats.commits == 50
    assert stats.batches < 50  # several actors shared a transaction


class FlakyStore(MemoryStore):
    """A memory store whose writes fail while ``broken`` is set."""

    broken = False

    async def commit(self, commit: Commit) -> None:
        if self.broken:
            raise StoreError("disk on fire")
        await super().commit(commit)


async def test_a_failed_commit_is_e503_and_the_message_is_not_applied(
    make_node: NodeFactory, autojump_clock: trio.testing.MockClock
) -> None:
    store = FlakyStore()
    node = make_node(bump("memory"))
    node.actors.add_store(store)
    async with node.started():
        assert await node.actors.send("c", "x", {}) == {"n": 1}
        store.broken = True
        with pytest.raises(UnavailableError, match="could not be saved"):
            await node.actors.send("c", "x", {})
        store.broken = False
        assert await node.actors.send("c", "x", {}) == {"n": 2}


def memory_bump() -> type[Bump]:
    return pf.actor(name="c", persistence="memory", idle_timeout=60)(type("C", (Bump,), {}))


async def _passivate(node: pf.Node, clock: trio.testing.MockClock) -> int:
    """Let the workers end, move past the idle timeout and passivate; how many passivated."""
    await trio.testing.wait_all_tasks_blocked()
    clock.jump(61)
    return node.actors.passivate_idle()


async def test_passivated_memory_actors_beyond_the_limit_are_forgotten_oldest_first(
    make_node: NodeFactory, mock_clock: trio.testing.MockClock
) -> None:
    node = make_node(memory_bump())
    node.actors.max_passivated_memory = 2
    async with node.started():
        for actor_id in ["a", "b", "c"]:
            await node.actors.send("c", actor_id, {})
            assert await _passivate(node, mock_clock) == 1  # a, then b, then c
        stats = node.actors.statistics().stores["memory"]
        assert stats == pf.MemoryStoreStatistics(records=2, passivated=2, evicted=1)
        with pytest.raises(NotFoundError, match="has no state"):
            await node.actors.get_state("c", "a")  # forgotten, like a stopped memory actor
        assert await node.actors.history("c", "a") == []
        assert [info.actor_id for info in await node.actors.list()] == ["b", "c"]
        assert await node.actors.send("c", "b", {}) == {"n": 2}  # remembered: restored
        assert await node.actors.send("c", "a", {}) == {"n": 1}  # starts afresh

        # Live actors are never evicted, whatever the limit: only "c" is passivated now.
        node.actors.max_passivated_memory = 0
        stats = node.actors.statistics().stores["memory"]
        assert stats == pf.MemoryStoreStatistics(records=2, passivated=0, evicted=2)
        assert await node.actors.send("c", "b", {}) == {"n": 3}
        assert len(await node.actors.history("c", "b")) == 3
        assert await _passivate(node, mock_clock) == 2
        assert node.actors.statistics().stores["memory"].records == 0


async def test_memory_actors_live_when_the_node_stops_count_as_passivated(
    make_node: NodeFactory,
) -> None:
    node = make_node(memory_bump())
    node.actors.max_passivated_memory = 1
    async with node.started():
        await node.actors.send("c", "a", {})
        await node.actors.send("c", "b", {})
    # Both were live at the stop; one is remembered (RAM lasts as long as the process).
    assert node.actors.statistics().stores["memory"] == pf.MemoryStoreStatistics(
        records=1, passivated=1, evicted=1
    )


@pytest.mark.parametrize("value", [-1, 2.5, True, "10"], ids=["negative", "float", "bool", "str"])
def test_max_passivated_memory_refuses_absurd_values(make_node: NodeFactory, value: object) -> None:
    node = make_node(memory_bump())
    with pytest.raises(ValueError, match=r"max_passivated .*: must be a whole number >= 0"):
        node.actors.max_passivated_memory = value  # type: ignore[assignment]
    assert node.actors.max_passivated_memory == 10_000
    with pytest.raises(ValueError, match="must be a whole number"):
        MemoryStore(max_passivated=-5)


async def test_a_memory_log_follows_the_retention_of_each_commit() -> None:
    # The log is a bounded deque; a type registered again with another history keeps its
    # newest entries under the new bound.
    store = MemoryStore()
    record = ActorRecord("chat", "a", "{}", 0.0, None, 0, None)

    async def commit(seq: int, retention: int | None) -> list[int]:
        entry = HistoryEntry(seq, float(seq), "{}", "{}")
        await store.commit(Commit(record, entry, retention))
        return [e.seq for e in await store.history("chat", "a", limit=100)]

    for seq in range(1, 6):
        seen = await commit(seq, 3)
    assert seen == [3, 4, 5]
    assert await commit(6, 2) == [5, 6]
    assert await commit(7, None) == [5, 6, 7]
