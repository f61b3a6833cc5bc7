"""Slot values round 13 found read wrongly once the capability is right, on a registry of these
tests' own (a wildlife log and report, a ferry booking, a cycle hire, a dog walker's rota): a
place after a preposition of place goes to the field of where, the thing seen to the other."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-05"  # a Tuesday


class Ref(BaseModel):
    ref: str


class WildlifeIn(BaseModel):
    animal: str = Field(description="common name of the animal")
    location: str = Field(description="where it was spotted")
    seen_on: dt.date = Field(description="day it was spotted")
    count: int = Field(default=1, ge=1, description="how many")


@pf.capability(
    intent="Add an entry to the wildlife diary",
    tags=["wildlife"],
    examples=["saw 2 badgers at Wytham Woods yesterday"],
)
async def log_wildlife(inp: WildlifeIn) -> Ref:
    return Ref(ref="w")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [log_wildlife])


async def _params(node: pf.Node, text: str, today: str = TODAY) -> dict[str, Any]:
    steps = await plan_steps(node, text, today)
    assert len(steps) == 1, steps
    params: dict[str, Any] = steps[0]["params"]
    return params


@pytest.mark.parametrize(
    ("text", "animal", "place"),
    [
        ("log 3 roe deer on Salisbury Plain yesterday", "roe deer", "Salisbury Plain"),
        ("log a barn owl over Wicken Fen yesterday", "barn owl", "Wicken Fen"),
        ("log 2 otters near Ely yesterday", "otters", "Ely"),
    ],
)
async def test_a_place_after_a_preposition_of_place_is_where(
    node: pf.Node, text: str, animal: str, place: str
) -> None:
    # The first text field declared takes no capitalised name that a preposition of place
    # puts in the field of where; the thing seen is what is left.
    params = await _params(node, text)
    assert params["location"] == place
    assert params["animal"] == animal
