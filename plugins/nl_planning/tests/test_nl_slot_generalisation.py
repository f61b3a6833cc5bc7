"""Slot filling on schemas and phrasings no tuning set has: ids typed in groups, a street
address with its town, a person's name next to an acronym, and more; on a registry of these
tests' own (a customs desk, a courier, a riding school, a bike shop)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-04-15"  # a Wednesday


class Ref(BaseModel):
    ref: str


class ContainerIn(BaseModel):
    container_number: str = Field(pattern=r"^[A-Z]{4}[0-9]{7}$", description="ISO 6346 number")
    terminal: Literal["north", "south"] = Field(default="north", description="terminal")


@pf.capability(intent="Check the customs status of a container", tags=["customs"])
async def check_container(inp: ContainerIn) -> Ref:
    return Ref(ref="c-1")


class RerouteIn(BaseModel):
    parcel_id: str = Field(pattern=r"^PX[0-9]{6}$", description="parcel number")
    new_address: str = Field(description="street address to deliver to instead")


@pf.capability(intent="Deliver a parcel to another address", tags=["courier"])
async def reroute_parcel(inp: RerouteIn) -> Ref:
    return Ref(ref="r-1")


class LessonIn(BaseModel):
    rider_id: str = Field(pattern=r"^R[0-9]{5}$", description="rider number")
    instructor: str = Field(description="the instructor's first name")
    lessons: int = Field(default=1, ge=1, le=20, description="number of lessons")
    start_date: dt.date = Field(description="day of the first lesson")


@pf.capability(intent="Book riding lessons with an instructor", tags=["riding school"])
async def book_lessons(inp: LessonIn) -> Ref:
    return Ref(ref="l-1")


class RepairIn(BaseModel):
    frame_number: str = Field(pattern=r"^BF[0-9]{4}$", description="frame number")
    date: dt.date = Field(description="drop-off day")
    loan_bike: bool = Field(default=False, description="a loan bike while it is repaired")


@pf.capability(intent="Book a bike in for repair", tags=["bike shop"])
async def book_repair(inp: RepairIn) -> Ref:
    return Ref(ref="b-1")


class HorseBoxIn(BaseModel):
    pickup: str = Field(description="where to collect the horse")
    dropoff: str = Field(description="where to take the horse to")


@pf.capability(intent="Book a horse box", tags=["riding school"])
async def book_horse_box(inp: HorseBoxIn) -> Ref:
    return Ref(ref="h-1")


class OdometerIn(BaseModel):
    frame_number: str = Field(pattern=r"^BF[0-9]{4}$", description="frame number")
    odometer_miles: int = Field(description="distance ridden so far, in miles")


@pf.capability(intent="Record an e-bike's odometer reading", tags=["bike shop"])
async def record_odometer(inp: OdometerIn) -> Ref:
    return Ref(ref="o-1")


class CellarIn(BaseModel):
    min_celsius: float = Field(description="lowest temperature, °C")
    max_celsius: float = Field(description="highest temperature, °C")


@pf.capability(intent="Set the wine cellar's temperature band", tags=["cellar"])
async def set_cellar_band(inp: CellarIn) -> Ref:
    return Ref(ref="w-1")


class FaultIn(BaseModel):
    street_address: str = Field(description="where the fault is")
    details: str | None = Field(default=None, description="details for the engineer")


@pf.capability(intent="Report a broken streetlight", tags=["council"])
async def report_streetlight(inp: FaultIn) -> Ref:
    return Ref(ref="s-1")


class IntervalIn(BaseModel):
    boiler_id: str = Field(pattern=r"^BO-[0-9]{4}$", description="boiler number")
    interval_months: int = Field(description="months between services")


@pf.capability(intent="Set how often a boiler is serviced", tags=["heating"])
async def set_service_interval(inp: IntervalIn) -> Ref:
    return Ref(ref="i-1")


class IncidentIn(BaseModel):
    rider_id: str = Field(pattern=r"^R[0-9]{5}$", description="rider number")
    description: str = Field(description="what happened")


@pf.capability(intent="Log an incident at the stables", tags=["riding school"])
async def log_incident(inp: IncidentIn) -> Ref:
    return Ref(ref="x-1")


@pytest.fixture
async def desk(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            check_container,
            reroute_parcel,
            book_lessons,
            book_repair,
            book_horse_box,
            record_odometer,
            set_cellar_band,
            report_streetlight,
            set_service_interval,
            log_incident,
        ],
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "customs status of container MSCU 1234567",
        "customs status of container mscu 123 4567",
    ],
    ids=["two-groups", "three-groups-lower-case"],
)
async def test_an_id_typed_in_groups_is_joined_when_only_the_whole_fits(
    desk: pf.Node, text: str
) -> None:
    params = await _params(desk, text)
    assert params == {"container_number": "MSCU1234567"}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("deliver PX204118 to 12 Harbour Street, Leith instead", "12 Harbour Street, Leith"),
        ("deliver PX204118 to 4 Mill Lane, New Haven", "4 Mill Lane, New Haven"),
        ("deliver PX204118 to 4 Mill Lane, Please hurry", "4 Mill Lane"),
        ("deliver PX204118 to 88 Quay Road", "88 Quay Road"),
    ],
    ids=["town-then-word", "town-of-two-words", "no-town", "street-type-in-the-name"],
)
async def test_a_street_address_keeps_the_town_written_after_it(
    desk: pf.Node, text: str, address: str
) -> None:
    params = await _params(desk, text)
    assert params == {"parcel_id": "PX204118", "new_address": address}


async def test_a_persons_name_is_not_the_acronym_before_it(desk: pf.Node) -> None:
    params = await _params(desk, "book 4 XC lessons with Marta for R10442 starting on Monday")
    assert params == {
        "rider_id": "R10442",
        "instructor": "Marta",
        "lessons": 4,
        "start_date": "2026-04-20",
    }


@pytest.mark.parametrize(
    ("text", "loan"),
    [
        ("book the bike BF1234 in for repair on Friday", None),
        ("book BF1234 in for repair on Friday, I need a loan bike", True),
    ],
    ids=["object-of-the-action", "the-whole-flag"],
)
async def test_the_object_of_the_action_is_no_flag_named_after_it(
    desk: pf.Node, text: str, loan: bool | None
) -> None:
    params = await _params(desk, text)
    assert params.get("loan_bike") is loan
    assert params["frame_number"] == "BF1234"


async def test_a_preposition_in_a_description_points_at_no_field(desk: pf.Node) -> None:
    params = await _params(desk, "book a horse box to Newbury from Lambourn")
    assert params == {"pickup": "Lambourn", "dropoff": "Newbury"}


async def test_thousands_with_a_unit_are_that_unit(desk: pf.Node) -> None:
    params = await _params(desk, "record the odometer reading of BF1234: 12k miles")
    assert params == {"frame_number": "BF1234", "odometer_miles": 12000}


async def test_the_ends_of_a_range_with_one_unit_fill_min_and_max(desk: pf.Node) -> None:
    params = await _params(desk, "set the wine cellar temperature band to 50 to 57 °F")
    assert params == {"min_celsius": pytest.approx(10), "max_celsius": pytest.approx(13.8889)}


async def test_the_same_place_is_the_other_fields_value_in_one_step(desk: pf.Node) -> None:
    params = await _params(desk, "book a horse box from Lambourn to the same place")
    assert params == {"pickup": "Lambourn", "dropoff": "Lambourn"}


async def test_words_that_point_back_fill_one_field(desk: pf.Node) -> None:
    steps = await plan_steps(
        desk,
        "deliver PX204118 to 12 Harbour Street, then report a broken streetlight at the same"
        " address",
        TODAY,
    )
    assert [s["capability"] for s in steps] == ["reroute_parcel", "report_streetlight"]
    assert steps[1]["params"] == {"street_address": "12 Harbour Street"}


async def test_an_abbreviated_title_keeps_its_name(desk: pf.Node) -> None:
    params = await _params(desk, "book 2 riding lessons for R10442 with Dr. Hart from Monday")
    assert params["instructor"] == "Dr. Hart"


async def test_a_hyphenated_flag_is_its_words(desk: pf.Node) -> None:
    params = await _params(desk, "book BF1234 in for repair on Friday with a loan-bike")
    assert params["loan_bike"] is True


async def test_a_length_of_time_after_an_id_is_no_rate(desk: pf.Node) -> None:
    # "a year" after "$50" is a rate; after the id "BO-4411" it is a length of time.
    params = await _params(desk, "set the service interval of boiler BO-4411 to a year and a half")
    assert params == {"boiler_id": "BO-4411", "interval_months": 18}


async def test_the_past_of_a_clock_time_is_no_tense(desk: pf.Node) -> None:
    params = await _params(desk, "book BF1234 in for repair at half past nine on the 2nd of May")
    assert params["date"] == "2026-05-02"


async def test_a_sentence_of_the_users_keeps_its_article(desk: pf.Node) -> None:
    params = await _params(
        desk, "log an incident at the stables for rider R10442, the gate was left open"
    )
    assert params == {"rider_id": "R10442", "description": "the gate was left open"}
