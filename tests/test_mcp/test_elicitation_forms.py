"""ctx.elicit forms as the official client receives them: SEP-1034 defaults, SEP-1330's enum
shapes (untitled, titled, legacy ``enumNames``, multi-select), answers validated back into the
model, and a model MCP forms cannot express refused as a bug in the capability."""

from __future__ import annotations

import enum
from typing import Any, Literal

import pytest

mcp = pytest.importorskip("mcp")

from mcp.types import ElicitResult  # noqa: E402
from pydantic import BaseModel, Field  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow.mcp import titled  # noqa: E402

from .features import connected, text_of  # noqa: E402


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Order(BaseModel):
    note: str | None = None
    size: titled({"s": "Small", "l": "Large"}) = "s"  # type: ignore[valid-type]
    colour: Colour = Colour.RED
    crust: Literal["thin", "thick"] = Field(
        "thin", json_schema_extra={"enumNames": ["Thin", "Thick"]}
    )
    toppings: list[Literal["cheese", "olives"]] = []
    extras: list[titled({"dip": "Garlic dip", "cola": "Cola"})] = []  # type: ignore[valid-type]
    count: int = 1


class Nested(BaseModel):
    order: Order


@pf.capability(intent="takes an order", timeout=5)
async def take_order(ctx: pf.Context) -> str:
    result = await ctx.elicit("Your order?", Order)
    assert result.data is not None
    data = result.data
    return (
        f"{data.count} {data.size} {data.colour.value} {data.crust} {data.toppings} {data.extras}"
    )


@pf.capability(intent="asks for a nested form", timeout=5)
async def ask_nested(ctx: pf.Context) -> str:
    await ctx.elicit("Nested?", Nested)
    return "unreachable"


def make_node() -> pf.Node:
    node = pf.Node("forms")
    node.modules.autoload = False
    node.register(take_order, ask_nested)
    return node


async def test_forms_carry_defaults_and_every_enum_shape() -> None:
    forms: list[dict[str, Any]] = []

    async def elicit(context: Any, params: Any) -> ElicitResult:
        forms.append(params.requested_schema)
        answer = {"size": "l", "colour": "blue", "toppings": ["olives"], "extras": ["dip"]}
        return ElicitResult(action="accept", content=answer)

    async with connected(make_node(), elicitation_callback=elicit) as (client, _):
        result = await client.call_tool("take_order", {})
    assert text_of(result) == "{\"result\":\"1 l blue thin ['olives'] ['dip']\"}"
    props = forms[0]["properties"]
    assert props["note"] == {"title": "Note", "type": "string"}  # no null, no None default
    assert props["size"]["oneOf"] == [
        {"const": "s", "title": "Small"}, {"const": "l", "title": "Large"}
    ]  # fmt: skip
    assert props["size"]["default"] == "s"
    assert props["colour"]["enum"] == ["red", "blue"] and props["colour"]["default"] == "red"
    assert props["crust"]["enum"] == ["thin", "thick"]
    assert props["crust"]["enumNames"] == ["Thin", "Thick"]
    assert props["toppings"]["type"] == "array"
    assert props["toppings"]["items"]["enum"] == ["cheese", "olives"]
    assert props["extras"]["items"] == {
        "anyOf": [{"const": "dip", "title": "Garlic dip"}, {"const": "cola", "title": "Cola"}]
    }
    assert props["count"]["default"] == 1
    assert "required" not in forms[0]  # every field has a default


async def test_an_answer_outside_the_options_is_e422_for_the_capability() -> None:
    async def elicit(context: Any, params: Any) -> ElicitResult:
        return ElicitResult(action="accept", content={"size": "xl", "toppings": ["ham"]})

    async with connected(make_node(), elicitation_callback=elicit) as (client, _):
        result = await client.call_tool("take_order", {})
    error = result.meta["packetflow"]["error"]
    assert error["code"] == "E422"
    assert sorted(item["field"] for item in error["details"]) == ["size", "toppings.0"]


async def test_a_form_mcp_cannot_express_is_a_bug_in_the_capability() -> None:
    asked: list[Any] = []

    async def elicit(context: Any, params: Any) -> ElicitResult:
        asked.append(params)
        return ElicitResult(action="cancel")

    async with connected(make_node(), elicitation_callback=elicit) as (client, _):
        result = await client.call_tool("ask_nested", {})
    assert result.is_error and result.meta["packetflow"]["code"] == "E500"
    assert asked == []  # refused before anything was sent to the client
