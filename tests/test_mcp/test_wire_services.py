"""Context services and rich results for a caller on the WebSocket wire (no MCP client): log
lines go to Python logging, progress is a no-op, sampling and elicitation are E503 and leave
the connection working, and rich results travel as their JSON."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator
from functools import partial

import pytest
import trio

import packetflow as pf
from packetflow import errors

from .test_context_services import Profile, chatty, progressing
from .test_rich_results import PNG, mixed, picture


@pf.capability(intent="asks the model over the wire")
async def wire_sample(ctx: pf.Context) -> str:
    answer = await ctx.sample("hi")
    return answer.text or ""


@pf.capability(intent="asks the user over the wire")
async def wire_elicit(ctx: pf.Context) -> str:
    await ctx.elicit("Who are you?", Profile)
    return "unreachable"


@pytest.fixture
async def url() -> AsyncIterator[str]:
    node = pf.Node("wire-services")
    node.modules.autoload = False
    node.register(chatty, progressing, picture, mixed, wire_sample, wire_elicit)
    async with node.started(), trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(partial(node.serve, "127.0.0.1", 0))
        yield server.url
        nursery.cancel_scope.cancel()


async def test_log_and_progress_need_no_mcp_client(
    url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="packetflow.capability")
    async with pf.open_client(url) as client:
        assert await client.call("chatty", {}) == {"result": "done"}
        assert await client.call("progressing", {}) == {"result": "done"}
    lines = [r.getMessage() for r in caplog.records if r.name == "packetflow.capability"]
    assert [line.split(" ")[0] for line in lines] == ["debug", "info", "error"]


@pytest.mark.parametrize(
    ("tool", "feature"), [("wire_sample", "sampling"), ("wire_elicit", "elicitation")]
)
async def test_sampling_and_elicitation_are_e503_and_the_connection_goes_on(
    url: str, tool: str, feature: str
) -> None:
    async with pf.open_client(url) as client:
        with pytest.raises(
            errors.UnavailableError, match="did not come from an MCP client"
        ) as caught:
            await client.call(tool, {})
        assert caught.value.code == "E503" and caught.value.details == {"feature": feature}
        assert await client.call("chatty", {}) == {"result": "done"}


async def test_rich_results_travel_as_json(url: str) -> None:
    async with pf.open_client(url) as client:
        image = await client.call("picture", {})
        both = await client.call("mixed", {})
    assert image == {
        "type": "image",
        "data": base64.b64encode(PNG).decode(),
        "mime_type": "image/png",
    }
    assert both["result"][0] == "caption"
    assert [block["type"] for block in both["result"][1:]] == ["image", "resource"]
