"""A statement of the teller, then "and" and a wish with its subject left unsaid ("we're
moving abroad and need somewhere to keep the furniture", "I'm off to Spain and would like
..."), on a registry of these tests' own (a lock-up to rent, a watchlist, a shopping list):
the statement sets the scene and the wish is the request, as "..., we need ..." is."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"  # a Thursday


class Ref(BaseModel):
    ref: str


class UnitIn(BaseModel):
    size_m2: float = Field(gt=0, le=100, description="floor area in square metres")
    start_date: str = Field(description="first day of the rental, YYYY-MM-DD")


@pf.capability(intent="A lock-up for boxes and furniture", tags=["storage"])
async def rent_storage_unit(inp: UnitIn) -> Ref:
    return Ref(ref="u")


class TitleIn(BaseModel):
    title: str = Field(description="name of the film or series")


@pf.capability(intent="Save a film or show for later", tags=["streaming"])
async def add_to_watchlist(inp: TitleIn) -> Ref:
    return Ref(ref="w")


class ItemIn(BaseModel):
    item: str = Field(description="what to buy")


@pf.capability(intent="Something to buy next time at the shops", tags=["shopping"])
async def add_to_shopping_list(inp: ItemIn) -> Ref:
    return Ref(ref="s")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [rent_storage_unit, add_to_watchlist, add_to_shopping_list]
    )


@pytest.mark.parametrize(
    "text",
    [
        "We're moving abroad and need somewhere to keep the furniture from Saturday, "
        "something like 15 m²",
        "I'm moving house and need a lock-up from Saturday, about 15 m²",
    ],
)
async def test_a_wish_after_the_tellers_statement_is_the_request(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("rent_storage_unit", {"size_m2": 15.0, "start_date": "2026-03-28"})
    ]


async def test_would_like_after_a_statement(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "I'm off to Spain and would like to save Slow Horses for later", TODAY
    )
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("add_to_watchlist", {"title": "Slow Horses"})
    ]
