""" "for" names whom a thing is for: a patient or an animal ("more Ventolin for Arthur"), so the
name after it fills the patient's or the pet's field and the name before it the item. On a
registry of these tests' own (a chemist's repeats, a pet shop)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"


class RepeatIn(BaseModel):
    patient_name: str = Field(description="the patient's name")
    product: str = Field(description="the item, e.g. 'Ventolin'")


class Ordered(BaseModel):
    order_id: str


@pf.capability(intent="A repeat of a regular item from the chemist", tags=["chemist"])
async def order_repeat_item(inp: RepeatIn) -> Ordered:
    return Ordered(order_id="R-1")


class TreatIn(BaseModel):
    pet_name: str = Field(description="the animal's name")
    treat: str = Field(description="the brand, e.g. 'Dentastix'")


@pf.capability(intent="Treats delivered for an animal", tags=["pets"])
async def order_pet_treats(inp: TreatIn) -> Ordered:
    return Ordered(order_id="T-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_repeat_item, order_pet_treats])


async def test_the_name_after_for_is_the_patient(node: pf.Node) -> None:
    steps = await plan_steps(node, "a repeat of Ventolin for Arthur please", TODAY)
    assert [s["capability"] for s in steps] == ["order_repeat_item"]
    assert steps[0]["params"] == {"patient_name": "Arthur", "product": "Ventolin"}


async def test_the_name_after_for_is_the_pet(node: pf.Node) -> None:
    steps = await plan_steps(node, "order some Dentastix treats for Biscuit", TODAY)
    assert [s["capability"] for s in steps] == ["order_pet_treats"]
    assert steps[0]["params"] == {"pet_name": "Biscuit", "treat": "Dentastix"}
