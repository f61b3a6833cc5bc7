"""What the official MCP conformance suite (``@modelcontextprotocol/conformance``, server
scenarios) calls, written with PacketFlow's public API only: ``nox -s mcp_conformance`` serves
it with ``packetflow serve --app tests.apps.mcp_conformance:node --mcp-http PORT`` and runs the
suite against it. Each tool, prompt and resource is named and shaped as its scenario asks.
The ``notebook`` actor is not in the suite: it is here so that the MCP Inspector, pointed at
this fixture, shows every feature the README describes (an actor's tool and resources too).
"""

from __future__ import annotations

import base64
import enum
from typing import Literal

import trio
from pydantic import BaseModel, ConfigDict, Field

import packetflow as pf
from packetflow.mcp import (
    Audio,
    Content,
    Elicitation,
    EmbeddedResource,
    Image,
    Message,
    close_sse_stream,
    titled,
)

# A 1x1 red PNG and a short silent WAV: the smallest real files of their kind.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)
WAV = base64.b64decode("UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=")


# -- tools ---------------------------------------------------------------------------------


@pf.capability(intent="Returns simple text")
async def test_simple_text() -> str:
    return "This is a simple text response for testing."


@pf.capability(intent="Returns an image")
async def test_image_content() -> Image:
    return Image(PNG, "image/png")


@pf.capability(intent="Returns an audio clip")
async def test_audio_content() -> Audio:
    return Audio(WAV, "audio/wav")


@pf.capability(intent="Returns an embedded resource")
async def test_embedded_resource() -> EmbeddedResource:
    return EmbeddedResource(
        "test://embedded-resource",
        text="This is an embedded resource content.",
        mime_type="text/plain",
    )


@pf.capability(intent="Returns text, an image and an embedded resource")
async def test_multiple_content_types() -> list[Content | str]:
    return [
        "Multiple content types test:",
        Image(PNG, "image/png"),
        EmbeddedResource(
            "test://mixed-content-resource",
            text='{"test":"data","value":123}',
            mime_type="application/json",
        ),
    ]


@pf.capability(intent="Logs three lines while it runs")
async def test_tool_with_logging(ctx: pf.Context) -> str:
    await ctx.log("info", "Tool execution started")
    await trio.sleep(0.05)
    await ctx.log("info", "Tool processing data")
    await trio.sleep(0.05)
    await ctx.log("info", "Tool execution completed")
    return "Tool with logging executed successfully"


@pf.capability(intent="Always fails")
async def test_error_handling() -> str:
    raise pf.errors.UnavailableError("This tool intentionally returns an error for testing")


@pf.capability(intent="Reports progress 0, 50 and 100 of 100")
async def test_tool_with_progress(ctx: pf.Context) -> str:
    for done in (0, 50, 100):
        await ctx.progress(done, total=100, message=f"{done}% done")
        if done < 100:
            await trio.sleep(0.05)
    return "Tool with progress executed successfully"


class Prompted(BaseModel):
    prompt: str = Field(description="The prompt to send to the LLM")


@pf.capability(intent="Asks the client's model to answer a prompt", timeout=60)
async def test_sampling(inp: Prompted, ctx: pf.Context) -> str:
    answer = await ctx.sample(inp.prompt, max_tokens=100)
    return f"LLM response: {answer.text}"


class Asked(BaseModel):
    message: str = Field(description="The message to show the user")


class UserInfo(BaseModel):
    username: str = Field(description="User's response")
    email: str = Field(description="User's email address")


def _answer(result: Elicitation[BaseModel]) -> str:
    content = result.data.model_dump(mode="json") if result.data is not None else {}
    return f"action={result.action}, content={content}"


@pf.capability(intent="Asks the user for their name and email", timeout=60)
async def test_elicitation(inp: Asked, ctx: pf.Context) -> str:
    return "User response: " + _answer(await ctx.elicit(inp.message, UserInfo))


class Status(enum.StrEnum):
    active = "active"
    inactive = "inactive"
    pending = "pending"


class Defaults(BaseModel):
    name: str = "John Doe"
    age: int = 30
    score: float = 95.5
    status: Status = Status.active
    verified: bool = True


@pf.capability(intent="Elicitation with a default for every primitive type (SEP-1034)", timeout=60)
async def test_elicitation_sep1034_defaults(ctx: pf.Context) -> str:
    result = await ctx.elicit("Please review your profile", Defaults)
    return "Elicitation completed: " + _answer(result)


class Enums(BaseModel):
    untitledSingle: Literal["option1", "option2", "option3"] = "option1"
    titledSingle: titled(  # type: ignore[valid-type]
        {"value1": "First Option", "value2": "Second Option", "value3": "Third Option"}
    ) = "value1"
    legacyEnum: Literal["opt1", "opt2", "opt3"] = Field(
        "opt1", json_schema_extra={"enumNames": ["Option One", "Option Two", "Option Three"]}
    )
    untitledMulti: list[Literal["option1", "option2", "option3"]] = []
    titledMulti: list[  # type: ignore[valid-type]
        titled({"value1": "First Choice", "value2": "Second Choice", "value3": "Third Choice"})
    ] = []


