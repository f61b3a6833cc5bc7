"""A seventh blind registry: 40 capabilities in 14 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases of the earlier held-out sets. Each capability has a name, an intent, tags and
input/output models whose fields carry a type, a ``description`` and, where a real API would have
one, a ``pattern``, a ``format``, an enum (``Literal``), bounds or a default. Four of them declare
``examples=`` as a few authors would (``log_radio_contact``, ``preheat_oven``,
``pause_coffee_subscription``, ``book_snow_clearing``); none declares ``keywords=``. Bodies are
trivial: the set measures planning, not execution.

Opposite or neighbouring actions that both exist: ``preheat_oven``/``switch_off_oven``,
``pause_coffee_subscription``/``resume_coffee_subscription``, ``book_chimney_sweep``/
``cancel_chimney_sweep``, ``book_bowling_lane``/``cancel_bowling_lane``,
``book_sauna_session``/``cancel_sauna_session``, ``book_snow_clearing``/
``cancel_snow_clearing``; ``book_balloon_seats``/``rebook_balloon_flight`` and
``rent_beach_hut``/``extend_beach_hut_rental`` (a change, not a cancel). Reads beside writes on
the same object: ``log_radio_contact``/``get_contact_log``, ``book_bowling_lane``/
``get_lane_scores``, ``send_knives_for_sharpening``/``get_sharpening_status``,
``top_up_toll_account``/``get_toll_statement``. Absent on purpose: no cancel or refund of a
balloon flight, of a beach hut, of tree work, of a yarn or a coffee order or of a satellite image;
no deleting a logged contact; no removing a vehicle from a toll tag; no self-clean or reading of
the oven; no new satellite capture; no refund or balance of a sauna pass; no cancelling the coffee
subscription outright.

Outputs feed inputs of the same name: ``search_balloon_flights.flight_id`` →
``book_balloon_seats``, ``search_beach_huts.hut_id`` → ``rent_beach_hut``,
``search_satellite_scenes.scene_id`` → ``order_satellite_image``,
``find_knitting_pattern.pattern_id`` → ``buy_knitting_pattern``, ``get_tree_work_quote.quote_id``
→ ``book_tree_work``, ``send_knives_for_sharpening.order_id`` → ``get_sharpening_status``,
``book_chimney_sweep.booking_ref`` → ``request_sweep_certificate``.
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
_CALLSIGN = r"^[A-Z0-9]{1,3}[0-9][A-Z]{1,4}$"
_FLIGHT = r"^BF-[0-9]{5}$"
_BALLOON_BOOKING = r"^BB-[0-9]{5}$"
_SWEEP = r"^CS-[0-9]{5}$"
_LANE = r"^BL-[0-9]{5}$"
_TAG = r"^TT[0-9]{8}$"
_KNIVES = r"^KS-[0-9]{5}$"
_HUT = r"^HUT-[0-9]{3}$"
_HUT_BOOKING = r"^BH-[0-9]{5}$"
_SNOW = r"^SC-[0-9]{5}$"
_SCENE = r"^SCN-[0-9]{6}$"
_PATTERN = r"^PAT-[0-9]{5}$"
_SAUNA = r"^SN-[0-9]{5}$"
_TREE_QUOTE = r"^TQ-[0-9]{5}$"

Grind = Literal["whole_bean", "espresso", "filter", "cafetiere", "moka_pot", "aeropress"]
YarnWeight = Literal["lace", "4ply", "dk", "aran", "chunky"]
FlightTime = Literal["sunrise", "evening"]


class Done(BaseModel):
    ok: bool


# --- hot air balloon rides --------------------------------------------------------------------


class BalloonSearchIn(BaseModel):
    launch_site: str = Field(description="field or town the balloon takes off from")
    date: dt.date | None = Field(default=None, description="day of the flight")
    passengers: int = Field(default=1, ge=1, le=16, description="how many people need a place")
    flight_time: FlightTime | None = Field(default=None, description="sunrise or evening flight")


class BalloonSearchOut(BaseModel):
    flight_id: str
    seats_left: int


@pf.capability(
    intent="Upcoming balloon launches with places left in the basket", tags=["balloon", "flights"]
)
async def search_balloon_flights(inp: BalloonSearchIn) -> BalloonSearchOut:
    return BalloonSearchOut(flight_id="BF-20417", seats_left=4)


class BalloonSeatsIn(BaseModel):
    flight_id: str = Field(pattern=_FLIGHT, description="the launch, e.g. BF-20417")
    passengers: int = Field(ge=1, le=16, description="number of people flying")
    email: str = Field(json_schema_extra=_EMAIL, description="where the tickets go")
    lead_passenger: str | None = Field(default=None, description="name on the booking")
    combined_weight_kg: float | None = Field(
        default=None, gt=0, description="everyone's weight added up, kg, to balance the basket"
    )


class BalloonSeatsOut(BaseModel):
    booking_ref: str


@pf.capability(intent="Places in the basket for a balloon ride", tags=["balloon", "tickets"])
async def book_balloon_seats(inp: BalloonSeatsIn) -> BalloonSeatsOut:
    return BalloonSeatsOut(booking_ref="BB-20417")


class BalloonMoveIn(BaseModel):
    booking_ref: str = Field(pattern=_BALLOON_BOOKING, description="the booking, e.g. BB-20417")
    new_date: dt.date = Field(description="the day to fly instead")
    flight_time: FlightTime | None = Field(default=None, description="sunrise or evening flight")


@pf.capability(
    intent="The weather grounded the balloon: fly on another day instead",
    tags=["balloon", "tickets"],
)
async def rebook_balloon_flight(inp: BalloonMoveIn) -> Done:
    return Done(ok=True)


# --- amateur radio logbook --------------------------------------------------------------------


class QsoIn(BaseModel):
    callsign: str = Field(pattern=_CALLSIGN, description="the other station's callsign, e.g. G4XYZ")
    frequency_mhz: float = Field(gt=0, le=3000, description="dial frequency, MHz")
    mode: Literal["ssb", "cw", "fm", "am", "ft8"] = Field(description="mode of the contact")
    contact_date: dt.date = Field(description="day of the contact (UTC)")
    time_utc: str | None = Field(default=None, pattern=_HHMM, description="start, HH:MM UTC")
    rst_sent: str | None = Field(
        default=None, pattern=r"^[1-5][1-9][1-9]?$", description="signal report given, e.g. 59"
    )
    notes: str | None = Field(default=None, description="name, QTH, anything else")


class QsoOut(BaseModel):
    qso_id: str


@pf.capability(
    intent="A QSO for the station logbook",
    tags=["radio", "logbook"],
    examples=["worked EA8TL on 14.074 FT8 this morning", "new contact K1ABC, 7.030 CW"],
)
async def log_radio_contact(inp: QsoIn) -> QsoOut:
    return QsoOut(qso_id="Q-88120")


class ContactLogIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")
    band: Literal["160m", "80m", "40m", "20m", "15m", "10m", "6m", "2m", "70cm"] | None = Field(
        default=None, description="only this band"
    )
    callsign: str | None = Field(default=None, pattern=_CALLSIGN, description="only this station")


class ContactLogOut(BaseModel):
    contacts: int


@pf.capability(intent="Contacts in the station logbook over a period", tags=["radio", "logbook"])
async def get_contact_log(inp: ContactLogIn) -> ContactLogOut:
    return ContactLogOut(contacts=37)


class ContestLogIn(BaseModel):
    contest: Literal["cq_ww", "arrl_dx", "iaru_hf", "field_day", "rsgb_ropoco"] = Field(
        description="which contest"
    )
    callsign: str = Field(pattern=_CALLSIGN, description="own callsign used in the contest")
    email: str = Field(json_schema_extra=_EMAIL, description="for the adjudicators' reply")
    category: Literal["single_op", "multi_op", "qrp"] = Field(
        default="single_op", description="entry category"
    )


class ContestLogOut(BaseModel):
    receipt: str


@pf.capability(
    intent="Entries from a contest weekend to the adjudicators", tags=["radio", "contest"]
)
async def submit_contest_log(inp: ContestLogIn) -> ContestLogOut:
    return ContestLogOut(receipt="CL-4410")


# --- smart oven -------------------------------------------------------------------------------


class PreheatIn(BaseModel):
    temperature_celsius: int = Field(ge=30, le=280, description="target, °C")
    mode: Literal["fan", "conventional", "grill", "bottom_heat", "steam"] = Field(
        default="fan", description="heating mode"
    )


class PreheatOut(BaseModel):
    ready_in_minutes: int


@pf.capability(
    intent="Oven hot before the food goes in",
    tags=["kitchen", "oven"],
    examples=["get the oven going at 200", "warm the oven on conventional"],
)
async def preheat_oven(inp: PreheatIn) -> PreheatOut:
    return PreheatOut(ready_in_minutes=9)


class OvenTimerIn(BaseModel):
    duration_minutes: int = Field(ge=1, le=600, description="countdown, minutes")
    switch_off_at_end: bool = Field(default=False, description="turn the heat off when it rings")


@pf.capability(intent="A countdown on the oven that beeps when the dish is done", tags=["oven"])
async def set_oven_timer(inp: OvenTimerIn) -> Done:
    return Done(ok=True)


class OvenOffIn(BaseModel):
    keep_light_on: bool = Field(default=False, description="leave the oven light on")


@pf.capability(intent="No more heat from the oven", tags=["kitchen", "oven"])
async def switch_off_oven(inp: OvenOffIn) -> Done:
    return Done(ok=True)


# --- chimney sweep ----------------------------------------------------------------------------


class SweepIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the house, e.g. HG1 2PW")
    appliance: Literal["open_fire", "wood_burner", "multi_fuel", "range_cooker", "gas_fire"] = (
        Field(description="what the chimney serves")
    )
    date: dt.date = Field(description="day of the visit")
    time: str | None = Field(default=None, pattern=_HHMM, description="arrival, HH:MM")
    flues: int = Field(default=1, ge=1, le=6, description="how many chimneys to do")


class SweepOut(BaseModel):
    booking_ref: str


@pf.capability(intent="A visit to clear the soot from a flue", tags=["chimney", "sweep"])
async def book_chimney_sweep(inp: SweepIn) -> SweepOut:
    return SweepOut(booking_ref="CS-20417")


class SweepCancelIn(BaseModel):
    booking_ref: str = Field(pattern=_SWEEP, description="the visit, e.g. CS-20417")
    reason: str | None = Field(default=None, description="why, for the sweep")


@pf.capability(intent="The sweep needn't come after all", tags=["chimney", "sweep"])
async def cancel_chimney_sweep(inp: SweepCancelIn) -> Done:
    return Done(ok=True)


class CertificateIn(BaseModel):
    booking_ref: str = Field(pattern=_SWEEP, description="the visit, e.g. CS-20417")
    email: str = Field(json_schema_extra=_EMAIL, description="where to send the PDF")


@pf.capability(intent="Paperwork for the home insurer showing the flue was swept", tags=["chimney"])
async def request_sweep_certificate(inp: CertificateIn) -> Done:
    return Done(ok=True)


# --- coffee roastery --------------------------------------------------------------------------


class BeansIn(BaseModel):
    coffee: str = Field(description="blend or single origin, e.g. 'Ethiopia Guji'")
    weight_g: int = Field(ge=250, le=5000, description="bag size in grams (250, 500 or 1000)")
    bags: int = Field(default=1, ge=1, le=10, description="how many bags")
    grind: Grind = Field(default="whole_bean", description="how to grind it")


class BeansOut(BaseModel):
    order_id: str


@pf.capability(intent="A one-off bag from the roastery", tags=["coffee", "shop"])
async def order_coffee_beans(inp: BeansIn) -> BeansOut:
    return BeansOut(order_id="CO-5531")


class CoffeePauseIn(BaseModel):
    until: dt.date | None = Field(default=None, description="last day without deliveries")


@pf.capability(
    intent="No deliveries from the roastery for a while",
    tags=["coffee", "subscription"],
    examples=["hold the coffee while I'm in Spain", "skip my beans for a month"],
)
async def pause_coffee_subscription(inp: CoffeePauseIn) -> Done:
    return Done(ok=True)


class CoffeeResumeIn(BaseModel):
    from_date: dt.date | None = Field(
        default=None, description="first delivery day; as soon as possible if left out"
    )


@pf.capability(intent="Roastery deliveries start again", tags=["coffee", "subscription"])
async def resume_coffee_subscription(inp: CoffeeResumeIn) -> Done:
    return Done(ok=True)


class GrindIn(BaseModel):
    grind: Grind = Field(description="how the subscription's beans are ground")


@pf.capability(intent="How the beans in the subscription come ground", tags=["coffee"])
async def change_coffee_grind(inp: GrindIn) -> Done:
    return Done(ok=True)


# --- bowling alley ----------------------------------------------------------------------------


class LaneIn(BaseModel):
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    players: int = Field(ge=1, le=8, description="how many bowlers")
    games: int = Field(default=1, ge=1, le=5, description="games each")
    bumpers: bool = Field(default=False, description="gutter barriers up, for children")


class LaneOut(BaseModel):
    booking_id: str


@pf.capability(intent="A lane for a few games of ten-pin", tags=["bowling"])
async def book_bowling_lane(inp: LaneIn) -> LaneOut:
    return LaneOut(booking_id="BL-20417")


class LaneCancelIn(BaseModel):
    booking_id: str = Field(pattern=_LANE, description="the lane booking, e.g. BL-20417")


@pf.capability(intent="Not going bowling after all", tags=["bowling"])
async def cancel_bowling_lane(inp: LaneCancelIn) -> Done:
    return Done(ok=True)


class ScoresIn(BaseModel):
    booking_id: str = Field(pattern=_LANE, description="the lane booking, e.g. BL-20417")
    player: str | None = Field(default=None, description="only this bowler")


class ScoresOut(BaseModel):
    scores: list[int]


@pf.capability(intent="The scorecard from a night at the alley", tags=["bowling", "scores"])
async def get_lane_scores(inp: ScoresIn) -> ScoresOut:
    return ScoresOut(scores=[132, 98])


# --- motorway toll tag ------------------------------------------------------------------------


class TopUpIn(BaseModel):
    amount: Decimal = Field(gt=0, le=500, description="credit to add")
    currency: Literal["EUR", "GBP"] = Field(default="EUR", description="of the amount")
    tag_number: str | None = Field(
        default=None, pattern=_TAG, description="the tag, e.g. TT20417735; main tag if left out"
    )


class TopUpOut(BaseModel):
    balance: float


@pf.capability(intent="Credit on the tag that opens the motorway barriers", tags=["toll"])
async def top_up_toll_account(inp: TopUpIn) -> TopUpOut:
    return TopUpOut(balance=42.0)


class TollStatementIn(BaseModel):
    from_date: dt.date | None = Field(default=None, description="start of the period")
    to_date: dt.date | None = Field(default=None, description="end of the period")
    tag_number: str | None = Field(default=None, pattern=_TAG, description="only this tag")


class TollStatementOut(BaseModel):
    trips: int
    total: float


@pf.capability(
    intent="Which barriers the car went through and what they cost", tags=["toll", "statement"]
)
async def get_toll_statement(inp: TollStatementIn) -> TollStatementOut:
    return TollStatementOut(trips=6, total=31.4)


class TagVehicleIn(BaseModel):
    plate: str = Field(
        pattern=r"^[A-Z]{2}[0-9]{2} [A-Z]{3}$", description="registration, e.g. AB12 CDE"
    )
    vehicle_class: Literal["car", "motorbike", "van", "motorhome"] = Field(
        default="car", description="toll class"
    )
    tag_number: str | None = Field(default=None, pattern=_TAG, description="the tag, TT20417735")


@pf.capability(intent="Another vehicle on the toll tag account", tags=["toll", "vehicles"])
async def add_vehicle_to_tag(inp: TagVehicleIn) -> Done:
    return Done(ok=True)


# --- knife sharpening by post -----------------------------------------------------------------


class KnivesIn(BaseModel):
    knives: int = Field(ge=1, le=20, description="how many knives in the box")
    postcode: str = Field(pattern=_POSTCODE, description="where to collect and return them")
    serrated: int = Field(default=0, ge=0, description="how many of them are serrated")
    return_service: Literal["standard", "express"] = Field(
        default="standard", description="post back standard or express"
    )


class KnivesOut(BaseModel):
    order_id: str


@pf.capability(intent="Blunt kitchen knives given a keen edge again, by post", tags=["knives"])
async def send_knives_for_sharpening(inp: KnivesIn) -> KnivesOut:
    return KnivesOut(order_id="KS-20417")


class KnivesStatusIn(BaseModel):
    order_id: str = Field(pattern=_KNIVES, description="the order, e.g. KS-20417")


class KnivesStatusOut(BaseModel):
    status: str


@pf.capability(intent="Where a box of knives is in the workroom queue", tags=["knives"])
async def get_sharpening_status(inp: KnivesStatusIn) -> KnivesStatusOut:
    return KnivesStatusOut(status="on the wheel")


# --- beach huts -------------------------------------------------------------------------------


class HutSearchIn(BaseModel):
    beach: str = Field(description="the beach or resort, e.g. 'Mudeford Spit'")
    start_date: dt.date | None = Field(default=None, description="first day")
    end_date: dt.date | None = Field(default=None, description="last day")
    guests: int | None = Field(default=None, ge=1, le=10, description="how many people")


class HutSearchOut(BaseModel):
    hut_id: str
    price_per_day: float


@pf.capability(intent="Huts free along the promenade", tags=["beach", "huts"])
async def search_beach_huts(inp: HutSearchIn) -> HutSearchOut:
    return HutSearchOut(hut_id="HUT-041", price_per_day=45.0)


class HutRentIn(BaseModel):
    hut_id: str = Field(pattern=_HUT, description="the hut, e.g. HUT-041")
    start_date: dt.date = Field(description="first day")
    end_date: dt.date = Field(description="last day")
    guests: int | None = Field(default=None, ge=1, le=10, description="how many people")


class HutRentOut(BaseModel):
    booking_ref: str


@pf.capability(intent="A hut by the sea for a few days", tags=["beach", "huts"])
async def rent_beach_hut(inp: HutRentIn) -> HutRentOut:
    return HutRentOut(booking_ref="BH-20417")


class HutExtendIn(BaseModel):
    booking_ref: str = Field(pattern=_HUT_BOOKING, description="the hire, e.g. BH-20417")
    extra_days: int = Field(ge=1, le=14, description="days added at the end")


@pf.capability(intent="Longer at the beach hut than first planned", tags=["beach", "huts"])
async def extend_beach_hut_rental(inp: HutExtendIn) -> Done:
    return Done(ok=True)


# --- snow clearing ----------------------------------------------------------------------------


class SnowIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="the property, e.g. HG1 2PW")
    date: dt.date = Field(description="day to come")
    area: Literal["driveway", "footpath", "car_park", "steps", "all"] = Field(
        default="driveway", description="what to clear"
    )
    area_m2: float | None = Field(default=None, gt=0, description="roughly how big, m²")
    grit: bool = Field(default=False, description="spread salt after clearing")


class SnowOut(BaseModel):
    job_id: str


@pf.capability(
    intent="Driveways and paths dug out after a snowfall",
    tags=["snow", "winter"],
    examples=["somebody to shovel my drive tomorrow", "clear the car park at the surgery"],
)
async def book_snow_clearing(inp: SnowIn) -> SnowOut:
    return SnowOut(job_id="SC-20417")


class SnowCancelIn(BaseModel):
    job_id: str = Field(pattern=_SNOW, description="the job, e.g. SC-20417")


@pf.capability(intent="The thaw came: the snow crew can stay away", tags=["snow", "winter"])
async def cancel_snow_clearing(inp: SnowCancelIn) -> Done:
    return Done(ok=True)


class GritIn(BaseModel):
    bags: int = Field(ge=1, le=40, description="how many bags")
    postcode: str = Field(pattern=_POSTCODE, description="delivery postcode")
    bag_kg: Literal[10, 25] = Field(default=25, description="size of each bag, kg")
    delivery_date: dt.date | None = Field(default=None, description="day to deliver")


class GritOut(BaseModel):
    order_id: str


@pf.capability(intent="Rock salt for icy paths, by the bag", tags=["snow", "shop"])
async def order_grit_salt(inp: GritIn) -> GritOut:
    return GritOut(order_id="GR-1102")


# --- satellite imagery ------------------------------------------------------------------------


class SceneSearchIn(BaseModel):
    location: str = Field(description="place name, or 'lat,lon'")
    from_date: dt.date | None = Field(default=None, description="captured on or after")
    to_date: dt.date | None = Field(default=None, description="captured on or before")
    max_cloud_percent: int | None = Field(default=None, ge=0, le=100, description="cloud cover")


class SceneSearchOut(BaseModel):
    scene_id: str
    captured_on: dt.date


@pf.capability(intent="Archive pictures of the ground taken from orbit", tags=["satellite"])
async def search_satellite_scenes(inp: SceneSearchIn) -> SceneSearchOut:
    return SceneSearchOut(scene_id="SCN-204117", captured_on=dt.date(2027, 1, 1))


class SceneOrderIn(BaseModel):
    scene_id: str = Field(pattern=_SCENE, description="the archive scene, e.g. SCN-204117")
    email: str = Field(json_schema_extra=_EMAIL, description="where the download link goes")
    product: Literal["true_colour", "false_colour", "ndvi"] = Field(
        default="true_colour", description="which rendering"
    )
    file_format: Literal["geotiff", "jpeg", "png"] = Field(default="geotiff", description="file")


class SceneOrderOut(BaseModel):
    download_url: str = Field(json_schema_extra=_URI)


@pf.capability(intent="Full-resolution copy of an archive scene", tags=["satellite", "shop"])
async def order_satellite_image(inp: SceneOrderIn) -> SceneOrderOut:
    return SceneOrderOut(download_url="https://img.example.org/SCN-204117.tif")


# --- knitting shop ----------------------------------------------------------------------------


class PatternSearchIn(BaseModel):
    query: str = Field(description="what to make, e.g. 'fair isle jumper'")
    craft: Literal["knit", "crochet"] = Field(default="knit", description="knitting or crochet")
    yarn_weight: YarnWeight | None = Field(default=None, description="thickness of the yarn")
    free_only: bool = Field(default=False, description="only patterns that cost nothing")


class PatternSearchOut(BaseModel):
    pattern_id: str
    title: str


@pf.capability(intent="Patterns in the shop's library to make something", tags=["knitting"])
async def find_knitting_pattern(inp: PatternSearchIn) -> PatternSearchOut:
    return PatternSearchOut(pattern_id="PAT-20417", title="Harbour Cardigan")


class PatternBuyIn(BaseModel):
    pattern_id: str = Field(pattern=_PATTERN, description="the pattern, e.g. PAT-20417")
    email: str = Field(json_schema_extra=_EMAIL, description="where the PDF goes")


class PatternBuyOut(BaseModel):
    download_url: str = Field(json_schema_extra=_URI)


@pf.capability(intent="A pattern PDF to keep", tags=["knitting", "shop"])
async def buy_knitting_pattern(inp: PatternBuyIn) -> PatternBuyOut:
    return PatternBuyOut(download_url="https://wool.example.org/PAT-20417.pdf")


class YarnIn(BaseModel):
    yarn: str = Field(description="the yarn's name, e.g. 'Drops Alpaca'")
    balls: int = Field(ge=1, le=60, description="how many balls")
    colour: str | None = Field(default=None, description="shade name or number")
    yarn_weight: YarnWeight | None = Field(default=None, description="thickness of the yarn")


class YarnOut(BaseModel):
    order_id: str


@pf.capability(intent="Balls of wool sent out from the shop", tags=["knitting", "shop"])
async def order_yarn(inp: YarnIn) -> YarnOut:
    return YarnOut(order_id="YN-7710")


# --- public sauna -----------------------------------------------------------------------------


class SaunaIn(BaseModel):
    date: dt.date = Field(description="day of the session")
    time: str = Field(pattern=_HHMM, description="start, HH:MM")
    people: int = Field(default=1, ge=1, le=12, description="how many")
    private: bool = Field(default=False, description="the whole sauna for the group")
    cold_plunge: bool = Field(default=False, description="add the cold plunge pool")


class SaunaOut(BaseModel):
    booking_ref: str


@pf.capability(intent="A slot at the wood-fired sauna on the harbour", tags=["sauna"])
async def book_sauna_session(inp: SaunaIn) -> SaunaOut:
    return SaunaOut(booking_ref="SN-20417")


class SaunaCancelIn(BaseModel):
    booking_ref: str = Field(pattern=_SAUNA, description="the session, e.g. SN-20417")


@pf.capability(intent="Give up a sauna slot", tags=["sauna"])
async def cancel_sauna_session(inp: SaunaCancelIn) -> Done:
    return Done(ok=True)


class SaunaPassIn(BaseModel):
    sessions: Literal[5, 10, 20] = Field(description="visits on the card")
    holder_name: str = Field(description="name on the pass")
    email: str = Field(json_schema_extra=_EMAIL, description="where the pass is sent")


class SaunaPassOut(BaseModel):
    pass_id: str


@pf.capability(intent="Several sauna visits at a lower price, on one card", tags=["sauna"])
async def buy_sauna_pass(inp: SaunaPassIn) -> SaunaPassOut:
    return SaunaPassOut(pass_id="SP-3301")


# --- tree surgery -----------------------------------------------------------------------------


class TreeQuoteIn(BaseModel):
    postcode: str = Field(pattern=_POSTCODE, description="where the trees are")
    work: Literal["fell", "crown_reduction", "prune", "stump_grinding", "hedge_trim"] = Field(
        description="what needs doing"
    )
    trees: int = Field(default=1, ge=1, le=50, description="how many trees")
    height_m: float | None = Field(default=None, gt=0, le=60, description="roughly how tall, m")


class TreeQuoteOut(BaseModel):
    quote_id: str
    price: float


@pf.capability(intent="What work on garden trees would cost", tags=["trees", "garden"])
async def get_tree_work_quote(inp: TreeQuoteIn) -> TreeQuoteOut:
    return TreeQuoteOut(quote_id="TQ-20417", price=640.0)


class TreeJobIn(BaseModel):
    quote_id: str = Field(pattern=_TREE_QUOTE, description="the accepted quote, e.g. TQ-20417")
    date: dt.date = Field(description="day the crew comes")
    remove_waste: bool = Field(default=True, description="take the branches and logs away")


class TreeJobOut(BaseModel):
    job_ref: str


@pf.capability(intent="Arborists on site for a quoted job", tags=["trees", "garden"])
async def book_tree_work(inp: TreeJobIn) -> TreeJobOut:
    return TreeJobOut(job_ref="TW-5512")


CAPABILITIES: list[pf.Capability] = [
    search_balloon_flights,
    book_balloon_seats,
    rebook_balloon_flight,
    log_radio_contact,
    get_contact_log,
    submit_contest_log,
    preheat_oven,
    set_oven_timer,
    switch_off_oven,
    book_chimney_sweep,
    cancel_chimney_sweep,
    request_sweep_certificate,
    order_coffee_beans,
    pause_coffee_subscription,
    resume_coffee_subscription,
    change_coffee_grind,
    book_bowling_lane,
    cancel_bowling_lane,
    get_lane_scores,
    top_up_toll_account,
    get_toll_statement,
    add_vehicle_to_tag,
    send_knives_for_sharpening,
    get_sharpening_status,
    search_beach_huts,
    rent_beach_hut,
    extend_beach_hut_rental,
    book_snow_clearing,
    cancel_snow_clearing,
    order_grit_salt,
    search_satellite_scenes,
    order_satellite_image,
    find_knitting_pattern,
    buy_knitting_pattern,
    order_yarn,
    book_sauna_session,
    cancel_sauna_session,
    buy_sauna_pass,
    get_tree_work_quote,
    book_tree_work,
]

DOMAINS: dict[str, list[str]] = {
    "hot air balloon rides": [
        "search_balloon_flights",
        "book_balloon_seats",
        "rebook_balloon_flight",
    ],
    "amateur radio": ["log_radio_contact", "get_contact_log", "submit_contest_log"],
    "smart oven": ["preheat_oven", "set_oven_timer", "switch_off_oven"],
    "chimney sweep": ["book_chimney_sweep", "cancel_chimney_sweep", "request_sweep_certificate"],
    "coffee roastery": [
        "order_coffee_beans",
        "pause_coffee_subscription",
        "resume_coffee_subscription",
        "change_coffee_grind",
    ],
    "bowling alley": ["book_bowling_lane", "cancel_bowling_lane", "get_lane_scores"],
    "motorway toll tag": ["top_up_toll_account", "get_toll_statement", "add_vehicle_to_tag"],
    "knife sharpening": ["send_knives_for_sharpening", "get_sharpening_status"],
    "beach huts": ["search_beach_huts", "rent_beach_hut", "extend_beach_hut_rental"],
    "snow clearing": ["book_snow_clearing", "cancel_snow_clearing", "order_grit_salt"],
    "satellite imagery": ["search_satellite_scenes", "order_satellite_image"],
    "knitting shop": ["find_knitting_pattern", "buy_knitting_pattern", "order_yarn"],
    "public sauna": ["book_sauna_session", "cancel_sauna_session", "buy_sauna_pass"],
    "tree surgery": ["get_tree_work_quote", "book_tree_work"],
}


def make_node(data_dir: Path) -> pf.Node:
    """A node holding only this registry and the planner, with the plan cache off."""
    node = pf.Node("heldout7", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.register(NlPlanningModule, config={"cache_size": 0})
    node.register(CAPABILITIES)
    return node
