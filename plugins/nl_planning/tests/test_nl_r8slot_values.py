"""Slot values the planner read wrongly on round 8's probes: a flag whose name shares its
thing's word ("ride" for ``group_ride``), a value joined by a hyphen to the field's name
("full-size"), an amount with its hundredths after the currency ("forty-two pounds fifty"),
a count before the word of a ``multi_`` value ("3 trip tickets"), a flag said by its
description's indefinite subject ("someone aboard") or denied by a negative one ("nothing
inside"), a bare weekday in a log of what was done ("time sailed"), British "half nine", a
list after "using" (what is left out no item of it), "just me" or "me and my sister" for a
count of people, a destination's word that means no travel mode ("to the airport") and a
means that does ("on foot"), the agent of a passive ("Rex owned by Tom Baker"); on
registries of these tests' own (a pony yard, a community apiary, a street market, a ferry,
a sauna, a harbour, a skipper's log, a golf club with a kitchen, kayaks, a kiln, a vet and a
route planner)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.entities import find_mentions

TODAY = "2026-10-08"  # a Thursday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Ref(BaseModel):
    ref: str


class RideIn(BaseModel):
    pony_name: str = Field(description="which pony")
    date: dt.date = Field(description="day of the ride")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    group_ride: bool = Field(default=False, description="ride with other riders")


@pf.capability(intent="A groom takes your pony out for exercise", tags=["ponies"])
async def book_pony_ride(inp: RideIn) -> Ref:
    return Ref(ref="r-1")


class HiveIn(BaseModel):
    beekeeper: str = Field(description="applicant's name")
    hive_size: Literal["nucleus", "half", "full"] = Field(default="half", description="hive size")


@pf.capability(intent="Rent a beehive at the community apiary", tags=["bees"])
async def rent_hive(inp: HiveIn) -> Ref:
    return Ref(ref="h-1")


class StallFeeIn(BaseModel):
    stall: str = Field(pattern=r"^[0-9]{1,2}[A-F]$", description="stall number, e.g. 4B")
    amount: float = Field(gt=0, description="amount paid")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="currency")


@pf.capability(intent="Weekly fee for a market stall", tags=["market"])
async def pay_stall_fee(inp: StallFeeIn) -> Ref:
    return Ref(ref="f-1")


class CiderIn(BaseModel):
    bottles: int = Field(ge=1, description="how many bottles")
    max_price: float = Field(gt=0, description="highest price per bottle")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="USD", description="currency")


@pf.capability(intent="Order cider from the orchard", tags=["cider"])
async def order_cider(inp: CiderIn) -> Ref:
    return Ref(ref="c-1")


class FerryIn(BaseModel):
    ticket_type: Literal["single", "return", "multi_trip"] = Field(description="kind of ticket")
    trips: int = Field(default=1, ge=1, le=20, description="number of trips")
    travel_date: dt.date = Field(description="first day of travel")


@pf.capability(intent="Tickets for the river ferry", tags=["ferry"])
async def buy_ferry_ticket(inp: FerryIn) -> Ref:
    return Ref(ref="t-1")


class SaunaIn(BaseModel):
    pass_type: Literal["day", "evening", "multi_day"] = Field(description="kind of sauna pass")
    quantity: int = Field(default=1, ge=1, le=8, description="how many passes")


@pf.capability(intent="Passes for the lakeside sauna", tags=["sauna"])
async def buy_sauna_pass(inp: SaunaIn) -> Ref:
    return Ref(ref="s-1")


class LeakIn(BaseModel):
    mooring: str = Field(pattern=r"^M[0-9]{2}$", description="mooring code, e.g. M12")
    leak: Literal["hull", "engine", "deck"] = Field(description="where the water comes in")
    people_at_risk: bool = Field(default=False, description="someone is aboard the boat")


@pf.capability(intent="Report a leaking boat to the harbour master", tags=["harbour"])
async def report_boat_leak(inp: LeakIn) -> Ref:
    return Ref(ref="l-1")


class SailIn(BaseModel):
    minutes: int = Field(ge=5, le=600, description="time sailed in minutes")
    sailed_on: dt.date | None = Field(default=None, description="day of the sail")


@pf.capability(intent="Hours on the water for the skipper's logbook", tags=["sailing"])
async def log_sail(inp: SailIn) -> Ref:
    return Ref(ref="s-1")


class TeeIn(BaseModel):
    date: dt.date = Field(description="day of the round")
    time: str = Field(pattern=_HHMM, description="tee time, HH:MM")


@pf.capability(intent="Book a tee time at the golf club", tags=["golf"])
async def book_tee_time(inp: TeeIn) -> Ref:
    return Ref(ref="g-1")


class StewIn(BaseModel):
    ingredients: list[str] = Field(description="what goes in")
    servings: int = Field(default=2, description="how many people")


@pf.capability(intent="Suggest a stew recipe", tags=["cooking"])
async def suggest_stew(inp: StewIn) -> Ref:
    return Ref(ref="w-1")


class KayakIn(BaseModel):
    date: dt.date = Field(description="day on the lake")
    people: int = Field(default=2, ge=1, le=4, description="how many people paddle")


@pf.capability(intent="Hire a kayak at the boathouse", tags=["lake"])
async def hire_kayak(inp: KayakIn) -> Ref:
    return Ref(ref="k-1")


class RouteIn(BaseModel):
    destination: str = Field(description="where to go")
    mode: Literal["walking", "transit", "driving", "cycling"] = Field(
        default="driving", description="how to travel"
    )


@pf.capability(intent="Plan a route to somewhere", tags=["maps"])
async def plan_route(inp: RouteIn) -> Ref:
    return Ref(ref="p-1")


class KilnIn(BaseModel):
    kiln: str = Field(pattern=r"^K[0-9]{2}$", description="kiln code, e.g. K07")
    fault: Literal["cold", "cracked_shelf", "smoke"] = Field(description="what is wrong")
    piece_inside: bool = Field(default=False, description="a piece is still in the kiln")


@pf.capability(intent="Report a broken pottery kiln", tags=["pottery"])
async def report_kiln_fault(inp: KilnIn) -> Ref:
    return Ref(ref="f-2")


class VetIn(BaseModel):
    owner: str = Field(description="owner's full name")
    dog: str = Field(description="dog's name")


@pf.capability(intent="Book a vet visit for a dog", tags=["vet"])
async def book_vet_visit(inp: VetIn) -> Ref:
    return Ref(ref="v-1")


@pytest.fixture
async def yard(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            book_pony_ride,
            rent_hive,
            pay_stall_fee,
            order_cider,
            buy_ferry_ticket,
            buy_sauna_pass,
            report_boat_leak,
        ],
    )


@pytest.fixture
async def club(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [book_tee_time, suggest_stew, hire_kayak, plan_route, report_kiln_fault, book_vet_visit],
    )


@pytest.fixture
async def logbook(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [log_sail, book_pony_ride])


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_a_flag_word_the_other_fields_share_does_not_set_it(yard: pf.Node) -> None:
    # "ride" is what book_pony_ride books ("day of the ride"): only "group" says group_ride.
    params = await _params(yard, "ride Bramble thursday 7:30am")
    assert params == {"pony_name": "Bramble", "date": "2026-10-15", "time": "07:30"}
    params = await _params(yard, "a group ride for Bramble on friday at 9:00")
    assert params["group_ride"] is True


async def test_a_value_hyphened_to_the_field_name(yard: pf.Node) -> None:
    assert (await _params(yard, "I'd like a full-size hive - Ann Lee"))["hive_size"] == "full"
    assert (await _params(yard, "a half-size hive for Bo Chen"))["hive_size"] == "half"


async def test_hundredths_after_the_currency_name(yard: pf.Node) -> None:
    params = await _params(yard, "stall fee for 4B: forty-two pounds fifty")
    assert params == {"stall": "4B", "amount": 42.5, "currency": "GBP"}
    params = await _params(yard, "pay 12 pounds 5 for stall 3C")
    assert params == {"stall": "3C", "amount": 12.05, "currency": "GBP"}


async def test_hundredths_are_not_a_count(yard: pf.Node) -> None:
    params = await _params(yard, "order 6 bottles of cider, at most 19 dollars 99 each")
    assert params == {"bottles": 6, "max_price": 19.99, "currency": "USD"}


async def test_a_count_before_the_word_of_a_multi_value(yard: pf.Node) -> None:
    # "3 trip ferry tickets": three trips on one multi-trip ticket, the count for trips too.
    params = await _params(yard, "3 trip ferry tickets from Saturday")
    assert params == {"ticket_type": "multi_trip", "trips": 3, "travel_date": "2026-10-10"}
    # No field counts the days of a sauna pass: "2 day passes" are two passes for a day.
    params = await _params(yard, "2 day passes for the sauna")
    assert params == {"pass_type": "day", "quantity": 2}


async def test_a_flag_said_by_its_description_indefinite_subject(yard: pf.Node) -> None:
    # "someone aboard" says "someone is aboard the boat", though "someone" is a small word.
    params = await _params(yard, "hull leak on the boat at M12 and there's someone aboard!")
    assert params == {"mooring": "M12", "leak": "hull", "people_at_risk": True}
    params = await _params(yard, "hull leak on the boat at M12, nobody aboard")
    assert "people_at_risk" not in params


async def test_a_log_whose_fields_speak_of_the_past_reads_a_weekday_back(
    logbook: pf.Node,
) -> None:
    # "time sailed": the log records sails done, so a bare Sunday is the one gone by.
    assert await _params(logbook, "log a sail: 1h20, Sunday") == {
        "minutes": 80,
        "sailed_on": "2026-10-04",
    }
    params = await _params(logbook, "log a sail of 90 minutes next Sunday")
    assert params["sailed_on"] == "2026-10-11"


async def test_half_and_an_hour_is_half_past_it(club: pf.Node) -> None:
    # British "half nine" is 09:30; a digit after "half" without "past" is no time.
    params = await _params(club, "book a tee time for half nine on Saturday")
    assert params == {"date": "2026-10-10", "time": "09:30"}
    assert [
        m.value for m in find_mentions("cut in half 3 times", date(2026, 10, 8)).of("time")
    ] == []


async def test_a_list_after_using(club: pf.Node) -> None:
    params = await _params(club, "suggest a stew using lentils and spinach")
    assert params == {"ingredients": ["lentils", "spinach"]}
    # what is left out is no item, and a second cue starts no item's words
    params = await _params(club, "suggest a stew with no onions, using leeks and potatoes")
    assert params == {"ingredients": ["leeks", "potatoes"]}


async def test_just_me_is_one_person(club: pf.Node) -> None:
    params = await _params(club, "hire a kayak for Saturday, just me")
    assert params == {"date": "2026-10-10", "people": 1}
    params = await _params(club, "hire a kayak for me and my sister on Sunday")
    assert params == {"date": "2026-10-11", "people": 2}


async def test_a_word_another_field_takes_means_no_enum_value(club: pf.Node) -> None:
    # "airport" is close to "transit" by meaning, but "to" gives it to the destination.
    params = await _params(club, "plan a route to the airport by train")
    assert params == {"destination": "airport"}
    params = await _params(club, "plan a route to the old harbour by bike")
    assert params == {"destination": "old harbour", "mode": "cycling"}


async def test_the_means_after_by_or_on_names_a_value(club: pf.Node) -> None:
    # "foot" is only 0.32 from "walking" by meaning, but far clearer of the other modes.
    params = await _params(club, "plan a route to the station on foot")
    assert params == {"destination": "station", "mode": "walking"}


async def test_a_negative_subject_denies_the_flag(club: pf.Node) -> None:
    params = await _params(club, "K07 kiln is smoking, nothing inside")
    assert params == {"kiln": "K07", "fault": "smoke", "piece_inside": False}
    params = await _params(club, "K07 kiln is smoking, a vase still inside")
    assert params == {"kiln": "K07", "fault": "smoke", "piece_inside": True}


async def test_the_name_after_a_participle_and_by_is_its_agent(club: pf.Node) -> None:
    # owner is declared first, but "owned by" says who owns: the owner, whatever the order.
    params = await _params(club, "book a vet visit for Rex owned by Tom Baker")
    assert params == {"owner": "Tom Baker", "dog": "Rex"}


def test_a_number_that_counts_a_noun_is_no_hundredths() -> None:
    today = date(2026, 10, 8)
    [money] = find_mentions("pay 20 dollars 3 times", today).of("money")
    assert money.value == 20
    [money] = find_mentions("19 dollars 99 each", today).of("money")
    assert money.value == 19.99
    [weight] = find_mentions("ten pounds and fifty pence", today).of("quantity")
    assert weight.value == 10.5
