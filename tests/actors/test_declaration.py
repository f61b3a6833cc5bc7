"""``@packetflow.actor``: contracts from type hints, names, options and clear errors."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow._actors.actor import actor_type

from .conftest import NodeFactory


class Notes(BaseModel):
    owner: str = "nobody"
    lines: list[str] = []


class Line(BaseModel):
    text: str


class Count(BaseModel):
    lines: int


class NotesBase(pf.Actor[Notes]):
    async def handle(self, msg: Line, ctx: pf.Context) -> Count:
        self.state.lines.append(msg.text)
        return Count(lines=len(self.state.lines))


def test_the_contract_comes_from_the_handle_hints() -> None:
    @pf.actor(persistence="memory", tags=["notes"])
    class NoteBook(NotesBase):
        """Keeps notes."""

    spec = actor_type(NoteBook)
    assert spec is not None
    assert spec.name == "note_book"
    assert spec.state_model is Notes
    assert spec.contract.input_model is Line
    assert spec.contract.output_model is Count
    described = spec.describe()
    assert described["kind"] == "actor"
    assert described["intent"] == "Keeps notes."
    assert described["requires"] == ["text"]
    assert described["provides"] == ["lines"]
    assert described["persistence"] == "memory"
    assert described["tags"] == ["notes"]
    assert described["state_schema"]["title"] == "Notes"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("ResearchAssistant", "research_assistant"), ("HTTPCache", "http_cache"), ("A", "a")],
    ids=["camel", "acronym", "single"],
)
def test_default_names_are_snake_case(name: str, expected: str) -> None:
    cls = type(name, (NotesBase,), {})
    assert pf.actor(cls).__packetflow_actor__.name == expected


@pytest.mark.parametrize(
    "initial",
    [Notes(owner="template"), lambda actor_id: Notes(owner=f"template-{actor_id}")],
    ids=["instance", "callable"],
)
async def test_initial_state_option(make_node: NodeFactory, initial: Any) -> None:
    @pf.actor(name="notes", persistence="memory", initial_state=initial)
    class NoteBook(NotesBase):
        pass

    node = make_node(NoteBook)
    async with node.started():
        await node.actors.send("notes", "n1", {"text": "a"})
        await node.actors.send("notes", "n2", {"text": "b"})
        one = await node.actors.get_state("notes", "n1")
        two = await node.actors.get_state("notes", "n2")
    assert isinstance(one, Notes)
    assert isinstance(two, Notes)
    assert one.lines == ["a"]
    assert two.lines == ["b"]
    assert one.owner.startswith("template")


async def test_initial_state_method(make_node: NodeFactory) -> None:
    @pf.actor(name="notes", persistence="memory")
    class NoteBook(NotesBase):
        def initial_state(self) -> Notes:
            return Notes(owner=self.actor_id)

    node = make_node(NoteBook)
    async with node.started():
        await node.actors.send("notes", "ada", {"text": "x"})
        state = await node.actors.get_state("notes", "ada")
    assert isinstance(state, Notes)
    assert state.owner == "ada"


class Untyped(pf.Actor[Notes]):
    async def handle(self, msg, ctx):  # type: ignore[no-untyped-def]
        return {"echo": msg}


async def test_untyped_handle_takes_and_returns_mappings(make_node: NodeFactory) -> None:
    node = make_node(pf.actor(name="untyped", persistence="memory")(Untyped))
    async with node.started():
        assert await node.actors.send("untyped", "u", {"any": 1}) == {"echo": {"any": 1}}


class Counter(pf.Actor[Notes]):
    async def handle(self, msg: Line, ctx: pf.Context) -> int:
        self.state.lines.append(msg.text)
        return len(self.state.lines)


async def test_a_plain_reply_annotation_answers_result(make_node: NodeFactory) -> None:
    declared = pf.actor(name="counter", persistence="memory")(Counter)
    output = actor_type(declared).contract.output_model  # type: ignore[union-attr]
    assert output is not None and list(output.model_fields) == ["result"]
    node = make_node(declared)
    async with node.started():
        assert await node.actors.send("counter", "c", {"text": "a"}) == {"result": 1}
        assert await node.actors.send("counter", "c", {"text": "b"}) == {"result": 2}


class Unservable(pf.Actor[Notes]):
    async def handle(self, msg: Line, ctx: pf.Context) -> type:
        return int


def test_a_reply_annotation_that_cannot_be_served_is_refused_at_declaration() -> None:
    with pytest.raises(TypeError, match="cannot be served"):
        pf.actor(name="unservable")(Unservable)


class NoStateArgument(pf.Actor):  # type: ignore[type-arg]
    async def handle(self, msg: Line, ctx: pf.Context) -> Count:
        return Count(lines=0)


class SyncHandle(pf.Actor[Notes]):
    def handle(self, msg: Line, ctx: pf.Context) -> Count:  # type: ignore[override]
        return Count(lines=0)


class NoHandle(pf.Actor[Notes]):
    pass


class SyncTick(NotesBase):
    def tick(self, ctx: pf.Context) -> None:  # type: ignore[override]
        pass


class TickWithoutInterval(NotesBase):
    async def tick(self, ctx: pf.Context) -> None:
        pass


@pytest.mark.parametrize(
    ("cls", "options", "error", "match"),
    [
        (NoStateArgument, {}, TypeError, r"Actor\[MyState\]"),
        (SyncHandle, {}, TypeError, "must be 'async def'"),
        (NoHandle, {}, TypeError, "define 'async def handle"),
        (TickWithoutInterval, {}, ValueError, "tick_interval"),
        (SyncTick, {"tick_interval": 5}, TypeError, "tick must be 'async def"),
        (NotesBase, {"tick_interval": 5}, ValueError, "async def tick"),
        (NotesBase, {"persistence": "disk"}, ValueError, "persistence must be one of"),
        (NotesBase, {"idle_timeout": 0}, ValueError, "idle_timeout must be positive"),
        (NotesBase, {"mailbox_size": 0}, ValueError, "mailbox_size must be >= 1"),
        (NotesBase, {"history": -1}, ValueError, "history must be >= 0"),
        (NotesBase, {"initial_state": Line(text="x")}, TypeError, "expected Notes"),
    ],
    ids=[
        "no-state-model", "sync-handle", "no-handle", "tick-no-interval", "sync-tick",
        "interval-no-tick", "bad-persistence", "zero-idle-timeout", "zero-mailbox",
        "negative-history", "wrong-initial-state",
    ],
)  # fmt: skip
def test_declaration_errors_name_the_class_and_the_fix(
    cls: type, options: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        pf.actor(**options)(cls)


def test_registering_an_undecorated_class_is_a_type_error() -> None:
    node = pf.Node("t")
    with pytest.raises(TypeError, match="actor class"):
        node.register(NotesBase)


def test_a_name_taken_by_a_capability_is_e409() -> None:
    @pf.capability(name="notes")
    async def notes(inp: Line) -> Count:
        return Count(lines=1)

    @pf.actor(name="notes", persistence="memory")
    class NoteBook(NotesBase):
        pass

    node = pf.Node("t")
    node.register(notes)
    with pytest.raises(pf.errors.ConflictError):
        node.register(NoteBook)


def test_registering_an_actor_twice_is_e409() -> None:
    @pf.actor(name="notes", persistence="memory")
    class NoteBook(NotesBase):
        pass

    node = pf.Node("t")
    node.register(NoteBook)
    with pytest.raises(pf.errors.ConflictError, match="'notes' is already registered"):
        node.register(NoteBook)


async def test_authorize_denies_senders_without_the_role(make_node: NodeFactory) -> None:
    @pf.actor(name="notes", persistence="memory", authorize=["editor"])
    class NoteBook(NotesBase):
        pass

    node = make_node(NoteBook)
    async with node.started():
        with pytest.raises(pf.errors.ForbiddenError, match="editor"):
            await node.actors.send("notes", "n", {"text": "x"}, context={"user_id": "eve"})
        reply = await node.actors.send(
            "notes", "n", {"text": "x"}, context={"user_id": "ed", "roles": ["editor"]}
        )
        assert reply == {"lines": 1}


async def test_a_persistence_without_a_store_is_e503(make_node: NodeFactory) -> None:
    @pf.actor(name="notes", persistence="distributed")
    class NoteBook(NotesBase):
        pass

    node = make_node(NoteBook)
    async with node.started():
        with pytest.raises(
            pf.errors.UnavailableError, match=r"add one with node\.actors\.add_store"
        ):
            await node.actors.send("notes", "n", {"text": "x"})