@pf.capability(intent="Elicitation with every enum form (SEP-1330)", timeout=60)
async def test_elicitation_sep1330_enums(ctx: pf.Context) -> str:
    result = await ctx.elicit("Please pick your options", Enums)
    return "Elicitation completed: " + _answer(result)


@pf.capability(intent="Closes its SSE stream mid-call; the result arrives after reconnecting")
async def test_reconnection(ctx: pf.Context) -> str:
    await close_sse_stream(ctx)
    await trio.sleep(0.1)
    return "Reconnection test completed successfully."


class address(BaseModel):  # lower case: the suite looks for ``$defs.address``
    street: str
    city: str


_Address = address  # the field below is named ``address`` too


class Registration(BaseModel):
    """A JSON Schema 2020-12 input (SEP-1613): ``$schema``, ``$defs`` and
    ``additionalProperties`` must reach ``tools/list`` as written."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    name: str
    address: _Address | None = None


@pf.capability(intent="Takes a JSON Schema 2020-12 input (SEP-1613)")
async def json_schema_2020_12_tool(inp: Registration) -> str:
    return f"registered {inp.name}"


class Notes(BaseModel):
    lines: list[str] = []


class Line(BaseModel):
    text: str = Field(description="The line to write")


class Written(BaseModel):
    lines: list[str]


@pf.actor(name="notebook", persistence="memory", intent="A notebook that keeps every line")
class Notebook(pf.Actor[Notes]):
    async def handle(self, msg: Line, ctx: pf.Context) -> Written:
        self.state.lines.append(msg.text)
        return Written(lines=self.state.lines)


# -- prompts ---------------------------------------------------------------------------------


@pf.prompt("test_simple_prompt", "A prompt without arguments")
async def simple_prompt() -> str:
    return "This is a simple prompt for testing."


def _cities(prefix: str) -> list[str]:
    return [city for city in ("paris", "park", "party", "prague") if city.startswith(prefix)]


@pf.prompt("test_prompt_with_arguments", "A prompt with two arguments", complete={"arg1": _cities})
async def prompt_with_arguments(
    arg1: str = Field(description="First test argument"),
    arg2: str = Field(description="Second test argument"),
) -> str:
    return f"Prompt with arguments: arg1='{arg1}', arg2='{arg2}'"


@pf.prompt("test_prompt_with_embedded_resource", "A prompt embedding a resource")
async def prompt_with_embedded_resource(
    resourceUri: str = Field(description="URI of the resource to embed"),
) -> list[Message]:
    return [
        Message(
            EmbeddedResource(
                resourceUri, text="Embedded resource content for testing.", mime_type="text/plain"
            )
        ),
        Message("Please process the embedded resource above."),
    ]


@pf.prompt("test_prompt_with_image", "A prompt with an image")
async def prompt_with_image() -> list[Message]:
    return [Message(Image(PNG, "image/png")), Message("Please analyze the image above.")]


# -- resources -------------------------------------------------------------------------------


@pf.resource("test://static-text", name="static_text", mime_type="text/plain")
async def static_text() -> str:
    """A static text resource."""
    return "This is the content of the static text resource."


@pf.resource("test://static-binary", name="static_binary", mime_type="image/png")
async def static_binary() -> bytes:
    """A static binary resource (a PNG)."""
    return PNG


@pf.resource("test://watched-resource", name="watched_resource", mime_type="text/plain")
async def watched_resource() -> str:
    """A resource clients subscribe to."""
    return "Watched resource content"


class TemplateData(BaseModel):
    id: str
    templateTest: bool
    data: str


@pf.resource("test://template/{id}/data", name="template_data", mime_type="application/json")
async def template_data(id: str) -> TemplateData:
    """Data for one id."""
    return TemplateData(id=id, templateTest=True, data=f"Data for ID: {id}")


node = pf.Node("mcp-conformance")
node.modules.autoload = False
node.register(
    test_simple_text,
    test_image_content,
    test_audio_content,
    test_embedded_resource,
    test_multiple_content_types,
    test_tool_with_logging,
    test_error_handling,
    test_tool_with_progress,
    test_sampling,
    test_elicitation,
    test_elicitation_sep1034_defaults,
    test_elicitation_sep1330_enums,
    test_reconnection,
    json_schema_2020_12_tool,
    Notebook,
    simple_prompt,
    prompt_with_arguments,
    prompt_with_embedded_resource,
    prompt_with_image,
    static_text,
    static_binary,
    watched_resource,
    template_data,
)
