"""A small registry of these tests' own (a boarding kennel), declared the plain way: intents,
tags and field descriptions, no ``examples``/``keywords``. It backs the tests of verbs that
reach a capability through its name's nouns, through "get it done" and "get me ...", and of
values read from the schema (a month written as a field's pattern asks, counts)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-13"  # a Wednesday
_DOG = r"^DG-[0-9]{4}$"
_E164 = r"^\+[1-9][0-9]{7,14}$"


class Done(BaseModel):
    ref: str


class BillIn(BaseModel):
    owner_email: str = Field(json_schema_extra={"format": "email"}, description="owner's address")
    amount: float = Field(description="amount owed")
    currency: Literal["USD", "EUR", "GBP"] = Field(default="USD", description="currency")


@pf.capability(intent="Send a bill to a dog's owner", tags=["kennel", "accounts"])
async def send_bill(inp: BillIn) -> Done:
    return Done(ref="b-1")


class JabIn(BaseModel):
    dog_id: str = Field(pattern=_DOG, description="kennel tag of the dog")
    vaccine: Literal["rabies", "distemper", "kennel_cough"] = Field(description="vaccine given")
    date: dt.date = Field(description="day of the visit")


@pf.capability(intent="Arrange a vet visit for a vaccination", tags=["kennel", "vet"])
async def schedule_vaccination(inp: JabIn) -> Done:
    return Done(ref="v-1")


class GroomIn(BaseModel):
    dog_id: str = Field(pattern=_DOG, description="kennel tag of the dog")
    date: dt.date = Field(description="day of the appointment")


@pf.capability(intent="Book a dog in for grooming", tags=["kennel", "grooming"])
async def book_grooming(inp: GroomIn) -> Done:
    return Done(ref="g-1")


class PassIn(BaseModel):
    kind: Literal["day", "week"] = Field(description="length of the pass")
    quantity: int = Field(ge=1, le=10, description="how many passes")
    care: Literal["supervised", "unsupervised"] = Field(
        default="supervised", description="whether staff watch the dogs"
    )


@pf.capability(intent="Buy daycare passes", tags=["kennel", "daycare"])
async def buy_passes(inp: PassIn) -> Done:
    return Done(ref="p-1")


class HeatIn(BaseModel):
    zone: Literal["kennels", "office", "grooming_room"] = Field(description="part of the building")
    temperature_c: float = Field(ge=5, le=30, description="target temperature in degrees Celsius")


@pf.capability(intent="Set the heating of a zone", tags=["building"])
async def set_heating(inp: HeatIn) -> Done:
    return Done(ref="h-1")


class ReadingIn(BaseModel):
    meter: str = Field(pattern=r"^WM[0-9]{5}$", description="water meter number")
    cubic_metres: float = Field(description="meter reading in cubic metres")


@pf.capability(intent="Submit a water meter reading", tags=["building", "utilities"])
async def submit_reading(inp: ReadingIn) -> Done:
    return Done(ref="r-1")


class StatementIn(BaseModel):
    account: str = Field(pattern=r"^AC[0-9]{4}$", description="customer account")
    period: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$", description="billing month")


@pf.capability(intent="Get a customer's account statement", tags=["kennel", "accounts"])
async def get_statement(inp: StatementIn) -> Done:
    return Done(ref="s-1")


class FindKennelIn(BaseModel):
    town: str = Field(description="town to search in")
    min_rating: int | None = Field(default=None, ge=1, le=5, description="lowest star rating")


@pf.capability(intent="Find boarding kennels near a town", tags=["kennel", "search"])
async def find_kennels(inp: FindKennelIn) -> Done:
    return Done(ref="k-1")


class ParcelIn(BaseModel):
    parcel: str = Field(pattern=r"^[0-9]{8}$", description="parcel number")


@pf.capability(intent="Track a parcel sent to the kennel", tags=["kennel", "post"])
async def track_parcel(inp: ParcelIn) -> Done:
    return Done(ref="t-1")


class BookingIn(BaseModel):
    booking: str = Field(pattern=r"^BK[0-9]{5}$", description="booking reference")


@pf.capability(intent="Get the status of a boarding booking", tags=["kennel", "boarding"])
async def get_booking_status(inp: BookingIn) -> Done:
    return Done(ref="st-1")


class RunIn(BaseModel):
    run: str = Field(pattern=r"^[0-9]{4}$", description="kennel run number")


@pf.capability(intent="Show who is in a kennel run", tags=["kennel"])
async def get_run(inp: RunIn) -> Done:
    return Done(ref="run-1")


class ShareIn(BaseModel):
    path: str = Field(description="document to share")
    email: str = Field(json_schema_extra={"format": "email"}, description="who gets access")
    access: Literal["viewer", "editor"] = Field(default="viewer", description="access level")


@pf.capability(intent="Share a document with a person", tags=["kennel", "documents"])
async def share_document(inp: ShareIn) -> Done:
    return Done(ref="sh-1")


class BathIn(BaseModel):
    booking: str = Field(pattern=r"^BK[0-9]{5}$", description="booking reference")


@pf.capability(intent="Add a bath to a boarding booking", tags=["kennel", "boarding"])
async def add_bath(inp: BathIn) -> Done:
    return Done(ref="ba-1")


class ArrivalIn(BaseModel):
    dog_id: str = Field(pattern=_DOG, description="kennel tag of the dog")
    date: dt.date = Field(description="day of arrival")


@pf.capability(intent="Check a dog in for boarding", tags=["kennel", "boarding"])
async def check_in_dog(inp: ArrivalIn) -> Done:
    return Done(ref="ci-1")


class WeightIn(BaseModel):
    collar: str = Field(description="code on the dog's collar")
    weight_kg: float = Field(description="weight in kg")


@pf.capability(intent="Record a dog's weight", tags=["kennel", "health"])
async def record_weight(inp: WeightIn) -> Done:
    return Done(ref="w-1")


class OdometerIn(BaseModel):
    van: str = Field(description="registration of the kennel van")
    odometer_km: int = Field(description="odometer reading in km")


@pf.capability(intent="Log the van's odometer reading", tags=["kennel", "transport"])
async def log_odometer(inp: OdometerIn) -> Done:
    return Done(ref="o-1")


class ConvertIn(BaseModel):
    amount: float = Field(description="fee to convert")
    from_currency: Literal["USD", "EUR", "GBP", "JPY"] = Field(description="currency it is in")
    to_currency: Literal["USD", "EUR", "GBP", "JPY"] = Field(description="currency wanted")


@pf.capability(intent="Convert a boarding fee between currencies", tags=["kennel", "accounts"])
async def convert_fee(inp: ConvertIn) -> Done:
    return Done(ref="c-1")


class TagIn(BaseModel):
    dog_id: str = Field(pattern=_DOG, description="kennel tag of the dog")
    color: bool = Field(default=False, description="print in colour")


@pf.capability(intent="Print a collar tag for a dog", tags=["kennel"])
async def print_collar_tag(inp: TagIn) -> Done:
    return Done(ref="pt-1")


class PrintIn(BaseModel):
    file_url: str = Field(json_schema_extra={"format": "uri"}, description="link to the file")
    paper: Literal["A4", "A3"] = Field(default="A4", description="paper size")


@pf.capability(intent="Print a notice for the kennel board", tags=["kennel"])
async def print_notice(inp: PrintIn) -> Done:
    return Done(ref="pn-1")


class WalkerIn(BaseModel):
    town: str = Field(description="town to search in")
    size: Literal["small", "medium", "large"] = Field(description="size of the dog")
    date: dt.date = Field(description="day of the walk")


@pf.capability(intent="Find a dog walker", tags=["kennel", "search"])
async def find_dog_walker(inp: WalkerIn) -> Done:
    return Done(ref="dw-1")


class WalkIn(BaseModel):
    dog_id: str = Field(pattern=_DOG, description="kennel tag of the dog")
    duration_minutes: int = Field(description="length of the walk in minutes")


@pf.capability(intent="Log a walk a dog had", tags=["kennel"])
async def log_walk(inp: WalkIn) -> Done:
    return Done(ref="lw-1")


class AlarmIn(BaseModel):
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="when, HH:MM")
    label: str | None = Field(default=None, description="what it is for")
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(
        default_factory=list, description="days it repeats"
    )


@pf.capability(intent="Set an alarm on the kennel clock", tags=["kennel"])
async def set_alarm(inp: AlarmIn) -> Done:
    return Done(ref="al-1")


class PlayIn(BaseModel):
    date: dt.date = Field(description="day of the booking")
    start_time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="from, HH:MM")
    end_time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="until, HH:MM")


@pf.capability(intent="Book the play area", tags=["kennel"])
async def book_play_area(inp: PlayIn) -> Done:
    return Done(ref="pa-1")


class CallIn(BaseModel):
    phone: str = Field(pattern=_E164, description="owner's number")
    topic: str | None = Field(default=None, description="what the call is about")


@pf.capability(intent="Call a dog's owner", tags=["kennel"])
async def call_owner(inp: CallIn) -> Done:
    return Done(ref="co-1")


class TreatIn(BaseModel):
    ingredients: list[str] = Field(description="ingredients to use")


@pf.capability(intent="Suggest dog treat recipes", tags=["kennel", "food"])
async def suggest_treats(inp: TreatIn) -> Done:
    return Done(ref="tr-1")


class InvoiceIn(BaseModel):
    ref: str = Field(pattern=r"^[A-Z0-9]{6}$", description="invoice reference")


@pf.capability(intent="Show an invoice by its reference", tags=["kennel", "accounts"])
async def show_invoice(inp: InvoiceIn) -> Done:
    return Done(ref="si-1")


class CameraIn(BaseModel):
    host: str = Field(description="hostname or IP address of the camera")


@pf.capability(intent="Check that a kennel camera is online", tags=["kennel", "it"])
async def check_camera(inp: CameraIn) -> Done:
    return Done(ref="cam-1")


class RationIn(BaseModel):
    dog_id: str = Field(pattern=_DOG, description="kennel tag of the dog")
    food_kg: float = Field(description="daily food in kg")


@pf.capability(intent="Change a dog's food ration", tags=["kennel", "food"])
async def change_ration(inp: RationIn) -> Done:
    return Done(ref="ra-1")


CAPABILITIES = [
    send_bill, schedule_vaccination, book_grooming, buy_passes, set_heating, submit_reading,
    get_statement, find_kennels, track_parcel, get_booking_status, get_run, share_document,
    add_bath, check_in_dog, record_weight, log_odometer, convert_fee, print_collar_tag,
    print_notice, find_dog_walker, log_walk, set_alarm, book_play_area, call_owner,
    suggest_treats, show_invoice, check_camera, change_ration,
]  # fmt: skip
