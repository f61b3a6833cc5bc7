"""A third blind registry: 48 capabilities in 16 domains, declared as an ordinary author would.

Written blind: without reading the planner, its lexicon, the development set (``tests/eval/``) or
the cases of the earlier held-out sets. Nothing here declares ``examples=`` or ``keywords=``; each
capability has a name, an intent, tags and input/output models whose fields carry a type, a
``description`` and, where a real API would have one, a ``pattern``, a ``format``, an enum
(``Literal``), bounds or a default. Bodies are trivial: the set measures planning, not execution.

Near neighbours are deliberate (the opposite action is absent): ``buy_lift_pass`` without a
refund, ``book_crossing``/``change_crossing`` without a cancel, ``request_leave``/``approve_leave``
without a rejection or withdrawal, ``transfer_miles`` without a purchase, ``book_dog_walk`` without
a cancel, ``add_wine`` without a removal, ``apply_for_visa`` without a withdrawal,
``join_allotment_waitlist`` without leaving it, ``report_lift_fault`` without closing the job.
Outputs feed inputs of the same name: ``search_sailings.sailing_id`` → ``book_crossing``,
``book_crossing.booking_ref`` → ``change_crossing``, ``get_solar_quote.quote_id`` →
``book_site_survey``, ``report_lift_fault.job_id`` → ``get_job_status``,
``request_leave.request_id`` → ``approve_leave``, ``find_donation_session.session_id`` →
``book_donation_slot``, ``apply_for_visa.application_id`` → ``track_visa_application``,
``book_escape_room.booking_id`` → ``add_escape_room_players``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

import packetflow as pf

Currency = Literal["GBP", "EUR", "USD", "CHF", "SEK"]
_URL = {"format": "uri"}
_EMAIL = {"format": "email"}
_E164 = r"^\+[1-9][0-9]{7,14}$"
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


# --- ski resort ------------------------------------------------------------------------------


class LiftPassIn(BaseModel):
    pass_type: Literal["day", "half_day", "multi_day", "season"] = Field(
        description="kind of lift pass"
    )
    start_date: dt.date = Field(description="first day on the slopes")
    days: int = Field(default=1, ge=1, le=14, description="number of skiing days")
    age_group: Literal["adult", "child", "senior"] = Field(
        default="adult", description="fare category of the skier"
    )
    quantity: int = Field(default=1, ge=1, le=8, description="how many passes")


class LiftPassOut(BaseModel):
    pass_id: str
    price: float


@pf.capability(intent="Passes for the mountain's chairlifts and gondolas", tags=["ski", "resort"])
async def buy_lift_pass(inp: LiftPassIn) -> LiftPassOut:
    return LiftPassOut(pass_id="LP-100001", price=59.0 * inp.quantity)


class SkiLessonIn(BaseModel):
    level: Literal["beginner", "intermediate", "advanced"] = Field(description="skier's level")
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=_HHMM, description="meeting time at the ski school, HH:MM")
    duration_hours: float = Field(
        default=2, ge=1, le=6, description="length of the lesson in hours"
    )
    private: bool = Field(default=False, description="one-to-one instead of a group class")
    discipline: Literal["ski", "snowboard"] = Field(default="ski", description="what is taught")


class LessonOut(BaseModel):
    lesson_id: str


@pf.capability(
    intent="Instruction on the slopes with a ski school teacher", tags=["ski", "lessons"]
)
async def book_ski_lesson(inp: SkiLessonIn) -> LessonOut:
    return LessonOut(lesson_id="SL-1")


class SkiRentalIn(BaseModel):
    equipment: Literal["skis", "snowboard", "boots", "helmet", "poles"] = Field(
        description="what to hire"
    )
    height_cm: int | None = Field(
        default=None, ge=90, le=220, description="skier's height in centimetres, to size the gear"
    )
    start_date: dt.date = Field(description="pick-up day")
    end_date: dt.date = Field(description="last day of hire")


class RentalOut(BaseModel):
    rental_id: str


@pf.capability(intent="Hire gear from the resort shop", tags=["ski", "rental"])
async def rent_ski_equipment(inp: SkiRentalIn) -> RentalOut:
    return RentalOut(rental_id="SR-1")


class SnowReportIn(BaseModel):
    area: Literal["village", "north_face", "glacier", "park"] = Field(
        default="village", description="sector of the ski area"
    )


class SnowReportOut(BaseModel):
    snow_depth_cm: int
    lifts_open: int


@pf.capability(intent="Snow depth and which lifts are running", tags=["ski", "conditions"])
async def get_snow_report(inp: SnowReportIn) -> SnowReportOut:
    return SnowReportOut(snow_depth_cm=120, lifts_open=14)


# --- ferry -----------------------------------------------------------------------------------


class SailingsIn(BaseModel):
    from_port: str = Field(description="port of departure")
    to_port: str = Field(description="port of arrival")
    date: dt.date = Field(description="day of the crossing")
    with_vehicle: bool = Field(default=False, description="travelling with a car")


class SailingOut(BaseModel):
    sailing_id: str
    departs: str


@pf.capability(intent="Timetable of crossings between two harbours", tags=["ferry", "travel"])
async def search_sailings(inp: SailingsIn) -> SailingOut:
    return SailingOut(sailing_id="SL-10001", departs="08:30")


class CrossingIn(BaseModel):
    sailing_id: str = Field(pattern=r"^SL-[0-9]{5}$", description="sailing identifier")
    passengers: int = Field(default=1, ge=1, le=9, description="number of people travelling")
    vehicle_length_m: float | None = Field(
        default=None, gt=0, le=20, description="length of the vehicle in metres, if any"
    )
    cabin: bool = Field(default=False, description="reserve a cabin for the night")


class CrossingOut(BaseModel):
    booking_ref: str


@pf.capability(intent="Reserve places on a sailing", tags=["ferry", "booking"])
async def book_crossing(inp: CrossingIn) -> CrossingOut:
    return CrossingOut(booking_ref="FB100001")


class ChangeCrossingIn(BaseModel):
    booking_ref: str = Field(pattern=r"^FB[0-9]{6}$", description="ferry booking reference")
    new_date: dt.date = Field(description="the day to travel instead")


class ChangeOut(BaseModel):
    booking_ref: str
    fee: float


@pf.capability(intent="Move a ferry reservation to another day", tags=["ferry", "booking"])
async def change_crossing(inp: ChangeCrossingIn) -> ChangeOut:
    return ChangeOut(booking_ref=inp.booking_ref, fee=15.0)


# --- warehouse stock -------------------------------------------------------------------------

_SKU = r"^[A-Z]{3}-[0-9]{4}$"
Warehouse = Literal["leeds", "rotterdam", "newark", "lyon"]


class StockIn(BaseModel):
    sku: str = Field(pattern=_SKU, description="stock keeping unit, e.g. BLT-0042")
    warehouse: Warehouse | None = Field(default=None, description="depot to look in (all if unset)")


class StockOut(BaseModel):
    on_hand: int


@pf.capability(intent="How many units are on the shelves", tags=["warehouse", "inventory"])
async def check_stock(inp: StockIn) -> StockOut:
    return StockOut(on_hand=0)


class TransferStockIn(BaseModel):
    sku: str = Field(pattern=_SKU, description="stock keeping unit")
    quantity: int = Field(ge=1, le=100000, description="units to move")
    from_warehouse: Warehouse = Field(description="depot the units leave")
    to_warehouse: Warehouse = Field(description="depot that receives them")


class TransferOut(BaseModel):
    transfer_id: str


@pf.capability(intent="Ship units from one depot to another", tags=["warehouse", "inventory"])
async def transfer_stock(inp: TransferStockIn) -> TransferOut:
    return TransferOut(transfer_id="TR-1")


class StockCountIn(BaseModel):
    sku: str = Field(pattern=_SKU, description="stock keeping unit")
    warehouse: Warehouse = Field(description="depot that was counted")
    counted: int = Field(ge=0, description="units found on the shelf")
    count_date: dt.date | None = Field(default=None, description="day of the count")


class CountOut(BaseModel):
    variance: int


@pf.capability(intent="Enter the result of a cycle count", tags=["warehouse", "inventory"])
async def record_stock_count(inp: StockCountIn) -> CountOut:
    return CountOut(variance=0)


# --- solar installs --------------------------------------------------------------------------


class SolarQuoteIn(BaseModel):
    postcode: str = Field(description="postcode or ZIP code of the property")
    roof_area_m2: float = Field(gt=0, le=1000, description="usable roof area in square metres")
    battery: bool = Field(default=False, description="include a home battery")
    annual_usage_kwh: int | None = Field(
        default=None, ge=0, description="electricity used per year, in kWh"
    )


class SolarQuoteOut(BaseModel):
    quote_id: str
    price: float


@pf.capability(intent="Price for putting panels on a house", tags=["solar", "energy"])
async def get_solar_quote(inp: SolarQuoteIn) -> SolarQuoteOut:
    return SolarQuoteOut(quote_id="SQ-10001", price=7800.0)


class SurveyIn(BaseModel):
    quote_id: str = Field(pattern=r"^SQ-[0-9]{5}$", description="solar quote reference")
    date: dt.date = Field(description="day of the visit")
    slot: Literal["morning", "afternoon"] = Field(default="morning", description="time of day")


class SurveyOut(BaseModel):
    survey_id: str


@pf.capability(intent="Send an engineer to look at the roof", tags=["solar"])
async def book_site_survey(inp: SurveyIn) -> SurveyOut:
    return SurveyOut(survey_id="SV-1")


class PanelOutputIn(BaseModel):
    system_id: str = Field(pattern=r"^PV[0-9]{6}$", description="installed system number")
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


class PanelOutputOut(BaseModel):
    generated_kwh: float


@pf.capability(intent="Generation figures for an installed system", tags=["solar", "energy"])
async def get_panel_output(inp: PanelOutputIn) -> PanelOutputOut:
    return PanelOutputOut(generated_kwh=0.0)


# --- elevator maintenance --------------------------------------------------------------------

_BUILDING = r"^B[0-9]{3}$"


class LiftFaultIn(BaseModel):
    building_code: str = Field(pattern=_BUILDING, description="building code, e.g. B204")
    elevator_number: int = Field(default=1, ge=1, le=20, description="which car in the building")
    fault: Literal["stuck", "door_fault", "noise", "button_broken", "not_levelling"] = Field(
        description="what is wrong"
    )
    people_trapped: bool = Field(default=False, description="someone is inside the car")


class JobOut(BaseModel):
    job_id: str


@pf.capability(intent="Log a breakdown of a building's elevator", tags=["elevators", "maintenance"])
async def report_lift_fault(inp: LiftFaultIn) -> JobOut:
    return JobOut(job_id="EJ-100001")


class InspectionIn(BaseModel):
    building_code: str = Field(pattern=_BUILDING, description="building code")
    date: dt.date = Field(description="day of the visit")
    elevator_number: int | None = Field(default=None, ge=1, le=20, description="one car only")


class InspectionOut(BaseModel):
    inspection_id: str


@pf.capability(intent="Statutory safety check visit for elevators", tags=["elevators"])
async def schedule_elevator_inspection(inp: InspectionIn) -> InspectionOut:
    return InspectionOut(inspection_id="IN-1")


class JobStatusIn(BaseModel):
    job_id: str = Field(pattern=r"^EJ-[0-9]{6}$", description="engineer job number")


class JobStatusOut(BaseModel):
    status: str
    engineer_eta: str | None


@pf.capability(intent="Where an engineer's call-out stands", tags=["elevators", "maintenance"])
async def get_job_status(inp: JobStatusIn) -> JobStatusOut:
    return JobStatusOut(status="assigned", engineer_eta=None)


# --- HR leave --------------------------------------------------------------------------------

_EMPLOYEE = r"^E[0-9]{5}$"
LeaveType = Literal["annual", "sick", "parental", "unpaid", "compassionate"]


class LeaveRequestIn(BaseModel):
    employee_id: str = Field(pattern=_EMPLOYEE, description="staff number, e.g. E10442")
    leave_type: LeaveType = Field(default="annual", description="kind of absence")
    start_date: dt.date = Field(description="first day off")
    end_date: dt.date = Field(description="last day off")
    note: str | None = Field(default=None, description="message for the manager")


class LeaveRequestOut(BaseModel):
    request_id: str


@pf.capability(intent="Ask for time off work", tags=["hr", "leave"])
async def request_leave(inp: LeaveRequestIn) -> LeaveRequestOut:
    return LeaveRequestOut(request_id="LR-10001")


class LeaveBalanceIn(BaseModel):
    employee_id: str = Field(pattern=_EMPLOYEE, description="staff number")
    leave_type: LeaveType = Field(default="annual", description="kind of allowance")


class LeaveBalanceOut(BaseModel):
    days_left: float


@pf.capability(intent="Days of holiday allowance remaining", tags=["hr", "leave"])
async def get_leave_balance(inp: LeaveBalanceIn) -> LeaveBalanceOut:
    return LeaveBalanceOut(days_left=12.5)


class ApproveLeaveIn(BaseModel):
    request_id: str = Field(pattern=r"^LR-[0-9]{5}$", description="leave request number")
    comment: str | None = Field(default=None, description="note back to the employee")


class ApproveLeaveOut(BaseModel):
    status: str


@pf.capability(intent="Manager sign-off on an absence", tags=["hr", "leave"])
async def approve_leave(inp: ApproveLeaveIn) -> ApproveLeaveOut:
    return ApproveLeaveOut(status="approved")


# --- airline loyalty -------------------------------------------------------------------------

_MEMBER = r"^[0-9]{9}$"


class MilesBalanceIn(BaseModel):
    member_number: str = Field(pattern=_MEMBER, description="nine-digit frequent-flyer number")


class MilesBalanceOut(BaseModel):
    miles: int
    tier: str


@pf.capability(intent="Points in a frequent-flyer account", tags=["loyalty", "airline"])
async def get_miles_balance(inp: MilesBalanceIn) -> MilesBalanceOut:
    return MilesBalanceOut(miles=0, tier="blue")


class TransferMilesIn(BaseModel):
    member_number: str = Field(pattern=_MEMBER, description="account the points leave")
    to_member_number: str = Field(pattern=_MEMBER, description="account that receives them")
    miles: int = Field(ge=500, le=100000, description="number of miles to give")


class TransferMilesOut(BaseModel):
    remaining: int


@pf.capability(intent="Give points to another member", tags=["loyalty", "airline"])
async def transfer_miles(inp: TransferMilesIn) -> TransferMilesOut:
    return TransferMilesOut(remaining=0)


class MissingMilesIn(BaseModel):
    member_number: str = Field(pattern=_MEMBER, description="frequent-flyer number")
    flight_number: str = Field(pattern=r"^[A-Z]{2}[0-9]{1,4}$", description="e.g. BA117")
    flight_date: dt.date = Field(description="day the flight was taken")


class ClaimOut(BaseModel):
    claim_id: str


@pf.capability(intent="Credit a trip that wasn't counted", tags=["loyalty", "airline"])
async def claim_missing_miles(inp: MissingMilesIn) -> ClaimOut:
    return ClaimOut(claim_id="MC-1")


# --- dog walking -----------------------------------------------------------------------------


class DogWalkIn(BaseModel):
    dog_name: str = Field(description="which dog")
    date: dt.date = Field(description="day of the walk")
    time: str = Field(pattern=_HHMM, description="pick-up time, HH:MM")
    duration_minutes: int = Field(default=30, ge=15, le=120, description="length in minutes")
    group_walk: bool = Field(default=False, description="walk with other dogs")


class WalkOut(BaseModel):
    walk_id: str


@pf.capability(intent="A walker takes your dog out", tags=["dogs", "pets"])
async def book_dog_walk(inp: DogWalkIn) -> WalkOut:
    return WalkOut(walk_id="W-1")


class DogProfileIn(BaseModel):
    name: str = Field(description="the dog's name")
    breed: str = Field(description="breed or mix")
    weight_kg: float = Field(gt=0, le=120, description="weight in kilograms")
    notes: str | None = Field(default=None, description="anything the walker should know")


class DogProfileOut(BaseModel):
    dog_id: str


@pf.capability(intent="Tell the walkers about a new pet", tags=["dogs", "pets"])
async def add_dog_profile(inp: DogProfileIn) -> DogProfileOut:
    return DogProfileOut(dog_id="D-1")


class RateWalkerIn(BaseModel):
    walker_name: str = Field(description="who did the walk")
    stars: int = Field(ge=1, le=5, description="rating out of five")
    comment: str | None = Field(default=None, description="review text")


class RatingOut(BaseModel):
    average: float


@pf.capability(intent="Feedback on the person who walked the dog", tags=["dogs", "reviews"])
async def rate_walker(inp: RateWalkerIn) -> RatingOut:
    return RatingOut(average=float(inp.stars))


# --- beekeeping ------------------------------------------------------------------------------

_HIVE = r"^H[0-9]{2}$"


class HiveInspectionIn(BaseModel):
    hive_id: str = Field(pattern=_HIVE, description="hive number, e.g. H07")
    inspection_date: dt.date = Field(description="day the hive was opened")
    queen_seen: bool = Field(description="the queen was spotted")
    brood_frames: int | None = Field(default=None, ge=0, le=20, description="frames with brood")
    temperament: Literal["calm", "nervous", "aggressive"] = Field(
        default="calm", description="how the colony behaved"
    )


class HiveLogOut(BaseModel):
    entry_id: str


@pf.capability(intent="Notes from opening a colony", tags=["bees", "apiary"])
async def log_hive_inspection(inp: HiveInspectionIn) -> HiveLogOut:
    return HiveLogOut(entry_id="HI-1")


class HoneyHarvestIn(BaseModel):
    hive_id: str = Field(pattern=_HIVE, description="hive number")
    weight_kg: float = Field(gt=0, le=200, description="honey taken, in kilograms")
    harvest_date: dt.date | None = Field(default=None, description="day of the harvest")


@pf.capability(intent="How much honey came off a hive", tags=["bees", "apiary"])
async def record_honey_harvest(inp: HoneyHarvestIn) -> HiveLogOut:
    return HiveLogOut(entry_id="HH-1")


class BeeSuppliesIn(BaseModel):
    item: Literal["frames", "foundation", "smoker_fuel", "queen_excluder", "jars", "bee_suit"] = (
        Field(description="what to order")
    )
    quantity: int = Field(default=1, ge=1, le=500, description="how many")
    express: bool = Field(default=False, description="next-day delivery")


class SupplyOrderOut(BaseModel):
    order_id: str


@pf.capability(intent="Kit for the apiary", tags=["bees", "shop"])
async def order_bee_supplies(inp: BeeSuppliesIn) -> SupplyOrderOut:
    return SupplyOrderOut(order_id="BS-1")


# --- observatory -----------------------------------------------------------------------------


class TelescopeIn(BaseModel):
    telescope: Literal["refractor_150", "dobsonian_400", "solar_scope"] = Field(
        description="instrument: the 150 mm refractor, the 400 mm Dobsonian or the solar scope"
    )
    date: dt.date = Field(description="night of the session")
    start_time: str = Field(pattern=_HHMM, description="start, HH:MM")
    hours: int = Field(default=1, ge=1, le=4, description="length of the session in hours")


class TelescopeOut(BaseModel):
    session_id: str


@pf.capability(
    intent="Reserve a session on one of the observatory's instruments", tags=["astronomy"]
)
async def book_telescope_time(inp: TelescopeIn) -> TelescopeOut:
    return TelescopeOut(session_id="TS-1")


class SkyForecastIn(BaseModel):
    date: dt.date = Field(description="night to forecast")


class SkyForecastOut(BaseModel):
    cloud_cover_pct: int
    seeing: str


@pf.capability(intent="Cloud cover and seeing for a night of stargazing", tags=["astronomy"])
async def get_sky_forecast(inp: SkyForecastIn) -> SkyForecastOut:
    return SkyForecastOut(cloud_cover_pct=20, seeing="good")


class ObservationIn(BaseModel):
    target: str = Field(description="object observed, e.g. M31 or Jupiter")
    observed_on: dt.date = Field(description="night of the observation")
    magnitude: float | None = Field(default=None, ge=-30, le=30, description="estimated magnitude")
    notes: str | None = Field(default=None, description="what was seen")


class ObservationOut(BaseModel):
    observation_id: str


@pf.capability(intent="Add a sighting to the observatory's log book", tags=["astronomy"])
async def submit_observation(inp: ObservationIn) -> ObservationOut:
    return ObservationOut(observation_id="OB-1")


# --- wine cellar -----------------------------------------------------------------------------


class AddWineIn(BaseModel):
    wine_name: str = Field(description="producer and wine")
    vintage: int = Field(ge=1900, le=2030, description="year of the harvest")
    bottles: int = Field(ge=1, le=600, description="number of bottles")
    bin_location: str | None = Field(
        default=None, pattern=r"^[A-F][0-9]{1,2}$", description="rack and bin, e.g. C4"
    )


class WineOut(BaseModel):
    wine_id: str


@pf.capability(intent="Put bottles into the cellar inventory", tags=["wine", "cellar"])
async def add_wine(inp: AddWineIn) -> WineOut:
    return WineOut(wine_id="WN-1")


class TastingIn(BaseModel):
    wine_name: str = Field(description="producer and wine")
    score: int = Field(ge=50, le=100, description="points out of 100")
    notes: str | None = Field(default=None, description="tasting note")
    tasted_on: dt.date | None = Field(default=None, description="day it was opened")


class TastingOut(BaseModel):
    tasting_id: str


@pf.capability(intent="Tasting note and a 100-point score", tags=["wine", "cellar"])
async def record_tasting(inp: TastingIn) -> TastingOut:
    return TastingOut(tasting_id="TN-1")


class DrinkingWindowIn(BaseModel):
    wine_name: str = Field(description="producer and wine")
    vintage: int = Field(ge=1900, le=2030, description="year of the harvest")


class DrinkingWindowOut(BaseModel):
    from_year: int
    to_year: int


@pf.capability(intent="When a bottle will be at its best", tags=["wine", "cellar"])
async def find_drinking_window(inp: DrinkingWindowIn) -> DrinkingWindowOut:
    return DrinkingWindowOut(from_year=inp.vintage + 3, to_year=inp.vintage + 12)


# --- blood donation --------------------------------------------------------------------------


class DonationSessionIn(BaseModel):
    town: str = Field(description="town or city to donate in")
    date: dt.date | None = Field(default=None, description="day to donate")
    donation_type: Literal["whole_blood", "plasma", "platelets"] = Field(
        default="whole_blood", description="what to give"
    )


class DonationSessionOut(BaseModel):
    session_id: str
    venue: str


@pf.capability(intent="Where to give blood nearby", tags=["blood", "donation"])
async def find_donation_session(inp: DonationSessionIn) -> DonationSessionOut:
    return DonationSessionOut(session_id="DS10001", venue=inp.town)


class DonationSlotIn(BaseModel):
    session_id: str = Field(pattern=r"^DS[0-9]{5}$", description="donation session id")
    time: str = Field(pattern=_HHMM, description="appointment time, HH:MM")
    email: str | None = Field(default=None, json_schema_extra=_EMAIL, description="confirmation to")


class DonationSlotOut(BaseModel):
    appointment_id: str


@pf.capability(intent="Reserve an appointment to donate", tags=["blood", "donation"])
async def book_donation_slot(inp: DonationSlotIn) -> DonationSlotOut:
    return DonationSlotOut(appointment_id="DA-1")


class EligibilityIn(BaseModel):
    age: int = Field(ge=16, le=90, description="donor's age in years")
    weight_kg: float = Field(gt=0, le=300, description="donor's weight in kilograms")
    last_donation: dt.date | None = Field(default=None, description="day of the last donation")
    recent_tattoo: bool = Field(
        default=False, description="tattoo or piercing in the last 4 months"
    )


class EligibilityOut(BaseModel):
    eligible: bool
    reason: str


@pf.capability(intent="Whether someone is allowed to give blood", tags=["blood", "donation"])
async def check_donor_eligibility(inp: EligibilityIn) -> EligibilityOut:
    return EligibilityOut(eligible=True, reason="")


# --- driving school --------------------------------------------------------------------------


class DrivingLessonIn(BaseModel):
    date: dt.date = Field(description="day of the lesson")
    time: str = Field(pattern=_HHMM, description="pick-up time, HH:MM")
    duration_minutes: int = Field(default=60, ge=30, le=180, description="lesson length in minutes")
    transmission: Literal["manual", "automatic"] = Field(default="manual", description="gearbox")
    instructor_name: str | None = Field(default=None, description="preferred instructor")


class DrivingLessonOut(BaseModel):
    lesson_id: str


@pf.capability(intent="Time behind the wheel with an instructor", tags=["driving"])
async def book_driving_lesson(inp: DrivingLessonIn) -> DrivingLessonOut:
    return DrivingLessonOut(lesson_id="DL-1")


class DrivingTestIn(BaseModel):
    licence_number: str = Field(
        pattern=r"^[A-Z]{5}[0-9]{6}$", description="provisional licence number, e.g. SMITH804150"
    )
    test_centre: str = Field(description="where to sit the test")
    date: dt.date = Field(description="day of the test")


class DrivingTestOut(BaseModel):
    test_booking_id: str


@pf.capability(intent="Sit the practical exam", tags=["driving", "exams"])
async def book_driving_test(inp: DrivingTestIn) -> DrivingTestOut:
    return DrivingTestOut(test_booking_id="DT-1")


class PracticeDriveIn(BaseModel):
    duration_minutes: int = Field(ge=5, le=600, description="time driven in minutes")
    distance_km: float | None = Field(default=None, ge=0, le=2000, description="distance in km")
    drive_date: dt.date | None = Field(default=None, description="day of the drive")
    night: bool = Field(default=False, description="driven after dark")


class PracticeDriveOut(BaseModel):
    total_hours: float


@pf.capability(intent="Supervised hours for the learner's logbook", tags=["driving"])
async def log_practice_drive(inp: PracticeDriveIn) -> PracticeDriveOut:
    return PracticeDriveOut(total_hours=inp.duration_minutes / 60)


# --- passports and visas ---------------------------------------------------------------------


class PassportRenewalIn(BaseModel):
    passport_number: str = Field(pattern=r"^[A-Z][0-9]{8}$", description="current passport number")
    delivery_address: str = Field(description="where to post the new passport")
    fast_track: bool = Field(default=False, description="one-week premium service")


class PassportOut(BaseModel):
    application_id: str


@pf.capability(intent="Replace an expiring travel document", tags=["passport", "government"])
async def renew_passport(inp: PassportRenewalIn) -> PassportOut:
    return PassportOut(application_id="PA-100001")


class VisaIn(BaseModel):
    destination_country: str = Field(description="country to enter")
    visa_type: Literal["tourist", "business", "student", "transit"] = Field(
        description="purpose of the trip"
    )
    entry_date: dt.date = Field(description="planned day of arrival")
    stay_days: int = Field(ge=1, le=365, description="length of stay in days")


class VisaOut(BaseModel):
    application_id: str


@pf.capability(intent="Permission to enter another country", tags=["visa", "government"])
async def apply_for_visa(inp: VisaIn) -> VisaOut:
    return VisaOut(application_id="VA-100001")


class TrackVisaIn(BaseModel):
    application_id: str = Field(pattern=r"^VA-[0-9]{6}$", description="visa application number")


class TrackVisaOut(BaseModel):
    status: str


@pf.capability(intent="Progress of an entry permit application", tags=["visa", "government"])
async def track_visa_application(inp: TrackVisaIn) -> TrackVisaOut:
    return TrackVisaOut(status="received")


# --- allotments ------------------------------------------------------------------------------

_PLOT = r"^[0-9]{1,3}[A-D]$"


class WaitlistIn(BaseModel):
    full_name: str = Field(description="applicant's name")
    email: str = Field(json_schema_extra=_EMAIL, description="contact e-mail")
    plot_size: Literal["quarter", "half", "full"] = Field(default="half", description="plot size")
    phone: str | None = Field(default=None, pattern=_E164, description="contact phone")


class WaitlistOut(BaseModel):
    position: int


@pf.capability(intent="Queue for a plot on the allotment site", tags=["allotments", "garden"])
async def join_allotment_waitlist(inp: WaitlistIn) -> WaitlistOut:
    return WaitlistOut(position=31)


class PlotIssueIn(BaseModel):
    plot_number: str = Field(pattern=_PLOT, description="plot number, e.g. 14B")
    issue: Literal["water_leak", "vandalism", "overgrown", "pests", "fly_tipping"] = Field(
        description="kind of problem"
    )
    description: str | None = Field(default=None, description="details for the warden")


class PlotIssueOut(BaseModel):
    issue_id: str


@pf.capability(intent="Tell the site warden about a problem", tags=["allotments"])
async def report_plot_issue(inp: PlotIssueIn) -> PlotIssueOut:
    return PlotIssueOut(issue_id="PI-1")


class PlotRentIn(BaseModel):
    plot_number: str = Field(pattern=_PLOT, description="plot number")
    amount: Decimal = Field(gt=0, description="amount paid")
    currency: Currency = Field(default="GBP", description="currency of the amount")


class PlotRentOut(BaseModel):
    receipt_id: str


@pf.capability(intent="Annual fee for an allotment plot", tags=["allotments", "payments"])
async def pay_plot_rent(inp: PlotRentIn) -> PlotRentOut:
    return PlotRentOut(receipt_id="RC-1")


# --- escape rooms ----------------------------------------------------------------------------


class EscapeRoomIn(BaseModel):
    room: Literal["pharaohs_tomb", "submarine", "haunted_manor", "bank_heist"] = Field(
        description="which game"
    )
    date: dt.date = Field(description="day of the game")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    players: int = Field(ge=2, le=8, description="team size")


class EscapeRoomOut(BaseModel):
    booking_id: str


@pf.capability(intent="A team slot in a puzzle room", tags=["escape_rooms", "games"])
async def book_escape_room(inp: EscapeRoomIn) -> EscapeRoomOut:
    return EscapeRoomOut(booking_id="ER10001")


class AddPlayersIn(BaseModel):
    booking_id: str = Field(pattern=r"^ER[0-9]{5}$", description="escape room booking")
    extra_players: int = Field(ge=1, le=6, description="how many more people join")


class AddPlayersOut(BaseModel):
    players: int


@pf.capability(intent="Enlarge the team on an existing game booking", tags=["escape_rooms"])
async def add_escape_room_players(inp: AddPlayersIn) -> AddPlayersOut:
    return AddPlayersOut(players=4 + inp.extra_players)


DOMAINS: dict[str, list[str]] = {
    "ski resort": ["buy_lift_pass", "book_ski_lesson", "rent_ski_equipment", "get_snow_report"],
    "ferry": ["search_sailings", "book_crossing", "change_crossing"],
    "warehouse stock": ["check_stock", "transfer_stock", "record_stock_count"],
    "solar installs": ["get_solar_quote", "book_site_survey", "get_panel_output"],
    "elevator maintenance": [
        "report_lift_fault",
        "schedule_elevator_inspection",
        "get_job_status",
    ],
    "HR leave": ["request_leave", "get_leave_balance", "approve_leave"],
    "airline loyalty": ["get_miles_balance", "transfer_miles", "claim_missing_miles"],
    "dog walking": ["book_dog_walk", "add_dog_profile", "rate_walker"],
    "beekeeping": ["log_hive_inspection", "record_honey_harvest", "order_bee_supplies"],
    "observatory": ["book_telescope_time", "get_sky_forecast", "submit_observation"],
    "wine cellar": ["add_wine", "record_tasting", "find_drinking_window"],
    "blood donation": ["find_donation_session", "book_donation_slot", "check_donor_eligibility"],
    "driving school": ["book_driving_lesson", "book_driving_test", "log_practice_drive"],
    "passports and visas": ["renew_passport", "apply_for_visa", "track_visa_application"],
    "allotments": ["join_allotment_waitlist", "report_plot_issue", "pay_plot_rent"],
    "escape rooms": ["book_escape_room", "add_escape_room_players"],
}

CAPABILITIES: list[pf.Capability] = [
    buy_lift_pass,
    book_ski_lesson,
    rent_ski_equipment,
    get_snow_report,
    search_sailings,
    book_crossing,
    change_crossing,
    check_stock,
    transfer_stock,
    record_stock_count,
    get_solar_quote,
    book_site_survey,
    get_panel_output,
    report_lift_fault,
    schedule_elevator_inspection,
    get_job_status,
    request_leave,
    get_leave_balance,
    approve_leave,
    get_miles_balance,
    transfer_miles,
    claim_missing_miles,
    book_dog_walk,
    add_dog_profile,
    rate_walker,
    log_hive_inspection,
    record_honey_harvest,
    order_bee_supplies,
    book_telescope_time,
    get_sky_forecast,
    submit_observation,
    add_wine,
    record_tasting,
    find_drinking_window,
    find_donation_session,
    book_donation_slot,
    check_donor_eligibility,
    book_driving_lesson,
    book_driving_test,
    log_practice_drive,
    renew_passport,
    apply_for_visa,
    track_visa_application,
    join_allotment_waitlist,
    report_plot_issue,
    pay_plot_rent,
    book_escape_room,
    add_escape_room_players,
]


def make_node(data_dir: Path, **config: Any) -> pf.Node:
    """A node holding only this registry and the planner (plan cache off unless configured)."""
    from packetflow_nl_planning import NlPlanningModule

    node = pf.Node("heldout3", data_dir=data_dir)
    node.modules.autoload = False  # only the planner, whatever else the env has installed
    node.modules.register(NlPlanningModule, config={"cache_size": 0, **config})
    for capability in CAPABILITIES:
        node.register(capability)
    return node
