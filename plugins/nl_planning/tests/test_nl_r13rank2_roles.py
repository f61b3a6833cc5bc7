"""A preposition before a value a field took ("near Leeds" for a town) says where the value
goes, no topic the capability's own words must explain, on a registry of these tests' own
(blood donation sessions, a ferry timetable, a desk): "where can I give blood near Leeds this
week?" finds the sessions instead of refusing; "near" puts a value in a location field."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"  # a Thursday


class Ref(BaseModel):
    ref: str


class SessionIn(BaseModel):
    town: str = Field(description="town or city to donate in")
    date: dt.date | None = Field(default=None, description="day to donate")
    donation_type: Literal["whole_blood", "plasma", "platelets"] = Field(
        default="whole_blood", description="what to give"
    )


@pf.capability(intent="Where to give blood nearby", tags=["blood", "donation"])
async def find_donation_session(inp: SessionIn) -> Ref:
    return Ref(ref="s")


class SailingIn(BaseModel):
    from_port: str = Field(description="departure harbour")
    to_port: str = Field(description="arrival harbour")
    date: dt.date = Field(description="day of the crossing")


@pf.capability(intent="Timetable of crossings between two harbours", tags=["ferry"])
async def search_sailings(inp: SailingIn) -> Ref:
    return Ref(ref="f")


class DeskIn(BaseModel):
    date: dt.date = Field(description="day")


@pf.capability(intent="Somewhere to work in one of our spaces", tags=["coworking"])
async def book_desk(inp: DeskIn) -> Ref:
    return Ref(ref="d")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [find_donation_session, search_sailings, book_desk]
    )


async def test_a_preposition_before_a_value_is_no_topic(node: pf.Node) -> None:
    steps = await plan_steps(node, "where can I give blood near Leeds this week?", TODAY)
    assert [s["capability"] for s in steps] == ["find_donation_session"]
    assert steps[0]["params"]["town"] == "Leeds"
