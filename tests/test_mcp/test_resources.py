"""Actors as MCP resources: from an in-test actor directory (the shape of ``node.actors``),
and from ``node.actors`` itself, the default (in-process and through ``packetflow mcp``)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

mcp = pytest.importorskip("mcp")

from mcp.shared.exceptions import MCPError  # noqa: E402
from mcp.types import INVALID_PARAMS, METHOD_NOT_FOUND, ResourceTemplateReference  # noqa: E402
from pydantic import BaseModel  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow import errors  # noqa: E402
from packetflow.mcp import Caller, McpServer, Principal, actor_uri, parse_actor_uri  # noqa: E402
from tests.apps.mcp_wire_app import make_node as make_wire_node  # noqa: E402

from .conftest import packetflow_mcp  # noqa: E402


@dataclass(frozen=True)
class Info:
    capability: str
    actor_id: str


class Notes(BaseModel):
    topic: str
    turns: int


class Directory:
    """A tiny actor directory with ``node.actors``' method shapes."""

    def __init__(self) -> None:
        self.states: dict[tuple[str, str], Notes] = {
            ("research_assistant", "alice-1"): Notes(topic="trio", turns=2),
            ("research_assistant", "bob/2"): Notes(topic="mcp", turns=1),
            ("billing.ledger", "acme"): Notes(topic="invoices", turns=7),
        }
        self.logs: dict[tuple[str, str], list[dict[str, Any]]] = {
            ("research_assistant", "alice-1"): [
                {"seq": 1, "direction": "in", "message": {"text": "hi"}},
                {"seq": 2, "direction": "out", "message": {"text": "hello"}},
            ]
        }

    async def list(
        self, capability: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> Sequence[Info]:
        return [Info(*key) for key in sorted(self.states)][offset : offset + limit]

    async def get_state(self, capability: str, actor_id: str) -> Notes:
        try:
            return self.states[capability, actor_id]
        except KeyError:
            raise errors.NotFoundError(f"actor {capability!r}/{actor_id!r} has no state") from None

    async def history(
        self, capability: str, actor_id: str, *, limit: int = 50
    ) -> Sequence[Mapping[str, Any]]:
        await self.get_state(capability, actor_id)
        return self.logs.get((capability, actor_id), [])[-limit:]


@pytest.fixture(params=["auto", "legacy"])
async def client(request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    node = pf.Node("actors")
    server = McpServer(node, actors=Directory())
    server.resources.page_size = 2  # type: ignore[union-attr]
    async with server.serving(), mcp.Client(server.lowlevel, mode=request.param) as connected:
        yield connected


def test_uris_round_trip_odd_names() -> None:
    uri = actor_uri("billing.ledger", "acme/eu 1", history=True)
    assert uri == "packetflow://actors/billing.ledger/acme%2Feu%201/history"
    parsed = parse_actor_uri(uri)
    assert (parsed.capability, parsed.actor_id, parsed.history) == (
        "billing.ledger",
        "acme/eu 1",
        True,
    )


@pytest.mark.parametrize(
    "uri",
    ["packetflow://actors/x", "packetflow://actors/x/y/state", "file:///etc/passwd"],
    ids=["no-id", "bad-suffix", "other-scheme"],
)
def test_other_uris_are_malformed(uri: str) -> None:
    with pytest.raises(errors.MalformedError):
        parse_actor_uri(uri)


async def test_list_pages_through_the_actors(client: Any) -> None:
    first = await client.list_resources()
    assert [r.uri for r in first.resources] == [
        "packetflow://actors/billing.ledger/acme",
        "packetflow://actors/billing.ledger/acme/history",
        "packetflow://actors/research_assistant/alice-1",
        "packetflow://actors/research_assistant/alice-1/history",
    ]
    assert first.next_cursor is not None
    second = await client.list_resources(cursor=first.next_cursor)
    assert [r.name for r in second.resources] == [
        "research_assistant/bob/2",
        "research_assistant/bob/2/history",
    ]
    assert second.next_cursor is None
    templates = await client.list_resource_templates()
    assert [t.uri_template for t in templates.resource_templates] == [
        "packetflow://actors/{capability}/{actor_id}",
        "packetflow://actors/{capability}/{actor_id}/history",
    ]


async def test_read_state_and_history(client: Any) -> None:
    state = await client.read_resource("packetflow://actors/research_assistant/alice-1")
    assert state.contents[0].mime_type == "application/json"
    assert json.loads(state.contents[0].text) == {"topic": "trio", "turns": 2}
    history = await client.read_resource(actor_uri("research_assistant", "alice-1", history=True))
    assert [entry["seq"] for entry in json.loads(history.contents[0].text)] == [1, 2]
    slashed = await client.read_resource(actor_uri("research_assistant", "bob/2"))
    assert json.loads(slashed.contents[0].text)["topic"] == "mcp"


@pytest.mark.parametrize(
    ("uri", "code"),
    [
        ("packetflow://actors/research_assistant/nobody", "E404"),
        ("packetflow://actors/research_assistant", "E400"),
    ],
    ids=["unknown-actor", "malformed"],
)
async def test_read_errors_carry_the_packetflow_error(client: Any, uri: str, code: str) -> None:
    with pytest.raises(MCPError) as caught:
        await client.read_resource(uri)
    assert caught.value.error.code == INVALID_PARAMS
    assert caught.value.error.data["code"] == code


async def test_actor_reads_pass_the_authorizer() -> None:
    asked: list[tuple[str, ...]] = []

    def authorize(principal: Principal | None, kind: str, /, *names: str) -> None:
        asked.append((kind, *names))
        if kind == "actor" and names[1].startswith("research_assistant/bob"):
            raise errors.ForbiddenError("no actor:research_assistant/bob* scope")

    server = McpServer(pf.Node("actors"), actors=Directory(), authorize=authorize)
    async with server.serving(), mcp.Client(server.lowlevel) as connected:
        await connected.read_resource(actor_uri("research_assistant", "alice-1"))
        with pytest.raises(MCPError) as caught:
            await connected.read_resource(actor_uri("research_assistant", "bob/2"))
    assert caught.value.error.data["code"] == "E403"
    assert ("actor", "research_assistant", "research_assistant/alice-1") in asked


# -- node.actors, the default directory --------------------------------------------------------


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_the_nodes_actors_are_served_by_default(mode: str) -> None:
    node = make_wire_node()
    async with node.started():
        await node.actors.send("notebook", "n/1", {"text": "hello"})
        server = McpServer(node)  # no actors=: node.actors
        async with server.serving(), mcp.Client(server.lowlevel, mode=mode) as connected:
            listed = [r.uri for r in (await connected.list_resources()).resources]
            state = await connected.read_resource(actor_uri("notebook", "n/1"))
            history = await connected.read_resource(actor_uri("notebook", "n/1", history=True))
            with pytest.raises(MCPError) as unknown:
                await connected.read_resource(actor_uri("notebook", "nobody"))
    assert listed == [actor_uri("notebook", "n/1"), actor_uri("notebook", "n/1", history=True)]
    assert json.loads(state.contents[0].text) == {"lines": ["hello"]}
    [entry] = json.loads(history.contents[0].text)
    assert (entry["message"], entry["reply"]) == ({"text": "hello"}, {"count": 1})
    assert unknown.value.error.data["code"] == "E404"


async def test_resources_can_be_turned_off() -> None:
    server = McpServer(pf.Node("no-resources"), resources=False)
    async with server.serving(), mcp.Client(server.lowlevel) as connected:
        assert connected.server_capabilities.resources is None
        with pytest.raises(MCPError) as caught:
            await connected.list_resources()
    assert caught.value.error.code == METHOD_NOT_FOUND


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_packetflow_mcp_serves_the_nodes_actors(mode: str) -> None:
    params = packetflow_mcp("tests.apps.mcp_wire_app:make_node")
    async with mcp.Client(params, mode=mode) as connected:
        written = await connected.call_tool("take_note", {"notebook": "ideas", "text": "trio"})
        state = await connected.read_resource(actor_uri("notebook", "ideas"))
    assert written.structured_content == {"count": 1}
    assert json.loads(state.contents[0].text) == {"lines": ["trio"]}


# -- completions for the actor templates -------------------------------------------------------

STATE, HISTORY = "packetflow://actors/{capability}/{actor_id}", "{capability}/{actor_id}/history"


async def _complete(client: Any, template: str, argument: str, value: str, **context: str) -> Any:
    ref = ResourceTemplateReference(uri=template)
    return (
        await client.complete(ref, {"name": argument, "value": value}, context or None)
    ).completion


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_actor_templates_complete_types_then_ids(mode: str) -> None:
    # The templates are listed, so a client (the MCP Inspector does) asks for completions of
    # their placeholders: the actor types, then the ids of the chosen type's actors.
    node = make_wire_node()
    async with node.started():
        for notebook in ("ideas", "inbox", "todo"):
            await node.actors.send("notebook", notebook, {"text": "x"})
        await node.actors.send("pen_pal", "ida", {"text": "hello"})
        server = McpServer(node)
        async with server.serving(), mcp.Client(server.lowlevel, mode=mode) as connected:
            types = await _complete(connected, STATE, "capability", "")
            typed = await _complete(connected, STATE, "capability", "no")
            ids = await _complete(connected, STATE, "actor_id", "i", capability="notebook")
            history = await _complete(
                connected, "packetflow://actors/" + HISTORY, "actor_id", "", capability="pen_pal"
            )
            any_type = await _complete(connected, STATE, "actor_id", "i")
            unknown = await _complete(connected, STATE, "actor_id", "", capability="nope")
    assert types.values == ["notebook", "pen_pal"]
    assert (typed.values, typed.total, typed.has_more) == (["notebook"], 1, False)
    assert ids.values == ["ideas", "inbox"]
    assert history.values == ["ida"]
    # Before a type is chosen (the Inspector's CLI sends no context): the ids of any type.
    assert any_type.values == ["ida", "ideas", "inbox"]
    assert unknown.values == []  # not an actor type: nothing to suggest


async def test_actor_template_completions_follow_the_actor_scopes() -> None:
    node = make_wire_node()
    authority = pf.TokenAuthority("actor-completions-secret-0123456789-abcd")
    principal = authority.verify(authority.issue("alice", ["actor:notebook/alice-*"]))
    async with node.started():
        for notebook in ("alice-1", "alice-2", "bob-1"):
            await node.actors.send("notebook", notebook, {"text": "x"})
        await node.actors.send("pen_pal", "carol", {"text": "hi"})
        server = McpServer(node, caller=Caller(principal=principal))
        async with server.serving(), mcp.Client(server.lowlevel) as connected:
            types = await _complete(connected, STATE, "capability", "")
            ids = await _complete(connected, STATE, "actor_id", "", capability="notebook")
            any_type = await _complete(connected, STATE, "actor_id", "")
            other = await _complete(connected, STATE, "actor_id", "", capability="pen_pal")
    assert types.values == ["notebook"]  # pen_pal: no actor: scope reaches it
    assert ids.values == ["alice-1", "alice-2"]  # bob-1 is outside actor:notebook/alice-*
    assert any_type.values == ["alice-1", "alice-2"]  # so is pen_pal/carol
    assert other.values == []


async def test_without_actor_resources_the_actor_templates_are_unknown() -> None:
    server = McpServer(make_wire_node(), resources=False)
    async with server.serving(), mcp.Client(server.lowlevel) as connected:
        with pytest.raises(MCPError) as caught:
            await _complete(connected, STATE, "capability", "")
    assert caught.value.error.data["code"] == "E404"
