"""Everyday idioms for an action, on a registry of these tests' own (a milk round, a van hire,
a transit card, a savings pot, an archive of aerial photos): "get the deliveries going again"
resumes them, "add two more days to hire H-2041" extends it, "put $40 on my card" tops it up
and "stick 50 quid in savings" deposits it, and "shots" are photos."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class PauseIn(BaseModel):
    until: dt.date = Field(description="last day without milk")


@pf.capability(intent="No milk on the doorstep for a while", tags=["milk", "round"])
async def pause_milk_delivery(inp: PauseIn) -> Done:
    return Done(ok=True)


class ResumeIn(BaseModel):
    from_date: dt.date = Field(description="first day with milk again")


@pf.capability(intent="Milk on the doorstep again", tags=["milk", "round"])
async def resume_milk_delivery(inp: ResumeIn) -> Done:
    return Done(ok=True)


class HireIn(BaseModel):
    hire_ref: str = Field(pattern=r"^H-[0-9]{4}$", description="the hire agreement")
    extra_days: int = Field(ge=1, le=30, description="how many days more")


@pf.capability(intent="The van for longer than first agreed", tags=["van", "hire"])
async def extend_van_hire(inp: HireIn) -> Done:
    return Done(ok=True)


class TopUpIn(BaseModel):
    card_number: str = Field(pattern=r"^TC[0-9]{6}$", description="the transit card")
    amount: float = Field(gt=0, description="how much")
    currency: str = Field(default="USD", description="ISO code")


@pf.capability(intent="Credit on a card for the buses and trams", tags=["transit"])
async def top_up_transit_card(inp: TopUpIn) -> Done:
    return Done(ok=True)


class AddCardIn(BaseModel):
    card_number: str = Field(pattern=r"^TC[0-9]{6}$", description="the transit card")
    holder: str = Field(description="who the card is for")


@pf.capability(intent="Another rider's card on the family account", tags=["transit"])
async def add_card_to_account(inp: AddCardIn) -> Done:
    return Done(ok=True)


class SaveIn(BaseModel):
    amount: float = Field(gt=0, description="how much")
    currency: str = Field(default="GBP", description="ISO code")


@pf.capability(intent="Money moved into the savings pot", tags=["bank", "savings"])
async def deposit_to_savings(inp: SaveIn) -> Done:
    return Done(ok=True)


class SearchIn(BaseModel):
    place: str = Field(description="town or landmark shown")


class SearchOut(BaseModel):
    photo_ids: list[str]


@pf.capability(intent="Archive aerial photos of a place", tags=["photos", "aerial"])
async def search_aerial_photos(inp: SearchIn) -> SearchOut:
    return SearchOut(photo_ids=["AP-1"])


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [
        pause_milk_delivery, resume_milk_delivery, extend_van_hire, top_up_transit_card,
        add_card_to_account, deposit_to_savings, search_aerial_photos,
    ]  # fmt: skip
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "we're home now, get the milk going again from Friday",
        "get the milk round going again on Friday please",
    ],
)
async def test_getting_a_thing_going_again_resumes_it(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("resume_milk_delivery", {"from_date": "2026-06-12"})]


@pytest.mark.parametrize(
    "text", ["add two more days to van hire H-2041", "add another 2 days onto hire H-2041"]
)
async def test_adding_more_days_to_a_hire_extends_it(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [("extend_van_hire", {"hire_ref": "H-2041", "extra_days": 2})]


@pytest.mark.parametrize(
    "text", ["put $40 on card TC204117", "load $40 onto transit card TC204117"]
)
async def test_putting_money_on_a_card_tops_it_up(node: pf.Node, text: str) -> None:
    [(name, params)] = calls(await plan_steps(node, text, TODAY))
    assert name == "top_up_transit_card"
    assert params["card_number"] == "TC204117" and params["amount"] == 40


async def test_putting_money_into_savings_deposits_it(node: pf.Node) -> None:
    [(name, params)] = calls(await plan_steps(node, "stick 50 quid in my savings pot", TODAY))
    assert (name, params["amount"]) == ("deposit_to_savings", 50)


async def test_shots_are_photos(node: pf.Node) -> None:
    steps = await plan_steps(node, "any aerial shots of Whitby?", TODAY)
    assert calls(steps) == [("search_aerial_photos", {"place": "Whitby"})]
