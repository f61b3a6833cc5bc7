"""What a request's verb asks beyond its own class: "get" a count of things obtains them ("could
I get 12 cupcakes"), "get us two seats" books the places, "start the papers again" resumes
them, "add 3 days to my hire" extends it. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ref: str


class TableIn(BaseModel):
    restaurant_id: str = Field(pattern=r"^R\d{4}$", description="the restaurant")
    party_size: int = Field(ge=1, description="how many people")
    date: dt.date = Field(description="the day")


@pf.capability(intent="Reserve a table at a restaurant", tags=["dining"])
async def book_table(inp: TableIn) -> Done:
    return Done(ref="t-1")


class CupcakesIn(BaseModel):
    quantity: int = Field(ge=1, description="how many cupcakes")
    flavour: str = Field(description="the flavour")
    pickup_date: dt.date = Field(description="when to collect them")


@pf.capability(intent="Order cupcakes from the bakery", tags=["bakery"])
async def order_cupcakes(inp: CupcakesIn) -> Done:
    return Done(ref="c-1")


class PauseIn(BaseModel):
    start_date: dt.date = Field(description="first day with no delivery")
    end_date: dt.date = Field(description="last day with no delivery")


@pf.capability(intent="Stop newspaper deliveries for a while", tags=["newspapers"])
async def pause_newspaper_delivery(inp: PauseIn) -> Done:
    return Done(ref="p-1")


class ResumeIn(BaseModel):
    resume_on: dt.date = Field(description="the first day papers come again")


@pf.capability(intent="Resume newspaper deliveries after a pause", tags=["newspapers"])
async def resume_newspaper_delivery(inp: ResumeIn) -> Done:
    return Done(ref="r-1")


class HireIn(BaseModel):
    hire_id: str = Field(pattern=r"^H-\d{6}$", description="the tool hire")
    extra_days: int = Field(ge=1, description="how many more days")


@pf.capability(intent="Keep a hired tool for longer", tags=["tools"])
async def extend_tool_hire(inp: HireIn) -> Done:
    return Done(ref="h-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            book_table,
            order_cupcakes,
            pause_newspaper_delivery,
            resume_newspaper_delivery,
            extend_tool_hire,
        ],
    )


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


@pytest.mark.parametrize("text", ["could I get 12 carrot cupcakes", "get two pizzas"])
def test_getting_a_count_of_things_obtains_them(text: str) -> None:
    assert "buy" in _action(text).classes


def test_getting_the_thing_still_only_reads() -> None:
    action = _action("get the weather in Leeds")
    assert action.query and "buy" not in action.classes


def test_getting_places_for_oneself_books_or_joins_them() -> None:
    classes = _action("get us two seats at the bar").classes
    assert {"book", "subscribe"} <= classes


def test_starting_again_resumes() -> None:
    assert "resume" in _action("start the papers again on Saturday").classes
    assert "resume" not in _action("start the papers on Saturday").classes


def test_adding_days_to_a_thing_extends_it() -> None:
    assert "extend" in _action("add 3 days to my hire H-118200").classes
    assert "extend" not in _action("add 3 eggs to the list").classes


async def test_a_count_of_cupcakes_is_ordered(node: pf.Node) -> None:
    steps = await plan_steps(node, "Could I get 12 carrot cupcakes for tomorrow?", TODAY)
    assert steps == [
        {
            "capability": "order_cupcakes",
            "params": {"quantity": 12, "flavour": "carrot", "pickup_date": "2026-06-11"},
        }
    ]


async def test_seats_at_a_restaurant_are_a_table(node: pf.Node) -> None:
    steps = await plan_steps(node, "can you get us two seats at R3310 on Friday?", TODAY)
    assert [s["capability"] for s in steps] == ["book_table"]
    assert steps[0]["params"]["party_size"] == 2


async def test_the_papers_started_again_resume(node: pf.Node) -> None:
    steps = await plan_steps(node, "start the papers again on Saturday", TODAY)
    assert steps == [
        {"capability": "resume_newspaper_delivery", "params": {"resume_on": "2026-06-13"}}
    ]


async def test_days_added_to_a_hire_extend_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "add 3 days to my hire H-118200", TODAY)
    assert steps == [
        {"capability": "extend_tool_hire", "params": {"hire_id": "H-118200", "extra_days": 3}}
    ]


async def test_getting_a_thing_nothing_sells_is_refused(node: pf.Node) -> None:
    assert await is_refused(node, "could I get 3 haircuts", TODAY)
