"""Searches asked as whether a thing is there, on a registry of these tests' own (a film
library, a watchlist, a hire shop's kit, a cleaner's visits): "is Severance on here?", "do
you have Severance?", "is there anything called Severance?" ask to search for the thing,
however few of the capability's own words they say, and every capability that searches is
tried; when two that search would take the value alike (a film title, a patient's name),
none of whose words is said, the planner refuses rather than guess."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"


class Ref(BaseModel):
    ref: str


class TitleIn(BaseModel):
    title: str = Field(description="name of the film or series")


@pf.capability(intent="Films and series in the library", tags=["streaming"])
async def find_title(inp: TitleIn) -> Ref:
    return Ref(ref="t")


@pf.capability(intent="Keep a film or show for later", tags=["streaming"])
async def add_to_watchlist(inp: TitleIn) -> Ref:
    return Ref(ref="w")


class KitIn(BaseModel):
    kind: Literal["drill", "sander", "ladder"] = Field(description="kind of equipment")


@pf.capability(intent="Equipment the hire shop has", tags=["hire"])
async def find_kit(inp: KitIn) -> Ref:
    return Ref(ref="k")


class VisitIn(BaseModel):
    date: str = Field(description="day of the visit, YYYY-MM-DD")


@pf.capability(intent="A cleaner sent round to the house", tags=["cleaning"])
async def book_cleaner(inp: VisitIn) -> Ref:
    return Ref(ref="c")


class PatientIn(BaseModel):
    full_name: str = Field(description="the patient's full name")


@pf.capability(intent="Look up a patient's record", tags=["clinic"])
async def find_patient(inp: PatientIn) -> Ref:
    return Ref(ref="p")


_CAPS = [find_title, add_to_watchlist, find_kit, book_cleaner]


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, _CAPS)


@pytest.mark.parametrize(
    "text",
    [
        "is Severance on here?",
        "do you have Severance?",
        "is there anything called Severance?",
        "search for Severance",
    ],
)
async def test_asking_whether_a_thing_is_there_searches(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("find_title", {"title": "Severance"})
    ]


async def test_two_searches_alike_refuse(module_node: pf.Node, register_module: Any) -> None:
    node = await planner_on(module_node, register_module, [*_CAPS, find_patient])
    assert await is_refused(node, "is Severance on here?", TODAY)
    assert await is_refused(node, "do you have Severance?", TODAY)
    # its own words still say which is meant
    steps = await plan_steps(node, "find the film Severance", TODAY)
    assert steps[0]["capability"] == "find_title"


class LotsIn(BaseModel):
    query: str = Field(description="words to look for in the lot descriptions")
    category: Literal["furniture", "ceramics", "paintings", "jewellery"] | None = Field(
        default=None, description="only lots of this kind"
    )


@pf.capability(intent="Browse the catalogue of upcoming sales", tags=["auction"])
async def search_lots(inp: LotsIn) -> Ref:
    return Ref(ref="l")


async def test_a_value_guessed_from_a_word_is_no_search(
    module_node: pf.Node, register_module: Any
) -> None:
    # none of the auction's words is said; "shelf" read as furniture is only a guess
    node = await planner_on(module_node, register_module, [book_cleaner, search_lots])
    assert await is_refused(node, "have you got Catan on the shelf?", TODAY)
    steps = await plan_steps(node, "is there anything by Hockney in the sale?", TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("search_lots", {"query": "Hockney"})
    ]
