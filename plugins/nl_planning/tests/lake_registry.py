"""A small registry of these tests' own (a boating lake), declared the plain way: intents,
tags and field descriptions. It backs the tests of requests put without a verb ("willow pond,
3 of us, Friday 10:00") or with the capability's verb as a noun."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-13"  # a Wednesday
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool


class BoatIn(BaseModel):
    lake: Literal["willow_pond", "north_lake"] = Field(description="which water to row on")
    date: dt.date = Field(description="day of the hire")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    rowers: int = Field(ge=1, le=6, description="how many people in the boat")


@pf.capability(intent="Hire a rowing boat on the lake", tags=["lake", "boats"])
async def hire_rowing_boat(inp: BoatIn) -> Done:
    return Done(ok=True)


class RateIn(BaseModel):
    boatman_name: str = Field(description="first name of the boatman")
    stars: int = Field(ge=1, le=5, description="rating from 1 to 5 stars")


@pf.capability(intent="Rate the boatman who took you out", tags=["lake", "feedback"])
async def rate_boatman(inp: RateIn) -> Done:
    return Done(ok=True)


class PermitIn(BaseModel):
    permit_type: Literal["day", "season"] = Field(description="length of the permit")
    start_date: dt.date = Field(description="first day the permit is valid")


@pf.capability(intent="Apply for a fishing permit for the lake", tags=["lake", "fishing"])
async def apply_for_fishing_permit(inp: PermitIn) -> Done:
    return Done(ok=True)


class HiresIn(BaseModel):
    date: dt.date = Field(description="day to list")


class HiresOut(BaseModel):
    boats: list[str]


@pf.capability(intent="List the boat hires of a day", tags=["lake", "boats"])
async def list_boat_hires(inp: HiresIn) -> HiresOut:
    return HiresOut(boats=[])


class PartyIn(BaseModel):
    hire_id: str = Field(pattern=r"^BH[0-9]{4}$", description="boat hire reference")
    extra_people: int = Field(ge=1, le=4, description="how many more people join")


@pf.capability(intent="Enlarge the party on an existing boat hire", tags=["lake", "boats"])
async def add_boat_passengers(inp: PartyIn) -> Done:
    return Done(ok=True)


class ApproveIn(BaseModel):
    permit_id: str = Field(pattern=r"^FP-[0-9]{4}$", description="fishing permit number")
    comment: str = Field(default="", description="comment for the angler")


@pf.capability(intent="Approve a fishing permit application", tags=["lake", "fishing"])
async def approve_fishing_permit(inp: ApproveIn) -> Done:
    return Done(ok=True)


CAPABILITIES = [
    approve_fishing_permit,
    hire_rowing_boat,
    rate_boatman,
    apply_for_fishing_permit,
    list_boat_hires,
    add_boat_passengers,
]
