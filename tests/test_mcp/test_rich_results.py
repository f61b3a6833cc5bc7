"""Capabilities returning images, audio, embedded resources and mixed content: MCP content
blocks for MCP clients (no outputSchema), their JSON everywhere else."""

from __future__ import annotations

import base64

import pytest

mcp = pytest.importorskip("mcp")

from pydantic import ValidationError  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow.mcp import Audio, Content, EmbeddedResource, Image, Text  # noqa: E402

from .features import connected  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n fake"


@pf.capability(intent="an image")
async def picture() -> Image:
    return Image(PNG, "image/png")


@pf.capability(intent="a sound")
async def sound() -> Audio:
    return Audio(b"RIFF", "audio/wav")


@pf.capability(intent="a document")
async def document() -> EmbeddedResource:
    return EmbeddedResource("docs://a", text="hello", mime_type="text/plain")


@pf.capability(intent="everything at once")
async def mixed() -> list[Content | str]:
    return ["caption", Image(PNG), EmbeddedResource("docs://b", blob=b"\x00\x01")]


def make_node() -> pf.Node:
    node = pf.Node("rich")
    node.modules.autoload = False
    node.register(picture, sound, document, mixed)
    return node


async def test_rich_tools_answer_mcp_content_blocks() -> None:
    async with connected(make_node()) as (client, _):
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        image = await client.call_tool("picture", {})
        audio = await client.call_tool("sound", {})
        doc = await client.call_tool("document", {})
        both = await client.call_tool("mixed", {})
    assert all(tools[name].output_schema is None for name in ("picture", "sound", "mixed"))
    assert image.structured_content is None
    assert (image.content[0].type, image.content[0].mime_type) == ("image", "image/png")
    assert base64.b64decode(image.content[0].data) == PNG
    assert (audio.content[0].type, audio.content[0].mime_type) == ("audio", "audio/wav")
    assert doc.content[0].resource.text == "hello"
    assert [block.type for block in both.content] == ["text", "image", "resource"]
    assert both.content[0].text == "caption"
    assert base64.b64decode(both.content[2].resource.blob) == b"\x00\x01"


async def test_rich_results_are_json_elsewhere() -> None:
    node = make_node()
    async with node.started():
        image = await node.call("picture", {})
        both = await node.call("mixed", {})
    assert image == {
        "type": "image",
        "data": base64.b64encode(PNG).decode(),
        "mime_type": "image/png",
    }
    assert both["result"][0] == "caption"
    assert both["result"][2]["type"] == "resource"


def test_blocks_check_their_data() -> None:
    with pytest.raises(ValidationError, match="base64"):
        Image("not base64!", "image/png")
    with pytest.raises(ValidationError, match="exactly one of text"):
        EmbeddedResource("docs://x")
    assert Image(PNG).raw() == PNG
    assert Text("hi").model_dump() == {"type": "text", "text": "hi"}
