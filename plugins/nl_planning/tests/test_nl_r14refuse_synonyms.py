"""A lift is a ride ("any lifts from Leeds to York tomorrow?" for shared car journeys), in
questions and statements of need alike; a lift to book on another kind of capability is
still refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class RidesIn(BaseModel):
    from_city: str = Field(description="where the journey starts")
    to_city: str = Field(description="where it goes")
    date: dt.date = Field(description="day of travel")


class RidesOut(BaseModel):
    ride_ids: list[str]


@pf.capability(intent="Shared car journeys going the same way", tags=["rides"])
async def search_rides(inp: RidesIn) -> RidesOut:
    return RidesOut(ride_ids=[])


class StairIn(BaseModel):
    building: str = Field(description="which building")


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


@pf.capability(intent="Report a broken door entry phone", tags=["building"])
async def report_entry_phone(inp: StairIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [search_rides, report_entry_phone])


@pytest.mark.parametrize(
    "text",
    [
        "any lifts from Leeds to York tomorrow?",
        "is anyone offering a lift from Leeds to York on Saturday?",
        "I need a lift from Leeds to York on Friday",
    ],
)
async def test_a_lift_is_a_ride(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["search_rides"]
    assert steps[0]["params"]["from_city"] == "Leeds"


async def test_a_lift_nothing_offers_is_refused(node: pf.Node) -> None:
    assert await is_refused(node, "book me a lift to the airport on Friday", TODAY)
