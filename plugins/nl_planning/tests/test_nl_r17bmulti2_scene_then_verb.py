"""A request told first without a verb and then with one ("two of us fancy a court at
Riverside on Sunday: search courts, ...") is one search, not two; and a label with a contact,
the whole clause ("Email: moira@example.org"), is a value stated as on a form - remembered for
the field the label names, never a request to send an email nor words for another field. On a
registry of these tests' own (a court search and booking, a message to the club)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday


class CourtSearchIn(BaseModel):
    club: str = Field(description="which tennis club")
    date: dt.date = Field(description="day of the game")
    players: int = Field(default=2, ge=1, le=4, description="how many playing")


class CourtsFound(BaseModel):
    slot_id: str


@pf.capability(intent="Free tennis courts at a club", tags=["tennis"])
async def search_courts(inp: CourtSearchIn) -> CourtsFound:
    return CourtsFound(slot_id="CS-1")


class CourtBookIn(BaseModel):
    slot_id: str = Field(pattern=r"^CS-[0-9]+$", description="the court slot, e.g. CS-1")
    players: int = Field(default=2, ge=1, le=4, description="how many playing")
    email: str = Field(json_schema_extra={"format": "email"}, description="for the confirmation")


class Booked(BaseModel):
    booking_id: str


@pf.capability(intent="Reserve a court slot", tags=["tennis"])
async def book_court(inp: CourtBookIn) -> Booked:
    return Booked(booking_id="CB-1")


class NoteIn(BaseModel):
    member_email: str = Field(json_schema_extra={"format": "email"}, description="who you are")
    message: str = Field(description="what to tell the secretary")


@pf.capability(intent="Send a note to the club secretary", tags=["club"])
async def send_club_note(inp: NoteIn) -> Booked:
    return Booked(booking_id="N-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [search_courts, book_court, send_club_note]
    )


async def test_the_scene_and_its_verb_are_one_search(node: pf.Node) -> None:
    steps = await plan_steps(
        node, "Three of us fancy a court at Riverside on Sunday: search courts", TODAY
    )
    assert [s["capability"] for s in steps] == ["search_courts"]
    assert steps[0]["params"] == {"club": "Riverside", "date": "2026-06-14", "players": 3}


async def test_a_labelled_email_is_the_booking_s_email(node: pf.Node) -> None:
    steps = await plan_steps(
        node,
        "search courts at Riverside on Sunday, then book the first one. Email: moira@example.org",
        TODAY,
    )
    assert [s["capability"] for s in steps] == ["search_courts", "book_court"]
    assert steps[0]["params"]["club"] == "Riverside"
    assert steps[1]["params"]["email"] == "moira@example.org"
