"""ctx.log / ctx.progress / ctx.sample / ctx.elicit from capabilities called as MCP tools,
and what they do elsewhere (in-process calls: log to Python logging, no progress, E503)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import trio
import trio.testing

mcp = pytest.importorskip("mcp")

from mcp.types import (  # noqa: E402
    CreateMessageResult,
    ElicitResult,
    ErrorData,
    LoggingMessageNotificationParams,
    TextContent,
)
from pydantic import BaseModel  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow import errors  # noqa: E402

from .features import connected, set_level, text_of  # noqa: E402


class Prompted(BaseModel):
    prompt: str


class Profile(BaseModel):
    name: str
    age: int = 30


@pf.capability(intent="logs at three levels")
async def chatty(ctx: pf.Context) -> str:
    await ctx.log("debug", "debug line")
    await ctx.log("info", "info line", step=1)
    await ctx.log("error", "error line")
    return "done"


@pf.capability(intent="reports progress")
async def progressing(ctx: pf.Context) -> str:
    for done in (1, 2, 3):
        await ctx.progress(done, total=3, message=f"step {done}")
    return "done"


@pf.capability(intent="asks the model", timeout=5)
async def ask_model(inp: Prompted, ctx: pf.Context) -> str:
    answer = await ctx.sample(inp.prompt, max_tokens=50, system="be brief", models=["small"])
    return f"{answer.model}: {answer.text}"


@pf.capability(intent="asks the user", timeout=5)
async def ask_user(ctx: pf.Context) -> str:
    result = await ctx.elicit("Who are you?", Profile)
    if not result.accepted:
        return f"no answer ({result.action})"
    assert result.data is not None
    return f"{result.data.name} is {result.data.age}"


def make_node() -> pf.Node:
    node = pf.Node("services")
    node.modules.autoload = False
    node.register(chatty, progressing, ask_model, ask_user)
    return node


# -- logging ---------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [None, "info", "error"], ids=["no-level", "info", "error"])
async def test_log_lines_reach_the_client_filtered_by_set_level(level: str | None) -> None:
    lines: list[LoggingMessageNotificationParams] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        lines.append(params)

    async with connected(make_node(), logging_callback=on_log) as (client, _):
        if level is not None:
            await set_level(client, level)
        result = await client.call_tool("chatty", {})
    assert not result.is_error
    expected = {None: ["debug", "info", "error"], "info": ["info", "error"], "error": ["error"]}
    assert [line.level for line in lines] == expected[level]
    assert all(line.logger == "chatty" for line in lines)
    info = [line for line in lines if line.level == "info"]
    if info:
        assert info[0].data == {"message": "info line", "step": 1}


async def test_modern_clients_get_log_lines_they_opted_in_to() -> None:
    lines: list[str] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        lines.append(params.level)

    async with connected(make_node(), mode="auto", logging_callback=on_log, log_level="info") as (
        client,
        _,
    ):
        await client.call_tool("chatty", {})
    assert lines == ["info", "error"]


async def test_set_level_is_remembered_on_the_connection() -> None:
    """The one SDK internal the log level depends on (``ServerSession._connection``): if a
    release moves it, this fails instead of levels silently being ignored."""
    from mcp.server.connection import Connection

    from packetflow._mcp.services import LOG_LEVEL_KEY, connection_of

    seen: list[Any] = []
    node = make_node()

    @pf.capability(intent="captures the connection")
    async def capture(ctx: pf.Context) -> str:
        seen.append(ctx)
        return "ok"

    node.register(capture)
    async with connected(node) as (client, server):
        original = server.lowlevel.get_request_handler("tools/call")
        assert original is not None

        async def spy(sdk_ctx: Any, params: Any) -> Any:
            seen.append(connection_of(sdk_ctx))
            return await original.handler(sdk_ctx, params)

        server.lowlevel.add_request_handler("tools/call", original.params_type, spy)
        await set_level(client, "warning")
        await client.call_tool("capture", {})
    connection = seen[0]
    assert isinstance(connection, Connection)
    assert connection.state[LOG_LEVEL_KEY] == "warning"


async def test_log_outside_mcp_goes_to_python_logging(caplog: pytest.LogCaptureFixture) -> None:
    node = make_node()
    with caplog.at_level(logging.DEBUG, logger="packetflow.capability"):
        async with node.started():
            assert await node.call("chatty", {}) == {"result": "done"}
    assert [r.getMessage().split(" ")[0] for r in caplog.records] == ["debug", "info", "error"]


async def test_an_unknown_log_level_is_a_bug_in_the_capability() -> None:
    @pf.capability(intent="bad level")
    async def shouting(ctx: pf.Context) -> str:
        await ctx.log("loud", "hey")  # type: ignore[arg-type]
        return "no"

    node = pf.Node("bad-level")
    node.register(shouting)
    async with node.started():
        with pytest.raises(errors.ExecutionFailedError):
            await node.call("shouting", {})


# -- progress --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_progress_reaches_a_client_that_asked(mode: str) -> None:
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(done: float, total: float | None, message: str | None) -> None:
        updates.append((done, total, message))

    async with connected(make_node(), mode=mode) as (client, _):
        result = await client.call_tool("progressing", {}, progress_callback=on_progress)
        assert not result.is_error
    assert updates == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


async def test_progress_outside_mcp_is_a_no_op() -> None:
    node = make_node()
    async with node.started():
        assert await node.call("progressing", {}) == {"result": "done"}


# -- sampling --------------------------------------------------------------------------------


async def test_sampling_asks_the_clients_model() -> None:
    asked: list[Any] = []

    async def sample(context: Any, params: Any) -> CreateMessageResult:
        asked.append(params)
        return CreateMessageResult(
            role="assistant",
            content=TextContent(text="four"),
            model="tiny-model",
            stop_reason="endTurn",
        )

    async with connected(make_node(), sampling_callback=sample) as (client, _):
        result = await client.call_tool("ask_model", {"prompt": "2+2?"})
    assert text_of(result) == '{"result":"tiny-model: four"}'
    params = asked[0]
    assert params.messages[0].content.text == "2+2?"
    assert params.max_tokens == 50
    assert params.system_prompt == "be brief"
    assert params.model_preferences.hints[0].name == "small"


async def test_sampling_without_the_client_capability_is_e503() -> None:
    async with connected(make_node()) as (client, _):
        result = await client.call_tool("ask_model", {"prompt": "hi"})
    assert result.is_error
    assert result.meta["packetflow"]["code"] == "E503"
    assert "does not declare the sampling capability" in text_of(result)


async def test_a_client_refusing_to_sample_is_e503() -> None:
    async def refuse(context: Any, params: Any) -> ErrorData:
        return ErrorData(code=-1, message="user said no")

    async with connected(make_node(), sampling_callback=refuse) as (client, _):
        result = await client.call_tool("ask_model", {"prompt": "hi"})
    assert result.meta["packetflow"]["code"] == "E503"
    assert "user said no" in text_of(result)


async def test_a_client_that_never_answers_runs_into_the_deadline(
    autojump_clock: trio.testing.MockClock,
) -> None:
    async def never(context: Any, params: Any) -> CreateMessageResult:
        await trio.sleep_forever()
        raise AssertionError("unreachable")

    async with connected(make_node(), sampling_callback=never) as (client, _):
        result = await client.call_tool("ask_model", {"prompt": "hi"})
    assert result.meta["packetflow"]["code"] == "E408"


async def test_without_a_deadline_a_silent_client_is_e408_after_the_client_wait(
    autojump_clock: trio.testing.MockClock,
) -> None:
    @pf.capability(intent="no timeout of its own")
    async def patient(ctx: pf.Context) -> str:
        return (await ctx.sample("hi")).text or ""

    async def never(context: Any, params: Any) -> CreateMessageResult:
        await trio.sleep_forever()
        raise AssertionError("unreachable")

    node = make_node()
    node.register(patient)
    async with connected(node, sampling_callback=never) as (client, _):
        result = await client.call_tool("patient", {})
    assert result.meta["packetflow"]["code"] == "E408"
    assert "did not answer within 300s" in text_of(result)


async def test_sampling_outside_mcp_is_e503() -> None:
    node = make_node()
    async with node.started():
        with pytest.raises(errors.UnavailableError, match="did not come from an MCP client"):
            await node.call("ask_model", {"prompt": "hi"})


async def test_sampling_over_the_tunnel_is_e503() -> None:
    from packetflow.mcp import McpServer, McpTunnel

    node = make_node()
    server = McpServer(node)
    async with server.serving():
        reply = await McpTunnel(server).handle(
            {"jsonrpc": "2.0", "id": 1, "method": "tools/call",
             "params": {"name": "ask_model", "arguments": {"prompt": "hi"}}}
        )  # fmt: skip
    assert reply is not None and reply["result"]["isError"]
    assert reply["result"]["content"][0]["text"].startswith("E503 unavailable: ctx.sample")


# -- elicitation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (ElicitResult(action="accept", content={"name": "Ada", "age": 36}), "Ada is 36"),
        (ElicitResult(action="accept", content={"name": "Bob"}), "Bob is 30"),
        (ElicitResult(action="decline"), "no answer (decline)"),
        (ElicitResult(action="cancel"), "no answer (cancel)"),
    ],
    ids=["accept", "accept-default", "decline", "cancel"],
)
async def test_elicitation_answers_are_validated_into_the_model(
    answer: ElicitResult, expected: str
) -> None:
    forms: list[Any] = []

    async def elicit(context: Any, params: Any) -> ElicitResult:
        forms.append(params.requested_schema)
        return answer

    async with connected(make_node(), elicitation_callback=elicit) as (client, _):
        result = await client.call_tool("ask_user", {})
    assert text_of(result) == f'{{"result":"{expected}"}}'
    assert forms[0]["properties"]["age"] == {"default": 30, "title": "Age", "type": "integer"}
    assert forms[0]["required"] == ["name"]


async def test_an_answer_that_does_not_fit_the_model_is_e422() -> None:
    async def elicit(context: Any, params: Any) -> ElicitResult:
        return ElicitResult(action="accept", content={"name": "Ada", "age": "old"})

    async with connected(make_node(), elicitation_callback=elicit) as (client, _):
        result = await client.call_tool("ask_user", {})
    error = result.meta["packetflow"]["error"]
    assert error["code"] == "E422"
    assert [item["field"] for item in error["details"]] == ["age"]


async def test_elicitation_without_the_client_capability_is_e503() -> None:
    async with connected(make_node()) as (client, _):
        result = await client.call_tool("ask_user", {})
    assert result.meta["packetflow"]["code"] == "E503"
    assert "elicitation" in text_of(result)
