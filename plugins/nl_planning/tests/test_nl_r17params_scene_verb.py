"""A thing named in a scene-setting clause and pointed back at ("I already bought the coffee,
take it off the list") is the thing, without the verb the speaker did to it. On a registry of
these tests' own (a shopping list)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-11"


class Done(BaseModel):
    ok: bool


class ItemIn(BaseModel):
    item: str = Field(description="thing to buy")


@pf.capability(intent="Take something off the shopping list", tags=["shopping"])
async def remove_from_shopping_list(inp: ItemIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [remove_from_shopping_list])


@pytest.mark.parametrize(
    "text",
    [
        "I already bought the coffee, take it off the shopping list",
        "we found the coffee, take it off the shopping list",
    ],
)
async def test_the_thing_without_the_verb(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"item": "coffee"}
