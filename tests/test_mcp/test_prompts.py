"""@pf.prompt: prompts/list, prompts/get with validated arguments (-32602 with the field
errors), completions and list-changed notifications."""

from __future__ import annotations

from typing import Any, Literal

import pytest
import trio

mcp = pytest.importorskip("mcp")

from mcp.shared.exceptions import MCPError  # noqa: E402
from mcp.types import (  # noqa: E402
    INVALID_PARAMS,
    PromptListChangedNotification,
    PromptReference,
)
from pydantic import Field  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow.mcp import Caller, Image, McpServer, Message  # noqa: E402

from .features import connected  # noqa: E402


def _languages(prefix: str, arguments: dict[str, str]) -> list[str]:
    return [lang for lang in ("python", "perl", "php", "rust") if lang.startswith(prefix)]


@pf.prompt("review", "Ask for a code review", complete={"language": _languages})
async def review(
    code: str = Field(description="the code"),
    language: str = "python",
    tone: Literal["kind", "blunt"] = "kind",
    rounds: int = 1,
) -> list[Message]:
    return [
        Message(f"Review this {language} code ({tone}, {rounds} rounds):\n{code}"),
        Message("I will.", role="assistant"),
    ]


@pf.prompt
def look(ctx: pf.Context) -> list[Any]:
    """Look at a picture."""
    return [Image(b"\x89PNG"), "What is in it?"]


def make_node() -> pf.Node:
    node = pf.Node("prompts")
    node.modules.autoload = False
    node.register(review, look)
    return node


async def test_prompts_are_listed_with_their_arguments() -> None:
    async with connected(make_node()) as (client, _):
        prompts = {p.name: p for p in (await client.list_prompts()).prompts}
    assert sorted(prompts) == ["look", "review"]
    assert prompts["look"].description == "Look at a picture."
    arguments = {a.name: (a.required, a.description) for a in prompts["review"].arguments}
    assert arguments == {
        "code": (True, "the code"),
        "language": (False, None),
        "tone": (False, None),
        "rounds": (False, None),
    }


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_get_renders_messages(mode: str) -> None:
    async with connected(make_node(), mode=mode) as (client, _):
        result = await client.get_prompt("review", {"code": "x = 1", "rounds": "2"})
        picture = await client.get_prompt("look")
    assert result.messages[0].role == "user"
    assert result.messages[0].content.text == "Review this python code (kind, 2 rounds):\nx = 1"
    assert result.messages[1].role == "assistant"
    assert [m.content.type for m in picture.messages] == ["image", "text"]


@pytest.mark.parametrize(
    ("arguments", "fields"),
    [
        ({}, ["code"]),
        ({"code": "x", "tone": "rude"}, ["tone"]),
        ({"code": "x", "rounds": "many"}, ["rounds"]),
    ],
    ids=["missing", "not-an-option", "not-a-number"],
)
async def test_wrong_arguments_are_32602_with_field_errors(
    arguments: dict[str, str], fields: list[str]
) -> None:
    async with connected(make_node()) as (client, _):
        with pytest.raises(MCPError) as caught:
            await client.get_prompt("review", arguments)
    assert caught.value.error.code == INVALID_PARAMS
    data = caught.value.error.data
    assert data["code"] == "E422"
    assert [item["field"] for item in data["details"]] == fields
    # The message lists them too: clients such as the MCP Inspector show only the message.
    first, *listed = caught.value.error.message.splitlines()
    assert first.startswith("E422 contract_violation: prompt 'review': ")
    assert [line.split(":")[0] for line in listed] == [f"  - {field}" for field in fields]


async def test_an_unknown_prompt_is_32602_e404() -> None:
    async with connected(make_node()) as (client, _):
        with pytest.raises(MCPError) as caught:
            await client.get_prompt("nope")
    assert caught.value.error.code == INVALID_PARAMS
    assert caught.value.error.data["code"] == "E404"


@pytest.mark.parametrize(
    ("argument", "prefix", "values"),
    [("language", "p", ["python", "perl", "php"]), ("tone", "b", ["blunt"]), ("code", "x", [])],
    ids=["callable", "enum-default", "none"],
)
async def test_completions(argument: str, prefix: str, values: list[str]) -> None:
    async with connected(make_node()) as (client, _):
        result = await client.complete(
            PromptReference(name="review"), {"name": argument, "value": prefix}
        )
    assert result.completion.values == values
    assert result.completion.total == len(values)


async def test_registering_a_prompt_notifies_clients() -> None:
    node = make_node()
    changed = trio.Event()

    async def on_message(message: Any) -> None:
        if isinstance(message, PromptListChangedNotification):
            changed.set()

    async with connected(node, message_handler=on_message) as (client, _):
        capabilities = client.server_capabilities
        assert capabilities.prompts is not None and capabilities.prompts.list_changed
        await client.list_prompts()  # a round trip: the server has seen 'initialized'
        node.register(pf.prompt("extra")(lambda: "more"))
        with trio.fail_after(10):
            await changed.wait()
        names = [p.name for p in (await client.list_prompts()).prompts]
    assert "extra" in names


async def test_modern_clients_hear_prompt_changes_on_listen() -> None:
    node = make_node()
    async with connected(node, mode="auto") as (client, _):
        async with client.listen(prompts_list_changed=True) as events:
            node.prompts.remove("look")
            with trio.fail_after(10):
                async for _ in events:
                    break
        names = [p.name for p in (await client.list_prompts()).prompts]
    assert names == ["review"]


def test_prompt_declarations_are_checked() -> None:
    with pytest.raises(TypeError, match="not one of its arguments"):
        pf.prompt("bad", complete={"nope": _languages})(review.fn)
    node = make_node()
    with pytest.raises(pf.errors.ConflictError):
        node.register(review)


async def test_completions_follow_the_tokens_cap_scopes() -> None:
    # Suggestions may say as much as the prompt itself: the same cap: scope as prompts/get.
    authority = pf.TokenAuthority("prompt-completion-secret-0123456789-abcd")
    principal = authority.verify(authority.issue("alice", ["cap:look"]))
    node = make_node()
    server = McpServer(node, caller=Caller(principal=principal))
    async with node.started(), server.serving(), mcp.Client(server.lowlevel) as client:
        listed = [prompt.name for prompt in (await client.list_prompts()).prompts]
        with pytest.raises(MCPError) as refused:
            await client.complete(PromptReference(name="review"), {"name": "tone", "value": ""})
        with pytest.raises(MCPError) as probe:
            await client.complete(PromptReference(name="nope"), {"name": "x", "value": ""})
    assert listed == ["look"]
    assert refused.value.error.code == INVALID_PARAMS
    assert refused.value.error.data["code"] == "E403"
    # Outside the scopes an unknown name is E403 too, as for prompts/get: probing reveals nothing.
    assert probe.value.error.data["code"] == "E403"
