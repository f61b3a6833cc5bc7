"""A fifth blind registry: 50 capabilities in 16 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases and registries of the earlier held-out sets. Each capability has a name, an intent,
tags and input/output models whose fields carry a type, a ``description`` and, where a real API
would have one, a ``pattern``, a ``format``, an enum (``Literal``), bounds or a default. Five of
them declare ``examples=`` as a few authors would (``request_housekeeping``,
``skip_cleaning_visit``, ``like_photo``, ``set_light_scene``, ``log_dive``); none declares
``keywords=``. Bodies are trivial: the set measures planning, not execution.

Opposite actions that both exist: ``add_guest``/``remove_guest``, ``join_ride``/``leave_ride``,
``add_to_shopping_list``/``remove_from_shopping_list``, ``follow_photographer``/
``unfollow_photographer``, ``approve_expense``/``reject_expense``, ``turn_on_lights``/
``turn_off_lights``, ``start_vacuum``/``stop_vacuum``, ``add_to_watchlist``/
``remove_from_watchlist``, ``rent_storage_unit``/``end_storage_rental`` and
``book_salon_appointment``/``cancel_salon_appointment``. Reads beside writes on the same object:
``record_rsvp``/``list_rsvps``, ``add_to_shopping_list``/``get_shopping_list``,
``submit_expense``/``get_expense_status``, ``book_parcel_collection``/``track_parcel``,
``order_bouquet``/``track_flower_delivery``, ``start_vacuum``/``get_vacuum_history``.
Absent on purpose: no unlike, no cancel of a bouquet, a tool reservation, a dive trip, room
service or a parcel collection, no withdrawal of an expense claim.

Outputs feed inputs of the same name: ``find_stylist.stylist_id`` → ``book_salon_appointment``,
``search_rides.ride_id`` → ``join_ride``, ``find_tool.tool_id`` → ``reserve_tool``,
``find_title.title_id`` → ``add_to_watchlist``, ``rent_storage_unit.unit_id`` →
``request_storage_access``, ``book_dive_trip.trip_id`` → ``rent_dive_gear``,
``book_parcel_collection.tracking_number`` → ``track_parcel``, ``submit_expense.claim_id`` →
``get_expense_status``.
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
_ROOM_NO = r"^[0-9]{3,4}$"

Room = Literal["kitchen", "living_room", "bedroom", "hallway", "bathroom", "garden", "office"]
Size = Literal["small", "medium", "large"]
Service = Literal["cut", "colour", "blow_dry", "beard_trim", "highlights"]


class Done(BaseModel):
    ok: bool


# --- hotel stay -------------------------------------------------------------------------------


class LateCheckoutIn(BaseModel):
    room_number: str = Field(pattern=_ROOM_NO, description="the guest's room number")
    checkout_time: str = Field(pattern=_HHMM, description="when the guest will leave, HH:MM")


class LateCheckoutOut(BaseModel):
    approved: bool
    fee: float


@pf.capability(intent="Keep the room past the usual departure time", tags=["hotel", "stay"])
async def request_late_checkout(inp: LateCheckoutIn) -> LateCheckoutOut:
    return LateCheckoutOut(approved=True, fee=0.0)


class RoomServiceIn(BaseModel):
    room_number: str = Field(pattern=_ROOM_NO, description="room to deliver to")
    dish: str = Field(description="what to bring up, from the in-room menu")
    quantity: int = Field(default=1, ge=1, le=10, description="how many portions")
    deliver_at: str | None = Field(
        default=None, pattern=_HHMM, description="time to bring it, HH:MM; as soon as possible"
    )
    notes: str | None = Field(default=None, description="allergies or requests for the kitchen")


class RoomServiceOut(BaseModel):
    order_id: str


@pf.capability(intent="Food and drinks brought up to a guest room", tags=["hotel", "food"])
async def order_room_service(inp: RoomServiceIn) -> RoomServiceOut:
    return RoomServiceOut(order_id="RS-2041")


class HousekeepingIn(BaseModel):
    room_number: str = Field(pattern=_ROOM_NO, description="the guest's room number")
    service: Literal["full_clean", "fresh_towels", "extra_pillows", "turndown", "toiletries"] = (
        Field(description="what the guest needs")
    )
    at: str | None = Field(default=None, pattern=_HHMM, description="preferred time, HH:MM")


class HousekeepingOut(BaseModel):
    request_id: str


@pf.capability(
    intent="Towels, a room clean or extra amenities for a guest room",
    tags=["hotel", "housekeeping"],
    examples=["fresh towels to room 212 please", "can someone make up room 1408"],
)
async def request_housekeeping(inp: HousekeepingIn) -> HousekeepingOut:
    return HousekeepingOut(request_id="HK-3310")


# --- florist ----------------------------------------------------------------------------------


class BouquetIn(BaseModel):
    recipient_name: str = Field(description="who the flowers are for")
    address: str = Field(description="street address to deliver to")
    delivery_date: dt.date = Field(description="day of delivery")
    size: Size = Field(default="medium", description="size of the bouquet")
    card_message: str | None = Field(default=None, description="words for the card")
    budget: Decimal | None = Field(default=None, gt=0, description="most to spend")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="of the budget")


class BouquetOut(BaseModel):
    order_number: str


@pf.capability(intent="Flowers delivered to someone's door", tags=["florist", "gifts"])
async def order_bouquet(inp: BouquetIn) -> BouquetOut:
    return BouquetOut(order_number="FL-204118")


class FlowerTrackIn(BaseModel):
    order_number: str = Field(pattern=r"^FL-[0-9]{6}$", description="florist order, e.g. FL-204118")


class FlowerTrackOut(BaseModel):
    status: str


@pf.capability(intent="Whereabouts of a flower order on its way", tags=["florist", "delivery"])
async def track_flower_delivery(inp: FlowerTrackIn) -> FlowerTrackOut:
    return FlowerTrackOut(status="out for delivery")


class FlowerSubIn(BaseModel):
    frequency: Literal["weekly", "fortnightly", "monthly"] = Field(description="how often")
    start_date: dt.date = Field(description="first delivery")
    size: Size = Field(default="medium", description="size of each bunch")


class FlowerSubOut(BaseModel):
    subscription_id: str


@pf.capability(intent="Fresh flowers for the home on a regular round", tags=["florist"])
async def set_flower_subscription(inp: FlowerSubIn) -> FlowerSubOut:
    return FlowerSubOut(subscription_id="FS-1042")


# --- hair salon -------------------------------------------------------------------------------


class FindStylistIn(BaseModel):
    date: dt.date = Field(description="day wanted")
    service: Service = Field(description="what needs doing")


class FindStylistOut(BaseModel):
    stylist_id: str
    name: str


@pf.capability(intent="Hairdressers with a free chair on a given day", tags=["salon", "hair"])
async def find_stylist(inp: FindStylistIn) -> FindStylistOut:
    return FindStylistOut(stylist_id="ST-0042", name="Jo")


class SalonBookIn(BaseModel):
    stylist_id: str | None = Field(
        default=None, pattern=r"^ST-[0-9]{4}$", description="a particular stylist, e.g. ST-0042"
    )
    date: dt.date = Field(description="day of the appointment")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    service: Service = Field(description="what needs doing")


class SalonBookOut(BaseModel):
    appointment_id: str


@pf.capability(intent="A haircut, colour or trim at the salon", tags=["salon", "hair"])
async def book_salon_appointment(inp: SalonBookIn) -> SalonBookOut:
    return SalonBookOut(appointment_id="SA-20417")


class SalonCancelIn(BaseModel):
    appointment_id: str = Field(pattern=r"^SA-[0-9]{5}$", description="e.g. SA-20417")
    reason: str | None = Field(default=None, description="why, for the salon")


@pf.capability(intent="Call off a hair appointment", tags=["salon", "hair"])
async def cancel_salon_appointment(inp: SalonCancelIn) -> Done:
    return Done(ok=True)


# --- house cleaning ---------------------------------------------------------------------------


class CleaningIn(BaseModel):
    date: dt.date = Field(description="day of the (first) visit")
    start_time: str = Field(pattern=_HHMM, description="arrival time, HH:MM")
    duration_hours: float = Field(default=2.0, ge=1, le=8, description="length in hours")
    recurring: Literal["once", "weekly", "fortnightly"] = Field(
        default="once", description="how often the cleaner comes"
    )
    bring_supplies: bool = Field(default=False, description="cleaner brings products and tools")


class CleaningOut(BaseModel):
    booking_id: str


@pf.capability(intent="A cleaner sent round to the house", tags=["cleaning", "home"])
async def book_cleaning(inp: CleaningIn) -> CleaningOut:
    return CleaningOut(booking_id="CL-20417")


class SkipVisitIn(BaseModel):
    visit_date: dt.date = Field(description="the visit to leave out")


@pf.capability(
    intent="Leave out one visit of a regular clean",
    tags=["cleaning", "home"],
    examples=["skip the clean next Tuesday", "we're away, no cleaner on the 14th"],
)
async def skip_cleaning_visit(inp: SkipVisitIn) -> Done:
    return Done(ok=True)


class RateCleanerIn(BaseModel):
    booking_id: str = Field(pattern=r"^CL-[0-9]{5}$", description="the visit, e.g. CL-20417")
    stars: int = Field(ge=1, le=5, description="1 to 5 stars")
    comment: str | None = Field(default=None, description="feedback in words")


@pf.capability(intent="Stars and feedback for the person who cleaned", tags=["cleaning"])
async def rate_cleaner(inp: RateCleanerIn) -> Done:
    return Done(ok=True)


# --- wedding guest list -----------------------------------------------------------------------


class AddGuestIn(BaseModel):
    full_name: str = Field(description="guest's name as on the invitation")
    email: str | None = Field(default=None, json_schema_extra=_EMAIL, description="for the invite")
    plus_one: bool = Field(default=False, description="may bring a partner")
    side: Literal["bride", "groom", "both"] | None = Field(default=None, description="whose guest")


class AddGuestOut(BaseModel):
    guest_id: str


@pf.capability(intent="Put someone on the wedding invitation list", tags=["wedding", "guests"])
async def add_guest(inp: AddGuestIn) -> AddGuestOut:
    return AddGuestOut(guest_id="G-0412")


class RemoveGuestIn(BaseModel):
    full_name: str = Field(description="guest's name as on the invitation")


@pf.capability(intent="Take someone off the invitation list", tags=["wedding", "guests"])
async def remove_guest(inp: RemoveGuestIn) -> Done:
    return Done(ok=True)


class RsvpIn(BaseModel):
    full_name: str = Field(description="the guest replying")
    attending: bool = Field(description="coming or not")
    meal: Literal["meat", "fish", "vegetarian", "vegan", "child"] | None = Field(
        default=None, description="main course chosen"
    )
    dietary_notes: str | None = Field(default=None, description="allergies and the like")


@pf.capability(intent="Note a guest's reply to the invitation", tags=["wedding", "rsvp"])
async def record_rsvp(inp: RsvpIn) -> Done:
    return Done(ok=True)


class ListRsvpIn(BaseModel):
    status: Literal["all", "attending", "declined", "no_reply"] = Field(
        default="all", description="which replies"
    )


class ListRsvpOut(BaseModel):
    count: int
    names: list[str]


@pf.capability(intent="Replies received so far for the wedding", tags=["wedding", "rsvp"])
async def list_rsvps(inp: ListRsvpIn) -> ListRsvpOut:
    return ListRsvpOut(count=0, names=[])


# --- carpooling -------------------------------------------------------------------------------


class RideSearchIn(BaseModel):
    from_city: str = Field(description="where the trip starts")
    to_city: str = Field(description="destination")
    date: dt.date = Field(description="day of travel")
    seats: int = Field(default=1, ge=1, le=4, description="seats needed")


class RideSearchOut(BaseModel):
    ride_id: str
    price: float


@pf.capability(intent="Shared car journeys going the same way", tags=["carpool", "travel"])
async def search_rides(inp: RideSearchIn) -> RideSearchOut:
    return RideSearchOut(ride_id="R-204118", price=12.0)


class JoinRideIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-[0-9]{6}$", description="the trip, e.g. R-204118")
    seats: int = Field(default=1, ge=1, le=4, description="seats to take")
    big_luggage: bool = Field(default=False, description="bringing a suitcase or large bag")


class JoinRideOut(BaseModel):
    seat_booking: str


@pf.capability(intent="A seat in someone else's car for a trip", tags=["carpool", "travel"])
async def join_ride(inp: JoinRideIn) -> JoinRideOut:
    return JoinRideOut(seat_booking="SB-1042")


class LeaveRideIn(BaseModel):
    ride_id: str = Field(pattern=r"^R-[0-9]{6}$", description="the trip, e.g. R-204118")
    reason: str | None = Field(default=None, description="message to the driver")


@pf.capability(intent="Give up a seat already taken on a shared trip", tags=["carpool"])
async def leave_ride(inp: LeaveRideIn) -> Done:
    return Done(ok=True)


# --- shopping list ----------------------------------------------------------------------------


class AddItemIn(BaseModel):
    item: str = Field(description="what to buy")
    quantity: int = Field(default=1, ge=1, le=99, description="how many")
    list_name: str = Field(default="groceries", description="which list")


@pf.capability(intent="Something to buy next time at the shops", tags=["shopping", "list"])
async def add_to_shopping_list(inp: AddItemIn) -> Done:
    return Done(ok=True)


class RemoveItemIn(BaseModel):
    item: str = Field(description="what to cross off")
    list_name: str = Field(default="groceries", description="which list")


@pf.capability(intent="Cross an item off the list", tags=["shopping", "list"])
async def remove_from_shopping_list(inp: RemoveItemIn) -> Done:
    return Done(ok=True)


class GetListIn(BaseModel):
    list_name: str = Field(default="groceries", description="which list")


class GetListOut(BaseModel):
    items: list[str]


@pf.capability(intent="What is still to buy", tags=["shopping", "list"])
async def get_shopping_list(inp: GetListIn) -> GetListOut:
    return GetListOut(items=[])


# --- photo community --------------------------------------------------------------------------


class HandleIn(BaseModel):
    username: str = Field(
        pattern=r"^[a-z0-9_.]{3,30}$", description="the photographer's handle, without the @"
    )


@pf.capability(intent="A photographer's new uploads in your feed", tags=["photos", "community"])
async def follow_photographer(inp: HandleIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="No more posts from a photographer", tags=["photos", "community"])
async def unfollow_photographer(inp: HandleIn) -> Done:
    return Done(ok=True)


class LikeIn(BaseModel):
    photo_id: str = Field(pattern=r"^[0-9]{6,8}$", description="the picture's number")


@pf.capability(
    intent="Show appreciation for a picture",
    tags=["photos", "community"],
    examples=["like photo 4471022", "heart that sunset shot, 881207"],
)
async def like_photo(inp: LikeIn) -> Done:
    return Done(ok=True)


# --- expense claims ---------------------------------------------------------------------------

_CLAIM = r"^EX-[0-9]{5}$"


class ExpenseIn(BaseModel):
    amount: Decimal = Field(gt=0, description="how much was spent")
    currency: Literal["GBP", "EUR", "USD", "CHF"] = Field(default="GBP", description="of amount")
    category: Literal["travel", "meals", "accommodation", "equipment", "other"] = Field(
        description="kind of spending"
    )
    spent_on: dt.date = Field(description="date on the receipt")
    description: str | None = Field(default=None, description="what it was for")


class ExpenseOut(BaseModel):
    claim_id: str


@pf.capability(intent="Claim back money spent on company business", tags=["expenses", "work"])
async def submit_expense(inp: ExpenseIn) -> ExpenseOut:
    return ExpenseOut(claim_id="EX-20417")


class ClaimNoteIn(BaseModel):
    claim_id: str = Field(pattern=_CLAIM, description="the claim, e.g. EX-20417")
    note: str | None = Field(default=None, description="comment for the claimant")


@pf.capability(intent="Sign off a colleague's claim for payment", tags=["expenses", "work"])
async def approve_expense(inp: ClaimNoteIn) -> Done:
    return Done(ok=True)


class RejectIn(BaseModel):
    claim_id: str = Field(pattern=_CLAIM, description="the claim, e.g. EX-20417")
    reason: str = Field(description="why it is not paid")


@pf.capability(intent="Send a claim back unpaid", tags=["expenses", "work"])
async def reject_expense(inp: RejectIn) -> Done:
    return Done(ok=True)


class ClaimIn(BaseModel):
    claim_id: str = Field(pattern=_CLAIM, description="the claim, e.g. EX-20417")


class ClaimStatusOut(BaseModel):
    status: Literal["submitted", "approved", "rejected", "paid"]


@pf.capability(intent="Where a claim has got to", tags=["expenses", "work"])
async def get_expense_status(inp: ClaimIn) -> ClaimStatusOut:
    return ClaimStatusOut(status="submitted")


# --- smart lighting ---------------------------------------------------------------------------


class LightsOnIn(BaseModel):
    room: Room = Field(description="where")
    brightness_percent: int = Field(default=100, ge=1, le=100, description="level, 1-100 %")


@pf.capability(intent="Light up a room", tags=["lighting", "smart home"])
async def turn_on_lights(inp: LightsOnIn) -> Done:
    return Done(ok=True)


class LightsOffIn(BaseModel):
    room: Room | Literal["everywhere"] = Field(description="where, or everywhere")


@pf.capability(intent="Darken a room", tags=["lighting", "smart home"])
async def turn_off_lights(inp: LightsOffIn) -> Done:
    return Done(ok=True)


class SceneIn(BaseModel):
    room: Room = Field(description="where")
    scene: Literal["relax", "movie", "reading", "dinner", "wake_up", "party"] = Field(
        description="the preset"
    )


@pf.capability(
    intent="A mood preset for a room's lamps",
    tags=["lighting", "smart home"],
    examples=["movie mode in the living room", "make the bedroom relaxing"],
)
async def set_light_scene(inp: SceneIn) -> Done:
    return Done(ok=True)


# --- robot vacuum -----------------------------------------------------------------------------


class VacuumIn(BaseModel):
    area: Literal["whole_home", "kitchen", "living_room", "bedroom", "hallway"] = Field(
        default="whole_home", description="where to go"
    )
    mode: Literal["quiet", "standard", "max"] = Field(default="standard", description="suction")
    mop: bool = Field(default=False, description="mop as well as vacuum")


@pf.capability(intent="Send the robot round the floors now", tags=["vacuum", "smart home"])
async def start_vacuum(inp: VacuumIn) -> Done:
    return Done(ok=True)


class VacuumStopIn(BaseModel):
    return_to_dock: bool = Field(default=True, description="go back to charge afterwards")


@pf.capability(intent="Halt the robot mid-run", tags=["vacuum", "smart home"])
async def stop_vacuum(inp: VacuumStopIn) -> Done:
    return Done(ok=True)


class VacuumHistoryIn(BaseModel):
    from_date: dt.date = Field(description="first day")
    to_date: dt.date = Field(description="last day")


class VacuumHistoryOut(BaseModel):
    runs: int
    area_m2: float


@pf.capability(intent="Past runs of the robot and the floor they covered", tags=["vacuum"])
async def get_vacuum_history(inp: VacuumHistoryIn) -> VacuumHistoryOut:
    return VacuumHistoryOut(runs=0, area_m2=0.0)


# --- tool hire --------------------------------------------------------------------------------

Tool = Literal[
    "drill",
    "ladder",
    "pressure_washer",
    "tile_cutter",
    "cement_mixer",
    "carpet_cleaner",
    "hedge_trimmer",
    "floor_sander",
]


class FindToolIn(BaseModel):
    tool: Tool = Field(description="kind of equipment")
    date: dt.date = Field(description="day it is needed from")


class FindToolOut(BaseModel):
    tool_id: str
    price_per_day: float


@pf.capability(intent="Equipment the hire shop has in stock", tags=["tool hire"])
async def find_tool(inp: FindToolIn) -> FindToolOut:
    return FindToolOut(tool_id="TL-2041", price_per_day=18.0)


class ReserveToolIn(BaseModel):
    tool_id: str = Field(pattern=r"^TL-[0-9]{4}$", description="item, e.g. TL-2041")
    start_date: dt.date = Field(description="collection day")
    end_date: dt.date = Field(description="return day")


class ReserveToolOut(BaseModel):
    hire_id: str


@pf.capability(intent="Hold equipment for collection from the hire shop", tags=["tool hire"])
async def reserve_tool(inp: ReserveToolIn) -> ReserveToolOut:
    return ReserveToolOut(hire_id="H-204118")


class ExtendHireIn(BaseModel):
    hire_id: str = Field(pattern=r"^H-[0-9]{6}$", description="the hire, e.g. H-204118")
    extra_days: int = Field(ge=1, le=14, description="days added")


@pf.capability(intent="Keep hired kit for longer", tags=["tool hire"])
async def extend_tool_hire(inp: ExtendHireIn) -> Done:
    return Done(ok=True)


# --- parcel delivery --------------------------------------------------------------------------

_TRACKING = r"^[A-Z]{2}[0-9]{9}GB$"


class TrackIn(BaseModel):
    tracking_number: str = Field(pattern=_TRACKING, description="e.g. RX123456789GB")


class TrackOut(BaseModel):
    status: str


@pf.capability(intent="Where a delivery is right now", tags=["parcels", "delivery"])
async def track_parcel(inp: TrackIn) -> TrackOut:
    return TrackOut(status="in transit")


class RedirectIn(BaseModel):
    tracking_number: str = Field(pattern=_TRACKING, description="e.g. RX123456789GB")
    option: Literal["neighbour", "safe_place", "locker", "depot"] = Field(
        description="where it should go instead"
    )
    details: str | None = Field(default=None, description="which neighbour, or the safe place")


@pf.capability(intent="Send an incoming delivery somewhere else", tags=["parcels", "delivery"])
async def redirect_parcel(inp: RedirectIn) -> Done:
    return Done(ok=True)


class CollectionIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="UK postcode of the pickup address")
    date: dt.date = Field(description="pickup day")
    weight_kg: float = Field(gt=0, le=30, description="weight of the package in kg")
    phone: str | None = Field(default=None, pattern=_E164, description="for the courier")


class CollectionOut(BaseModel):
    tracking_number: str


@pf.capability(intent="A courier picks a package up from home", tags=["parcels", "courier"])
async def book_parcel_collection(inp: CollectionIn) -> CollectionOut:
    return CollectionOut(tracking_number="RX123456789GB")


# --- streaming watchlist ----------------------------------------------------------------------


class FindTitleIn(BaseModel):
    title: str = Field(description="name of the film or series")
    kind: Literal["film", "series", "any"] = Field(default="any", description="film or series")


class FindTitleOut(BaseModel):
    title_id: str
    year: int


@pf.capability(intent="Films and series in the catalogue", tags=["streaming", "tv"])
async def find_title(inp: FindTitleIn) -> FindTitleOut:
    return FindTitleOut(title_id="TT204118", year=2021)


class WatchlistAddIn(BaseModel):
    title_id: str | None = Field(
        default=None, pattern=r"^TT[0-9]{6}$", description="catalogue id, e.g. TT204118"
    )
    title: str | None = Field(default=None, description="name of the film or series")


@pf.capability(intent="Save a film or show for later", tags=["streaming", "tv"])
async def add_to_watchlist(inp: WatchlistAddIn) -> Done:
    return Done(ok=True)


class WatchlistRemoveIn(BaseModel):
    title: str = Field(description="name of the film or series")


@pf.capability(intent="Drop a film or show from the saved list", tags=["streaming", "tv"])
async def remove_from_watchlist(inp: WatchlistRemoveIn) -> Done:
    return Done(ok=True)


# --- scuba diving -----------------------------------------------------------------------------


class DiveTripIn(BaseModel):
    site: str = Field(description="dive site")
    date: dt.date = Field(description="day of the boat dive")
    divers: int = Field(default=1, ge=1, le=6, description="people diving")
    certification: Literal["open_water", "advanced", "rescue", "divemaster"] | None = Field(
        default=None, description="highest certification held"
    )


class DiveTripOut(BaseModel):
    trip_id: str


@pf.capability(intent="Places on a boat going out to a dive site", tags=["diving"])
async def book_dive_trip(inp: DiveTripIn) -> DiveTripOut:
    return DiveTripOut(trip_id="DT-2041")


class LogDiveIn(BaseModel):
    site: str = Field(description="dive site")
    dived_on: dt.date = Field(description="day of the dive")
    max_depth_m: float = Field(gt=0, le=130, description="deepest point in metres")
    duration_minutes: int = Field(ge=1, le=300, description="bottom time in minutes")
    water_temp_celsius: float | None = Field(default=None, description="water temperature, °C")


@pf.capability(
    intent="Record a finished dive in the logbook",
    tags=["diving", "logbook"],
    examples=[
        "log today's dive at Blue Hole, 28 m for 45 minutes",
        "add yesterday's wreck dive to my log",
    ],
)
async def log_dive(inp: LogDiveIn) -> Done:
    return Done(ok=True)


class DiveGearIn(BaseModel):
    item: Literal["wetsuit", "bcd", "regulator", "fins", "mask", "full_set", "torch"] = Field(
        description="the kit"
    )
    size: Literal["xs", "s", "m", "l", "xl"] | None = Field(default=None, description="size")
    start_date: dt.date = Field(description="first day")
    end_date: dt.date = Field(description="last day")
    trip_id: str | None = Field(
        default=None, pattern=r"^DT-[0-9]{4}$", description="boat trip it is for, e.g. DT-2041"
    )


class DiveGearOut(BaseModel):
    rental_id: str


@pf.capability(intent="Wetsuits, fins and regulators for a dive", tags=["diving", "rental"])
async def rent_dive_gear(inp: DiveGearIn) -> DiveGearOut:
    return DiveGearOut(rental_id="DG-1042")


# --- self storage -----------------------------------------------------------------------------

_UNIT = r"^U-[0-9]{4}$"


class StorageIn(BaseModel):
    size_m2: float = Field(gt=0, le=50, description="floor area in square metres")
    start_date: dt.date = Field(description="move-in day")
    climate_controlled: bool = Field(default=False, description="heated and dry")


class StorageOut(BaseModel):
    unit_id: str
    monthly_price: float


@pf.capability(intent="A lock-up for boxes and furniture", tags=["storage"])
async def rent_storage_unit(inp: StorageIn) -> StorageOut:
    return StorageOut(unit_id="U-1042", monthly_price=60.0)


class AccessIn(BaseModel):
    unit_id: str = Field(pattern=_UNIT, description="the unit, e.g. U-1042")
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="arrival time, HH:MM")


class AccessOut(BaseModel):
    access_code: str


@pf.capability(intent="Into the lock-up outside staffed hours", tags=["storage"])
async def request_storage_access(inp: AccessIn) -> AccessOut:
    return AccessOut(access_code="4821")


class EndStorageIn(BaseModel):
    unit_id: str = Field(pattern=_UNIT, description="the unit, e.g. U-1042")
    move_out_date: dt.date = Field(description="last day")


@pf.capability(intent="Give notice on a lock-up", tags=["storage"])
async def end_storage_rental(inp: EndStorageIn) -> Done:
    return Done(ok=True)


CAPABILITIES: list[pf.Capability] = [
    request_late_checkout,
    order_room_service,
    request_housekeeping,
    order_bouquet,
    track_flower_delivery,
    set_flower_subscription,
    find_stylist,
    book_salon_appointment,
    cancel_salon_appointment,
    book_cleaning,
    skip_cleaning_visit,
    rate_cleaner,
    add_guest,
    remove_guest,
    record_rsvp,
    list_rsvps,
    search_rides,
    join_ride,
    leave_ride,
    add_to_shopping_list,
    remove_from_shopping_list,
    get_shopping_list,
    follow_photographer,
    unfollow_photographer,
    like_photo,
    submit_expense,
    approve_expense,
    reject_expense,
    get_expense_status,
    turn_on_lights,
    turn_off_lights,
    set_light_scene,
    start_vacuum,
    stop_vacuum,
    get_vacuum_history,
    find_tool,
    reserve_tool,
    extend_tool_hire,
    track_parcel,
    redirect_parcel,
    book_parcel_collection,
    find_title,
    add_to_watchlist,
    remove_from_watchlist,
    book_dive_trip,
    log_dive,
    rent_dive_gear,
    rent_storage_unit,
    request_storage_access,
    end_storage_rental,
]

DOMAINS: dict[str, list[str]] = {
    "hotel stay": ["request_late_checkout", "order_room_service", "request_housekeeping"],
    "florist": ["order_bouquet", "track_flower_delivery", "set_flower_subscription"],
    "hair salon": ["find_stylist", "book_salon_appointment", "cancel_salon_appointment"],
    "house cleaning": ["book_cleaning", "skip_cleaning_visit", "rate_cleaner"],
    "wedding guests": ["add_guest", "remove_guest", "record_rsvp", "list_rsvps"],
    "carpooling": ["search_rides", "join_ride", "leave_ride"],
    "shopping list": [
        "add_to_shopping_list",
        "remove_from_shopping_list",
        "get_shopping_list",
    ],
    "photo community": ["follow_photographer", "unfollow_photographer", "like_photo"],
    "expense claims": [
        "submit_expense",
        "approve_expense",
        "reject_expense",
        "get_expense_status",
    ],
    "smart lighting": ["turn_on_lights", "turn_off_lights", "set_light_scene"],
    "robot vacuum": ["start_vacuum", "stop_vacuum", "get_vacuum_history"],
    "tool hire": ["find_tool", "reserve_tool", "extend_tool_hire"],
    "parcel delivery": ["track_parcel", "redirect_parcel", "book_parcel_collection"],
    "streaming watchlist": ["find_title", "add_to_watchlist", "remove_from_watchlist"],
    "scuba diving": ["book_dive_trip", "log_dive", "rent_dive_gear"],
    "self storage": ["rent_storage_unit", "request_storage_access", "end_storage_rental"],
}


def make_node(data_dir: Path) -> pf.Node:
    """A node holding only this registry and the planner, with the plan cache off."""
    node = pf.Node("heldout5", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    node.register(CAPABILITIES)
    return node
