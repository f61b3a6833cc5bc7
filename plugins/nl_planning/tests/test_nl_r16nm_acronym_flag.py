"""A flag the clause says by the acronym its description names it by ("a PD charger" for a flag
described "the PD version that charges faster"): the acronym before any preposition of the
description is what the flag is. One after a preposition ("a spare cable for USB ports") is
only what the flag's thing goes with, and says nothing. On a registry of this test's own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class ChargerIn(BaseModel):
    model: str = Field(description="make and model of the phone")
    fast: bool = Field(default=False, description="the PD version that charges faster")
    spare_cable: bool = Field(default=False, description="a second lead for USB ports")


class Ordered(BaseModel):
    order_id: str


@pf.capability(intent="Order a mains charger for a phone", tags=["phone"])
async def order_phone_charger(inp: ChargerIn) -> Ordered:
    return Ordered(order_id="PC-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_phone_charger])


async def test_the_acronym_of_the_description_says_the_flag(node: pf.Node) -> None:
    params = await plan_params(node, "order a PD charger for the Google Pixel 8", TODAY)
    assert params == {"model": "Google Pixel 8", "fast": True}


@pytest.mark.parametrize(
    "text",
    [
        "order a charger for the Google Pixel 8 with USB",
        "order a phone charger for the Google Pixel 8",
    ],
)
async def test_an_acronym_after_a_preposition_says_nothing(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert "spare_cable" not in params and "fast" not in params
