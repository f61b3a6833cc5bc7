"""Ranking on a registry of this test's own (guided treks between villages, bike hire): values
the request puts where the prepositions before them say ("to Keswick from Ambleside on
Saturday" for a trek's end, start and day) choose the capability though the request calls
the thing by a word it never uses, and a name its preposition puts elsewhere does not; a verb
of the very action with one of the schema's enum values, well ahead of every other
capability, chooses it though the rest of the request tells of other things; a verb the
lexicon does not know that nothing of a capability says is no reason to ask for its missing
values; nor is a near meaning alone when a capability takes no value and shares no word, nor
one that leaves a time of day the request gives with no field to take it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"  # a Thursday


class Done(BaseModel):
    ref: str


class TrekSearchIn(BaseModel):
    from_village: str = Field(description="where the trek sets off")
    to_village: str = Field(description="where it finishes")
    date: dt.date = Field(description="day of the trek")


@pf.capability(intent="Guided hill walks from one village to the next", tags=["walking"])
async def search_treks(inp: TrekSearchIn) -> Done:
    return Done(ref="t")


class BikeIn(BaseModel):
    pickup_village: str = Field(description="village to collect the bike in")
    date: dt.date = Field(description="day of hire")


@pf.capability(intent="Hire a mountain bike for the day", tags=["cycling"])
async def hire_bike(inp: BikeIn) -> Done:
    return Done(ref="b")


class DehumidifierIn(BaseModel):
    mode: Literal["quiet", "eco", "boost"] = Field(description="how hard it works")


@pf.capability(intent="Turn on the humidity control in the home", tags=["home"])
async def start_air_drier(inp: DehumidifierIn) -> Done:
    return Done(ref="d")


class GlazierIn(BaseModel):
    address: str = Field(description="address of the broken window")
    phone: str = Field(pattern=r"^\+[1-9][0-9]{7,14}$", description="number to call back")


@pf.capability(intent="Send an emergency glazier out to a broken window", tags=["home"])
async def call_out_glazier(inp: GlazierIn) -> Done:
    return Done(ref="g")


class ListIn(BaseModel):
    list_name: str = Field(default="groceries", description="which list")


@pf.capability(intent="What is still to buy", tags=["shopping", "list"])
async def get_shopping_list(inp: ListIn) -> Done:
    return Done(ref="s")


class AlarmIn(BaseModel):
    mode: Literal["away", "night"] = Field(default="away", description="how to arm it")


@pf.capability(intent="Set the house alarm", tags=["security"])
async def arm_alarm(inp: AlarmIn) -> Done:
    return Done(ref="a")


class KeyholderIn(BaseModel):
    name: str = Field(description="the keyholder's name")
    phone: str = Field(pattern=r"^\+[1-9][0-9]{7,14}$", description="their mobile")
    until: dt.date | None = Field(default=None, description="last day they hold a key")


@pf.capability(intent="Add a keyholder to the house alarm", tags=["security"])
async def add_keyholder(inp: KeyholderIn) -> Done:
    return Done(ref="k")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            search_treks,
            hire_bike,
            start_air_drier,
            call_out_glazier,
            get_shopping_list,
            arm_alarm,
            add_keyholder,
        ],
    )


async def test_values_in_the_roles_their_prepositions_name_choose(node: pf.Node) -> None:
    # "hike" is no word of the walk search, but its start, end and day are each put there
    # by the preposition before it
    text = "looking for a hike to Keswick from Ambleside on Saturday"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "search_treks",
            "params": {"from_village": "Ambleside", "to_village": "Keswick", "date": "2026-03-28"},
        }
    ]


async def test_a_name_its_preposition_puts_elsewhere_chooses_nothing(node: pf.Node) -> None:
    # "to Keswick" is where a taxi goes, not the village a bike is collected in
    assert await is_refused(node, "book me a taxi to Keswick on Saturday", TODAY)


async def test_the_very_action_and_an_enum_value_with_a_clear_lead_choose(node: pf.Node) -> None:
    # "dehumidifier", "windows" and "steaming" are no words of it: the verb of its very action and
    # "quiet", a value its schema lists, with no other capability near, say what is meant
    text = "run the dehumidifier on quiet, the windows are steaming up"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [{"capability": "start_air_drier", "params": {"mode": "quiet"}}]


async def test_an_unknown_verb_its_words_do_not_say_asks_for_nothing(node: pf.Node) -> None:
    # the glazier's words cover the window, but nothing says it repairs: no E422 for a phone
    assert await is_refused(node, "repair the broken window at my office", TODAY)
    text = "send a glazier out to the broken window at 4 Quay Street, +447700900456"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["call_out_glazier"]


async def test_a_near_meaning_alone_chooses_nothing(node: pf.Node) -> None:
    # the shopping list takes no value of it and shares no word with it: "stuff" is no item
    assert await is_refused(node, "I want to see more of his stuff", TODAY)
    steps = await plan_steps(node, "what's still on the shopping list?", TODAY)
    assert [s["capability"] for s in steps] == ["get_shopping_list"]


async def test_a_time_of_day_no_field_takes_chooses_nothing(node: pf.Node) -> None:
    # a wake-up alarm at 6:30 is no house alarm: it has no time to set; nor, with "set"
    # saying nothing of what is done, is it a keyholder to ask a phone number for
    assert await is_refused(node, "set an alarm for 6:30 tomorrow morning", TODAY)
    steps = await plan_steps(node, "set the house alarm to night mode", TODAY)
    assert steps == [{"capability": "arm_alarm", "params": {"mode": "night"}}]
