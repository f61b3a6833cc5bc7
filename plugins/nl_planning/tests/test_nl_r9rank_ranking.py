"""Retrieval and ranking on a registry of this test's own (a piano tuner, a boat hire, a
bakery, museum passes, tuning reports, bike repairs...): a typo of a capability's word as it
is written ("tuenr" for "tuner", whose lemma is "tune") or short of its doubled last letter
("pas" for "pass") still finds it; a name field that took a phrase opening with a pronoun
("We're a party of six") took no name; an id only another capability takes is not left
unplaced by a guess; quoted text goes to a capability with a field for it; words in brackets
a field took are a detail; a capability that records reads its dates back."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ref: str


class TunerIn(BaseModel):
    town: str = Field(description="town to look in")
    piano: Literal["upright", "grand", "digital"] = Field(description="which kind of piano")


@pf.capability(intent="Find a piano tuner", tags=["music"])
async def find_piano_tuner(inp: TunerIn) -> Done:
    return Done(ref="g")


class BoatIn(BaseModel):
    people: int = Field(ge=1, le=12, description="how many aboard")
    date: dt.date = Field(description="day of the hire")
    start_time: str = Field(pattern=_HHMM, description="from, HH:MM")


@pf.capability(intent="Hire a rowing boat on the lake", tags=["boating"])
async def hire_rowing_boat(inp: BoatIn) -> Done:
    return Done(ref="b")


class TasterIn(BaseModel):
    guest_name: str = Field(description="guest's full name")
    date: dt.date = Field(description="day of the tasting")
    time: str | None = Field(default=None, pattern=_HHMM, description="arrival, HH:MM")
    guest_email: str | None = Field(
        default=None, json_schema_extra={"format": "email"}, description="where the invite goes"
    )


@pf.capability(
    intent="Put a guest on the list for the bakery's tasting evening",
    tags=["bakery", "events"],
    examples=["put someone on the tasting list for Friday"],
)
async def add_tasting_guest(inp: TasterIn) -> Done:
    return Done(ref="t")


class MuseumPassIn(BaseModel):
    plan: Literal["adult", "family", "student"] = Field(description="who it is for")
    start: dt.date = Field(description="first day it is valid")


@pf.capability(intent="Membership card for the city's museums", tags=["culture"])
async def buy_museum_pass(inp: MuseumPassIn) -> Done:
    return Done(ref="m")


class TuningReportIn(BaseModel):
    job_number: str = Field(pattern=r"^PT-[0-9]{5}$", description="tuning job")


@pf.capability(intent="What the tuner found and did", tags=["music", "reports"])
async def get_tuning_report(inp: TuningReportIn) -> Done:
    return Done(ref="r")


class BoatDamageIn(BaseModel):
    boat_number: str = Field(description="number painted on the bow")
    problem: Literal["leak", "oar", "seat"] = Field(description="what is wrong")


@pf.capability(
    intent="Tell the boathouse about damage to a rowing boat", tags=["boating", "reports"]
)
async def report_boat_damage(inp: BoatDamageIn) -> Done:
    return Done(ref="d")


class CourierIn(BaseModel):
    street_address: str = Field(description="where to collect the parcel")
    date: dt.date = Field(description="collection day")


@pf.capability(
    intent="Collect a parcel from your door",
    tags=["post", "collection"],
)
async def schedule_parcel_collection(inp: CourierIn) -> Done:
    return Done(ref="p")


class JunkIn(BaseModel):
    street_address: str = Field(description="where the things are left out")
    things: str = Field(description="what is taken away")
    date: dt.date = Field(description="day of the visit")


@pf.capability(intent="Book the council to collect large rubbish", tags=["council"])
async def schedule_furniture_removal(inp: JunkIn) -> Done:
    return Done(ref="j")


class HarvestIn(BaseModel):
    kilos: float = Field(gt=0, description="weight picked")
    picked: dt.date = Field(description="day of the picking")


@pf.capability(intent="Record an apple harvest in the orchard book", tags=["orchard"])
async def record_apple_harvest(inp: HarvestIn) -> Done:
    return Done(ref="a")


class ServiceIn(BaseModel):
    frame: str = Field(pattern=r"^FR[0-9]{5}$", description="frame number of the bike")
    problem: str = Field(description="what needs fixing")


@pf.capability(intent="Book a bike repair", tags=["bikes", "workshop"])
async def book_bike_repair(inp: ServiceIn) -> Done:
    return Done(ref="s")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            find_piano_tuner,
            hire_rowing_boat,
            add_tasting_guest,
            buy_museum_pass,
            get_tuning_report,
            report_boat_damage,
            schedule_parcel_collection,
            schedule_furniture_removal,
            record_apple_harvest,
            book_bike_repair,
        ],
    )


async def test_a_typo_of_a_written_word_finds_it(node: pf.Node) -> None:
    # "tuner" is indexed as its lemma "tune": "tuenr" is one edit from the written word,
    # two from the lemma
    steps = await plan_steps(node, "upright tuenr in Harrogate", TODAY)
    assert steps == [
        {"capability": "find_piano_tuner", "params": {"town": "Harrogate", "piano": "upright"}}
    ]


async def test_a_name_field_takes_no_phrase_its_teller_opens(node: pf.Node) -> None:
    # "We're a party of six coming" is no guest's name: the guest list is not meant
    text = "We're a party of six coming on Friday at 7"
    assert await is_refused(node, text, TODAY)
    steps = await plan_steps(node, "put Ingrid Berg on the tasting list for Friday", TODAY)
    assert steps == [
        {
            "capability": "add_tasting_guest",
            "params": {"guest_name": "Ingrid Berg", "date": "2026-10-09"},
        }
    ]


async def test_a_word_short_of_its_doubled_last_letter_is_the_word(node: pf.Node) -> None:
    # "pas" is an English word (no typo to correct), but no capability's: "pass" is meant
    steps = await plan_steps(node, "a family pas from Saturday", TODAY)
    assert steps == [
        {"capability": "buy_museum_pass", "params": {"plan": "family", "start": "2026-10-10"}}
    ]


async def test_an_id_only_another_capability_takes_is_not_left_for_a_guess(
    node: pf.Node,
) -> None:
    # PT-nnnnn is a tuning job: the damage report, which takes none of it and gets none of
    # its values, is no answer (before: report_boat_damage with no params); the tuning report
    # that takes it is ("send me the X" reads X)
    steps = await plan_steps(node, "send me the tuning report for PT-55019", TODAY)
    assert steps == [{"capability": "get_tuning_report", "params": {"job_number": "PT-55019"}}]
    with pytest.raises(pf.errors.ContractViolationError, match="'report_boat_damage' needs"):
        await plan_steps(node, "report damage to rowing boat 14", TODAY)


async def test_quoted_text_goes_to_a_capability_that_places_it(node: pf.Node) -> None:
    # the courier shares "collect" with the request but has no field for the quoted text
    steps = await plan_steps(node, 'collect "two old armchairs" from 5 Oak Lane on Friday', TODAY)
    assert steps == [
        {
            "capability": "schedule_furniture_removal",
            "params": {
                "street_address": "5 Oak Lane",
                "things": "two old armchairs",
                "date": "2026-10-09",
            },
        }
    ]


async def test_its_own_words_and_a_formatted_value_mean_it_though_a_value_is_missing(
    node: pf.Node,
) -> None:
    # every word is the guest list's, the email fits its field: E422 names the missing day
    # (before: E404, "too far from the request")
    with pytest.raises(pf.errors.ContractViolationError, match="'add_tasting_guest' needs 'date'"):
        await plan_steps(node, "a guest for the tasting, Ingrid Berg, ingrid@berg.no", TODAY)


def test_a_capability_that_records_reads_its_dates_back() -> None:
    # a harvest recorded has been picked, whatever its date field's description says; a boat
    # hired lies ahead
    from packetflow_nl_planning.profiles import build_profile

    assert build_profile(record_apple_harvest).looks_back
    assert not build_profile(hire_rowing_boat).looks_back


async def test_words_in_brackets_a_field_took_are_a_detail(node: pf.Node) -> None:
    # "(flat tyre)" is the problem, no subject of its own: as with a colon
    for text in ("book a repair for FR12345 (flat tyre)", "book a repair for FR12345: flat tyre"):
        steps = await plan_steps(node, text, TODAY)
        assert steps == [
            {
                "capability": "book_bike_repair",
                "params": {"frame": "FR12345", "problem": "flat tyre"},
            }
        ]
