"""Clauses that are only values, on a registry of these tests' own (a chimney sweep's): a phrase
with no action verb that holds values sets the scene for the request next to it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-04-15"  # a Wednesday


class Done(BaseModel):
    ref: str = Field(description="reference of the job")


class SweepIn(BaseModel):
    address: str = Field(description="street address of the house")
    visit_date: dt.date = Field(description="day the sweep comes")
    fault: Literal["blocked", "smoking", "cracked"] = Field(
        description="what is wrong with the chimney"
    )


@pf.capability(intent="Book a chimney sweep to visit a house", tags=["chimney"])
async def book_sweep(inp: SweepIn) -> Done:
    return Done(ref="s-1")


class StatusIn(BaseModel):
    job: str = Field(pattern=r"^SW-[0-9]{2}$", description="the sweep job")


class StatusOut(BaseModel):
    status: str = Field(description="where the job stands")


@pf.capability(intent="Get the status of a sweep job", tags=["chimney"])
async def get_sweep_status(inp: StatusIn) -> StatusOut:
    return StatusOut(status="open")


@pytest.fixture
async def sweep(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_sweep, get_sweep_status])


async def test_values_before_the_request_are_its_scene(sweep: pf.Node) -> None:
    steps = await plan_steps(sweep, "a blocked flue at 9 Mill Lane, book a sweep for Friday", TODAY)
    assert [s["capability"] for s in steps] == ["book_sweep"]
    assert steps[0]["params"] == {
        "fault": "blocked",
        "address": "9 Mill Lane",
        "visit_date": "2026-04-17",
    }


async def test_values_after_the_request_fill_it_before_an_earlier_scene(sweep: pf.Node) -> None:
    text = "the chimney is smoking in the lounge, can someone come on Friday? 9 Mill Lane, York"
    steps = await plan_steps(sweep, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_sweep"]
    assert steps[0]["params"]["address"] == "9 Mill Lane, York"
    assert steps[0]["params"]["visit_date"] == "2026-04-17"


async def test_values_no_step_reads_still_refuse(sweep: pf.Node) -> None:
    # The pizzas are no scene of the status check: it reads none of their values.
    assert await is_refused(sweep, "3 large pizzas to 7 Oak Road, check job SW-12", TODAY)
