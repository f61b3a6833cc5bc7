"""Persistent conversations: the log, full-text search, retention and paging."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow._actors import actor as actor_module
from packetflow._actors.actor import MAX_HISTORY, actor_type
from packetflow.errors import MalformedError

from .conftest import NodeFactory


class Chat(BaseModel):
    turns: list[str] = []


class Say(BaseModel):
    text: str


class Reply(BaseModel):
    text: str
    turn: int


class ChatBase(pf.Actor[Chat]):
    async def handle(self, msg: Say, ctx: pf.Context) -> Reply:
        self.state.turns.append(msg.text)
        earlier = f" (you first said {self.state.turns[0]!r})" if len(self.state.turns) > 1 else ""
        return Reply(text=f"noted{earlier}", turn=len(self.state.turns))


def chat(persistence: str, **options: object) -> type[ChatBase]:
    @pf.actor(name="chat", persistence=persistence, **options)  # type: ignore[arg-type]
    class ChatActor(ChatBase):
        pass

    return ChatActor


PERSISTENCE = pytest.mark.parametrize("persistence", ["memory", "sqlite"], ids=["memory", "sqlite"])

TURNS = [
    "Let's talk about quantum error correction",
    "Surface codes use a lattice of physical qubits",
    "What threshold do they need?",
    "Tell me about magic state distillation",
]


@PERSISTENCE
async def test_search_finds_a_phrase_from_an_earlier_turn(
    make_node: NodeFactory, persistence: str
) -> None:
    node = make_node(chat(persistence))
    async with node.started():
        for text in TURNS:
            await node.actors.send("chat", "alice", {"text": text}, context={"user_id": "alice"})
        await node.actors.send("chat", "bob", {"text": "lattice gauge theory"})

        hits = await node.actors.search('"surface codes"')
        assert [(h["actor_id"], h["seq"]) for h in hits] == [("alice", 2)]
        assert hits[0]["message"] == {"text": TURNS[1]}
        assert hits[0]["user_id"] == "alice"

        # words (not a phrase) must all occur; case does not matter
        hits = await node.actors.search("LATTICE qubits")
        assert [h["actor_id"] for h in hits] == ["alice"]
        # words in another order are not the phrase
        assert await node.actors.search('"codes surface"') == []
        # the reply is searchable too, and the search can be narrowed to one actor
        hits = await node.actors.search("lattice", actor_id="bob")
        assert [h["actor_id"] for h in hits] == ["bob"]


@PERSISTENCE
async def test_search_text_is_never_query_syntax(make_node: NodeFactory, persistence: str) -> None:
    node = make_node(chat(persistence))
    async with node.started():
        await node.actors.send("chat", "a", {"text": "NEAR(x y) OR -z AND col:value"})
        assert len(await node.actors.search("NEAR(x y) OR -z")) == 1
        assert len(await node.actors.search('col:value "and')) == 1
        with pytest.raises(MalformedError):
            await node.actors.search('" ( ) - :')


@PERSISTENCE
async def test_retention_drops_the_oldest_entries(make_node: NodeFactory, persistence: str) -> None:
    node = make_node(chat(persistence, history=3))
    async with node.started():
        for text in [*TURNS, "one more turn"]:
            await node.actors.send("chat", "a", {"text": text})
        history = await node.actors.history("chat", "a")
        assert [e["seq"] for e in history] == [3, 4, 5]
        assert await node.actors.search('"surface codes"') == []  # dropped from the index too
        assert len(await node.actors.search("magic")) == 1
        [info] = await node.actors.list()
        assert info.message_count == 5  # retention trims the log, not the count


@PERSISTENCE
async def test_history_pages(make_node: NodeFactory, persistence: str) -> None:
    node = make_node(chat(persistence))
    async with node.started():
        for i in range(10):
            await node.actors.send("chat", "a", {"text": f"turn {i}"})
        page = await node.actors.history("chat", "a", limit=4)
        assert [e["seq"] for e in page] == [7, 8, 9, 10]
        page = await node.actors.history("chat", "a", limit=4, before=page[0]["seq"])
        assert [e["seq"] for e in page] == [3, 4, 5, 6]
        page = await node.actors.history("chat", "a", limit=4, before=page[0]["seq"])
        assert [e["seq"] for e in page] == [1, 2]
        page = await node.actors.history("chat", "a", limit=3, after=8)
        assert [e["seq"] for e in page] == [9, 10]


async def test_history_zero_keeps_no_log(make_node: NodeFactory) -> None:
    node = make_node(chat("sqlite", history=0))
    async with node.started():
        await node.actors.send("chat", "a", {"text": "hello"})
        assert await node.actors.history("chat", "a") == []
        [info] = await node.actors.list()
        assert info.message_count == 1


async def test_the_conversation_continues_on_a_new_node(make_node: NodeFactory) -> None:
    async with make_node(chat("sqlite")).started() as first:
        for text in TURNS[:2]:
            await first.actors.send("chat", "a", {"text": text})
    async with make_node(chat("sqlite")).started() as second:
        reply = await second.actors.send("chat", "a", {"text": TURNS[2]})
        assert reply == {"text": f"noted (you first said {TURNS[0]!r})", "turn": 3}
        assert [e["seq"] for e in await second.actors.history("chat", "a")] == [1, 2, 3]
        assert len(await second.actors.search("lattice")) == 1


@PERSISTENCE
async def test_history_none_keeps_the_documented_cap_not_everything(
    make_node: NodeFactory, persistence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert actor_type(chat(persistence, history=None)).history == MAX_HISTORY == 100_000
    monkeypatch.setattr(actor_module, "MAX_HISTORY", 3)  # the cap, small enough to reach
    node = make_node(chat(persistence, history=None))
    async with node.started():
        for text in TURNS:
            await node.actors.send("chat", "a", {"text": text})
        assert [e["seq"] for e in await node.actors.history("chat", "a")] == [2, 3, 4]


@pytest.mark.parametrize(
    "history", [MAX_HISTORY + 1, 2.5, True], ids=["above-the-cap", "float", "bool"]
)
def test_absurd_history_values_are_refused(history: object) -> None:
    with pytest.raises(ValueError, match=r"history must be >= 0 and <= 100000 .*got"):
        chat("memory", history=history)
