"""A small registry of these tests' own (a pottery studio), declared the plain way: intents,
tags and field descriptions, no ``examples``/``keywords``. It backs the tests of how a request
picks a capability or is refused: phrasal verbs of three words, light verbs, verbs of
temperature, opposites inside one broad class, paths as values and typos."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-13"  # a Wednesday
_ART = r"^AW-[0-9]{4}$"
_E164 = r"^\+[1-9][0-9]{7,14}$"
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class Done(BaseModel):
    ok: bool


class ArtworkIn(BaseModel):
    artwork_id: str = Field(pattern=_ART, description="gallery number of the piece")


@pf.capability(intent="Remove an artwork from the online gallery", tags=["studio", "gallery"])
async def remove_artwork(inp: ArtworkIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Put an artwork back on the gallery", tags=["studio", "gallery"])
async def restore_artwork(inp: ArtworkIn) -> Done:
    return Done(ok=True)


class TipIn(BaseModel):
    lesson_id: str = Field(pattern=r"^LS-[0-9]{3}$", description="lesson reference")
    amount: float = Field(description="tip amount")
    currency: Literal["USD", "EUR", "GBP"] = Field(default="USD", description="currency")


@pf.capability(intent="Tip the teacher of a lesson", tags=["studio", "payments"])
async def tip_teacher(inp: TipIn) -> Done:
    return Done(ok=True)


class WheelIn(BaseModel):
    date: dt.date = Field(description="day of the session")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")


@pf.capability(intent="Reserve a potter's wheel for a session", tags=["studio", "equipment"])
async def reserve_wheel(inp: WheelIn) -> Done:
    return Done(ok=True)


class TierIn(BaseModel):
    tier: Literal["basic", "silver", "gold"] = Field(description="membership level")


@pf.capability(intent="Upgrade a studio membership", tags=["studio", "membership"])
async def upgrade_membership(inp: TierIn) -> Done:
    return Done(ok=True)


class HeatingIn(BaseModel):
    room: str = Field(description="name of the room")
    temperature_celsius: float = Field(description="target temperature in °C")


@pf.capability(intent="Set the heating of a room", tags=["studio", "building"])
async def set_room_heating(inp: HeatingIn) -> Done:
    return Done(ok=True)


class FiringIn(BaseModel):
    firing_id: str = Field(pattern=r"^F-[0-9]{4}$", description="kiln firing job number")


class FiringOut(BaseModel):
    status: str


@pf.capability(intent="Get the status of a kiln firing", tags=["studio", "kiln"])
async def get_firing_status(inp: FiringIn) -> FiringOut:
    return FiringOut(status="cooling")


class MoveIn(BaseModel):
    path: str = Field(description="path of the photo")
    destination: str = Field(description="album to put it in")


@pf.capability(intent="Move a photo of a piece to another album", tags=["studio", "photos"])
async def move_photo(inp: MoveIn) -> Done:
    return Done(ok=True)


class GlazeIn(BaseModel):
    colour: str = Field(description="glaze colour")
    jars: int = Field(default=1, description="number of jars")


@pf.capability(intent="Refill the glaze stock of a colour", tags=["studio", "supplies"])
async def refill_glaze(inp: GlazeIn) -> Done:
    return Done(ok=True)


class DriveIn(BaseModel):
    origin: str = Field(description="where the van leaves from")
    destination: str = Field(description="where the van goes")


class DriveOut(BaseModel):
    minutes: int


@pf.capability(intent="Plan the van's route to a craft fair", tags=["studio", "fairs"])
async def plan_van_route(inp: DriveIn) -> DriveOut:
    return DriveOut(minutes=40)


class KeyCardIn(BaseModel):
    card_number: str = Field(pattern=r"^[0-9]{4}$", description="number printed on the key card")
    reason: Literal["lost", "stolen", "broken"] = Field(description="why it is blocked")
    phone: str | None = Field(default=None, pattern=_E164, description="number to call back")


@pf.capability(intent="Block a member's key card", tags=["studio", "access"])
async def block_key_card(inp: KeyCardIn) -> Done:
    return Done(ok=True)


class ClassDayIn(BaseModel):
    date: dt.date = Field(description="the day of the weekly class to miss")


@pf.capability(intent="Skip one session of my weekly pottery class", tags=["studio", "classes"])
async def skip_class(inp: ClassDayIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Book an extra pottery class", tags=["studio", "classes"])
async def book_extra_class(inp: ClassDayIn) -> Done:
    return Done(ok=True)


class PhotoSearchIn(BaseModel):
    query: str = Field(description="words to look for")


class PhotoSearchOut(BaseModel):
    paths: list[str]


@pf.capability(intent="Search the photo albums", tags=["studio", "photos"])
async def search_photos(inp: PhotoSearchIn) -> PhotoSearchOut:
    return PhotoSearchOut(paths=[])


class LockerIn(BaseModel):
    owner_name: str = Field(description="full name of the member")


class LockerOut(BaseModel):
    locker: int


@pf.capability(intent="Find a member's locker", tags=["studio", "lockers"])
async def find_locker(inp: LockerIn) -> LockerOut:
    return LockerOut(locker=7)


class WorkshopIn(BaseModel):
    member_id: str = Field(pattern=r"^M[0-9]{6}$", description="membership number")
    workshop: Literal["glaze", "throwing", "raku"] = Field(description="which workshop")


@pf.capability(intent="Sign a member up for a workshop", tags=["studio", "workshops"])
async def join_workshop(inp: WorkshopIn) -> Done:
    return Done(ok=True)


class KilnDayIn(BaseModel):
    date: dt.date = Field(description="day of the hire")


@pf.capability(intent="Hire the big kiln for a day", tags=["studio", "kiln"])
async def hire_kiln(inp: KilnDayIn) -> Done:
    return Done(ok=True)


class ClayIn(BaseModel):
    lesson_id: str = Field(pattern=r"^LS-[0-9]{3}$", description="lesson reference")
    clay: Literal["stoneware", "porcelain", "earthenware"] = Field(description="clay body")


@pf.capability(intent="Choose the clay for a lesson", tags=["studio", "lessons"])
async def choose_clay(inp: ClayIn) -> Done:
    return Done(ok=True)


CAPABILITIES = [
    remove_artwork,
    restore_artwork,
    tip_teacher,
    reserve_wheel,
    upgrade_membership,
    set_room_heating,
    get_firing_status,
    move_photo,
    refill_glaze,
    plan_van_route,
    block_key_card,
    skip_class,
    book_extra_class,
    search_photos,
    find_locker,
    join_workshop,
    hire_kiln,
    choose_clay,
]
