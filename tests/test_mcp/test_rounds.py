"""ctx.sample / ctx.elicit for 2026-07-28 clients: the call spans rounds (InputRequiredResult,
then a retry with the answers), and the capability's code runs once."""

from __future__ import annotations

from typing import Any

import pytest
import trio
import trio.testing

mcp = pytest.importorskip("mcp")

from mcp.shared.exceptions import MCPError  # noqa: E402
from mcp.types import (  # noqa: E402
    INVALID_PARAMS,
    CreateMessageResult,
    ElicitResult,
    InputRequiredResult,
    LoggingMessageNotificationParams,
    TextContent,
)
from pydantic import BaseModel  # noqa: E402

import packetflow as pf  # noqa: E402

from .features import connected, text_of  # noqa: E402

runs: list[str] = []


class Name(BaseModel):
    name: str


@pf.capability(intent="asks the model twice and the user once", timeout=5)
async def interview(ctx: pf.Context) -> str:
    runs.append("started")  # a side effect: must happen once per call
    await ctx.log("info", "asking")
    first = await ctx.sample("first?")
    second = await ctx.sample("second?")
    who = await ctx.elicit("Your name?", Name)
    assert who.data is not None
    return f"{first.text} {second.text} {who.data.name}"


@pf.capability(intent="no context: runs in the request")
async def plain() -> str:
    return "plain"


def make_node() -> pf.Node:
    node = pf.Node("rounds")
    node.modules.autoload = False
    node.register(interview, plain)
    return node


async def sample(context: Any, params: Any) -> CreateMessageResult:
    word = params.messages[0].content.text.rstrip("?")
    return CreateMessageResult(role="assistant", content=TextContent(text=word), model="m")


async def elicit(context: Any, params: Any) -> ElicitResult:
    return ElicitResult(action="accept", content={"name": "Ada"})


async def test_a_2026_call_spans_rounds_and_runs_once() -> None:
    runs.clear()
    lines: list[str] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        lines.append(params.data)

    async with connected(
        make_node(),
        mode="auto",
        sampling_callback=sample,
        elicitation_callback=elicit,
        logging_callback=on_log,
        log_level="info",
    ) as (client, server):
        result = await client.call_tool("interview", {})
        assert len(server.rounds) == 0  # nothing left between rounds
    assert text_of(result) == '{"result":"first second Ada"}'
    assert runs == ["started"]
    assert lines == ["asking"]


async def test_each_round_carries_what_the_capability_waits_for() -> None:
    async with connected(make_node(), mode="auto", sampling_callback=sample) as (client, _):
        first = await client.session.call_tool("interview", {}, allow_input_required=True)
        assert isinstance(first, InputRequiredResult)
        assert list(first.input_requests) == ["sampling-1"]
        assert first.input_requests["sampling-1"].params.messages[0].content.text == "first?"
        answer = CreateMessageResult(role="assistant", content=TextContent(text="one"), model="m")
        second = await client.session.call_tool(
            "interview",
            {},
            input_responses={"sampling-1": answer},
            request_state=first.request_state,
            allow_input_required=True,
        )
        assert isinstance(second, InputRequiredResult)
        assert list(second.input_requests) == ["sampling-2"]
        assert second.request_state == first.request_state


async def test_an_unknown_request_state_is_32602() -> None:
    async with connected(make_node(), mode="auto") as (client, _):
        with pytest.raises(MCPError) as caught:
            await client.session.call_tool("interview", {}, request_state="forged")
    assert caught.value.error.code == INVALID_PARAMS


async def test_a_client_that_never_comes_back_ends_in_the_deadline(
    autojump_clock: trio.testing.MockClock,
) -> None:
    async with connected(make_node(), mode="auto", sampling_callback=sample) as (client, server):
        first = await client.session.call_tool("interview", {}, allow_input_required=True)
        await trio.sleep(6)  # virtual time past the capability's 5 s timeout
        late = await client.session.call_tool(
            "interview", {}, request_state=first.request_state, allow_input_required=True
        )
        assert len(server.rounds) == 0
    assert late.meta["packetflow"]["code"] == "E408"


async def test_tools_without_a_context_answer_in_one_round() -> None:
    async with connected(make_node(), mode="auto") as (client, server):
        assert "plain" not in server.catalog.contextual()
        assert text_of(await client.call_tool("plain", {})) == '{"result":"plain"}'
