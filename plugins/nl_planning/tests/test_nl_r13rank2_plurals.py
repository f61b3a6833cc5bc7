"""A plural whose singular the lemma rules reduce further ("chargers" -> "charger", while
"charger" -> "charge"), on a registry of these tests' own (public chargepoints, a charging
session, a desk): the plural finds and is covered by the words the singular was read with,
so "list CCS chargers near Headingley" finds chargers as "find a CCS charger ..." does; a
noun in -ing ("readings") keeps its own lemma."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.coverage import singular_base

TODAY = "2026-03-26"


class Ref(BaseModel):
    ref: str


class ChargerIn(BaseModel):
    near: str = Field(description="town, street or landmark")
    connector: Literal["CCS", "CHAdeMO", "Type 2"] = Field(description="plug type")


@pf.capability(intent="Public chargepoints for an electric car", tags=["ev"])
async def find_charger(inp: ChargerIn) -> Ref:
    return Ref(ref="c")


class BayIn(BaseModel):
    bay: int = Field(ge=1, le=40, description="bay number")


@pf.capability(intent="End a session on a chargepoint", tags=["ev"])
async def stop_charging(inp: BayIn) -> Ref:
    return Ref(ref="s")


class DeskIn(BaseModel):
    date: str = Field(description="day, YYYY-MM-DD")


@pf.capability(intent="Somewhere to work in one of our spaces", tags=["coworking"])
async def book_desk(inp: DeskIn) -> Ref:
    return Ref(ref="d")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_charger, stop_charging, book_desk])


@pytest.mark.parametrize(
    "text", ["list CCS chargers near Headingley", "I need CCS chargers near Headingley"]
)
async def test_a_plural_is_read_as_its_singular(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("find_charger", {"connector": "CCS", "near": "Headingley"})
    ]


def test_a_noun_in_ing_keeps_its_lemma() -> None:
    assert singular_base("charger") == "charge"
    assert singular_base("reading") == "reading"
