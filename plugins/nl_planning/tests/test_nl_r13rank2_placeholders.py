"""A noun that stands for whatever a search's values describe ("Thai places", "a quiet
spot") names no subject of its own in a question or a search, on a registry of these tests'
own (restaurants by cuisine and area, flats to rent, a desk): "do you have any Thai places in
Soho?" finds restaurants."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"


class Ref(BaseModel):
    ref: str


class RestaurantIn(BaseModel):
    cuisine: Literal["italian", "thai", "indian", "french"] = Field(description="type of food")
    neighborhood: str = Field(description="area of the city")


@pf.capability(intent="Find a restaurant by cuisine and area", tags=["dining"])
async def find_restaurant(inp: RestaurantIn) -> Ref:
    return Ref(ref="r")


class ListingIn(BaseModel):
    city: str = Field(description="city or district")
    max_price: int | None = Field(default=None, ge=0, description="monthly rent at most")


@pf.capability(intent="Find apartments for rent", tags=["housing"])
async def search_listings(inp: ListingIn) -> Ref:
    return Ref(ref="l")


class DeskIn(BaseModel):
    date: dt.date = Field(description="day")


@pf.capability(intent="Somewhere to work in one of our spaces", tags=["coworking"])
async def book_desk(inp: DeskIn) -> Ref:
    return Ref(ref="d")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [find_restaurant, search_listings, book_desk]
    return await planner_on(module_node, register_module, caps)


async def test_places_of_a_kind_are_what_the_values_say(node: pf.Node) -> None:
    steps = await plan_steps(node, "do you have any Thai places in Soho?", TODAY)
    assert [s["capability"] for s in steps] == ["find_restaurant"]
    assert steps[0]["params"]["neighborhood"] == "Soho"
