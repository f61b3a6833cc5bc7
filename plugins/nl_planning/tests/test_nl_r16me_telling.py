""" "let the owner know" tells someone else (it informs them; "let me know" still asks to be
told); "send" a thing to someone asks a capability that orders it as a gift (a field for the
gift's card); "a pound of" a thing weighs it (money is said with a figure). On a registry of
these tests' own (a geocache's owner, a cheesemonger)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2027-06-09"


class Done(BaseModel):
    ok: bool = True


class ProblemIn(BaseModel):
    cache_code: str = Field(pattern=r"^GC[0-9A-Z]{3,6}$", description="the cache, e.g. GC8K2QX")
    problem: Literal["missing", "wet_log", "full_log", "damaged_container"] = Field(
        description="what is wrong"
    )


@pf.capability(
    intent="Tell the owner the container needs some maintenance", tags=["geocaching", "owner"]
)
async def report_geocache_problem(inp: ProblemIn) -> Done:
    return Done()


class CheeseIn(BaseModel):
    cheese_id: str = Field(pattern=r"^CH-\d{4}$", description="the cheese, e.g. CH-2041")
    weight_g: int = Field(ge=100, le=5000, description="how much, grams")
    gift_message: str | None = Field(default=None, description="card in the box")


@pf.capability(intent="A piece cut from the counter and posted", tags=["cheese"])
async def order_cheese(inp: CheeseIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [report_geocache_problem, order_cheese])


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word])


def test_letting_someone_else_know_informs_them() -> None:
    told = _action("let the owner know")
    assert "send" in told.classes and not told.query
    assert _action("let me know my balance").query


async def test_letting_the_owner_know_reports_it(node: pf.Node) -> None:
    text = "the container at GC5AA3R is damaged, let the owner know"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "report_geocache_problem",
            "params": {"cache_code": "GC5AA3R", "problem": "damaged_container"},
        }
    ]


async def test_sending_a_thing_as_a_gift_orders_it(node: pf.Node) -> None:
    text = "send a pound of ch-1180 to my dad with a card saying 'Happy 70th, Dad!'"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "order_cheese",
            "params": {
                "cheese_id": "CH-1180",
                "weight_g": 454,
                "gift_message": "Happy 70th, Dad!",
            },
        }
    ]


async def test_a_pound_of_a_thing_weighs_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "order a pound of CH-2041", TODAY)
    assert steps[0]["params"]["weight_g"] == 454
