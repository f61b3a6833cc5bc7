"""A small registry of these tests' own (a sports club with a charity shop), declared the plain
way: intents, tags and field descriptions, no ``examples``/``keywords``. Several capabilities
are named by verbs the general lexicon does not know (``donate``, ``renew``, ``waive``), so it
backs the tests of how such a verb is read on either side of a request."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"  # a Wednesday
_MEMBER = r"^M-[0-9]{5}$"
_FINE = r"^PCN[0-9]{6}$"


class Done(BaseModel):
    ref: str


class DonateIn(BaseModel):
    category: Literal["clothes", "books", "furniture", "toys"] = Field(description="kind of goods")
    bags: int = Field(default=1, ge=1, le=20, description="number of bags or pieces")


@pf.capability(intent="Donate items to the charity shop", tags=["charity", "donations"])
async def donate_items(inp: DonateIn) -> Done:
    return Done(ref="d-1")


class MemberIn(BaseModel):
    member: str = Field(pattern=_MEMBER, description="membership number")
    months: int = Field(default=12, ge=1, le=24, description="length in months")


@pf.capability(intent="Renew a club membership", tags=["club", "membership"])
async def renew_membership(inp: MemberIn) -> Done:
    return Done(ref="m-1")


class FeeIn(BaseModel):
    notice: str = Field(pattern=_FINE, description="penalty notice number")
    reason: str = Field(default="", description="why the fee is dropped")


@pf.capability(intent="Waive a late fee on a penalty notice", tags=["club", "fees"])
async def waive_fee(inp: FeeIn) -> Done:
    return Done(ref="w-1")


class NoticeIn(BaseModel):
    notice: str = Field(pattern=_FINE, description="penalty notice number")


@pf.capability(intent="Look up the status of a penalty notice", tags=["club", "fees"])
async def get_notice_status(inp: NoticeIn) -> Done:
    return Done(ref="s-1")


class ClassesIn(BaseModel):
    date: dt.date = Field(description="day")
    level: Literal["beginner", "intermediate", "advanced"] | None = Field(
        default=None, description="level of the class"
    )


@pf.capability(intent="List the fitness classes on a day", tags=["club", "classes"])
async def list_classes(inp: ClassesIn) -> Done:
    return Done(ref="l-1")


class ParkingIn(BaseModel):
    plate: str = Field(pattern=r"^[A-Z]{2}[0-9]{2} ?[A-Z]{3}$", description="car registration")
    date: dt.date = Field(description="day of the visit")


@pf.capability(intent="Reserve a space in the club car park", tags=["club", "parking"])
async def reserve_parking(inp: ParkingIn) -> Done:
    return Done(ref="p-1")


class QuoteIn(BaseModel):
    job: str = Field(description="what needs doing")
    budget: float | None = Field(default=None, description="budget in pounds")


@pf.capability(intent="Ask for a quote for a repair at the club", tags=["club", "repairs"])
async def request_quote(inp: QuoteIn) -> Done:
    return Done(ref="q-1")


class EventSearchIn(BaseModel):
    query: str = Field(description="speaker, band or show to look for")
    town: str | None = Field(default=None, description="town where it is on")
    date: dt.date | None = Field(default=None, description="day of the event")


@pf.capability(intent="Find talks, gigs and shows in a town", tags=["events", "listings"])
async def find_show(inp: EventSearchIn) -> Done:
    return Done(ref="e-1")


class PhotosIn(BaseModel):
    source_url: str = Field(json_schema_extra={"format": "uri"}, description="link to the photos")
    album_name: str | None = Field(default=None, description="title of the album")
    phone: str | None = Field(
        default=None, pattern=r"^\+[1-9][0-9]{7,14}$", description="number to reach you on"
    )
    prints: Literal["4x6", "8x10"] | None = Field(default=None, description="size of prints")
    gallery: Literal["first-team", "youth-team"] = Field(
        default="first-team", description="which team's gallery"
    )


@pf.capability(intent="Upload photos of a club match to the gallery", tags=["club", "gallery"])
async def upload_photos(inp: PhotosIn) -> Done:
    return Done(ref="u-1")


_LANG = Literal["en", "fr", "de", "es", "it"]


class TranslateIn(BaseModel):
    text: str = Field(description="the notice to translate")
    source_language: _LANG = Field(description="language it is written in")
    target_language: _LANG = Field(description="language wanted")


@pf.capability(intent="Translate a notice for the club board", tags=["club", "notices"])
async def translate_notice(inp: TranslateIn) -> Done:
    return Done(ref="t-1")


CAPABILITIES = [
    donate_items,
    renew_membership,
    waive_fee,
    get_notice_status,
    list_classes,
    reserve_parking,
    request_quote,
    find_show,
    upload_photos,
    translate_notice,
]
