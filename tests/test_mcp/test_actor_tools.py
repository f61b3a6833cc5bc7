"""Actor types as MCP tools: ``actor_id`` plus the message fields in, the actor's reply out, so
an agent holds a conversation with an actor through the official SDK client (every transport,
both protocol eras); under a token, each turn needs the ``actor:`` scope the wire asks for."""

from __future__ import annotations

import json
from typing import Any

import pytest

mcp = pytest.importorskip("mcp")

from packetflow.mcp import actor_uri  # noqa: E402
from tests.apps.mcp_app import Letter, LetterReply  # noqa: E402

from .conftest import HTTPX_GENERATORS, Session  # noqa: E402
from .test_wire_rules import mcp_http, rpc, serve, token  # noqa: E402


async def test_an_actor_type_is_a_tool_taking_actor_id_and_the_message(session: Session) -> None:
    tools = {tool.name: tool for tool in (await session.client.list_tools()).tools}
    pen_pal = tools["pen_pal"]
    message = Letter.model_json_schema()
    assert pen_pal.input_schema["required"] == ["actor_id", "text"]
    assert list(pen_pal.input_schema["properties"]) == ["actor_id", "text"]
    assert pen_pal.input_schema["properties"]["actor_id"]["type"] == "string"
    assert pen_pal.input_schema["properties"]["text"] == message["properties"]["text"]
    assert pen_pal.output_schema == LetterReply.model_json_schema()
    assert pen_pal.description is not None
    assert pen_pal.description.startswith("Remembers every letter it was sent")
    assert "actor_id" in pen_pal.description
    assert pen_pal.meta is not None and pen_pal.meta["packetflow"]["kind"] == "actor"


async def test_a_conversation_with_an_actor_carries_its_state(session: Session) -> None:
    client = session.client

    async def say(actor_id: str, text: str) -> Any:
        result = await client.call_tool("pen_pal", {"actor_id": actor_id, "text": text})
        assert not result.is_error, result.content[0].text
        return result.structured_content

    assert await say("ada", "hello") == {"turn": 1, "previous": None, "heard": ["hello"]}
    assert await say("ada", "how are you?") == {
        "turn": 2,
        "previous": "hello",
        "heard": ["hello", "how are you?"],
    }
    assert await say("grace", "hi") == {"turn": 1, "previous": None, "heard": ["hi"]}
    third = await say("ada", "bye")
    assert third["turn"] == 3 and third["previous"] == "how are you?"
    # The same actor as a resource: its committed state.
    state = await client.read_resource(actor_uri("pen_pal", "ada"))
    assert json.loads(state.contents[0].text) == {"heard": ["hello", "how are you?", "bye"]}


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({"text": "no address"}, "'actor_id' is required"),
        ({"actor_id": 7, "text": "x"}, "'actor_id' must be a string of 1 to 256 characters"),
        ({"actor_id": "", "text": "x"}, "'actor_id' must be a string of 1 to 256 characters"),
    ],
    ids=["missing", "number", "empty"],
)
async def test_a_bad_actor_id_is_e422_naming_it(
    session: Session, arguments: dict[str, Any], problem: str
) -> None:
    result = await session.client.call_tool("pen_pal", arguments)
    assert result.is_error
    assert result.content[0].text.startswith(f"E422 contract_violation: actor 'pen_pal': {problem}")
    assert result.meta["packetflow"]["error"]["details"][0]["field"] == "actor_id"


async def test_a_bad_message_is_e422_naming_the_field(session: Session) -> None:
    result = await session.client.call_tool("pen_pal", {"actor_id": "ada", "text": ["a"]})
    assert result.is_error
    assert result.content[0].text.startswith("E422 contract_violation")
    assert "  - text: Input should be a valid string" in result.content[0].text


# -- scopes ------------------------------------------------------------------------------------


@HTTPX_GENERATORS
@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_actor_tools_follow_the_tokens_actor_scopes(mode: str) -> None:
    async with serve() as (_, server):
        async with mcp_http(server, token("cap:inc", "actor:pen_pal/ada-*"), mode) as client:
            names = {tool.name for tool in (await client.list_tools()).tools}
            mine = await client.call_tool("pen_pal", {"actor_id": "ada-1", "text": "hi"})
            again = await client.call_tool("pen_pal", {"actor_id": "ada-1", "text": "again"})
            theirs = await client.call_tool("pen_pal", {"actor_id": "bob-1", "text": "hi"})
            notebook = await client.call_tool("notebook", {"text": "no id, no scope"})
        async with mcp_http(server, token("cap:*"), mode) as client:
            unscoped = {tool.name for tool in (await client.list_tools()).tools}
            refused = await client.call_tool("pen_pal", {"text": "no id"})
    # An actor tool is listed when an actor: scope reaches some actor of the type.
    assert names == {"inc", "pen_pal"}
    assert mine.structured_content["turn"] == 1
    assert again.structured_content == {"turn": 2, "previous": "hi", "heard": ["hi", "again"]}
    assert theirs.is_error
    assert theirs.content[0].text.startswith(
        "E403 forbidden: token of 'alice' does not cover actor 'pen_pal'"
    )
    assert theirs.meta["packetflow"]["error"]["details"]["scope_needed"] == "actor:pen_pal"
    # Outside the actor: scopes it is E403 before any argument is looked at.
    assert notebook.content[0].text.startswith("E403 forbidden")
    assert "pen_pal" not in unscoped and "notebook" not in unscoped  # cap:* is not actor:*
    assert refused.content[0].text.startswith("E403 forbidden")


async def test_the_wire_tunnel_talks_to_actors_under_the_connections_token() -> None:
    import packetflow as pf

    bearer = token("actor:pen_pal/ada-*")
    async with serve() as (_, server), pf.open_client(server.url, token=bearer) as wire:
        call = {"name": "pen_pal", "arguments": {"actor_id": "ada-2", "text": "tunnelled"}}
        allowed = await wire.mcp(rpc(1, "tools/call", call))
        call = {"name": "pen_pal", "arguments": {"actor_id": "eve", "text": "x"}}
        denied = await wire.mcp(rpc(2, "tools/call", call))
    assert allowed["result"]["structuredContent"] == {
        "turn": 1,
        "previous": None,
        "heard": ["tunnelled"],
    }
    assert "structuredContent" not in denied["result"]
    assert denied["result"]["isError"] is True
    assert denied["result"]["_meta"]["packetflow"]["code"] == "E403"
