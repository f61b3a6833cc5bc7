"""A capability's example with no verb ("race day for 8 of us on Saturday at 3") says how users
ask for it, not that it only reads: a question ("how much do we owe for the water this
month?") is no request to pause the deliveries, while a bare phrase like the example still
reaches it. "watch" a campaign follows it. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.capability_actions import capability_action

TODAY = "2027-02-18"


class Done(BaseModel):
    ok: bool = True


class PauseIn(BaseModel):
    start_date: dt.date | None = Field(default=None, description="first day with no delivery")
    end_date: dt.date = Field(description="last day with no delivery")


@pf.capability(
    intent="Nobody in the office to take the standing water order for a while",
    tags=["water", "deliveries"],
    examples=["hold the water over the Christmas shutdown", "no bottles while we refurbish"],
)
async def pause_water_deliveries(inp: PauseIn) -> Done:
    return Done()


class BlindIn(BaseModel):
    room: str = Field(description="room the blind is in")
    open_percent: int = Field(ge=0, le=100, description="how far open, in percent")


@pf.capability(
    intent="Blinds part of the way down",
    tags=["home"],
    examples=["blinds in the office to 30%", "lower the bedroom blind halfway"],
)
async def set_blind_position(inp: BlindIn) -> Done:
    return Done()


class CampaignIn(BaseModel):
    campaign: str = Field(description="the campaign's slug")


@pf.capability(intent="Keep an eye on a campaign", tags=["crowdfunding"])
async def follow_campaign(inp: CampaignIn) -> Done:
    return Done()


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [pause_water_deliveries, set_blind_position, follow_campaign]
    )


def test_a_verbless_example_does_not_make_it_a_reader() -> None:
    action = capability_action(
        "pause_water_deliveries",
        "Nobody in the office to take the standing water order for a while",
        examples=["no bottles while we refurbish"],
    )
    assert "pause" in action.classes and not action.query and action.phrased


async def test_a_question_is_no_request_to_pause(node: pf.Node) -> None:
    text = "how much do we owe for the water bottles this month?"
    assert await is_refused(node, text, TODAY)


async def test_a_pause_is_still_asked_for(node: pf.Node) -> None:
    steps = await plan_steps(node, "hold the water deliveries until 1 March", TODAY)
    assert [s["capability"] for s in steps] == ["pause_water_deliveries"]
    assert steps[0]["params"]["end_date"] == "2027-03-01"


async def test_a_bare_phrase_like_its_example_reaches_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "kitchen blind a quarter open", TODAY)
    assert [s["capability"] for s in steps] == ["set_blind_position"]
    assert steps[0]["params"] == {"room": "kitchen", "open_percent": 25}


async def test_watching_a_campaign_follows_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "watch the solar-kettle campaign", TODAY)
    assert [s["capability"] for s in steps] == ["follow_campaign"]
    assert await is_refused(node, "unwatch the solar-kettle campaign", TODAY)


def test_a_verb_of_several_senses_in_an_example_means_the_capabilitys_own() -> None:
    # "hold" both books and pauses: for a capability named by "pause" it pauses
    action = capability_action(
        "pause_coffee_subscription",
        "No deliveries from the roastery for a while",
        examples=["hold the coffee while I'm in Spain", "skip my beans for a month"],
    )
    assert "pause" in action.classes and "skip" in action.classes
    assert "book" not in action.classes
