"""An eighth blind registry: 41 capabilities in 14 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases of the earlier held-out sets. Each capability has a name, an intent, tags and
input/output models whose fields carry a type, a ``description`` and, where a real API would have
one, a ``pattern``, a ``format``, an enum (``Literal``), bounds or a default. Four of them declare
``examples=`` as a few authors would (``log_geocache_find``, ``pause_water_deliveries``,
``record_archery_score``, ``book_karting_session``); none declares ``keywords=``. Bodies are
trivial: the set measures planning, not execution.

Opposite or neighbouring actions that both exist: ``pause_water_deliveries``/
``resume_water_deliveries``, ``enable_ink_auto_refill``/``disable_ink_auto_refill``,
``book_piano_tuning``/``cancel_piano_tuning``, ``book_skating_session``/
``cancel_skating_session``, ``reserve_market_stall``/``cancel_market_stall``;
``book_tattoo_consultation``/``move_tattoo_appointment`` (a change, not a cancel). Reads beside
writes on the same object: ``record_archery_score``/``get_archery_scores``,
``book_karting_session``/``get_lap_times``, ``send_shoes_for_repair``/``get_shoe_repair_status``,
``order_ink_cartridges``/``get_ink_levels``, ``book_septic_emptying``/
``get_septic_service_history``. Absent on purpose: no
cancel or refund of a tattoo booking or deposit, of a helicopter tour (nor a rebooking), of a
septic tank visit, of an archery target, of a gutter clean, of a shoe repair, of a cheese order or
the cheese box; no deleting a geocache log nor hiding a new cache; no refund of a rink pass or a
karting voucher; no returning cartridges.

Outputs feed inputs of the same name: ``find_geocaches.cache_code`` → ``get_geocache_hint``,
``book_tattoo_consultation.booking_id`` → ``pay_tattoo_deposit``, ``search_cheeses.cheese_id`` →
``order_cheese``, ``search_helicopter_tours.tour_id`` → ``book_helicopter_seats``,
``book_helicopter_seats.booking_ref`` → ``add_tour_photo_package``,
``get_gutter_cleaning_quote.quote_id`` → ``book_gutter_cleaning``,
``reserve_market_stall.stall_ref`` → ``pay_stall_fee``.
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
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$"
_CACHE = r"^GC[0-9A-Z]{4,6}$"
_TATTOO = r"^TC-[0-9]{5}$"
_PIANO = r"^PT-[0-9]{5}$"
_CHEESE = r"^CH-[0-9]{4}$"
_RINK = r"^IR-[0-9]{5}$"
_TOUR = r"^HT-[0-9]{5}$"
_HELI_BOOKING = r"^HB-[0-9]{5}$"
_GUTTER_QUOTE = r"^GQ-[0-9]{5}$"
_STALL = r"^MS-[0-9]{5}$"
_SHOES = r"^SR-[0-9]{5}$"
_KART = r"^GK-[0-9]{5}$"

Bow = Literal["recurve", "compound", "longbow", "barebow"]
TimeWindow = Literal["morning", "afternoon"]


class Done(BaseModel):
    ok: bool


# --- geocaching -------------------------------------------------------------------------------


class CacheSearchIn(BaseModel):
    near: str = Field(description="town, landmark or 'lat,lon' to look around")
    radius_km: float | None = Field(default=None, gt=0, le=100, description="how far out, km")
    cache_type: Literal["traditional", "multi", "mystery", "earthcache", "letterbox"] | None = (
        Field(default=None, description="kind of cache")
    )
    max_difficulty: float | None = Field(
        default=None, ge=1, le=5, description="hardest puzzle rating wanted, 1 to 5"
    )


class CacheSearchOut(BaseModel):
    cache_code: str
    name: str


@pf.capability(intent="Hidden containers to hunt for near a place", tags=["geocaching", "map"])
async def find_geocaches(inp: CacheSearchIn) -> CacheSearchOut:
    return CacheSearchOut(cache_code="GC8K2QX", name="Old Mill Stash")


class CacheHintIn(BaseModel):
    cache_code: str = Field(pattern=_CACHE, description="the cache, e.g. GC8K2QX")


class CacheHintOut(BaseModel):
    hint: str


@pf.capability(intent="The owner's clue when the hunt has stalled", tags=["geocaching"])
async def get_geocache_hint(inp: CacheHintIn) -> CacheHintOut:
    return CacheHintOut(hint="magnetic, under the bench")


class CacheLogIn(BaseModel):
    cache_code: str = Field(pattern=_CACHE, description="the cache, e.g. GC8K2QX")
    found_on: dt.date = Field(description="day of the visit")
    outcome: Literal["found", "did_not_find"] = Field(default="found", description="result")
    note: str | None = Field(default=None, description="what goes in the online log")


class CacheLogOut(BaseModel):
    log_id: str


@pf.capability(
    intent="A visit to a cache written up online",
    tags=["geocaching", "log"],
    examples=["signed the logbook at GC4TT1 yesterday", "DNF on GC77AB this afternoon"],
)
async def log_geocache_find(inp: CacheLogIn) -> CacheLogOut:
    return CacheLogOut(log_id="GL-55012")


class CacheProblemIn(BaseModel):
    cache_code: str = Field(pattern=_CACHE, description="the cache, e.g. GC8K2QX")
    problem: Literal["missing", "wet_log", "full_log", "damaged_container"] = Field(
        description="what is wrong with it"
    )
    note: str | None = Field(default=None, description="details for the owner")


@pf.capability(
    intent="Tell the owner the container needs some maintenance", tags=["geocaching", "owner"]
)
async def report_geocache_problem(inp: CacheProblemIn) -> Done:
    return Done(ok=True)


# --- tattoo parlour ---------------------------------------------------------------------------


class TattooIn(BaseModel):
    date: dt.date = Field(description="day of the consultation")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    placement: Literal["arm", "leg", "back", "chest", "hand", "neck", "ribs", "other"] = Field(
        description="where on the body"
    )
    email: str = Field(json_schema_extra=_EMAIL, description="for the confirmation")
    artist: str | None = Field(default=None, description="the artist asked for")
    size_cm: int | None = Field(default=None, ge=1, le=80, description="rough size, cm")
    idea: str | None = Field(default=None, description="short description of the design")


class TattooOut(BaseModel):
    booking_id: str


@pf.capability(
    intent="A chat with an artist about a new piece of ink", tags=["tattoo", "appointments"]
)
async def book_tattoo_consultation(inp: TattooIn) -> TattooOut:
    return TattooOut(booking_id="TC-20417")


class TattooDepositIn(BaseModel):
    booking_id: str = Field(pattern=_TATTOO, description="the booking, e.g. TC-20417")
    amount: Decimal = Field(gt=0, le=1000, description="money to hold the slot")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="of the amount")


class TattooDepositOut(BaseModel):
    receipt: str


@pf.capability(intent="Money up front so the artist keeps the slot", tags=["tattoo", "payments"])
async def pay_tattoo_deposit(inp: TattooDepositIn) -> TattooDepositOut:
    return TattooDepositOut(receipt="RC-9910")


class TattooMoveIn(BaseModel):
    booking_id: str = Field(pattern=_TATTOO, description="the booking, e.g. TC-20417")
    new_date: dt.date = Field(description="the day instead")
    new_time: str | None = Field(default=None, pattern=_HHMM, description="start, HH:MM")


@pf.capability(intent="A different day at the tattoo parlour", tags=["tattoo", "appointments"])
async def move_tattoo_appointment(inp: TattooMoveIn) -> Done:
    return Done(ok=True)


# --- septic tank emptying ---------------------------------------------------------------------


class SepticIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the property, e.g. LD3 7HP")
    date: dt.date = Field(description="day the tanker comes")
    tank_litres: int | None = Field(default=None, ge=500, le=30000, description="capacity, L")
    hose_distance_m: float | None = Field(
        default=None, gt=0, le=100, description="from where the tanker parks to the tank, m"
    )
    urgent: bool = Field(default=False, description="overflowing: same or next day")


class SepticOut(BaseModel):
    job_id: str


@pf.capability(intent="The tanker lorry out to a cesspit or septic tank", tags=["septic"])
async def book_septic_emptying(inp: SepticIn) -> SepticOut:
    return SepticOut(job_id="SE-20417")


class SepticHistoryIn(BaseModel):
    postcode: str | None = Field(default=None, pattern=_POSTCODE, description="the property")
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")


class SepticHistoryOut(BaseModel):
    visits: int


@pf.capability(intent="Past visits of the tanker and what it took away", tags=["septic"])
async def get_septic_service_history(inp: SepticHistoryIn) -> SepticHistoryOut:
    return SepticHistoryOut(visits=3)


# --- office water coolers ---------------------------------------------------------------------


class WaterIn(BaseModel):
    bottles: int = Field(ge=1, le=60, description="how many bottles")
    bottle_litres: Literal[11, 19] = Field(default=19, description="size of each bottle, L")
    delivery_date: dt.date | None = Field(default=None, description="day to deliver")
    cups: int = Field(default=0, ge=0, le=20, description="sleeves of paper cups to add")


class WaterOut(BaseModel):
    order_id: str


@pf.capability(intent="Refills for the office cooler", tags=["water", "office"])
async def order_water_bottles(inp: WaterIn) -> WaterOut:
    return WaterOut(order_id="WB-3310")


class WaterPauseIn(BaseModel):
    start_date: dt.date | None = Field(default=None, description="first day with no delivery")
    end_date: dt.date = Field(description="last day with no delivery")


@pf.capability(
    intent="Nobody in the office to take the standing water order for a while",
    tags=["water", "office", "deliveries"],
    examples=["hold the water over the Christmas shutdown", "no bottles while we refurbish"],
)
async def pause_water_deliveries(inp: WaterPauseIn) -> Done:
    return Done(ok=True)


class WaterResumeIn(BaseModel):
    from_date: dt.date | None = Field(
        default=None, description="first delivery day; the next round if left out"
    )


@pf.capability(intent="The regular water round stops at the office again", tags=["water"])
async def resume_water_deliveries(inp: WaterResumeIn) -> Done:
    return Done(ok=True)


class SanitiseIn(BaseModel):
    date: dt.date = Field(description="day of the visit")
    coolers: int = Field(default=1, ge=1, le=30, description="how many dispensers")
    time_window: TimeWindow | None = Field(default=None, description="morning or afternoon")


@pf.capability(intent="A technician to clean and disinfect the dispensers", tags=["water"])
async def book_cooler_sanitising(inp: SanitiseIn) -> Done:
    return Done(ok=True)


# --- piano tuning -----------------------------------------------------------------------------


class PianoIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the piano is")
    date: dt.date = Field(description="day of the visit")
    piano: Literal["upright", "grand", "baby_grand"] = Field(
        default="upright", description="kind of piano"
    )
    time: str | None = Field(default=None, pattern=_HHMM, description="arrival, HH:MM")
    pitch_hz: Literal[440, 442] = Field(default=440, description="concert pitch A, Hz")


class PianoOut(BaseModel):
    booking_ref: str


@pf.capability(intent="The tuner round to bring the strings back to pitch", tags=["piano"])
async def book_piano_tuning(inp: PianoIn) -> PianoOut:
    return PianoOut(booking_ref="PT-20417")


class PianoCancelIn(BaseModel):
    booking_ref: str = Field(pattern=_PIANO, description="the visit, e.g. PT-20417")
    reason: str | None = Field(default=None, description="why, for the tuner")


@pf.capability(intent="The tuner's visit is off", tags=["piano"])
async def cancel_piano_tuning(inp: PianoCancelIn) -> Done:
    return Done(ok=True)


# --- archery range ----------------------------------------------------------------------------


class TargetIn(BaseModel):
    date: dt.date = Field(description="day at the range")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    archers: int = Field(default=1, ge=1, le=6, description="how many shooting")
    distance_m: int | None = Field(default=None, ge=5, le=90, description="to the boss, m")
    hire_bow: bool = Field(default=False, description="borrow a bow and arrows")


class TargetOut(BaseModel):
    booking_id: str


@pf.capability(intent="A boss on the shooting line for an hour", tags=["archery"])
async def book_archery_target(inp: TargetIn) -> TargetOut:
    return TargetOut(booking_id="AR-20417")


class ArcheryScoreIn(BaseModel):
    score: int = Field(ge=0, le=1440, description="total points")
    shot_on: dt.date = Field(description="day of the round")
    arrows: int = Field(default=72, ge=6, le=144, description="arrows shot")
    distance_m: int | None = Field(default=None, ge=5, le=90, description="to the boss, m")
    bow: Bow = Field(default="recurve", description="bow style")


class ArcheryScoreOut(BaseModel):
    score_id: str


@pf.capability(
    intent="Points from a round into the archer's record",
    tags=["archery", "scores"],
    examples=["put down 612 for Sunday's round", "shot 540 with the compound yesterday"],
)
async def record_archery_score(inp: ArcheryScoreIn) -> ArcheryScoreOut:
    return ArcheryScoreOut(score_id="AS-7710")


class ArcheryScoresIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")
    bow: Bow | None = Field(default=None, description="only this bow style")


class ArcheryScoresOut(BaseModel):
    rounds: int
    average: float


@pf.capability(intent="How the rounds have gone over a period", tags=["archery", "scores"])
async def get_archery_scores(inp: ArcheryScoresIn) -> ArcheryScoresOut:
    return ArcheryScoresOut(rounds=8, average=588.5)


# --- cheesemonger -----------------------------------------------------------------------------


class CheeseSearchIn(BaseModel):
    query: str | None = Field(default=None, description="name or flavour, e.g. 'smoky'")
    milk: Literal["cow", "goat", "sheep", "buffalo"] | None = Field(
        default=None, description="which animal's milk"
    )
    style: Literal["soft", "hard", "blue", "washed_rind", "fresh"] | None = Field(
        default=None, description="kind of cheese"
    )
    vegetarian: bool = Field(default=False, description="made without animal rennet")


class CheeseSearchOut(BaseModel):
    cheese_id: str
    name: str


@pf.capability(intent="What's on the counter at the cheesemonger", tags=["cheese", "shop"])
async def search_cheeses(inp: CheeseSearchIn) -> CheeseSearchOut:
    return CheeseSearchOut(cheese_id="CH-2041", name="Baron Bigod")


class CheeseOrderIn(BaseModel):
    cheese_id: str = Field(pattern=_CHEESE, description="the cheese, e.g. CH-2041")
    weight_g: int = Field(ge=100, le=5000, description="how much, grams")
    delivery_date: dt.date | None = Field(default=None, description="day to deliver")
    gift_message: str | None = Field(default=None, description="card in the box")


class CheeseOrderOut(BaseModel):
    order_id: str


@pf.capability(intent="A wedge cut and posted", tags=["cheese", "shop"])
async def order_cheese(inp: CheeseOrderIn) -> CheeseOrderOut:
    return CheeseOrderOut(order_id="CO-7120")


class CheeseBoxIn(BaseModel):
    box: Literal["classic", "blue_lovers", "british", "continental", "goat"] = Field(
        description="which selection"
    )
    frequency: Literal["weekly", "fortnightly", "monthly"] = Field(
        default="monthly", description="how often a box comes"
    )
    start_date: dt.date | None = Field(default=None, description="first box")


@pf.capability(intent="A selection box arriving on a regular basis", tags=["cheese"])
async def set_up_cheese_box(inp: CheeseBoxIn) -> Done:
    return Done(ok=True)


# --- ice rink ---------------------------------------------------------------------------------


class SkateIn(BaseModel):
    date: dt.date = Field(description="day on the ice")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    skaters: int = Field(default=1, ge=1, le=20, description="how many people")
    skate_hire: bool = Field(default=False, description="borrow boots at the rink")


class SkateOut(BaseModel):
    booking_ref: str


@pf.capability(intent="A public session on the ice", tags=["ice", "rink"])
async def book_skating_session(inp: SkateIn) -> SkateOut:
    return SkateOut(booking_ref="IR-20417")


class SkateCancelIn(BaseModel):
    booking_ref: str = Field(pattern=_RINK, description="the session, e.g. IR-20417")


@pf.capability(intent="Not coming to the rink after all", tags=["ice", "rink"])
async def cancel_skating_session(inp: SkateCancelIn) -> Done:
    return Done(ok=True)


class RinkPassIn(BaseModel):
    holder_name: str = Field(description="name on the pass")
    email: str = Field(json_schema_extra=_EMAIL, description="where the pass is sent")
    pass_type: Literal["adult", "child", "family"] = Field(
        default="adult", description="who it covers"
    )
    start_date: dt.date | None = Field(default=None, description="first day it is valid")


class RinkPassOut(BaseModel):
    pass_id: str


@pf.capability(intent="Skate all winter on one card", tags=["ice", "rink", "passes"])
async def buy_rink_season_pass(inp: RinkPassIn) -> RinkPassOut:
    return RinkPassOut(pass_id="RP-4410")


# --- helicopter sightseeing -------------------------------------------------------------------


class TourSearchIn(BaseModel):
    departure: str = Field(description="heliport or airfield, e.g. 'Battersea'")
    date: dt.date | None = Field(default=None, description="day of the tour")
    passengers: int = Field(default=1, ge=1, le=6, description="how many need a seat")
    route: Literal["city", "coast", "mountains", "castles", "islands"] | None = Field(
        default=None, description="what the flight goes over"
    )


class TourSearchOut(BaseModel):
    tour_id: str
    price: float


@pf.capability(intent="Scenic flights by rotor with seats free", tags=["helicopter", "tours"])
async def search_helicopter_tours(inp: TourSearchIn) -> TourSearchOut:
    return TourSearchOut(tour_id="HT-20417", price=189.0)


class TourSeatsIn(BaseModel):
    tour_id: str = Field(pattern=_TOUR, description="the tour, e.g. HT-20417")
    passengers: int = Field(ge=1, le=6, description="number flying")
    email: str = Field(json_schema_extra=_EMAIL, description="where the boarding passes go")
    total_weight_kg: float | None = Field(
        default=None, gt=0, le=700, description="all passengers together, kg, for the balance"
    )
    window_seats: bool = Field(default=False, description="pay extra for the side windows")


class TourSeatsOut(BaseModel):
    booking_ref: str


@pf.capability(intent="Seats on a scenic flight", tags=["helicopter", "tours"])
async def book_helicopter_seats(inp: TourSeatsIn) -> TourSeatsOut:
    return TourSeatsOut(booking_ref="HB-20417")


class PhotoPackageIn(BaseModel):
    booking_ref: str = Field(pattern=_HELI_BOOKING, description="the flight, e.g. HB-20417")
    package: Literal["digital", "prints", "video"] = Field(
        default="digital", description="what the on-board camera gives you"
    )


class PhotoPackageOut(BaseModel):
    download_url: str = Field(json_schema_extra=_URI)


@pf.capability(
    intent="Pictures from the cockpit camera to keep afterwards", tags=["helicopter", "extras"]
)
async def add_tour_photo_package(inp: PhotoPackageIn) -> PhotoPackageOut:
    return PhotoPackageOut(download_url="https://heli.example.org/HB-20417")


# --- gutter cleaning --------------------------------------------------------------------------


class GutterQuoteIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the house, e.g. BS6 5AX")
    storeys: int = Field(default=2, ge=1, le=4, description="how tall the house is")
    length_m: float | None = Field(default=None, gt=0, le=500, description="run of gutter, m")
    conservatory: bool = Field(default=False, description="do the conservatory roof too")


class GutterQuoteOut(BaseModel):
    quote_id: str
    price: float


@pf.capability(
    intent="A price to clear leaves and moss from the guttering", tags=["gutters", "home"]
)
async def get_gutter_cleaning_quote(inp: GutterQuoteIn) -> GutterQuoteOut:
    return GutterQuoteOut(quote_id="GQ-20417", price=95.0)


class GutterJobIn(BaseModel):
    quote_id: str = Field(pattern=_GUTTER_QUOTE, description="the quote, e.g. GQ-20417")
    date: dt.date = Field(description="day the van comes")
    time_window: TimeWindow | None = Field(default=None, description="morning or afternoon")
    photos: bool = Field(default=False, description="before and after pictures from the pole")


class GutterJobOut(BaseModel):
    job_ref: str


@pf.capability(intent="The vacuum van booked against a price", tags=["gutters", "home"])
async def book_gutter_cleaning(inp: GutterJobIn) -> GutterJobOut:
    return GutterJobOut(job_ref="GJ-5512")


# --- market stalls ----------------------------------------------------------------------------


class StallIn(BaseModel):
    market: str = Field(description="which market, e.g. 'Sunday car boot at Ashby'")
    date: dt.date = Field(description="market day")
    goods: Literal["food", "crafts", "bric_a_brac", "clothing", "plants"] = Field(
        description="what will be sold"
    )
    trader_email: str = Field(json_schema_extra=_EMAIL, description="for the pitch confirmation")
    size: Literal["single", "double", "car_boot"] = Field(
        default="single", description="how much space"
    )
    electricity: bool = Field(default=False, description="hook-up for lights or a till")


class StallOut(BaseModel):
    stall_ref: str


@pf.capability(intent="A trader's spot on market day", tags=["market", "traders"])
async def reserve_market_stall(inp: StallIn) -> StallOut:
    return StallOut(stall_ref="MS-20417")


class StallCancelIn(BaseModel):
    stall_ref: str = Field(pattern=_STALL, description="the pitch, e.g. MS-20417")
    reason: str | None = Field(default=None, description="why, for the market manager")


@pf.capability(intent="Won't be trading at the market that day", tags=["market", "traders"])
async def cancel_market_stall(inp: StallCancelIn) -> Done:
    return Done(ok=True)


class StallFeeIn(BaseModel):
    stall_ref: str = Field(pattern=_STALL, description="the pitch, e.g. MS-20417")
    amount: Decimal = Field(gt=0, le=500, description="the pitch fee")
    currency: Literal["GBP", "EUR"] = Field(default="GBP", description="of the amount")


class StallFeeOut(BaseModel):
    receipt: str


@pf.capability(intent="Settle up with the market manager for a pitch", tags=["market"])
async def pay_stall_fee(inp: StallFeeIn) -> StallFeeOut:
    return StallFeeOut(receipt="MR-1120")


# --- shoe repair by post ----------------------------------------------------------------------


class ShoesIn(BaseModel):
    pairs: int = Field(ge=1, le=10, description="how many pairs in the parcel")
    repair: Literal["resole", "heels", "stretch", "stitching", "clean_polish"] = Field(
        description="what the cobbler does"
    )
    postcode: str = Field(pattern=_POSTCODE, description="where to collect and return them")
    express_return: bool = Field(default=False, description="back by next-day courier")


class ShoesOut(BaseModel):
    order_id: str


@pf.capability(intent="Worn-out footwear off to the cobbler in a parcel", tags=["shoes"])
async def send_shoes_for_repair(inp: ShoesIn) -> ShoesOut:
    return ShoesOut(order_id="SR-20417")


class ShoesStatusIn(BaseModel):
    order_id: str = Field(pattern=_SHOES, description="the parcel, e.g. SR-20417")


class ShoesStatusOut(BaseModel):
    status: str


@pf.capability(intent="How far along the cobbler is with a parcel", tags=["shoes"])
async def get_shoe_repair_status(inp: ShoesStatusIn) -> ShoesStatusOut:
    return ShoesStatusOut(status="on the last")


# --- printer ink ------------------------------------------------------------------------------


class InkIn(BaseModel):
    printer_model: str = Field(description="make and model, e.g. 'Epson ET-2850'")
    cartridge: Literal["black", "colour", "cyan", "magenta", "yellow", "multipack"] = Field(
        description="which cartridge"
    )
    quantity: int = Field(default=1, ge=1, le=10, description="how many")
    high_yield: bool = Field(default=False, description="the XL size that lasts longer")


class InkOut(BaseModel):
    order_id: str


@pf.capability(intent="Fresh cartridges for the home printer", tags=["printer", "shop"])
async def order_ink_cartridges(inp: InkIn) -> InkOut:
    return InkOut(order_id="IN-8810")


class InkLevelsIn(BaseModel):
    printer: str | None = Field(default=None, description="which printer, if there are several")


class InkLevelsOut(BaseModel):
    black_percent: int
    colour_percent: int


@pf.capability(intent="How much is left in each cartridge", tags=["printer"])
async def get_ink_levels(inp: InkLevelsIn) -> InkLevelsOut:
    return InkLevelsOut(black_percent=35, colour_percent=60)


class AutoRefillIn(BaseModel):
    threshold_percent: int = Field(
        default=10, ge=5, le=50, description="order when a cartridge drops to this level, %"
    )


@pf.capability(intent="Cartridges posted by themselves when they run low", tags=["printer"])
async def enable_ink_auto_refill(inp: AutoRefillIn) -> Done:
    return Done(ok=True)


class NoInput(BaseModel):
    pass


@pf.capability(intent="Stop the printer ordering its own cartridges", tags=["printer"])
async def disable_ink_auto_refill(inp: NoInput) -> Done:
    return Done(ok=True)


# --- go-karting -------------------------------------------------------------------------------


class KartIn(BaseModel):
    date: dt.date = Field(description="race day")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    drivers: int = Field(ge=1, le=16, description="how many drivers")
    session_minutes: Literal[15, 30, 60] = Field(default=15, description="time on track, minutes")
    juniors: bool = Field(default=False, description="the slower karts for 8 to 15 year olds")
    track: Literal["indoor", "outdoor"] = Field(default="indoor", description="which circuit")


class KartOut(BaseModel):
    booking_id: str


@pf.capability(
    intent="Time on the circuit in the karts",
    tags=["karting", "track"],
    examples=["race day for 8 of us on Saturday at 3", "a 30 minute session outdoors"],
)
async def book_karting_session(inp: KartIn) -> KartOut:
    return KartOut(booking_id="GK-20417")


class LapTimesIn(BaseModel):
    booking_id: str = Field(pattern=_KART, description="the session, e.g. GK-20417")
    driver: str | None = Field(default=None, description="only this driver")


class LapTimesOut(BaseModel):
    best_lap_seconds: float


@pf.capability(intent="Who was quickest round the circuit", tags=["karting", "results"])
async def get_lap_times(inp: LapTimesIn) -> LapTimesOut:
    return LapTimesOut(best_lap_seconds=41.27)


class VoucherIn(BaseModel):
    amount: Decimal = Field(gt=0, le=500, description="value of the voucher")
    recipient_name: str = Field(description="who it is for")
    recipient_email: str = Field(json_schema_extra=_EMAIL, description="where it is sent")
    currency: Literal["GBP", "EUR"] = Field(default="GBP", description="of the amount")
    message: str | None = Field(default=None, description="printed on the voucher")


class VoucherOut(BaseModel):
    code: str


@pf.capability(intent="A present of track time for someone else", tags=["karting", "gifts"])
async def buy_karting_gift_voucher(inp: VoucherIn) -> VoucherOut:
    return VoucherOut(code="KV-2231")


CAPABILITIES: list[pf.Capability] = [
    find_geocaches,
    get_geocache_hint,
    log_geocache_find,
    report_geocache_problem,
    book_tattoo_consultation,
    pay_tattoo_deposit,
    move_tattoo_appointment,
    book_septic_emptying,
    get_septic_service_history,
    order_water_bottles,
    pause_water_deliveries,
    resume_water_deliveries,
    book_cooler_sanitising,
    book_piano_tuning,
    cancel_piano_tuning,
    book_archery_target,
    record_archery_score,
    get_archery_scores,
    search_cheeses,
    order_cheese,
    set_up_cheese_box,
    book_skating_session,
    cancel_skating_session,
    buy_rink_season_pass,
    search_helicopter_tours,
    book_helicopter_seats,
    add_tour_photo_package,
    get_gutter_cleaning_quote,
    book_gutter_cleaning,
    reserve_market_stall,
    cancel_market_stall,
    pay_stall_fee,
    send_shoes_for_repair,
    get_shoe_repair_status,
    order_ink_cartridges,
    get_ink_levels,
    enable_ink_auto_refill,
    disable_ink_auto_refill,
    book_karting_session,
    get_lap_times,
    buy_karting_gift_voucher,
]

DOMAINS: dict[str, list[str]] = {
    "geocaching": [
        "find_geocaches",
        "get_geocache_hint",
        "log_geocache_find",
        "report_geocache_problem",
    ],
    "tattoo parlour": [
        "book_tattoo_consultation",
        "pay_tattoo_deposit",
        "move_tattoo_appointment",
    ],
    "septic tank emptying": ["book_septic_emptying", "get_septic_service_history"],
    "office water coolers": [
        "order_water_bottles",
        "pause_water_deliveries",
        "resume_water_deliveries",
        "book_cooler_sanitising",
    ],
    "piano tuning": ["book_piano_tuning", "cancel_piano_tuning"],
    "archery range": ["book_archery_target", "record_archery_score", "get_archery_scores"],
    "cheesemonger": ["search_cheeses", "order_cheese", "set_up_cheese_box"],
    "ice rink": ["book_skating_session", "cancel_skating_session", "buy_rink_season_pass"],
    "helicopter sightseeing": [
        "search_helicopter_tours",
        "book_helicopter_seats",
        "add_tour_photo_package",
    ],
    "gutter cleaning": ["get_gutter_cleaning_quote", "book_gutter_cleaning"],
    "market stalls": ["reserve_market_stall", "cancel_market_stall", "pay_stall_fee"],
    "shoe repair by post": ["send_shoes_for_repair", "get_shoe_repair_status"],
    "printer ink": [
        "order_ink_cartridges",
        "get_ink_levels",
        "enable_ink_auto_refill",
        "disable_ink_auto_refill",
    ],
    "go-karting": ["book_karting_session", "get_lap_times", "buy_karting_gift_voucher"],
}


def make_node(data_dir: Path) -> pf.Node:
    """A node holding only this registry and the planner, with the plan cache off."""
    node = pf.Node("heldout8", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    node.register(CAPABILITIES)
    return node
