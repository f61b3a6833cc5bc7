"""A request whose verb is said of a thing none of the capability's words explain, each word
far from what it is about ("book a *table* for 4 on Saturday" where only karting sessions are
booked), asks for another thing: it is refused, however well the capability's fields took the
date, the time and the count. Said of its own thing, it is still planned. On a registry of
these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-04-17"  # a Saturday


class Done(BaseModel):
    ref: str


class KartIn(BaseModel):
    date: dt.date = Field(description="race day")
    time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="start, HH:MM")
    drivers: int = Field(ge=1, le=16, description="how many drivers")
    session_minutes: Literal[15, 30, 60] = Field(default=15, description="time on track, minutes")
    track: Literal["indoor", "outdoor"] = Field(default="indoor", description="which circuit")


@pf.capability(
    intent="Time on the circuit in the karts",
    tags=["karting", "track"],
    examples=["race day for 8 of us on Saturday at 3", "a 30 minute session outdoors"],
)
async def book_karting_session(inp: KartIn) -> Done:
    return Done(ref="k-1")


class ServiceIn(BaseModel):
    postcode: str = Field(description="where the tank is")


@pf.capability(intent="Get the service history of a septic tank", tags=["septic"])
async def get_septic_service_history(inp: ServiceIn) -> Done:
    return Done(ref="s-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [book_karting_session, get_septic_service_history]
    )


async def test_booking_another_thing_is_refused(node: pf.Node) -> None:
    assert await is_refused(node, "book a table for 4 on Saturday at 7:30pm", TODAY)


@pytest.mark.parametrize(
    "text",
    ["book a karting session for 4 on Saturday at 7:30pm", "book 4 karts for Saturday at 7:30pm"],
)
async def test_booking_its_own_thing_is_planned(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "book_karting_session",
            "params": {"date": "2027-04-24", "time": "19:30", "drivers": 4},
        }
    ]
