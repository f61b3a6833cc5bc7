"""Slot values round 10's probes found read wrongly, on a registry of these tests' own (a
theatre box office, a tool library, a bakery's stall, a council's street reports, a lettings
agent): a count of people the speaker names by who they are ("me and my two kids"), a count
of a noun for people for a field that counts people ("three adults" as passengers) and for
no count of another thing ("2 kids" are no weeks), a price
said in words ("nine fifty"), an enum value that names a thing not done said as its verb
negated ("wasn't delivered"), a name with lower-case particles ("Pieter de Vries"), a verb's
particle ending a description ("hanging off"), a message after "about" or a spaced dash, a
flat before a street address and a street whose type comes first ("14 Rue Cler")."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-05"  # a Tuesday


class Ref(BaseModel):
    ref: str


class MatineeIn(BaseModel):
    show_code: str = Field(pattern=r"^SH[0-9]{3}$", description="show code, e.g. SH101")
    seats: int = Field(ge=1, le=8, description="number of seats")


@pf.capability(intent="Buy seats for a theatre matinee", tags=["theatre"])
async def buy_matinee_seats(inp: MatineeIn) -> Ref:
    return Ref(ref="t")


class ShuttleIn(BaseModel):
    route_code: str = Field(pattern=r"^RT-[0-9]{4}$", description="shuttle route")
    passengers: int = Field(default=1, ge=1, le=9, description="number of people travelling")


@pf.capability(intent="Reserve places on an airport shuttle", tags=["shuttle"])
async def reserve_shuttle(inp: ShuttleIn) -> Ref:
    return Ref(ref="s")


class FineIn(BaseModel):
    member_no: str = Field(pattern=r"^TL[0-9]{4}$", description="tool library member number")
    amount: float = Field(gt=0, description="amount to pay")


@pf.capability(intent="Pay a late fine at the tool library", tags=["tool library"])
async def pay_tool_fine(inp: FineIn) -> Ref:
    return Ref(ref="f")


class StreetIn(BaseModel):
    problem: Literal["fly_tipping", "missed_delivery", "broken_bench", "flooding"] = Field(
        description="kind of problem"
    )


@pf.capability(intent="Report a problem to the parish office", tags=["parish"])
async def report_parish_problem(inp: StreetIn) -> Ref:
    return Ref(ref="p")


class ViewingIn(BaseModel):
    tenant_name: str = Field(description="full name of the tenant")
    fault: str = Field(description="what is broken")


@pf.capability(intent="Log a repair for a rented flat", tags=["lettings"])
async def log_flat_repair(inp: ViewingIn) -> Ref:
    return Ref(ref="r")


class KeysIn(BaseModel):
    address: str = Field(description="street address of the flat")


@pf.capability(intent="Collect the keys of a rented flat", tags=["lettings"])
async def collect_flat_keys(inp: KeysIn) -> Ref:
    return Ref(ref="k")


class CampIn(BaseModel):
    camp_code: str = Field(pattern=r"^CM[0-9]{3}$", description="holiday camp code")
    weeks: int = Field(default=1, ge=1, le=6, description="number of weeks")
    quantity: int = Field(default=1, ge=1, le=6, description="how many places")


@pf.capability(intent="Book places on a holiday camp", tags=["camps"])
async def book_camp(inp: CampIn) -> Ref:
    return Ref(ref="c")


class NannyIn(BaseModel):
    children: int = Field(default=1, ge=1, le=6, description="children to look after")
    weeks: int = Field(default=1, ge=1, le=6, description="number of weeks")


@pf.capability(intent="Hire a nanny", tags=["childcare"])
async def hire_nanny(inp: NannyIn) -> Ref:
    return Ref(ref="n")


class CoachNoteIn(BaseModel):
    player_name: str = Field(description="player the note is about")
    message: str = Field(description="what to tell the coach")


@pf.capability(intent="Send a note to a player's coach", tags=["football club"])
async def message_coach(inp: CoachNoteIn) -> Ref:
    return Ref(ref="m")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [
            buy_matinee_seats,
            reserve_shuttle,
            pay_tool_fine,
            report_parish_problem,
            log_flat_repair,
            collect_flat_keys,
            book_camp,
            hire_nanny,
            message_coach,
        ],
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


@pytest.mark.parametrize(
    ("text", "seats"),
    [
        ("buy matinee seats for SH101 for me and my two kids", 3),
        ("matinee seats for SH101 for my husband and me", 2),
        ("buy matinee seats for SH101 for me, Priya and Tom", 3),
    ],
)
async def test_a_count_of_people_named_by_who_they_are(
    node: pf.Node, text: str, seats: int
) -> None:
    # A field counting seats counts the people who sit in them; "me and my two kids" is three,
    # not the two said inside it.
    assert await _params(node, text) == {"show_code": "SH101", "seats": seats}


@pytest.mark.parametrize(
    "text",
    [
        "reserve places on shuttle RT-0420 for three adults",
        "reserve places on shuttle rt-0420: three adults, two cases",
        "reserve shuttle RT-0420, 3 adults",
    ],
)
async def test_a_count_of_a_noun_for_people_fills_a_count_of_people(
    node: pf.Node, text: str
) -> None:
    # "three adults" are the people travelling: no other field counts adults.
    assert await _params(node, text) == {"route_code": "RT-0420", "passengers": 3}


async def test_a_count_of_people_is_no_count_of_another_thing(node: pf.Node) -> None:
    # "2 kids" are two places, not two weeks: a bare quantity takes them, a count of weeks not.
    params = await _params(node, "book camp CM101 for 2 kids")
    assert params == {"camp_code": "CM101", "quantity": 2}
    # A field that counts people by another name than the text's takes them.
    assert await _params(node, "hire a nanny for 3 kids") == {"children": 3}


async def test_a_price_said_in_words(node: pf.Node) -> None:
    params = await _params(node, "pay my late fine for member TL0042, nine fifty")
    assert params == {"member_no": "TL0042", "amount": 9.5}


async def test_two_number_words_are_no_price_for_a_field_that_is_no_money(node: pf.Node) -> None:
    # Only a field of money reads "two twenty" as 2.20; a count of seats stays unfilled.
    with pytest.raises(pf.errors.PacketFlowError) as caught:
        await plan_steps(node, "buy matinee seats for SH101, two twenty", TODAY)
    assert caught.value.code == "E422"


async def test_an_enum_value_of_a_thing_not_done_said_by_its_verb_negated(node: pf.Node) -> None:
    params = await _params(node, "report a problem to the parish: my parcel wasn't delivered")
    assert params == {"problem": "missed_delivery"}


async def test_a_name_with_lower_case_particles(node: pf.Node) -> None:
    params = await _params(node, "log a repair for Pieter de Vries, the boiler is broken")
    assert params["tenant_name"] == "Pieter de Vries"


async def test_a_verbs_particle_ends_the_description(node: pf.Node) -> None:
    params = await _params(node, "log a repair for Ada Shaw - the cupboard door is hanging off")
    assert params == {"tenant_name": "Ada Shaw", "fault": "cupboard door is hanging off"}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("collect the keys for Flat 2, 9 Elm Road", "Flat 2, 9 Elm Road"),
        ("collect the keys for Apt 5B 30 Mill Lane", "Apt 5B 30 Mill Lane"),
        ("collect the keys for 14 Rue Cler, Paris", "14 Rue Cler, Paris"),
        ("collect the keys for 3 Via della Spiga", "3 Via della Spiga"),
    ],
)
async def test_a_flat_before_the_street_and_a_street_whose_type_comes_first(
    node: pf.Node, text: str, address: str
) -> None:
    assert await _params(node, text) == {"address": address}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("send a note to Kofi Mensah's coach about his sore ankle", "his sore ankle"),
        ("message the coach of Kofi Mensah - he is away on Saturday", "he is away on Saturday"),
    ],
)
async def test_a_message_after_about_or_a_spaced_dash(
    node: pf.Node, text: str, message: str
) -> None:
    # What a note is "about" is what it says when the capability has no subject; the name
    # field, whose description says "about" too, takes the name written in title case.
    assert await _params(node, text) == {"player_name": "Kofi Mensah", "message": message}
