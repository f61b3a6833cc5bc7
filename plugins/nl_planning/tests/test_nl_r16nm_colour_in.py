"""A colour after "in" ("in navy", "in dark green") fills a field of a colour or a shade: English
names the shade a thing comes in with "in". A word after "in" that is no colour ("in Leeds")
leaves the field empty. On a registry of this test's own (a paint shop)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class PaintIn(BaseModel):
    paint: str = Field(description="the paint range, e.g. 'Little Greene'")
    tins: int = Field(ge=1, le=20, description="how many tins")
    shade: str | None = Field(default=None, description="shade name or code")


class Ordered(BaseModel):
    order_id: str


@pf.capability(intent="Tins of paint sent out", tags=["paint"])
async def order_paint(inp: PaintIn) -> Ordered:
    return Ordered(order_id="P-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_paint])


@pytest.mark.parametrize(
    ("text", "shade"),
    [
        ("order 3 tins of Dulux Trade in charcoal", "charcoal"),
        ("4 tins of Farrow Ball in navy please", "navy"),
        ("order 2 tins of Crown Matt in dark green", "dark green"),
    ],
)
async def test_a_colour_after_in_is_the_shade(node: pf.Node, text: str, shade: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["shade"] == shade
    assert params["tins"] > 1


async def test_a_word_after_in_that_is_no_colour_is_no_shade(node: pf.Node) -> None:
    params = await plan_params(node, "order 3 tins of Dulux Trade in a hurry", TODAY)
    assert "shade" not in params
