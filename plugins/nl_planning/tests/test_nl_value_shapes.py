"""Values known by their shape: enum values written as codes ("eu-west", "8x10s"), postal codes,
airport codes joined by a hyphen, the two ends of a time range or of a stay, an amount that is
no measure, and a run's distance and time as runners write them ("10k", "41:30", "a half
marathon"); on a registry of these tests' own (a marina, a print shop, a parcel counter, a
flight search and a running log)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-01-14"  # a Wednesday


class Ref(BaseModel):
    ref: str


class BerthIn(BaseModel):
    boat_name: str = Field(description="name of the boat")
    arrival_date: dt.date = Field(description="first night in the marina")
    departure_date: dt.date = Field(description="day the boat leaves")
    crane_start_time: str | None = Field(default=None, description="crane slot start, HH:MM")
    crane_end_time: str | None = Field(default=None, description="crane slot end, HH:MM")


@pf.capability(intent="Reserve a berth in the marina", tags=["marina"])
async def reserve_berth(inp: BerthIn) -> Ref:
    return Ref(ref="b-1")


class PrintIn(BaseModel):
    size: Literal["4x6", "5x7", "8x10"] = Field(description="print size in inches")
    copies: int = Field(default=1, ge=1, le=50, description="how many prints")
    region: Literal["eu-west", "us-east"] = Field(default="us-east", description="print lab")


@pf.capability(intent="Order photo prints", tags=["photos"])
async def order_prints(inp: PrintIn) -> Ref:
    return Ref(ref="p-1")


class ParcelIn(BaseModel):
    weight_kg: float = Field(description="parcel weight in kg")
    length_cm: float | None = Field(default=None, description="longest side in cm")
    destination_postcode: str = Field(description="postcode it goes to")
    insured_value: Decimal | None = Field(default=None, description="declared value")
    currency: Literal["GBP", "USD"] = Field(default="GBP", description="currency of the value")


@pf.capability(intent="Get a shipping quote for a parcel", tags=["post"])
async def quote_shipping(inp: ParcelIn) -> Ref:
    return Ref(ref="q-1")


class FlightIn(BaseModel):
    origin: str = Field(pattern=r"^[A-Z]{3}$", description="departure airport (IATA code)")
    destination: str = Field(pattern=r"^[A-Z]{3}$", description="arrival airport (IATA code)")
    depart_date: dt.date = Field(description="outbound day")


@pf.capability(intent="Search for flights", tags=["travel"])
async def search_flights(inp: FlightIn) -> Ref:
    return Ref(ref="f-1")


class RunIn(BaseModel):
    distance_km: float = Field(description="distance run, km")
    duration_minutes: float = Field(description="time taken, minutes")
    date: dt.date = Field(description="day of the run")


@pf.capability(intent="Log a run", tags=["fitness"])
async def log_run(inp: RunIn) -> Ref:
    return Ref(ref="r-1")


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [reserve_berth, order_prints, quote_shipping, search_flights, log_run],
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_a_stay_this_weekend_arrives_saturday_and_departs_sunday(shop: pf.Node) -> None:
    params = await _params(shop, "reserve a berth for the Osprey this weekend")
    assert (params["arrival_date"], params["departure_date"]) == ("2026-01-17", "2026-01-18")


async def test_a_code_in_the_plural_is_the_value_not_a_count(shop: pf.Node) -> None:
    params = await _params(shop, "order 3 prints, 8x10s")
    assert params == {"size": "8x10", "copies": 3}


async def test_a_hyphenated_value_written_as_is(shop: pf.Node) -> None:
    params = await _params(shop, "order 4x6 prints from the eu-west lab")
    assert params == {"size": "4x6", "region": "eu-west"}


async def test_two_clock_times_joined_as_a_range_are_its_ends(shop: pf.Node) -> None:
    params = await _params(shop, "reserve a berth for Osprey tonight, crane 16:30-17:15")
    assert (params["crane_start_time"], params["crane_end_time"]) == ("16:30", "17:15")


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("shipping quote for 2 kg to sw1a 1aa", "SW1A 1AA"),
        ("shipping quote for 2 kg to 10001", "10001"),
        ("shipping quote for 2 kg to K1A 0B1", "K1A 0B1"),
    ],
)
async def test_a_postal_code_is_taken_whole_and_never_as_a_number(
    shop: pf.Node, text: str, postcode: str
) -> None:
    params = await _params(shop, text)
    assert params == {"weight_kg": 2, "destination_postcode": postcode}


async def test_an_amount_is_no_measure_of_a_field_with_a_unit(shop: pf.Node) -> None:
    params = await _params(shop, "quote for a 5 lb box to 10001 worth $60")
    assert params["insured_value"] in (60, "60")
    assert params["currency"] == "USD"
    assert "length_cm" not in params


async def test_two_codes_joined_by_a_hyphen_are_each_an_id(shop: pf.Node) -> None:
    params = await _params(shop, "search flights SFO-NRT on the 1st of July")
    assert params == {"origin": "SFO", "destination": "NRT", "depart_date": "2026-07-01"}


@pytest.mark.parametrize(
    ("text", "km", "minutes"),
    [
        ("log a 10k run in 52 minutes this morning", 10, 52),
        ("log a run: 5 miles in 41:30 today", 8.04672, 41.5),
        ("log a half marathon run today in 1:58:30", 21.0975, 118.5),
    ],
    ids=["10k", "minutes-seconds", "half-marathon"],
)
async def test_a_run_as_runners_write_it(
    shop: pf.Node, text: str, km: float, minutes: float
) -> None:
    params = await _params(shop, text)
    assert params["distance_km"] == pytest.approx(km)
    assert params["duration_minutes"] == pytest.approx(minutes)
