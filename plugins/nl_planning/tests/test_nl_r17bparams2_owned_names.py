"""A capitalised name after a possessive pronoun ("more of her Royal Canin") is a thing someone
has, never a name field's value: the item takes it, and the name comes from the one said
before. On a registry of these tests' own (a dog groomer, a pet food round)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"  # a Monday


class GroomIn(BaseModel):
    pet_name: str = Field(description="the dog's name")
    date: dt.date = Field(description="day of the groom")


class Booked(BaseModel):
    ref: str


@pf.capability(intent="A wash and trim at the dog groomer", tags=["grooming"])
async def book_dog_groom(inp: GroomIn) -> Booked:
    return Booked(ref="G-1")


class FoodIn(BaseModel):
    pet_name: str = Field(description="the dog's name")
    brand: str = Field(description="the food, e.g. 'Lily's Kitchen'")


@pf.capability(intent="More of a dog's usual food delivered", tags=["food"])
async def order_dog_food(inp: FoodIn) -> Booked:
    return Booked(ref="F-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_dog_groom, order_dog_food])


async def test_a_name_after_her_is_the_item(node: pf.Node) -> None:
    text = "Book Biscuit in for a groom on Wednesday, then order more of her Royal Canin"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_dog_groom", "order_dog_food"]
    assert steps[1]["params"] == {"pet_name": "Biscuit", "brand": "Royal Canin"}
