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
from packetflow._actors.store import ActorRecord, Commit, SearchQuery, StoreError
from packetflow.errors import UnavailableError

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
        stats = node.actors.statistics()["stores"]["sqlite"]
    assert stats["commits"] == 50
    assert stats["batches"] < 50  # several actors shared a transaction


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
