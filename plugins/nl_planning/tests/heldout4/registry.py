"""A fourth blind registry: 50 capabilities in 16 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases and registries of the earlier held-out sets. Each capability has a name, an intent,
tags and input/output models whose fields carry a type, a ``description`` and, where a real API
would have one, a ``pattern``, a ``format``, an enum (``Literal``), bounds or a default. Five of
them declare ``examples=`` as a few authors would (``boost_hot_water``, ``log_pest_sighting``,
``register_visitor``, ``request_bye``, ``follow_project``); none declares ``keywords=``. Bodies are
trivial: the set measures planning, not execution.

Near neighbours are deliberate: ``arm_alarm``/``disarm_alarm`` and ``pause_newspaper_delivery``/
``resume_newspaper_delivery`` and ``start_charging``/``stop_charging`` both exist, while
``unlock_bike`` has no lock, ``boost_hot_water`` no cancel, ``add_alarm_user`` no removal,
``book_removal`` no cancel, ``order_cake`` no cancel, ``register_for_tournament`` no withdrawal,
``pledge_to_project`` no withdrawal, ``follow_project`` no unfollow, ``approve_repair_quote`` no
rejection, ``book_pest_inspection`` no cancel, ``book_meeting_room`` no cancel (only desks have
one) and ``buy_valet_voucher`` no refund. Outputs feed inputs of the same name:
``search_pitches.pitch_id`` → ``book_pitch``, ``get_removal_quote.quote_id`` → ``book_removal``,
``find_babysitter.sitter_id`` → ``book_babysitter``, ``find_charger.charger_id`` →
``start_charging``, ``register_for_tournament.entry_id`` → ``request_bye``,
``book_meeting_room.meeting_id`` → ``register_visitor``, ``search_birth_records.record_id`` →
``order_certificate``, ``check_repair_status.quote_id`` → ``approve_repair_quote``.
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
_E164 = r"^\+[1-9][0-9]{7,14}$"
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$"

Flavour = Literal["chocolate", "vanilla", "lemon", "red_velvet", "carrot", "coffee_walnut"]
Pest = Literal["mice", "rats", "wasps", "bedbugs", "cockroaches", "ants", "moths", "pigeons"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


# --- campsite ---------------------------------------------------------------------------------


class PitchSearchIn(BaseModel):
    arrival_date: dt.date = Field(description="night of arrival")
    departure_date: dt.date = Field(description="day of departure")
    pitch_type: Literal["tent", "caravan", "motorhome", "campervan"] = Field(
        description="what will stand on the pitch"
    )
    vehicle_length_m: float | None = Field(
        default=None, gt=0, le=15, description="length of the caravan or motorhome in metres"
    )
    electric_hookup: bool = Field(default=False, description="pitch with a mains hook-up")
    dogs: int = Field(default=0, ge=0, le=3, description="dogs staying on the pitch")


class PitchSearchOut(BaseModel):
    pitch_id: str
    price_per_night: float


@pf.capability(intent="Free pitches at the campsite for given nights", tags=["campsite"])
async def search_pitches(inp: PitchSearchIn) -> PitchSearchOut:
    return PitchSearchOut(pitch_id="P-0142", price_per_night=28.0)


class BookPitchIn(BaseModel):
    pitch_id: str = Field(pattern=r"^P-[0-9]{4}$", description="pitch number, e.g. P-0142")
    arrival_date: dt.date = Field(description="night of arrival")
    departure_date: dt.date = Field(description="day of departure")
    adults: int = Field(default=2, ge=1, le=8, description="adults in the party")
    children: int = Field(default=0, ge=0, le=8, description="children in the party")
    email: str | None = Field(
        default=None, json_schema_extra=_EMAIL, description="where the confirmation goes"
    )


class BookPitchOut(BaseModel):
    booking_ref: str


@pf.capability(intent="Reserve a pitch for a stay", tags=["campsite", "booking"])
async def book_pitch(inp: BookPitchIn) -> BookPitchOut:
    return BookPitchOut(booking_ref="CP-204118")


class CancelPitchIn(BaseModel):
    booking_ref: str = Field(pattern=r"^CP-[0-9]{6}$", description="campsite booking reference")
    reason: str | None = Field(default=None, description="why the stay is called off")


class CancelPitchOut(BaseModel):
    refund: float


@pf.capability(intent="Call off a campsite stay", tags=["campsite", "booking"])
async def cancel_pitch_booking(inp: CancelPitchIn) -> CancelPitchOut:
    return CancelPitchOut(refund=0.0)


# --- bike share -------------------------------------------------------------------------------

_BIKE = r"^[0-9]{5}$"


class UnlockBikeIn(BaseModel):
    bike_number: str = Field(pattern=_BIKE, description="five-digit number on the bike's frame")


class UnlockBikeOut(BaseModel):
    ride_id: str


@pf.capability(intent="Release a hire bike from its dock", tags=["bikeshare"])
async def unlock_bike(inp: UnlockBikeIn) -> UnlockBikeOut:
    return UnlockBikeOut(ride_id="R1")


class BikeDamageIn(BaseModel):
    bike_number: str = Field(pattern=_BIKE, description="five-digit number on the bike's frame")
    problem: Literal["flat_tyre", "brakes", "chain", "lights", "saddle", "bell", "other"] = Field(
        description="what is wrong with it"
    )
    details: str | None = Field(default=None, description="anything the mechanic should know")


class BikeDamageOut(BaseModel):
    ticket: str


@pf.capability(intent="Tell the scheme a bike is broken", tags=["bikeshare", "repairs"])
async def report_bike_damage(inp: BikeDamageIn) -> BikeDamageOut:
    return BikeDamageOut(ticket="BD1")


class BikePassIn(BaseModel):
    plan: Literal["day", "month", "annual"] = Field(description="length of the membership")
    ebike: bool = Field(default=False, description="includes electric bikes")
    auto_renew: bool = Field(default=False, description="renews itself when it runs out")


class BikePassOut(BaseModel):
    pass_id: str


@pf.capability(intent="Membership of the cycle hire scheme", tags=["bikeshare", "payments"])
async def buy_bike_pass(inp: BikePassIn) -> BikePassOut:
    return BikePassOut(pass_id="BP1")


# --- home alarm -------------------------------------------------------------------------------


class ArmIn(BaseModel):
    mode: Literal["away", "night", "perimeter"] = Field(
        default="away", description="which sensors are live"
    )
    exit_delay_seconds: int = Field(
        default=30, ge=0, le=300, description="seconds to get out before it is live"
    )


class AlarmStateOut(BaseModel):
    state: str


@pf.capability(intent="Set the house alarm", tags=["alarm", "security"])
async def arm_alarm(inp: ArmIn) -> AlarmStateOut:
    return AlarmStateOut(state="armed")


class DisarmIn(BaseModel):
    pin: str = Field(pattern=r"^[0-9]{4,6}$", description="keypad code")


@pf.capability(intent="Switch the house alarm off", tags=["alarm", "security"])
async def disarm_alarm(inp: DisarmIn) -> AlarmStateOut:
    return AlarmStateOut(state="disarmed")


class AlarmUserIn(BaseModel):
    name: str = Field(description="person's name")
    phone: str = Field(pattern=_E164, description="mobile number for alerts, international form")
    access: Literal["full", "arm_only", "temporary"] = Field(
        default="full", description="what the person's code may do"
    )
    expires_on: dt.date | None = Field(default=None, description="last day the code works")


class AlarmUserOut(BaseModel):
    user_id: str


@pf.capability(intent="Give someone their own code for the alarm", tags=["alarm", "users"])
async def add_alarm_user(inp: AlarmUserIn) -> AlarmUserOut:
    return AlarmUserOut(user_id="U1")


class AlarmEventsIn(BaseModel):
    from_date: dt.date = Field(description="first day of the log")
    to_date: dt.date = Field(description="last day of the log")
    kind: Literal["all", "alarms", "arm_disarm", "faults"] = Field(
        default="all", description="which entries"
    )


class AlarmEventsOut(BaseModel):
    events: list[str]


@pf.capability(intent="History of the alarm panel", tags=["alarm", "history"])
async def get_alarm_events(inp: AlarmEventsIn) -> AlarmEventsOut:
    return AlarmEventsOut(events=[])


# --- removals ---------------------------------------------------------------------------------


class RemovalQuoteIn(BaseModel):
    from_postcode: str = Field(pattern=_POSTCODE, description="postcode moving out of")
    to_postcode: str = Field(pattern=_POSTCODE, description="postcode moving into")
    move_date: dt.date = Field(description="moving day")
    bedrooms: int = Field(ge=0, le=8, description="bedrooms in the current home")
    piano: bool = Field(default=False, description="a piano has to go too")


class RemovalQuoteOut(BaseModel):
    quote_id: str
    price: float


@pf.capability(intent="Price for a house move by our vans and crew", tags=["removals"])
async def get_removal_quote(inp: RemovalQuoteIn) -> RemovalQuoteOut:
    return RemovalQuoteOut(quote_id="RQ-10001", price=950.0)


class BookRemovalIn(BaseModel):
    quote_id: str = Field(pattern=r"^RQ-[0-9]{5}$", description="quote reference")
    move_date: dt.date = Field(description="moving day")
    start_time: str | None = Field(
        default=None, pattern=_HHMM, description="when the crew arrives, HH:MM"
    )
    contact_phone: str | None = Field(
        default=None, pattern=_E164, description="number the crew calls on the day"
    )


class BookRemovalOut(BaseModel):
    job_id: str


@pf.capability(intent="Confirm a move with the removals crew", tags=["removals", "booking"])
async def book_removal(inp: BookRemovalIn) -> BookRemovalOut:
    return BookRemovalOut(job_id="J1")


class BoxesIn(BaseModel):
    size: Literal["small", "medium", "large", "wardrobe"] = Field(description="box size")
    quantity: int = Field(ge=1, le=200, description="number of boxes")
    delivery_date: dt.date = Field(description="day they are dropped off")
    tape: bool = Field(default=False, description="add rolls of packing tape")


class BoxesOut(BaseModel):
    order_id: str


@pf.capability(intent="Cardboard boxes delivered before the move", tags=["removals", "supplies"])
async def order_moving_boxes(inp: BoxesIn) -> BoxesOut:
    return BoxesOut(order_id="B1")


# --- smart heating ----------------------------------------------------------------------------


class RoomTempIn(BaseModel):
    room: Literal[
        "living_room", "kitchen", "bedroom", "bathroom", "office", "hall", "whole_house"
    ] = Field(description="zone of the heating system")
    temperature_celsius: float = Field(ge=5, le=30, description="target in degrees Celsius")
    until: str | None = Field(
        default=None, pattern=_HHMM, description="time the schedule takes over again, HH:MM"
    )


class HeatingOut(BaseModel):
    ok: bool


@pf.capability(intent="Thermostat target for a zone of the house", tags=["heating"])
async def set_room_temperature(inp: RoomTempIn) -> HeatingOut:
    return HeatingOut(ok=True)


class BoostIn(BaseModel):
    duration_minutes: int = Field(default=60, ge=15, le=180, description="minutes of boost")


@pf.capability(
    intent="Heat the water tank outside its schedule",
    tags=["heating", "hot water"],
    examples=["boost the hot water for an hour", "I need hot water now for a bath"],
)
async def boost_hot_water(inp: BoostIn) -> HeatingOut:
    return HeatingOut(ok=True)


class HolidayModeIn(BaseModel):
    start_date: dt.date = Field(description="first day away")
    end_date: dt.date = Field(description="last day away")
    frost_celsius: float = Field(
        default=7, ge=5, le=15, description="lowest the house may get, degrees Celsius"
    )


@pf.capability(intent="Keep the house just above freezing while away", tags=["heating"])
async def set_heating_holiday_mode(inp: HolidayModeIn) -> HeatingOut:
    return HeatingOut(ok=True)


# --- babysitting ------------------------------------------------------------------------------

_SITTER = r"^SIT-[0-9]{4}$"


class FindSitterIn(BaseModel):
    date: dt.date = Field(description="evening or day needed")
    start_time: str = Field(pattern=_HHMM, description="from, HH:MM")
    end_time: str = Field(pattern=_HHMM, description="until, HH:MM")
    children: int = Field(default=1, ge=1, le=6, description="children to look after")
    first_aid: bool = Field(default=False, description="sitter holds a first-aid certificate")


class FindSitterOut(BaseModel):
    sitter_id: str
    name: str


@pf.capability(intent="Vetted sitters free at a given time", tags=["childcare"])
async def find_babysitter(inp: FindSitterIn) -> FindSitterOut:
    return FindSitterOut(sitter_id="SIT-0042", name="Maria")


class BookSitterIn(BaseModel):
    date: dt.date = Field(description="evening or day needed")
    start_time: str = Field(pattern=_HHMM, description="from, HH:MM")
    end_time: str = Field(pattern=_HHMM, description="until, HH:MM")
    children: int = Field(default=1, ge=1, le=6, description="children to look after")
    sitter_id: str | None = Field(
        default=None, pattern=_SITTER, description="a particular sitter, else the first free"
    )
    notes: str | None = Field(default=None, description="bedtimes, allergies and so on")


class BookSitterOut(BaseModel):
    booking_id: str


@pf.capability(intent="Get a sitter to come round", tags=["childcare", "booking"])
async def book_babysitter(inp: BookSitterIn) -> BookSitterOut:
    return BookSitterOut(booking_id="BB-10001")


class CancelSitterIn(BaseModel):
    booking_id: str = Field(pattern=r"^BB-[0-9]{5}$", description="babysitting booking")


class CancelSitterOut(BaseModel):
    fee: float


@pf.capability(intent="Sitter no longer needed", tags=["childcare", "booking"])
async def cancel_babysitter_booking(inp: CancelSitterIn) -> CancelSitterOut:
    return CancelSitterOut(fee=0.0)


class RateSitterIn(BaseModel):
    sitter_name: str = Field(description="first name of the sitter")
    stars: int = Field(ge=1, le=5, description="1 to 5")
    comment: str | None = Field(default=None, description="a few words for other parents")


class RateSitterOut(BaseModel):
    review_id: str


@pf.capability(intent="Review left for a sitter after a visit", tags=["childcare", "reviews"])
async def rate_babysitter(inp: RateSitterIn) -> RateSitterOut:
    return RateSitterOut(review_id="RV1")


# --- newspaper delivery -----------------------------------------------------------------------


class PausePaperIn(BaseModel):
    start_date: dt.date = Field(description="first day with no paper")
    end_date: dt.date = Field(description="last day with no paper")


class PaperOut(BaseModel):
    ok: bool


@pf.capability(intent="Stop the papers for a while", tags=["newsagent", "delivery"])
async def pause_newspaper_delivery(inp: PausePaperIn) -> PaperOut:
    return PaperOut(ok=True)


class ResumePaperIn(BaseModel):
    resume_on: dt.date = Field(description="first day the paper comes again")


@pf.capability(intent="Papers back on the doorstep", tags=["newsagent", "delivery"])
async def resume_newspaper_delivery(inp: ResumePaperIn) -> PaperOut:
    return PaperOut(ok=True)


class PaperOrderIn(BaseModel):
    title: str = Field(description="newspaper or magazine")
    days: list[Weekday] = Field(description="days of the week it is delivered")


@pf.capability(intent="Which paper comes on which days", tags=["newsagent", "subscription"])
async def change_newspaper_order(inp: PaperOrderIn) -> PaperOut:
    return PaperOut(ok=True)


# --- EV charging ------------------------------------------------------------------------------


class FindChargerIn(BaseModel):
    near: str = Field(description="town, street or landmark")
    connector: Literal["CCS", "CHAdeMO", "Type 2"] = Field(description="plug type")
    min_power_kw: int | None = Field(default=None, ge=3, le=350, description="at least, in kW")
    radius_km: float = Field(default=5, gt=0, le=50, description="search radius in kilometres")


class FindChargerOut(BaseModel):
    charger_id: str


@pf.capability(intent="Public chargepoints for an electric car", tags=["ev", "charging"])
async def find_charger(inp: FindChargerIn) -> FindChargerOut:
    return FindChargerOut(charger_id="EVC-1042")


class StartChargeIn(BaseModel):
    charger_id: str = Field(pattern=r"^EVC-[0-9]{4}$", description="chargepoint code")
    target_percent: int = Field(default=80, ge=10, le=100, description="battery level to stop at")


class StartChargeOut(BaseModel):
    session_id: str


@pf.capability(intent="Begin a session on a chargepoint", tags=["ev", "charging"])
async def start_charging(inp: StartChargeIn) -> StartChargeOut:
    return StartChargeOut(session_id="CS104221")


class StopChargeIn(BaseModel):
    session_id: str = Field(pattern=r"^CS[0-9]{6}$", description="charging session")


class StopChargeOut(BaseModel):
    kwh: float
    cost: float


@pf.capability(intent="End a session on a chargepoint", tags=["ev", "charging"])
async def stop_charging(inp: StopChargeIn) -> StopChargeOut:
    return StopChargeOut(kwh=0.0, cost=0.0)


# --- bakery -----------------------------------------------------------------------------------

_CAKE_ORDER = r"^CK[0-9]{5}$"


class CakeIn(BaseModel):
    servings: int = Field(ge=6, le=120, description="portions")
    flavour: Flavour = Field(description="sponge")
    message: str | None = Field(default=None, description="writing piped on top")
    pickup_date: dt.date = Field(description="collection day")
    pickup_time: str | None = Field(default=None, pattern=_HHMM, description="collection, HH:MM")
    allergies: list[Literal["nuts", "gluten", "dairy", "egg"]] = Field(
        default_factory=list, description="ingredients to leave out"
    )


class CakeOut(BaseModel):
    order_number: str


@pf.capability(intent="Celebration cake made to order", tags=["bakery", "orders"])
async def order_cake(inp: CakeIn) -> CakeOut:
    return CakeOut(order_number="CK10001")


class CupcakesIn(BaseModel):
    quantity: int = Field(ge=6, le=144, description="how many")
    flavour: Flavour = Field(description="sponge")
    pickup_date: dt.date = Field(description="collection day")
    vegan: bool = Field(default=False, description="made without animal products")


@pf.capability(intent="Trays of small iced cakes", tags=["bakery", "orders"])
async def order_cupcakes(inp: CupcakesIn) -> CakeOut:
    return CakeOut(order_number="CK10002")


class CakeStatusIn(BaseModel):
    order_number: str = Field(pattern=_CAKE_ORDER, description="bakery order number")


class CakeStatusOut(BaseModel):
    status: str


@pf.capability(intent="Where a bakery order has got to", tags=["bakery", "orders"])
async def check_cake_order(inp: CakeStatusIn) -> CakeStatusOut:
    return CakeStatusOut(status="baking")


class CakePickupIn(BaseModel):
    order_number: str = Field(pattern=_CAKE_ORDER, description="bakery order number")
    new_date: dt.date = Field(description="new collection day")
    new_time: str | None = Field(default=None, pattern=_HHMM, description="new time, HH:MM")


@pf.capability(intent="Collect a bakery order on another day", tags=["bakery", "orders"])
async def change_cake_pickup(inp: CakePickupIn) -> CakeStatusOut:
    return CakeStatusOut(status="moved")


# --- chess tournament -------------------------------------------------------------------------


class TournamentEntryIn(BaseModel):
    tournament_code: str = Field(pattern=r"^T-[0-9]{4}$", description="event code")
    fide_id: str = Field(pattern=r"^[0-9]{6,9}$", description="player's FIDE number")
    section: Literal["open", "u1800", "u1400", "junior"] = Field(
        default="open", description="rating section"
    )


class TournamentEntryOut(BaseModel):
    entry_id: str


@pf.capability(intent="Enter a player in a chess congress", tags=["chess", "tournament"])
async def register_for_tournament(inp: TournamentEntryIn) -> TournamentEntryOut:
    return TournamentEntryOut(entry_id="E10001")


class GameResultIn(BaseModel):
    round: int = Field(ge=1, le=11, description="round number")
    board: int = Field(ge=1, le=200, description="board number")
    result: Literal["white_win", "black_win", "draw"] = Field(description="outcome of the game")


class GameResultOut(BaseModel):
    recorded: bool


@pf.capability(intent="Score of a finished game for the pairings", tags=["chess", "results"])
async def report_game_result(inp: GameResultIn) -> GameResultOut:
    return GameResultOut(recorded=True)


class ByeIn(BaseModel):
    entry_id: str = Field(pattern=r"^E[0-9]{5}$", description="tournament entry")
    round: int = Field(ge=1, le=11, description="round the player sits out")


class ByeOut(BaseModel):
    granted: bool


@pf.capability(
    intent="Sit out a round for half a point",
    tags=["chess", "tournament"],
    examples=["I can't make round 4", "skip round two for entry E10001"],
)
async def request_bye(inp: ByeIn) -> ByeOut:
    return ByeOut(granted=True)


# --- pest control -----------------------------------------------------------------------------


class PestVisitIn(BaseModel):
    pest: Pest = Field(description="what has been seen")
    address: str = Field(description="street address of the property")
    date: dt.date = Field(description="day of the technician's visit")
    urgent: bool = Field(default=False, description="same-day priority call-out")


class PestVisitOut(BaseModel):
    job_number: str


@pf.capability(intent="A technician comes to look at an infestation", tags=["pest control"])
async def book_pest_inspection(inp: PestVisitIn) -> PestVisitOut:
    return PestVisitOut(job_number="PC-10001")


class PestReportIn(BaseModel):
    job_number: str = Field(pattern=r"^PC-[0-9]{5}$", description="pest control job")


class PestReportOut(BaseModel):
    findings: str


@pf.capability(intent="What the technician found and did", tags=["pest control", "reports"])
async def get_treatment_report(inp: PestReportIn) -> PestReportOut:
    return PestReportOut(findings="")


class SightingIn(BaseModel):
    pest: Pest = Field(description="what was seen")
    seen_on: dt.date = Field(description="day it was seen")
    location: str = Field(description="where in the property")
    count: int | None = Field(default=None, ge=1, description="how many were seen")


class SightingOut(BaseModel):
    logged: bool


@pf.capability(
    intent="Note of pests spotted, for the technician",
    tags=["pest control", "log"],
    examples=["saw a mouse in the kitchen last night", "two wasps in the loft today"],
)
async def log_pest_sighting(inp: SightingIn) -> SightingOut:
    return SightingOut(logged=True)


# --- coworking --------------------------------------------------------------------------------


class DeskIn(BaseModel):
    date: dt.date = Field(description="first day at the desk")
    site: Literal["Shoreditch", "Canary Wharf", "Manchester", "Leeds"] = Field(
        description="which of our buildings"
    )
    desk_type: Literal["hot_desk", "dedicated", "standing", "quiet_zone"] = Field(
        default="hot_desk", description="kind of desk"
    )
    days: int = Field(default=1, ge=1, le=20, description="consecutive working days")


class DeskOut(BaseModel):
    booking_id: str


@pf.capability(intent="Somewhere to work in one of our spaces", tags=["coworking"])
async def book_desk(inp: DeskIn) -> DeskOut:
    return DeskOut(booking_id="DK100001")


class CancelDeskIn(BaseModel):
    booking_id: str = Field(pattern=r"^DK[0-9]{6}$", description="desk booking")


class CancelDeskOut(BaseModel):
    ok: bool


@pf.capability(intent="Give a desk back", tags=["coworking"])
async def cancel_desk_booking(inp: CancelDeskIn) -> CancelDeskOut:
    return CancelDeskOut(ok=True)


class RoomIn(BaseModel):
    date: dt.date = Field(description="day of the meeting")
    start_time: str = Field(pattern=_HHMM, description="from, HH:MM")
    end_time: str = Field(pattern=_HHMM, description="until, HH:MM")
    people: int = Field(ge=2, le=20, description="attendees")
    video: bool = Field(default=False, description="needs a screen and conference camera")


class RoomOut(BaseModel):
    meeting_id: str


@pf.capability(intent="A room with a door for a meeting", tags=["coworking", "meetings"])
async def book_meeting_room(inp: RoomIn) -> RoomOut:
    return RoomOut(meeting_id="MR-10001")


class VisitorIn(BaseModel):
    visitor_name: str = Field(description="guest's full name")
    visit_date: dt.date = Field(description="day of the visit")
    visitor_email: str | None = Field(
        default=None, json_schema_extra=_EMAIL, description="guest's e-mail for the pass"
    )
    arrival_time: str | None = Field(default=None, pattern=_HHMM, description="expected, HH:MM")
    meeting_id: str | None = Field(
        default=None, pattern=r"^MR-[0-9]{5}$", description="the meeting they come for"
    )


class VisitorOut(BaseModel):
    pass_code: str


@pf.capability(
    intent="Front desk pass for a guest",
    tags=["coworking", "reception"],
    examples=["I've got someone coming in to see me on Tuesday", "sign in a guest"],
)
async def register_visitor(inp: VisitorIn) -> VisitorOut:
    return VisitorOut(pass_code="V1")


# --- car valeting -----------------------------------------------------------------------------

Package = Literal["exterior", "interior", "full", "mini"]


class ValetIn(BaseModel):
    registration: str = Field(pattern=r"^[A-Z]{2}[0-9]{2} ?[A-Z]{3}$", description="number plate")
    package: Package = Field(description="which clean")
    date: dt.date = Field(description="day of the valet")
    time: str = Field(pattern=_HHMM, description="drop-off, HH:MM")
    vehicle_size: Literal["small", "medium", "large", "van"] = Field(
        default="medium", description="size class of the vehicle"
    )


class ValetOut(BaseModel):
    booking_id: str


@pf.capability(intent="Hand-clean for a car at our centre", tags=["valeting", "booking"])
async def book_car_valet(inp: ValetIn) -> ValetOut:
    return ValetOut(booking_id="VL1")


class VoucherIn(BaseModel):
    amount: Decimal = Field(ge=5, le=500, description="value of the voucher")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="currency")
    recipient_email: str = Field(json_schema_extra=_EMAIL, description="who receives it")
    message: str | None = Field(default=None, description="note printed on the voucher")


class VoucherOut(BaseModel):
    voucher_code: str


@pf.capability(intent="A gift card for a clean", tags=["valeting", "gifts"])
async def buy_valet_voucher(inp: VoucherIn) -> VoucherOut:
    return VoucherOut(voucher_code="GV1")


# --- family history ---------------------------------------------------------------------------


class BirthSearchIn(BaseModel):
    surname: str = Field(description="family name at birth")
    forenames: str | None = Field(default=None, description="given names")
    year_from: int = Field(ge=1837, le=2026, description="earliest year of birth")
    year_to: int = Field(ge=1837, le=2026, description="latest year of birth")
    county: str | None = Field(default=None, description="county of registration")


class BirthSearchOut(BaseModel):
    record_id: str


@pf.capability(intent="Index of births registered in England and Wales", tags=["genealogy"])
async def search_birth_records(inp: BirthSearchIn) -> BirthSearchOut:
    return BirthSearchOut(record_id="GRO1000001")


class CertificateIn(BaseModel):
    record_id: str = Field(pattern=r"^GRO[0-9]{7}$", description="index entry")
    copies: int = Field(default=1, ge=1, le=10, description="number of copies")
    delivery: Literal["post", "pdf"] = Field(default="post", description="paper or PDF")


class CertificateOut(BaseModel):
    order_id: str


@pf.capability(intent="Official copy of a birth entry", tags=["genealogy", "orders"])
async def order_certificate(inp: CertificateIn) -> CertificateOut:
    return CertificateOut(order_id="GC1")


# --- crowdfunding -----------------------------------------------------------------------------

_SLUG = r"^[a-z0-9-]{3,60}$"


class PledgeIn(BaseModel):
    project_slug: str = Field(pattern=_SLUG, description="project's short name in its URL")
    amount: Decimal = Field(gt=0, description="pledge")
    currency: Literal["USD", "EUR", "GBP", "CAD", "AUD"] = Field(
        default="USD", description="currency of the pledge"
    )
    anonymous: bool = Field(default=False, description="hide the backer's name")


class PledgeOut(BaseModel):
    pledge_id: str


@pf.capability(intent="Back a campaign with money", tags=["crowdfunding", "payments"])
async def pledge_to_project(inp: PledgeIn) -> PledgeOut:
    return PledgeOut(pledge_id="PL1")


class FollowIn(BaseModel):
    project_slug: str = Field(pattern=_SLUG, description="project's short name in its URL")
    email_updates: bool = Field(default=True, description="send its updates by e-mail")


class FollowOut(BaseModel):
    ok: bool


@pf.capability(
    intent="Keep an eye on a campaign",
    tags=["crowdfunding"],
    examples=["follow solar-kettle", "let me know when smart-hive posts news"],
)
async def follow_project(inp: FollowIn) -> FollowOut:
    return FollowOut(ok=True)


class CreatorMessageIn(BaseModel):
    project_slug: str = Field(pattern=_SLUG, description="project's short name in its URL")
    message: str = Field(description="text sent to the creator")


@pf.capability(intent="Write to the people behind a campaign", tags=["crowdfunding"])
async def message_creator(inp: CreatorMessageIn) -> FollowOut:
    return FollowOut(ok=True)


# --- watch repair -----------------------------------------------------------------------------

_TICKET = r"^WR-[0-9]{5}$"


class WatchRepairIn(BaseModel):
    brand: str = Field(description="maker of the watch")
    issue: Literal["battery", "strap", "glass", "water_damage", "losing_time", "service"] = Field(
        description="what needs doing"
    )
    drop_off_date: dt.date = Field(description="day it is brought in")
    serial_number: str | None = Field(default=None, description="case back serial")


class WatchRepairOut(BaseModel):
    repair_ticket: str


@pf.capability(intent="Bring a watch in to the workbench", tags=["watches", "repairs"])
async def request_watch_repair(inp: WatchRepairIn) -> WatchRepairOut:
    return WatchRepairOut(repair_ticket="WR-10001")


class RepairStatusIn(BaseModel):
    repair_ticket: str = Field(pattern=_TICKET, description="repair ticket")


class RepairStatusOut(BaseModel):
    status: str
    quote_id: str


@pf.capability(intent="Progress of a watch in for repair", tags=["watches", "repairs"])
async def check_repair_status(inp: RepairStatusIn) -> RepairStatusOut:
    return RepairStatusOut(status="quoted", quote_id="Q100001")


class ApproveQuoteIn(BaseModel):
    quote_id: str = Field(pattern=r"^Q[0-9]{6}$", description="repair quote")
    note: str | None = Field(default=None, description="message to the watchmaker")


class ApproveQuoteOut(BaseModel):
    ok: bool


@pf.capability(intent="Go ahead with the quoted work", tags=["watches", "repairs"])
async def approve_repair_quote(inp: ApproveQuoteIn) -> ApproveQuoteOut:
    return ApproveQuoteOut(ok=True)


CAPABILITIES: list[pf.Capability] = [
    search_pitches,
    book_pitch,
    cancel_pitch_booking,
    unlock_bike,
    report_bike_damage,
    buy_bike_pass,
    arm_alarm,
    disarm_alarm,
    add_alarm_user,
    get_alarm_events,
    get_removal_quote,
    book_removal,
    order_moving_boxes,
    set_room_temperature,
    boost_hot_water,
    set_heating_holiday_mode,
    find_babysitter,
    book_babysitter,
    cancel_babysitter_booking,
    rate_babysitter,
    pause_newspaper_delivery,
    resume_newspaper_delivery,
    change_newspaper_order,
    find_charger,
    start_charging,
    stop_charging,
    order_cake,
    order_cupcakes,
    check_cake_order,
    change_cake_pickup,
    register_for_tournament,
    report_game_result,
    request_bye,
    book_pest_inspection,
    get_treatment_report,
    log_pest_sighting,
    book_desk,
    cancel_desk_booking,
    book_meeting_room,
    register_visitor,
    book_car_valet,
    buy_valet_voucher,
    search_birth_records,
    order_certificate,
    pledge_to_project,
    follow_project,
    message_creator,
    request_watch_repair,
    check_repair_status,
    approve_repair_quote,
]

DOMAINS: dict[str, list[str]] = {
    "campsite": ["search_pitches", "book_pitch", "cancel_pitch_booking"],
    "bike share": ["unlock_bike", "report_bike_damage", "buy_bike_pass"],
    "home alarm": ["arm_alarm", "disarm_alarm", "add_alarm_user", "get_alarm_events"],
    "removals": ["get_removal_quote", "book_removal", "order_moving_boxes"],
    "smart heating": ["set_room_temperature", "boost_hot_water", "set_heating_holiday_mode"],
    "babysitting": [
        "find_babysitter",
        "book_babysitter",
        "cancel_babysitter_booking",
        "rate_babysitter",
    ],
    "newspaper delivery": [
        "pause_newspaper_delivery",
        "resume_newspaper_delivery",
        "change_newspaper_order",
    ],
    "EV charging": ["find_charger", "start_charging", "stop_charging"],
    "bakery": ["order_cake", "order_cupcakes", "check_cake_order", "change_cake_pickup"],
    "chess tournament": ["register_for_tournament", "report_game_result", "request_bye"],
    "pest control": ["book_pest_inspection", "get_treatment_report", "log_pest_sighting"],
    "coworking": ["book_desk", "cancel_desk_booking", "book_meeting_room", "register_visitor"],
    "car valeting": ["book_car_valet", "buy_valet_voucher"],
    "family history": ["search_birth_records", "order_certificate"],
    "crowdfunding": ["pledge_to_project", "follow_project", "message_creator"],
    "watch repair": ["request_watch_repair", "check_repair_status", "approve_repair_quote"],
}


def make_node(data_dir: Path) -> pf.Node:
    """A node holding only this registry and the planner, with the plan cache off."""
    node = pf.Node("heldout4", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    node.register(CAPABILITIES)
    return node
