"""A value of a list said as "gluten free" or "dairy-free" (an ingredient left out) is that
value, and "free" is part of how it is said: no word for a message. On a registry of these
tests' own (a bakery)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-14"


class CakeOut(BaseModel):
    order_number: str


class CakeIn(BaseModel):
    flavour: Literal["chocolate", "lemon", "vanilla"] = Field(description="sponge flavour")
    servings: int = Field(ge=4, le=60, description="how many people it feeds")
    message: str | None = Field(default=None, description="icing message")
    pickup_date: dt.date = Field(description="collection day")
    allergies: list[Literal["nuts", "gluten", "dairy", "egg"]] = Field(
        default_factory=list, description="ingredients to leave out"
    )


@pf.capability(intent="Celebration cake made to order", tags=["bakery"])
async def order_cake(inp: CakeIn) -> CakeOut:
    return CakeOut(order_number="C-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_cake])


@pytest.mark.parametrize(
    ("said", "allergies"),
    [
        ("gluten free", ["gluten"]),
        ("dairy-free", ["dairy"]),
        ("nut-free and gluten free", ["nuts", "gluten"]),
    ],
)
async def test_free_of_a_value(node: pf.Node, said: str, allergies: list[str]) -> None:
    params = await plan_params(
        node, f"order a lemon cake, {said}, serves 12, pick up on the 9th", TODAY
    )
    assert params == {
        "flavour": "lemon",
        "servings": 12,
        "allergies": allergies,
        "pickup_date": "2026-11-09",
    }
