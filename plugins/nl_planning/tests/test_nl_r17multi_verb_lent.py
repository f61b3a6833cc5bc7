"""A clause with no verb that names a new thing after a connector ("book a driving lesson
Tuesday 6pm and then *the test* at Wood Green on 21 September") is read with the verb of the
request before it: book the test. A value with no verb is still a detail. On a
registry of these tests' own (a driving school, a taxi firm)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-07-22"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class LessonIn(BaseModel):
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=_HHMM, description="pick-up time, HH:MM")
    transmission: Literal["manual", "automatic"] = Field(default="manual", description="gearbox")
    instructor_name: str | None = Field(default=None, description="preferred instructor")


class Booked(BaseModel):
    booking_id: str


@pf.capability(intent="Time behind the wheel with an instructor", tags=["driving"])
async def book_driving_lesson(inp: LessonIn) -> Booked:
    return Booked(booking_id="L-1")


class ExamIn(BaseModel):
    licence_number: str = Field(pattern=r"^[A-Z]{5}[0-9]{6}$", description="provisional licence")
    test_centre: str = Field(description="where to sit the test")
    date: dt.date = Field(description="day of the test")


@pf.capability(intent="Sit the practical exam", tags=["driving", "exams"])
async def book_driving_test(inp: ExamIn) -> Booked:
    return Booked(booking_id="T-1")


class DayIn(BaseModel):
    date: dt.date = Field(description="night to forecast")


class Forecast(BaseModel):
    cloud: int


@pf.capability(intent="Cloud cover forecast for stargazing", tags=["astronomy"])
async def get_sky_forecast(inp: DayIn) -> Forecast:
    return Forecast(cloud=10)


class LeaveIn(BaseModel):
    start_date: dt.date = Field(description="first day off")
    end_date: dt.date = Field(description="last day off")


@pf.capability(intent="Ask for annual leave", tags=["hr"])
async def request_leave(inp: LeaveIn) -> Booked:
    return Booked(booking_id="H-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [book_driving_lesson, book_driving_test, get_sky_forecast, request_leave],
    )


@pytest.mark.parametrize("joiner", ["and then", "and after that"])
async def test_a_thing_after_a_connector_takes_the_verb_before(node: pf.Node, joiner: str) -> None:
    text = (
        f"Book a driving lesson Tuesday 6pm {joiner} the test at Wood Green on 21 September;"
        " licence MORGA657054"
    )
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_driving_lesson", "book_driving_test"]
    assert steps[1]["params"]["test_centre"] == "Wood Green"
    assert steps[1]["params"]["licence_number"] == "MORGA657054"
    assert steps[0]["params"]["time"] == "18:00"
