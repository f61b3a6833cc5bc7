"""Dates the planner read wrongly on round 9's probes: a range whose month is said once, after
the second day ("12th to 14th of June", "3-5 August") or before a bare last day ("June 12-14");
a range of weekdays whose last day comes sooner in the week than its first would by itself
("Friday to Monday"); "tomorrow and the day after"; a weekday that restates a date picks the
year it falls on; a week or more on ("Friday week", "the weekend after next", "the 15th of
next month"); and a bare date of a booking, a price for a thing to be done or a delivery,
read ahead though the clause or the capability seemed to look back. On registries of these
tests' own (a cabin let, a veg box, a piano tuner, a dog walker, a log merchant, a leave planner
and an electricity meter)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.dates import date_mentions

TODAY = "2026-10-14"  # a Wednesday


class Ref(BaseModel):
    ref: str


class CabinIn(BaseModel):
    start_date: dt.date = Field(description="first night")
    end_date: dt.date = Field(description="last night")


@pf.capability(intent="Rent a lakeside cabin for some nights", tags=["cabins"])
async def rent_cabin(inp: CabinIn) -> Ref:
    return Ref(ref="c-1")


class VegBoxPauseIn(BaseModel):
    start_date: dt.date = Field(description="first day without a box")
    end_date: dt.date = Field(description="last day without a box")


@pf.capability(intent="Pause the veg box deliveries for a while", tags=["veg box"])
async def pause_veg_box(inp: VegBoxPauseIn) -> Ref:
    return Ref(ref="v-1")


class TuningQuoteIn(BaseModel):
    tune_date: dt.date = Field(description="tuning day")
    pianos: int = Field(default=1, ge=1, le=5, description="pianos to tune")


@pf.capability(intent="Price for a piano tuner's visit", tags=["pianos"])
async def get_tuning_price(inp: TuningQuoteIn) -> Ref:
    return Ref(ref="p-1")


class WalkIn(BaseModel):
    date: dt.date = Field(description="morning or day wanted")
    dog_name: str = Field(description="dog's name")


@pf.capability(intent="Have a walker take your dog out", tags=["dogs"])
async def book_dog_walk(inp: WalkIn) -> Ref:
    return Ref(ref="w-1")


class LogsIn(BaseModel):
    bags: int = Field(ge=1, le=20, description="bags of logs")
    delivery_date: dt.date = Field(description="day they come")


@pf.capability(intent="Firewood from the log merchant", tags=["firewood", "order"])
async def order_logs(inp: LogsIn) -> Ref:
    return Ref(ref="l-1")


class LeaveIn(BaseModel):
    start: dt.date = Field(description="first day off")
    end: dt.date = Field(description="last day off")
    kind: Literal["holiday", "sick"] = Field(default="holiday", description="kind of leave")


@pf.capability(intent="Ask for days off work", tags=["leave"])
async def request_leave(inp: LeaveIn) -> Ref:
    return Ref(ref="a-1")


class UsageIn(BaseModel):
    start: dt.date = Field(description="first day")
    end: dt.date = Field(description="last day")


@pf.capability(intent="Electricity usage in a period", tags=["energy", "report"])
async def get_power_usage(inp: UsageIn) -> Ref:
    return Ref(ref="u-1")


@pytest.fixture
async def lets(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [rent_cabin, pause_veg_box, request_leave, get_power_usage],
    )


@pytest.fixture
async def errands(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [get_tuning_price, book_dog_walk, order_logs]
    )


async def _params(node: pf.Node, text: str, today: str = TODAY) -> dict[str, Any]:
    return await plan_params(node, text, today)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("rent a cabin 12th to 14th of June", "2027-06-12", "2027-06-14"),
        ("cabin for 3-5 August please", "2027-08-03", "2027-08-05"),
        ("rent the cabin 20 to 27 December", "2026-12-20", "2026-12-27"),
        # the month said first, the last day bare after it
        ("rent a cabin June 12-14", "2027-06-12", "2027-06-14"),
        ("cabin from Dec 20 to 27", "2026-12-20", "2026-12-27"),
        # a weekday before each day only restates it
        ("rent a cabin Fri 11th - Sun 13th June", "2027-06-11", "2027-06-13"),
    ],
)
async def test_a_range_whose_month_is_said_once(
    lets: pf.Node, text: str, start: str, end: str
) -> None:
    assert await _params(lets, text) == {"start_date": start, "end_date": end}


async def test_a_weekday_range_ends_on_the_first_such_day_after_its_start(lets: pf.Node) -> None:
    # On a Wednesday, "Thursday" alone is tomorrow, but after "Monday" it is that week's.
    params = await _params(lets, "pause my veg box Monday to Thursday")
    assert params == {"start_date": "2026-10-19", "end_date": "2026-10-22"}
    params = await _params(lets, "pause the veg box from Friday to Monday")
    assert params == {"start_date": "2026-10-16", "end_date": "2026-10-19"}


async def test_a_day_and_the_day_after(lets: pf.Node) -> None:
    params = await _params(lets, "I need sick leave tomorrow and the day after")
    assert params == {"start": "2026-10-15", "end": "2026-10-16", "kind": "sick"}


def test_a_weekday_said_with_a_date_picks_the_year_it_falls_on() -> None:
    # 5 September 2026 is a Saturday, 5 September 2025 a Friday: looking back, "Saturday 5
    # September" can only be the coming one; "Friday 5 September" only last year's.
    today = date(2026, 8, 21)
    [saturday] = date_mentions("Saturday 5 September", today)
    assert saturday.extra == {"future": date(2026, 9, 5), "past": date(2026, 9, 5)}
    [friday] = date_mentions("on Friday, September 5th", today)
    assert friday.extra == {"future": date(2025, 9, 5), "past": date(2025, 9, 5)}


async def test_a_date_for_a_thing_wanted_looks_ahead(errands: pf.Node) -> None:
    # "morning or day wanted" is what the owner wants, not a day gone by.
    params = await _params(errands, "book a dog walk for Rex on Friday")
    assert params == {"date": "2026-10-16", "dog_name": "Rex"}


async def test_a_price_for_a_thing_to_be_done_looks_ahead(errands: pf.Node) -> None:
    params = await _params(errands, "how much to tune 2 pianos on 3 March?")
    assert params == {"tune_date": "2027-03-03", "pianos": 2}


async def test_a_delivery_after_a_participle_of_something_wanted_looks_ahead(
    errands: pf.Node,
) -> None:
    # "dropped off" after "need" is a thing to have done; the delivery is the 2nd to come.
    params = await _params(errands, "I need 4 bags of logs dropped off by the 2nd", "2026-12-29")
    assert params == {"bags": 4, "delivery_date": "2027-01-02"}


async def test_a_report_still_looks_back(lets: pf.Node) -> None:
    params = await _params(lets, "electricity usage for March")
    assert params == {"start": "2026-03-01", "end": "2026-03-31"}


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("rent the cabin the weekend after next", "2026-10-24", "2026-10-25"),
        ("rent a cabin the week after next", "2026-10-26", "2026-11-01"),
        ("rent a cabin Friday week to Saturday after next", "2026-10-23", "2026-10-24"),
        ("rent a cabin from a week on Monday to the 5th of next month", "2026-10-26", "2026-11-05"),
    ],
)
async def test_a_week_or_more_on(lets: pf.Node, text: str, start: str, end: str) -> None:
    # On Wednesday 14 October: "Friday week" is the Friday after the coming one.
    assert await _params(lets, text) == {"start_date": start, "end_date": end}
