"""A sixth blind registry: 48 capabilities in 16 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases of the earlier held-out sets. Each capability has a name, an intent, tags and
input/output models whose fields carry a type, a ``description`` and, where a real API would have
one, a ``pattern``, a ``format``, an enum (``Literal``), bounds or a default. Five of them declare
``examples=`` as a few authors would (``add_data_bundle``, ``retract_bid``,
``log_bird_sighting``, ``set_blind_position``, ``pause_auto_feeder``); none declares
``keywords=``. Bodies are trivial: the set measures planning, not execution.

Opposite or neighbouring actions that both exist: ``enable_roaming``/``disable_roaming``,
``place_bid``/``retract_bid``, ``submit_talk``/``withdraw_talk``, ``accept_talk``/
``reject_talk``, ``open_blinds``/``close_blinds``, ``pause_auto_feeder``/``resume_auto_feeder``,
``book_riding_lesson``/``cancel_riding_lesson``, ``book_game_table``/``cancel_table_booking``,
``file_flight_plan``/``cancel_flight_plan``, ``submit_print_job``/``cancel_print_job``.
Reads beside writes on the same object: ``add_data_bundle``/``get_data_usage``,
``log_bird_sighting``/``get_sighting_report``, ``request_alteration``/
``get_alteration_status``, ``set_tank_temperature``/``get_water_readings``. Absent on
purpose: no removal of a data bundle, no number porting, no cancel of a rare-bird alert, no cancel
of a firewood order, a tyre fitting, a fitting, a key order or a pool visit, no withdrawal of an
auction lot, no deregistration of a drone, no refund of a livery invoice, no editing of a talk.

Outputs feed inputs of the same name: ``search_lots.lot_id`` → ``place_bid``,
``get_print_quote.quote_id`` → ``submit_print_job``, ``start_brew_batch.batch_id`` →
``log_gravity_reading`` and ``bottle_batch``, ``register_drone.drone_id`` →
``file_flight_plan``, ``find_tyres.tyre_id`` → ``book_tyre_fitting``,
``book_game_table.booking_id`` → ``reserve_board_game``, ``book_fitting.fitting_id`` →
``request_alteration``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule

_EMAIL = {"format": "email"}
_URI = {"format": "uri"}
_E164 = r"^\+[1-9][0-9]{7,14}$"
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$"
_LOT = r"^LOT-[0-9]{5}$"
_FITTING = r"^FT-[0-9]{5}$"
_TALK = r"^CFP-[0-9]{4}$"
_BATCH = r"^B-[0-9]{3}$"
_DRONE = r"^DR-[0-9]{5}$"
_TABLE = r"^GT-[0-9]{5}$"
_TYRE = r"^TY-[0-9]{5}$"

Region = Literal["europe", "north_america", "rest_of_world"]
Garment = Literal["suit", "dress", "trousers", "shirt", "coat", "wedding_dress", "skirt"]
BlindRoom = Literal["bedroom", "living_room", "kitchen", "office", "nursery", "conservatory", "all"]
Tank = Literal["main", "reef", "quarantine", "shrimp"]


class Done(BaseModel):
    ok: bool


# --- mobile phone plan ------------------------------------------------------------------------


class RoamingOnIn(BaseModel):
    line: str | None = Field(
        default=None,
        pattern=_E164,
        description="the mobile number, E.164; the main line if left out",
    )
    region: Region = Field(description="where the phone will be used")
    start_date: dt.date = Field(description="first day abroad")
    end_date: dt.date | None = Field(default=None, description="last day abroad, if known")


class RoamingOut(BaseModel):
    daily_charge: float
    active: bool


@pf.capability(intent="Use the phone abroad on a trip", tags=["mobile", "travel"])
async def enable_roaming(inp: RoamingOnIn) -> RoamingOut:
    return RoamingOut(daily_charge=2.0, active=True)


class RoamingOffIn(BaseModel):
    line: str | None = Field(
        default=None,
        pattern=_E164,
        description="the mobile number, E.164; the main line if left out",
    )


@pf.capability(intent="Stop charges for data and calls outside the home network", tags=["mobile"])
async def disable_roaming(inp: RoamingOffIn) -> RoamingOut:
    return RoamingOut(daily_charge=0.0, active=False)


class BundleIn(BaseModel):
    line: str | None = Field(
        default=None,
        pattern=_E164,
        description="the mobile number, E.164; the main line if left out",
    )
    size_gb: int = Field(ge=1, le=50, description="extra data in GB")
    recurring: bool = Field(default=False, description="renew it every month")


class BundleOut(BaseModel):
    bundle_id: str
    price: float


@pf.capability(
    intent="More mobile data on top of the monthly allowance",
    tags=["mobile", "data"],
    examples=["I need another 5GB", "top up my data"],
)
async def add_data_bundle(inp: BundleIn) -> BundleOut:
    return BundleOut(bundle_id="DB-20417", price=5.0)


class UsageIn(BaseModel):
    line: str | None = Field(
        default=None,
        pattern=_E164,
        description="the mobile number, E.164; the main line if left out",
    )
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")


class UsageOut(BaseModel):
    data_used_gb: float
    minutes_used: int


@pf.capability(intent="How much data and how many minutes have gone", tags=["mobile", "data"])
async def get_data_usage(inp: UsageIn) -> UsageOut:
    return UsageOut(data_used_gb=3.2, minutes_used=140)


# --- auction house ----------------------------------------------------------------------------


class LotSearchIn(BaseModel):
    query: str = Field(description="what to look for, e.g. 'Victorian writing desk'")
    category: (
        Literal["art", "furniture", "jewellery", "watches", "books", "ceramics", "coins"] | None
    ) = Field(default=None, description="department of the sale")
    max_estimate: Decimal | None = Field(default=None, gt=0, description="highest estimate")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="of the estimate")
    sale_date: dt.date | None = Field(default=None, description="day of the sale")


class LotSearchOut(BaseModel):
    lot_id: str
    title: str
    estimate: float


@pf.capability(intent="Browse the catalogue of upcoming sales", tags=["auction", "catalogue"])
async def search_lots(inp: LotSearchIn) -> LotSearchOut:
    return LotSearchOut(lot_id="LOT-20417", title="Oak bureau", estimate=400.0)


class BidIn(BaseModel):
    lot_id: str = Field(pattern=_LOT, description="catalogue lot, e.g. LOT-20417")
    amount: Decimal = Field(gt=0, description="the most to bid")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="of the amount")


class BidOut(BaseModel):
    bid_id: str
    leading: bool


@pf.capability(intent="Make an offer on a lot in the sale", tags=["auction", "bidding"])
async def place_bid(inp: BidIn) -> BidOut:
    return BidOut(bid_id="BD-301", leading=True)


class RetractIn(BaseModel):
    lot_id: str = Field(pattern=_LOT, description="catalogue lot, e.g. LOT-20417")
    reason: str | None = Field(default=None, description="why the bid is taken back")


@pf.capability(
    intent="Take back an offer on a lot before the hammer falls",
    tags=["auction", "bidding"],
    examples=["pull my bid on LOT-10233", "I don't want to bid on lot 55012 any more"],
)
async def retract_bid(inp: RetractIn) -> Done:
    return Done(ok=True)


# --- tailoring --------------------------------------------------------------------------------


class FittingIn(BaseModel):
    garment: Garment = Field(description="what is being fitted")
    date: dt.date = Field(description="day of the fitting")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    customer_name: str | None = Field(default=None, description="name for the booking")


class FittingOut(BaseModel):
    fitting_id: str


@pf.capability(intent="An appointment with the tailor to be measured", tags=["tailor"])
async def book_fitting(inp: FittingIn) -> FittingOut:
    return FittingOut(fitting_id="FT-20417")


class AlterationIn(BaseModel):
    fitting_id: str = Field(pattern=_FITTING, description="the fitting it follows, e.g. FT-20417")
    garment: Garment = Field(description="the piece of clothing")
    alteration: Literal["shorten", "lengthen", "take_in", "let_out", "replace_zip", "repair"] = (
        Field(description="what to change")
    )
    amount_cm: float | None = Field(default=None, gt=0, description="by how much, in centimetres")
    notes: str | None = Field(default=None, description="anything else for the tailor")


class AlterationOut(BaseModel):
    ticket: str
    ready_on: dt.date


@pf.capability(intent="Clothes taken up, let out or mended", tags=["tailor", "alterations"])
async def request_alteration(inp: AlterationIn) -> AlterationOut:
    return AlterationOut(ticket="AL-3310", ready_on=dt.date(2027, 1, 1))


class AlterationStatusIn(BaseModel):
    fitting_id: str = Field(pattern=_FITTING, description="the fitting, e.g. FT-20417")


class AlterationStatusOut(BaseModel):
    status: str
    ready_on: dt.date | None


@pf.capability(intent="Whether altered clothes are ready to collect", tags=["tailor"])
async def get_alteration_status(inp: AlterationStatusIn) -> AlterationStatusOut:
    return AlterationStatusOut(status="in progress", ready_on=None)


# --- conference call for papers ---------------------------------------------------------------


class TalkIn(BaseModel):
    title: str = Field(description="title of the proposal")
    speaker_email: str = Field(json_schema_extra=_EMAIL, description="where to send the decision")
    format: Literal["talk", "lightning", "workshop", "panel"] = Field(
        default="talk", description="kind of session"
    )
    duration_minutes: int | None = Field(default=None, ge=5, le=240, description="length")
    abstract: str | None = Field(default=None, description="a paragraph for the programme")


class TalkOut(BaseModel):
    talk_id: str


@pf.capability(intent="Propose a session for the conference programme", tags=["conference", "cfp"])
async def submit_talk(inp: TalkIn) -> TalkOut:
    return TalkOut(talk_id="CFP-2041")


class WithdrawTalkIn(BaseModel):
    talk_id: str = Field(pattern=_TALK, description="the proposal, e.g. CFP-2041")
    reason: str | None = Field(default=None, description="why, for the committee")


@pf.capability(intent="A speaker pulls out of the programme", tags=["conference", "cfp"])
async def withdraw_talk(inp: WithdrawTalkIn) -> Done:
    return Done(ok=True)


class AcceptTalkIn(BaseModel):
    talk_id: str = Field(pattern=_TALK, description="the proposal, e.g. CFP-2041")
    track: Literal["main", "beginner", "deep_dive", "community"] | None = Field(
        default=None, description="which track it goes in"
    )
    note_to_speaker: str | None = Field(default=None, description="sent with the decision")


@pf.capability(intent="Programme committee says yes to a proposal", tags=["conference", "review"])
async def accept_talk(inp: AcceptTalkIn) -> Done:
    return Done(ok=True)


class RejectTalkIn(BaseModel):
    talk_id: str = Field(pattern=_TALK, description="the proposal, e.g. CFP-2041")
    feedback: str | None = Field(default=None, description="comments for the speaker")


@pf.capability(intent="Programme committee turns a proposal down", tags=["conference", "review"])
async def reject_talk(inp: RejectTalkIn) -> Done:
    return Done(ok=True)


# --- 3D printing service ----------------------------------------------------------------------


class QuoteIn(BaseModel):
    model_url: str = Field(json_schema_extra=_URI, description="link to the STL or 3MF file")
    material: Literal["pla", "petg", "abs", "resin", "nylon"] = Field(description="filament")
    quantity: int = Field(default=1, ge=1, le=100, description="how many copies")
    infill_percent: int | None = Field(default=None, ge=0, le=100, description="fill density, %")
    colour: str | None = Field(default=None, description="colour of the filament")


class QuoteOut(BaseModel):
    quote_id: str
    price: float


@pf.capability(intent="Price for making a part from an uploaded model", tags=["3d", "printing"])
async def get_print_quote(inp: QuoteIn) -> QuoteOut:
    return QuoteOut(quote_id="Q3D-20417", price=18.5)


class PrintJobIn(BaseModel):
    quote_id: str = Field(pattern=r"^Q3D-[0-9]{5}$", description="the accepted quote, Q3D-20417")
    delivery: Literal["collect", "post"] = Field(default="collect", description="how it gets back")
    needed_by: dt.date | None = Field(default=None, description="latest useful day")


class PrintJobOut(BaseModel):
    job_id: str


@pf.capability(intent="Go ahead and print a quoted part", tags=["3d", "printing"])
async def submit_print_job(inp: PrintJobIn) -> PrintJobOut:
    return PrintJobOut(job_id="PJ-204118")


class CancelPrintIn(BaseModel):
    job_id: str = Field(pattern=r"^PJ-[0-9]{6}$", description="the job, e.g. PJ-204118")


@pf.capability(intent="Stop a print that is queued or running", tags=["3d", "printing"])
async def cancel_print_job(inp: CancelPrintIn) -> Done:
    return Done(ok=True)


# --- birdwatching -----------------------------------------------------------------------------


class SightingIn(BaseModel):
    species: str = Field(description="common name of the bird")
    location: str = Field(description="where it was seen")
    seen_on: dt.date = Field(description="day of the sighting")
    count: int = Field(default=1, ge=1, description="how many birds")
    notes: str | None = Field(default=None, description="behaviour, plumage, conditions")


class SightingOut(BaseModel):
    record_id: str


@pf.capability(
    intent="Add a record to the county bird log",
    tags=["birds", "records"],
    examples=["saw 3 redwings at Hatfield Forest yesterday", "log a kingfisher on the canal"],
)
async def log_bird_sighting(inp: SightingIn) -> SightingOut:
    return SightingOut(record_id="BR-99120")


class SightingReportIn(BaseModel):
    species: str | None = Field(default=None, description="only this bird")
    area: str | None = Field(default=None, description="town, reserve or county")
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")


class SightingReportOut(BaseModel):
    records: int


@pf.capability(intent="What has been seen around here recently", tags=["birds", "records"])
async def get_sighting_report(inp: SightingReportIn) -> SightingReportOut:
    return SightingReportOut(records=12)


class BirdAlertIn(BaseModel):
    species: str = Field(description="the bird to watch for")
    radius_km: float = Field(gt=0, le=200, description="distance from home, km")
    email: str | None = Field(default=None, json_schema_extra=_EMAIL, description="where to send")


class BirdAlertOut(BaseModel):
    alert_id: str


@pf.capability(intent="Be told when a scarce bird turns up nearby", tags=["birds", "alerts"])
async def set_rare_bird_alert(inp: BirdAlertIn) -> BirdAlertOut:
    return BirdAlertOut(alert_id="AL-77")


# --- home brewing -----------------------------------------------------------------------------


class BrewIn(BaseModel):
    recipe: str = Field(description="name of the recipe")
    style: Literal["ipa", "stout", "lager", "pale_ale", "wheat", "cider", "mead"] = Field(
        description="beer style"
    )
    volume_litres: float = Field(gt=0, le=200, description="batch size in litres")
    brew_date: dt.date | None = Field(default=None, description="brew day; today if left out")


class BrewOut(BaseModel):
    batch_id: str


@pf.capability(intent="A new brew day goes in the fermenter log", tags=["brewing"])
async def start_brew_batch(inp: BrewIn) -> BrewOut:
    return BrewOut(batch_id="B-104")


class GravityIn(BaseModel):
    batch_id: str = Field(pattern=_BATCH, description="the batch, e.g. B-104")
    gravity: float = Field(ge=0.98, le=1.2, description="specific gravity, e.g. 1.048")
    temperature_celsius: float | None = Field(default=None, description="of the sample, °C")
    taken_on: dt.date | None = Field(default=None, description="day of the reading")


@pf.capability(intent="Track fermentation with a hydrometer sample", tags=["brewing"])
async def log_gravity_reading(inp: GravityIn) -> Done:
    return Done(ok=True)


class BottleIn(BaseModel):
    batch_id: str = Field(pattern=_BATCH, description="the batch, e.g. B-104")
    bottles: int = Field(ge=1, le=500, description="how many bottles were filled")
    priming_sugar_g: float | None = Field(default=None, ge=0, description="sugar added, grams")


@pf.capability(intent="The batch is packaged and conditioning", tags=["brewing"])
async def bottle_batch(inp: BottleIn) -> Done:
    return Done(ok=True)


# --- swimming pool service --------------------------------------------------------------------


class PoolVisitIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the pool is, e.g. GU1 4RT")
    service: Literal["weekly_clean", "opening", "closing", "leak_check", "filter_change"] = Field(
        description="what the technician does"
    )
    date: dt.date = Field(description="day of the visit")


class PoolVisitOut(BaseModel):
    visit_id: str


@pf.capability(intent="A technician comes out to the pool", tags=["pool", "service"])
async def book_pool_service(inp: PoolVisitIn) -> PoolVisitOut:
    return PoolVisitOut(visit_id="PV-5521")


class PoolChemIn(BaseModel):
    ph: float = Field(ge=6.0, le=9.0, description="pH of the water")
    free_chlorine_ppm: float | None = Field(default=None, ge=0, description="chlorine, ppm")
    alkalinity_ppm: int | None = Field(default=None, ge=0, description="total alkalinity, ppm")
    water_temp_celsius: float | None = Field(default=None, description="water temperature, °C")
    tested_on: dt.date | None = Field(default=None, description="day of the test")


@pf.capability(intent="Keep a record of the water test strip results", tags=["pool", "water"])
async def log_pool_chemistry(inp: PoolChemIn) -> Done:
    return Done(ok=True)


class PoolOrderIn(BaseModel):
    product: Literal["chlorine_tablets", "ph_minus", "ph_plus", "shock", "algaecide", "salt"] = (
        Field(description="what to send")
    )
    weight_kg: float = Field(gt=0, le=100, description="how much, in kg")
    delivery_date: dt.date | None = Field(default=None, description="day to deliver")


class PoolOrderOut(BaseModel):
    order_id: str


@pf.capability(intent="Supplies to keep the pool water right", tags=["pool", "shop"])
async def order_pool_chemicals(inp: PoolOrderIn) -> PoolOrderOut:
    return PoolOrderOut(order_id="PC-8812")


# --- smart blinds -----------------------------------------------------------------------------


class BlindIn(BaseModel):
    room: BlindRoom = Field(description="which window blinds")
    at: str | None = Field(default=None, pattern=_HHMM, description="when, HH:MM; now if left out")


@pf.capability(intent="Let the daylight in", tags=["home", "blinds"])
async def open_blinds(inp: BlindIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Shut out the light and the neighbours", tags=["home", "blinds"])
async def close_blinds(inp: BlindIn) -> Done:
    return Done(ok=True)


class BlindPositionIn(BaseModel):
    room: BlindRoom = Field(description="which window blinds")
    position_percent: int = Field(ge=0, le=100, description="how far open, 0 shut, 100 fully open")


@pf.capability(
    intent="Blinds part of the way down",
    tags=["home", "blinds"],
    examples=["blinds in the office to 30%", "lower the bedroom blind halfway"],
)
async def set_blind_position(inp: BlindPositionIn) -> Done:
    return Done(ok=True)


# --- drone flights ----------------------------------------------------------------------------


class DroneIn(BaseModel):
    serial_number: str = Field(
        pattern=r"^[A-Z0-9]{10,16}$", description="manufacturer's serial, e.g. 1581F4XFC2354"
    )
    model: str = Field(description="make and model")
    weight_g: int = Field(ge=1, le=25000, description="take-off mass in grams")
    owner_email: str = Field(json_schema_extra=_EMAIL, description="the operator's e-mail")


class DroneOut(BaseModel):
    drone_id: str


@pf.capability(intent="Put an aircraft on the operator register", tags=["drone", "register"])
async def register_drone(inp: DroneIn) -> DroneOut:
    return DroneOut(drone_id="DR-20417")


class FlightPlanIn(BaseModel):
    drone_id: str = Field(pattern=_DRONE, description="registered drone, e.g. DR-20417")
    location: str = Field(description="where it will fly")
    date: dt.date = Field(description="day of the flight")
    start_time: str = Field(pattern=_HHMM, description="take-off, HH:MM")
    duration_minutes: int = Field(ge=1, le=600, description="how long in the air, minutes")
    max_altitude_m: float | None = Field(
        default=None, gt=0, le=120, description="ceiling above ground, metres"
    )


class FlightPlanOut(BaseModel):
    plan_id: str


@pf.capability(intent="Notify the authority of an upcoming flight", tags=["drone", "airspace"])
async def file_flight_plan(inp: FlightPlanIn) -> FlightPlanOut:
    return FlightPlanOut(plan_id="FP-204118")


class CancelFlightIn(BaseModel):
    plan_id: str = Field(pattern=r"^FP-[0-9]{6}$", description="the filed plan, e.g. FP-204118")


@pf.capability(intent="The flight is not happening after all", tags=["drone", "airspace"])
async def cancel_flight_plan(inp: CancelFlightIn) -> Done:
    return Done(ok=True)


# --- locksmith --------------------------------------------------------------------------------


class LockoutIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where you are, e.g. LS6 2QB")
    door: Literal["front_door", "back_door", "garage", "shed", "window"] = Field(
        default="front_door", description="which lock"
    )
    phone: str | None = Field(default=None, pattern=_E164, description="call-back number, E.164")
    notes: str | None = Field(default=None, description="anything the locksmith should know")


class LockoutOut(BaseModel):
    eta_minutes: int


@pf.capability(intent="Emergency help getting back into a property", tags=["locksmith"])
async def request_lockout_callout(inp: LockoutIn) -> LockoutOut:
    return LockoutOut(eta_minutes=45)


class KeyCopyIn(BaseModel):
    key_type: Literal["yale", "mortice", "window", "padlock", "car_fob"] = Field(
        description="kind of key"
    )
    copies: int = Field(ge=1, le=10, description="how many")
    collect_date: dt.date | None = Field(default=None, description="day to pick them up")


class KeyCopyOut(BaseModel):
    order_id: str


@pf.capability(intent="Spare keys cut from an original", tags=["locksmith", "keys"])
async def order_key_copies(inp: KeyCopyIn) -> KeyCopyOut:
    return KeyCopyOut(order_id="KC-1109")


# --- firewood delivery ------------------------------------------------------------------------


class FirewoodIn(BaseModel):
    wood: Literal["hardwood", "softwood", "kiln_dried", "kindling"] = Field(description="kind")
    volume_m3: float = Field(gt=0, le=20, description="how much, in cubic metres")
    postcode: str = Field(pattern=_POSTCODE, description="delivery postcode")
    delivery_date: dt.date = Field(description="day to deliver")
    stack: bool = Field(default=False, description="stack it in the log store")


class FirewoodOut(BaseModel):
    order_id: str


@pf.capability(intent="Logs for the stove brought to the house", tags=["firewood", "delivery"])
async def order_firewood(inp: FirewoodIn) -> FirewoodOut:
    return FirewoodOut(order_id="WD-20417")


class FirewoodMoveIn(BaseModel):
    order_id: str = Field(pattern=r"^WD-[0-9]{5}$", description="the order, e.g. WD-20417")
    new_date: dt.date = Field(description="the day that suits instead")


@pf.capability(intent="A different day for a log delivery", tags=["firewood", "delivery"])
async def reschedule_firewood_delivery(inp: FirewoodMoveIn) -> Done:
    return Done(ok=True)


# --- riding stables ---------------------------------------------------------------------------


class RidingIn(BaseModel):
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    level: Literal["beginner", "novice", "intermediate", "advanced"] = Field(
        description="the rider's experience"
    )
    lesson_type: Literal["private", "group", "hack"] = Field(
        default="group", description="private, group, or a hack out on the bridleways"
    )
    rider_name: str | None = Field(default=None, description="who is riding")
    rider_weight_kg: float | None = Field(default=None, gt=0, description="to match a horse, kg")


class RidingOut(BaseModel):
    booking_ref: str


@pf.capability(intent="Time in the saddle with an instructor", tags=["riding", "stables"])
async def book_riding_lesson(inp: RidingIn) -> RidingOut:
    return RidingOut(booking_ref="RL-20417")


class CancelRidingIn(BaseModel):
    booking_ref: str = Field(pattern=r"^RL-[0-9]{5}$", description="the booking, e.g. RL-20417")
    reason: str | None = Field(default=None, description="why")


@pf.capability(intent="Can't make it to the yard for a lesson", tags=["riding", "stables"])
async def cancel_riding_lesson(inp: CancelRidingIn) -> Done:
    return Done(ok=True)


class LiveryIn(BaseModel):
    invoice_number: str = Field(pattern=r"^LIV[0-9]{5}$", description="e.g. LIV20417")
    amount: Decimal = Field(gt=0, description="how much to pay")
    currency: Literal["GBP", "EUR"] = Field(default="GBP", description="of the amount")


class LiveryOut(BaseModel):
    receipt: str


@pf.capability(intent="Settle the bill for keeping a horse at the yard", tags=["riding", "billing"])
async def pay_livery_invoice(inp: LiveryIn) -> LiveryOut:
    return LiveryOut(receipt="RC-4410")


# --- aquarium controller ----------------------------------------------------------------------


class TankTempIn(BaseModel):
    tank: Tank = Field(default="main", description="which aquarium")
    temperature_celsius: float = Field(ge=18, le=32, description="heater target, °C")


@pf.capability(intent="Heater target for a fish tank", tags=["aquarium", "heater"])
async def set_tank_temperature(inp: TankTempIn) -> Done:
    return Done(ok=True)


class PauseFeederIn(BaseModel):
    tank: Tank = Field(default="main", description="which aquarium")
    until: dt.date | None = Field(default=None, description="last day without feeding")


@pf.capability(
    intent="Hold the automatic feeds for a while",
    tags=["aquarium", "feeder"],
    examples=["no feeding in the reef tank till Sunday", "hold off the feeder"],
)
async def pause_auto_feeder(inp: PauseFeederIn) -> Done:
    return Done(ok=True)


class ResumeFeederIn(BaseModel):
    tank: Tank = Field(default="main", description="which aquarium")


@pf.capability(intent="Automatic feeds start again", tags=["aquarium", "feeder"])
async def resume_auto_feeder(inp: ResumeFeederIn) -> Done:
    return Done(ok=True)


class WaterIn(BaseModel):
    tank: Tank = Field(default="main", description="which aquarium")
    days: int = Field(default=7, ge=1, le=90, description="how many days back")


class WaterOut(BaseModel):
    ph: float
    ammonia_ppm: float
    temperature_celsius: float


@pf.capability(intent="pH, ammonia and temperature from the tank probes", tags=["aquarium"])
async def get_water_readings(inp: WaterIn) -> WaterOut:
    return WaterOut(ph=7.8, ammonia_ppm=0.0, temperature_celsius=25.0)


# --- board game café --------------------------------------------------------------------------


class GameTableIn(BaseModel):
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="arrival, HH:MM")
    party_size: int = Field(ge=1, le=12, description="how many people")
    name: str | None = Field(default=None, description="name for the booking")


class GameTableOut(BaseModel):
    booking_id: str


@pf.capability(intent="A table at the board game café", tags=["cafe", "games"])
async def book_game_table(inp: GameTableIn) -> GameTableOut:
    return GameTableOut(booking_id="GT-20417")


class CancelTableIn(BaseModel):
    booking_id: str = Field(pattern=_TABLE, description="the booking, e.g. GT-20417")


@pf.capability(intent="Call off a visit to the games café", tags=["cafe", "games"])
async def cancel_table_booking(inp: CancelTableIn) -> Done:
    return Done(ok=True)


class GameHoldIn(BaseModel):
    booking_id: str = Field(pattern=_TABLE, description="the table booking, e.g. GT-20417")
    game: str = Field(description="title of the game from the library")


@pf.capability(intent="Keep a game from the shelf aside for a visit", tags=["cafe", "games"])
async def reserve_board_game(inp: GameHoldIn) -> Done:
    return Done(ok=True)


# --- tyre fitting -----------------------------------------------------------------------------


class TyreSearchIn(BaseModel):
    size: str = Field(
        pattern=r"^[0-9]{3}/[0-9]{2} R[0-9]{2}$", description="tyre size, e.g. 205/55 R16"
    )
    season: Literal["summer", "winter", "all_season"] | None = Field(
        default=None, description="tread type"
    )
    max_price: Decimal | None = Field(default=None, gt=0, description="most per tyre, GBP")


class TyreSearchOut(BaseModel):
    tyre_id: str
    brand: str
    price: float


@pf.capability(intent="Which tyres are in stock for a car", tags=["tyres", "garage"])
async def find_tyres(inp: TyreSearchIn) -> TyreSearchOut:
    return TyreSearchOut(tyre_id="TY-20417", brand="Avon", price=72.0)


class TyreFitIn(BaseModel):
    tyre_id: str = Field(pattern=_TYRE, description="the tyre, e.g. TY-20417")
    quantity: int = Field(ge=1, le=4, description="how many tyres")
    date: dt.date = Field(description="day at the garage")
    time: str | None = Field(default=None, pattern=_HHMM, description="slot, HH:MM")


class TyreFitOut(BaseModel):
    booking_ref: str


@pf.capability(intent="New rubber put on at the garage", tags=["tyres", "garage"])
async def book_tyre_fitting(inp: TyreFitIn) -> TyreFitOut:
    return TyreFitOut(booking_ref="TF-3021")


CAPABILITIES: list[pf.Capability] = [
    enable_roaming,
    disable_roaming,
    add_data_bundle,
    get_data_usage,
    search_lots,
    place_bid,
    retract_bid,
    book_fitting,
    request_alteration,
    get_alteration_status,
    submit_talk,
    withdraw_talk,
    accept_talk,
    reject_talk,
    get_print_quote,
    submit_print_job,
    cancel_print_job,
    log_bird_sighting,
    get_sighting_report,
    set_rare_bird_alert,
    start_brew_batch,
    log_gravity_reading,
    bottle_batch,
    book_pool_service,
    log_pool_chemistry,
    order_pool_chemicals,
    open_blinds,
    close_blinds,
    set_blind_position,
    register_drone,
    file_flight_plan,
    cancel_flight_plan,
    request_lockout_callout,
    order_key_copies,
    order_firewood,
    reschedule_firewood_delivery,
    book_riding_lesson,
    cancel_riding_lesson,
    pay_livery_invoice,
    set_tank_temperature,
    pause_auto_feeder,
    resume_auto_feeder,
    get_water_readings,
    book_game_table,
    cancel_table_booking,
    reserve_board_game,
    find_tyres,
    book_tyre_fitting,
]

DOMAINS: dict[str, list[str]] = {
    "mobile phone plan": ["enable_roaming", "disable_roaming", "add_data_bundle", "get_data_usage"],
    "auction house": ["search_lots", "place_bid", "retract_bid"],
    "tailoring": ["book_fitting", "request_alteration", "get_alteration_status"],
    "conference call for papers": ["submit_talk", "withdraw_talk", "accept_talk", "reject_talk"],
    "3D printing service": ["get_print_quote", "submit_print_job", "cancel_print_job"],
    "birdwatching": ["log_bird_sighting", "get_sighting_report", "set_rare_bird_alert"],
    "home brewing": ["start_brew_batch", "log_gravity_reading", "bottle_batch"],
    "swimming pool service": ["book_pool_service", "log_pool_chemistry", "order_pool_chemicals"],
    "smart blinds": ["open_blinds", "close_blinds", "set_blind_position"],
    "drone flights": ["register_drone", "file_flight_plan", "cancel_flight_plan"],
    "locksmith": ["request_lockout_callout", "order_key_copies"],
    "firewood delivery": ["order_firewood", "reschedule_firewood_delivery"],
    "riding stables": ["book_riding_lesson", "cancel_riding_lesson", "pay_livery_invoice"],
    "aquarium": [
        "set_tank_temperature",
        "pause_auto_feeder",
        "resume_auto_feeder",
        "get_water_readings",
    ],
    "board game café": ["book_game_table", "cancel_table_booking", "reserve_board_game"],
    "tyre fitting": ["find_tyres", "book_tyre_fitting"],
}


def make_node(data_dir: Path) -> pf.Node:
    """A node holding only this registry and the planner, with the plan cache off."""
    node = pf.Node("heldout6", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    node.register(CAPABILITIES)
    return node
