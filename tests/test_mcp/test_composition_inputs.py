"""A composition registered with ``input=[...]`` types each input key like its first consumer,
as inferred inputs are: in its contract (``node.call`` validates it, discovery shows it) and in
its MCP tool's ``inputSchema``."""

from __future__ import annotations

import pytest

mcp = pytest.importorskip("mcp")

from pydantic import BaseModel  # noqa: E402

import packetflow as pf  # noqa: E402
from packetflow import errors  # noqa: E402
from packetflow.mcp import McpServer  # noqa: E402
from tests.kit import Num, double, inc, score, to_text  # noqa: E402


class Label(BaseModel):
    label: str
    value: int


class Labelled(BaseModel):
    labelled: str


@pf.capability(intent="Label a number")
async def label(inp: Label) -> Labelled:
    return Labelled(labelled=f"{inp.label}={inp.value}")


def node_with(composition: pf.Composition) -> pf.Node:
    node = pf.Node("inputs")
    node.modules.autoload = False
    node.register(inc, double, to_text, score, label, composition)
    return node


LISTED = pf.composition(
    "labelled_double",
    pf.pipeline(pf.step("label"), pf.step("double")),
    input=["label", "value", "note"],
)


async def test_listed_inputs_take_their_first_consumers_types() -> None:
    node = node_with(LISTED)
    async with node.started():
        schema = node.registry.get("labelled_double").contract.input_schema
        described = node.registry.get("labelled_double").describe()
        with pytest.raises(errors.ContractViolationError) as caught:
            await node.call("labelled_double", {"label": "n", "value": "many", "note": None})
        out = await node.call("labelled_double", {"label": "n", "value": 2, "note": "x"})
    assert schema["properties"] == {
        "label": {"title": "Label", "type": "string"},
        "value": {"title": "Value", "type": "integer"},
        "note": {"title": "Note"},  # read by nothing: any value
    }
    assert schema["required"] == ["label", "value", "note"]
    assert described["input_schema"] == schema
    assert [d["field"] for d in caught.value.details] == ["value"]
    assert out == {"labelled": "n=2", "doubled": 4}


async def test_inferred_and_listed_inputs_have_the_same_schema() -> None:
    plan = pf.pipeline(pf.step("label"), pf.step("double"))
    inferred = node_with(pf.composition("c", plan))
    listed = node_with(pf.composition("c", plan, input=["label", "value"]))
    async with inferred.started(), listed.started():
        a = inferred.registry.get("c").contract.input_schema
        b = listed.registry.get("c").contract.input_schema
    assert a == b


def test_a_listed_input_read_as_two_types_is_a_type_mismatch() -> None:
    plan = pf.pipeline(pf.step("inc"), pf.step("score", from_=["text"]))
    node = node_with(pf.composition("c", pf.step("inc")))
    # `value` is an int to `to_text` (its first consumer), then read as text by `score`.
    clash = pf.pipeline(pf.step("to_text"), pf.step("score", from_=["value->text"]))
    assert node.validate(plan, inputs=["value", "text"]).inputs == {"value": int, "text": str}
    with pytest.raises(errors.PlanValidationError) as caught:
        node.validate(clash, inputs=["value"])
    assert caught.value.details[0]["problem"] == "type_mismatch"
    assert "expects 'value' as str" in caught.value.details[0]["message"]


async def test_the_mcp_tool_of_a_listed_composition_is_typed() -> None:
    node = node_with(LISTED)
    server = McpServer(node)
    async with server.serving(), mcp.Client(server.lowlevel) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        refused = await client.call_tool("labelled_double", {"label": "n", "value": "x", "note": 1})
    properties = tools["labelled_double"].input_schema["properties"]
    assert properties["value"]["type"] == "integer"
    assert properties["label"]["type"] == "string"
    assert refused.is_error and refused.content[0].text.startswith("E422 contract_violation")
    assert properties["value"] == Num.model_json_schema()["properties"]["value"]
    assert "  - value: Input should be a valid integer" in refused.content[0].text
