"""Slot shapes the third blind set showed the planner missing: "last night" for a date, a date
after a participle, an age said as "I'm 62", a duration written "1h20", an area in square
units, feet and inches run together; on extractors and on a registry of these tests' own (a
greenhouse quote, a rowing log, a gym sign-up and a parcel claim)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any, Literal

import pytest
from planned import plan_params, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.dates import date_mentions
from packetflow_nl_planning.units import field_unit

TODAY = date(2026, 3, 5)  # a Thursday


class Ref(BaseModel):
    ref: str


class GreenhouseIn(BaseModel):
    postcode: str = Field(description="postcode of the garden")
    floor_area_m2: float = Field(gt=0, description="floor area in square metres")


@pf.capability(intent="Get a quote for building a greenhouse", tags=["garden"])
async def quote_greenhouse(inp: GreenhouseIn) -> Ref:
    return Ref(ref="g-1")


class RowIn(BaseModel):
    minutes: int = Field(description="time on the water in minutes")
    rowed_on: dt.date = Field(description="day of the outing")


@pf.capability(intent="Log a rowing outing", tags=["rowing"])
async def log_row(inp: RowIn) -> Ref:
    return Ref(ref="r-1")


class GymIn(BaseModel):
    age: int = Field(ge=14, le=110, description="member's age in years")
    height_cm: int | None = Field(default=None, description="height in cm")


@pf.capability(intent="Sign up for a gym membership", tags=["gym"])
async def join_gym(inp: GymIn) -> Ref:
    return Ref(ref="m-1")


class LockerIn(BaseModel):
    locker: str = Field(pattern=r"^[0-9]{1,3}[A-F]$", description="locker, e.g. 12C")


@pf.capability(intent="Open a gym locker", tags=["gym"])
async def open_locker(inp: LockerIn) -> Ref:
    return Ref(ref="l-1")


Barn = Literal["north", "south", "east"]


class HayCountIn(BaseModel):
    barn: Barn = Field(description="barn that was counted")
    bales: int = Field(ge=0, description="bales counted")


@pf.capability(intent="Record a count of hay bales", tags=["farm"])
async def count_hay(inp: HayCountIn) -> Ref:
    return Ref(ref="h-1")


class HayMoveIn(BaseModel):
    bales: int = Field(ge=1, description="bales to move")
    from_barn: Barn = Field(description="barn the bales leave")
    to_barn: Barn = Field(description="barn that receives them")


@pf.capability(intent="Move hay bales between barns", tags=["farm"])
async def move_hay(inp: HayMoveIn) -> Ref:
    return Ref(ref="h-2")


class HolidayIn(BaseModel):
    first_day: dt.date = Field(description="first day away")
    last_day: dt.date = Field(description="last day away")


@pf.capability(intent="Book time off for a holiday", tags=["holiday"])
async def book_holiday(inp: HolidayIn) -> Ref:
    return Ref(ref="t-1")


class BeerIn(BaseModel):
    beer_name: str = Field(description="brewery and beer")
    notes: str | None = Field(default=None, description="tasting note")


@pf.capability(intent="Rate a craft beer", tags=["beer"])
async def rate_beer(inp: BeerIn) -> Ref:
    return Ref(ref="b-1")


class SightingIn(BaseModel):
    target: str = Field(description="object observed, e.g. C31 or Vega")
    observed_on: dt.date = Field(description="night of the observation")


@pf.capability(intent="Submit an observation of the night sky", tags=["astronomy"])
async def log_sighting(inp: SightingIn) -> Ref:
    return Ref(ref="s-1")


class ZooIn(BaseModel):
    age_group: Literal["adult", "child", "senior"] = Field(description="who the tickets are for")
    quantity: int = Field(default=1, ge=1, le=9, description="how many tickets")


@pf.capability(intent="Buy zoo entry tickets", tags=["zoo"])
async def buy_zoo_tickets(inp: ZooIn) -> Ref:
    return Ref(ref="z-1")


_CARD = r"^[0-9]{8}$"


class PointsIn(BaseModel):
    card_number: str = Field(pattern=_CARD, description="loyalty card the points leave")
    to_card_number: str = Field(pattern=_CARD, description="loyalty card that receives them")
    points: int = Field(ge=1, description="points to give")


@pf.capability(intent="Give loyalty points to another card", tags=["loyalty"])
async def give_points(inp: PointsIn) -> Ref:
    return Ref(ref="p-1")


class SeedsIn(BaseModel):
    variety: str = Field(description="seed variety")
    rush: bool = Field(default=False, description="next-day delivery")


@pf.capability(intent="Order packets of garden seeds", tags=["garden"])
async def order_seeds(inp: SeedsIn) -> Ref:
    return Ref(ref="o-1")


@pytest.fixture
async def yard(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            quote_greenhouse,
            log_row,
            join_gym,
            open_locker,
            count_hay,
            move_hay,
            book_holiday,
            rate_beer,
            log_sighting,
            buy_zoo_tickets,
            give_points,
            order_seeds,
        ],
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY.isoformat())


def test_last_night_is_yesterday() -> None:
    [mention] = date_mentions("the owl we heard last night", TODAY)
    assert mention.extra["past"] == date(2026, 3, 4)  # type: ignore[attr-defined]


def test_a_unit_squared_in_a_field_name_is_an_area() -> None:
    assert field_unit("floor_area_m2", None) == "m2"
    assert field_unit("plot_ft2", None) == "ft2"


async def test_an_area_in_square_units_converts_to_the_field_unit(yard: pf.Node) -> None:
    params = await _params(yard, "greenhouse quote for LS1 4AP, about 12 square metres")
    assert params == {"postcode": "LS1 4AP", "floor_area_m2": 12}
    params = await _params(yard, "greenhouse quote for LS1 4AP, 200 sq ft")
    assert params["floor_area_m2"] == pytest.approx(18.581, abs=0.001)


async def test_hours_and_minutes_run_together(yard: pf.Node) -> None:
    assert (await _params(yard, "log a rowing outing yesterday, 1h20"))["minutes"] == 80


async def test_feet_and_inches_run_together(yard: pf.Node) -> None:
    params = await _params(yard, "sign me up for the gym, I'm 30 and 5 ft 10")
    assert params["height_cm"] == 178


async def test_a_question_then_its_details_is_one_step(yard: pf.Node) -> None:
    # The question alone is short of the area (its postcode is a guess); the details give both.
    steps = await plan_steps(
        yard,
        "What would a greenhouse cost me? Postcode LS1 4AP, 12 square metres",
        TODAY.isoformat(),
    )
    assert steps == [
        {"capability": "quote_greenhouse", "params": {"postcode": "LS1 4AP", "floor_area_m2": 12}}
    ]


def test_a_long_number_after_a_date_is_no_year() -> None:
    [mention] = date_mentions("claim for the trip on 14 june, 555666777", TODAY)
    assert mention.extra["past"] == date(2025, 6, 14)  # type: ignore[attr-defined]


async def test_a_bare_number_and_a_measure_are_two_values(yard: pf.Node) -> None:
    # "30 and 178 cm" is no range (that says "between"): 30 is the age, 178 cm the height.
    params = await _params(yard, "sign me up for the gym, I'm 30 and 178 cm")
    assert params == {"age": 30, "height_cm": 178}


async def test_digits_and_a_letter_that_fit_a_pattern_are_a_code(yard: pf.Node) -> None:
    # "9C" and "14b" read as 9 degrees and 14 bytes, but the field's pattern takes them.
    assert await _params(yard, "open gym locker 9C") == {"locker": "9C"}
    assert await _params(yard, "open gym locker 14b") == {"locker": "14B"}


async def test_a_value_after_to_is_never_the_origin(yard: pf.Node) -> None:
    # The barn after "to" is where the bales go; where they leave from is not said.
    with pytest.raises(pf.errors.PacketFlowError) as caught:
        await plan_steps(yard, "move 20 hay bales to the south barn", TODAY.isoformat())
    assert caught.value.code == "E422"
    assert "'from_barn'" in caught.value.message


async def test_an_origin_left_unsaid_is_where_the_earlier_step_was(yard: pf.Node) -> None:
    steps = await plan_steps(
        yard,
        "record a count of 90 hay bales in the north barn and after that move 20 to south",
        TODAY.isoformat(),
    )
    assert steps[1] == {
        "capability": "move_hay",
        "params": {"bales": 20, "from_barn": "north", "to_barn": "south"},
    }


async def test_a_span_of_weeks_ends_on_its_last_day(yard: pf.Node) -> None:
    params = await _params(yard, "book holiday time off from 6 April for 2 weeks")
    assert params == {"first_day": "2026-04-06", "last_day": "2026-04-19"}


async def test_a_quote_goes_to_a_field_of_notes(yard: pf.Node) -> None:
    # "notes" is the plural of "note" (not "not"), so it is the text field the quote is for.
    params = await _params(yard, "rate a craft beer: Tiny Rebel Cwtch, 'soft and fruity'")
    assert params == {"beer_name": "Tiny Rebel Cwtch", "notes": "soft and fruity"}


async def test_an_arrow_points_at_the_destination(yard: pf.Node) -> None:
    steps = await plan_steps(yard, "move 20 hay bales south -> north", TODAY.isoformat())
    assert steps[0]["params"] == {"bales": 20, "from_barn": "south", "to_barn": "north"}


async def test_digits_written_onto_a_word_stay_in_the_text(yard: pf.Node) -> None:
    # The description's example makes "31" a word of the capability; glued on, it is no edge.
    params = await _params(yard, "Log an observation: C31, yesterday")
    assert params == {"target": "C31", "observed_on": "2026-03-04"}


async def test_a_count_of_a_kind_of_thing_is_the_count(yard: pf.Node) -> None:
    # "seniors" is a value of the age group, not a field counted apart: 2 is the quantity.
    params = await _params(yard, "buy zoo entry tickets for 2 seniors")
    assert params == {"age_group": "senior", "quantity": 2}


async def test_an_id_after_to_is_never_the_twin_origin(yard: pf.Node) -> None:
    # Two id fields of one pattern: the id after "to" is the receiver's, never the sender's.
    with pytest.raises(pf.errors.PacketFlowError) as caught:
        await plan_steps(yard, "give 200 loyalty points to 20002000", TODAY.isoformat())
    assert caught.value.code == "E422"
    assert "'card_number'" in caught.value.message


async def test_a_flag_said_in_its_description_words(yard: pf.Node) -> None:
    params = await _params(yard, "order garden seeds: Sungold, next day delivery please")
    assert params == {"variety": "Sungold", "rush": True}
