"""A comma clause that is only a detail of the request beside it is no request of its own, on a
registry of these tests' own (pony rides, toy donations, licences): over-splitting must not
refuse the whole request, and a second request nothing fits still does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-06"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class RideIn(BaseModel):
    rider: str = Field(description="name of the rider")
    date: dt.date = Field(description="day of the ride")
    collect_time: str = Field(pattern=_HHMM, description="collect-by time, HH:MM")
    duration_minutes: int = Field(default=60, ge=30, le=180, description="length in minutes")
    phone: str | None = Field(
        default=None, pattern=r"^\+[1-9][0-9]{7,14}$", description="number to text a reminder to"
    )


@pf.capability(intent="Book a guided pony ride for a child", tags=["riding"])
async def book_ride(inp: RideIn) -> Done:
    return Done(ok=True)


class RideLogIn(BaseModel):
    ride_date: dt.date = Field(description="day of the ride")
    duration_minutes: int = Field(ge=1, le=600, description="time ridden in minutes")


@pf.capability(intent="Log a ride you did", tags=["riding"])
async def log_ride(inp: RideLogIn) -> Done:
    return Done(ok=True)


class ToysIn(BaseModel):
    toys: str = Field(description="what is given away")
    collection_address: str = Field(description="where to collect the toys")
    collection_date: dt.date | None = Field(default=None, description="collection day")


@pf.capability(intent="Donate toys to a charity", tags=["charity"])
async def donate_toys(inp: ToysIn) -> Done:
    return Done(ok=True)


class LicenceIn(BaseModel):
    licence_number: str = Field(pattern=r"^L[0-9]{7}$", description="current licence number")
    delivery_address: str = Field(description="where to send the new licence")
    express: bool = Field(default=False, description="urgent three-day service")


@pf.capability(intent="Renew a fishing licence", tags=["licences"])
async def renew_licence(inp: LicenceIn) -> Done:
    return Done(ok=True)


class DroneIn(BaseModel):
    drone: str = Field(pattern=r"^DR-[0-9]{2}$", description="drone code")
    target_percent: int = Field(default=80, ge=10, le=100, description="battery level to stop at")


@pf.capability(intent="Begin a session at a drone dock", tags=["drones"])
async def start_charging_drone(inp: DroneIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [book_ride, log_ride, donate_toys, renew_licence, start_charging_drone]
    return await planner_on(module_node, register_module, caps)


async def test_a_detail_completes_the_capability_the_phrase_before_it_asks_for(
    node: pf.Node,
) -> None:
    # alone, "an hour's ride for Tom on Saturday" reads as a ride done (logged); with "collect
    # him at 10am" (a word of the collect-by time) it is the ride to book
    text = "an hour's ride for Tom on Saturday, collect him at 10am"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "book_ride",
            "params": {
                "rider": "Tom",
                "date": "2026-05-09",
                "collect_time": "10:00",
                "duration_minutes": 60,
            },
        }
    ]


async def test_the_verb_of_a_noun_of_the_field_says_what_the_value_is_for(node: pf.Node) -> None:
    # "remind" is the verb of the "reminder" the phone number is for
    text = "book a ride for Tom on Saturday at 10am, remind me on +447700900123"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_ride"]
    assert steps[0]["params"]["phone"] == "+447700900123"


async def test_a_request_refused_alone_is_read_with_the_detail_after_it(node: pf.Node) -> None:
    text = 'donate "a box of lego and a doll\'s house", collect from 12 Oak Road on Monday'
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["donate_toys"]
    assert steps[0]["params"] == {
        "toys": "a box of lego and a doll's house",
        "collection_address": "12 Oak Road",
        "collection_date": "2026-05-11",
    }


async def test_a_word_naming_the_request_gives_way_to_the_detail_that_fills_its_field(
    node: pf.Node,
) -> None:
    # "renewal" is left of the words that named the request, no delivery address: alone, the
    # clause is refused (nothing sends), as the whole was
    text = "urgent renewal of licence L1234567, send to 4 Elm Street"
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "renew_licence",
            "params": {
                "licence_number": "L1234567",
                "delivery_address": "4 Elm Street",
            },
        }
    ]


async def test_the_verb_a_capability_is_named_by_told_again_gives_a_value(node: pf.Node) -> None:
    # the scene gives the drone, "charge" (a word of start_charging_drone) its battery level
    steps = await plan_steps(node, "drone DR-12 is docked, charge to 90%", TODAY)
    assert steps == [
        {"capability": "start_charging_drone", "params": {"drone": "DR-12", "target_percent": 90}}
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a second request with its own verb and object that nothing performs
        "an hour's ride for Tom on Saturday, paint him a picture at 10am",
        'donate "a box of lego", paint the shed at 12 Oak Road on Monday',
        "urgent renewal of licence L1234567, revoke the one at 4 Elm Street",
        "drone DR-12 is docked, drain it to 20%",
        "book a ride for Tom on Saturday at 10am, forget me on +447700900123",
        # told as a second request ("and then"), a detail's verb is no detail
        'donate "a box of lego" and then collect from 12 Oak Road on Monday',
    ],
)
async def test_a_second_request_nothing_fits_still_refuses_the_whole(
    node: pf.Node, text: str
) -> None:
    assert await is_refused(node, text, TODAY)
