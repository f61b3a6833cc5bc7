"""Slot values the planner read wrongly on round 9's probes: a bare count of the capability's
own object ("24 celadon mugs" for ``quantity``), a place after "in" that is no person's given
name ("in Dorset" for a ``district``, not ``forenames``), a full name for a surname and
forenames asked apart ("Ann Hollis"), a bare number that is no length in metres ("mooring on
Friday, 4 aboard"), a power in kW ("20kW"), the word right before a number naming its field
("Lane 4, game two"), the days a range of days spans ("Monday to Wednesday"); on registries of
these tests' own (a pottery, a burial index, a marina, plant hire, a bowling league and a
recording studio)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday


class Ref(BaseModel):
    ref: str


class MugsIn(BaseModel):
    quantity: int = Field(ge=1, le=500, description="how many")
    glaze: Literal["celadon", "tenmoku", "shino"] = Field(description="glaze colour")
    collect_on: dt.date = Field(description="collection day")


@pf.capability(intent="Hand-thrown mugs from the pottery", tags=["pottery"])
async def order_mugs(inp: MugsIn) -> Ref:
    return Ref(ref="m")


class GraveIn(BaseModel):
    surname: str = Field(description="family name on the stone")
    forenames: str | None = Field(default=None, description="given names")
    district: str | None = Field(default=None, description="registration district")


@pf.capability(intent="Find a gravestone in the burial index", tags=["graves"])
async def search_graves(inp: GraveIn) -> Ref:
    return Ref(ref="g")


class MooringIn(BaseModel):
    arrival: dt.date = Field(description="day of arrival")
    boat_length_m: float | None = Field(
        default=None, gt=0, le=30, description="length of the boat in metres"
    )
    crew: int = Field(default=1, ge=1, le=12, description="people aboard")


@pf.capability(intent="A visitor's mooring at the marina", tags=["marina"])
async def book_mooring(inp: MooringIn) -> Ref:
    return Ref(ref="b")


class GlazeIn(BaseModel):
    item: Literal["tiles", "bowls", "vases"] = Field(description="what to glaze")
    quantity: int = Field(ge=1, le=500, description="how many")


@pf.capability(intent="Glazing of bisque ware you bring", tags=["pottery"])
async def book_glazing(inp: GlazeIn) -> Ref:
    return Ref(ref="z")


class GeneratorIn(BaseModel):
    min_output_kw: int = Field(ge=1, le=500, description="at least, in kW")
    days: int = Field(ge=1, le=30, description="how many days of hire")


@pf.capability(intent="Hire a diesel generator for an event", tags=["plant hire"])
async def hire_generator(inp: GeneratorIn) -> Ref:
    return Ref(ref="k")


class BowlingIn(BaseModel):
    game: int = Field(ge=1, le=10, description="game number")
    lane: int = Field(ge=1, le=40, description="lane number")
    score: int = Field(ge=0, le=300, description="pins scored")


@pf.capability(intent="Score of a game at the bowling league", tags=["bowling"])
async def post_bowling_score(inp: BowlingIn) -> Ref:
    return Ref(ref="s")


class StudioIn(BaseModel):
    first_day: dt.date = Field(description="first day in the studio")
    days: int = Field(default=1, ge=1, le=14, description="consecutive days")


@pf.capability(intent="Rent the recording studio", tags=["music"])
async def rent_studio(inp: StudioIn) -> Ref:
    return Ref(ref="st")


class CampIn(BaseModel):
    adults: int = Field(ge=1, le=8, description="adults staying")
    children: int = Field(default=0, ge=0, le=8, description="children staying")
    nights: int = Field(ge=1, le=14, description="nights")


@pf.capability(intent="Book a pitch at the campsite", tags=["camping"])
async def book_camping_pitch(inp: CampIn) -> Ref:
    return Ref(ref="c")


@pytest.fixture
async def shops(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            order_mugs,
            search_graves,
            book_mooring,
            book_glazing,
            hire_generator,
            post_bowling_score,
            rent_studio,
            book_camping_pitch,
        ],
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_a_bare_count_counts_the_capability_object(shops: pf.Node) -> None:
    # "mugs" is the capability's own word and no other field's: the quantity counts them.
    params = await _params(shops, "24 celadon mugs to collect on Friday")
    assert params == {"quantity": 24, "glaze": "celadon", "collect_on": "2026-10-09"}
    # "vases" is the enum value itself (not only its lemma): what is counted, not another count.
    params = await _params(shops, "glaze 40 vases for me")
    assert params == {"item": "vases", "quantity": 40}


async def test_a_place_after_in_is_no_given_name(shops: pf.Node) -> None:
    params = await _params(shops, "graves for surname Hollis in Dorset")
    assert params == {"surname": "Hollis", "district": "Dorset"}


async def test_a_full_name_splits_into_surname_and_forenames(shops: pf.Node) -> None:
    params = await _params(shops, "grave of Ann Hollis in Dorset")
    assert params == {"surname": "Hollis", "forenames": "Ann", "district": "Dorset"}
    assert await _params(shops, "graves for Hollis") == {"surname": "Hollis"}


async def test_a_bare_number_is_no_length(shops: pf.Node) -> None:
    params = await _params(shops, "mooring on Friday, 4 aboard")
    assert params == {"arrival": "2026-10-09", "crew": 4}
    # A length said with its unit still converts to the field's metres.
    params = await _params(shops, "mooring Friday, 30ft boat")
    assert params == {"arrival": "2026-10-09", "boat_length_m": 9.144}


async def test_a_power_in_kilowatts(shops: pf.Node) -> None:
    params = await _params(shops, "hire a generator of 20kW or more for 3 days")
    assert params == {"min_output_kw": 20, "days": 3}


async def test_the_word_before_a_number_names_its_field(shops: pf.Node) -> None:
    # "Lane 4" is the lane's, "game two" the game's, though each number has both words near.
    params = await _params(shops, "Lane 4, game two, I bowled 187")
    assert params == {"lane": 4, "game": 2, "score": 187}
    # ... unless that word is the noun of the count before it ("3 adults 2 children").
    params = await _params(shops, "a camping pitch for three adults two children four nights")
    assert params == {"adults": 3, "children": 2, "nights": 4}


async def test_a_count_of_days_from_a_range_of_days(shops: pf.Node) -> None:
    # "Monday to Wednesday" is the first day and three days: the range fills both.
    params = await _params(shops, "rent the recording studio Monday to Wednesday")
    assert params == {"first_day": "2026-10-12", "days": 3}
