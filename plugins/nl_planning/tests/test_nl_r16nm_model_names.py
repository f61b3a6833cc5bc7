"""A make and model is one name: the make's acronym before it ("HP Envy"), a code joined by a
hyphen ("ET-2850") and the model number after it ("Envy 6055") stay in a model field's value;
a number that counts the word after it is no model number. On a registry of this test's own
(camera batteries)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class BatteryIn(BaseModel):
    camera_model: str = Field(description="make and model, e.g. 'Nikon Z-50'")
    kind: Literal["standard", "extended"] = Field(default="standard", description="which pack")
    packs: int = Field(default=1, ge=1, le=9, description="how many packs")


class Ordered(BaseModel):
    order_id: str


@pf.capability(intent="A spare power pack for a camera, posted", tags=["camera"])
async def order_camera_battery(inp: BatteryIn) -> Ordered:
    return Ordered(order_id="CB-1")


class GripIn(BaseModel):
    colour: Literal["black", "silver"] = Field(description="finish of the grip")
    for_the: Literal["DSLR", "mirrorless"] = Field(description="DSLR or mirrorless body")


@pf.capability(intent="A hand grip for a DSLR body", tags=["camera"])
async def order_dslr_grip(inp: GripIn) -> Ordered:
    return Ordered(order_id="CG-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_camera_battery, order_dslr_grip])


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("order a spare battery for the Fujifilm XT-30", "Fujifilm XT-30"),
        ("order a camera battery for the Canon EOS 250", "Canon EOS 250"),
        ("order a camera battery for my Sony Alpha 6400 please", "Sony Alpha 6400"),
        ("order a battery for the DSLR Vixen 90", "DSLR Vixen 90"),
    ],
)
async def test_the_make_and_the_model_number_stay(node: pf.Node, text: str, model: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["camera_model"] == model


async def test_a_number_that_counts_is_no_model_number(node: pf.Node) -> None:
    params = await plan_params(node, "order camera batteries for the Pentax 3 packs", TODAY)
    assert params["camera_model"] == "Pentax"
