"""A weekday said with "every" repeats weekly ("every Thursday" -> weekly, "every other
Thursday" -> fortnightly) and is still the day the first visit falls on; "every Thursday from
next week" starts on next week's Thursday, not on the week's Monday. On a registry of these
tests' own (a cleaning service)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-01-14"  # a Wednesday


class Booked(BaseModel):
    booking_id: str


class CleaningIn(BaseModel):
    date: dt.date = Field(description="first visit")
    start_time: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", description="arrival time, HH:MM")
    recurring: Literal["once", "weekly", "fortnightly"] = Field(
        default="once", description="how often the cleaner comes"
    )


@pf.capability(intent="Book a home cleaner", tags=["home"])
async def book_cleaning(inp: CleaningIn) -> Booked:
    return Booked(booking_id="B-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_cleaning])


@pytest.mark.parametrize(
    ("text", "day", "recurring"),
    [
        ("book a cleaner every Thursday from next week at 1pm", "2026-01-22", "weekly"),
        ("book a cleaner on Thursdays starting next week, 1pm", "2026-01-22", None),
        ("book a cleaner every Thursday at 1pm", "2026-01-15", "weekly"),
        ("book a cleaner every other Thursday from next week at 1pm", "2026-01-22", "fortnightly"),
    ],
)
async def test_every_weekday(node: pf.Node, text: str, day: str, recurring: str | None) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["date"] == day
    assert params["start_time"] == "13:00"
    assert params.get("recurring") == recurring
