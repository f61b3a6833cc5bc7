"""A second blind registry: 48 capabilities in 18 domains, declared as an ordinary author would.

Written blind: without reading the planner, its development set (``tests/eval/``) or the first
held-out set's cases. Nothing here declares ``examples=`` or ``keywords=``; each capability has a
name, an intent, tags and input/output models whose fields carry a type, a ``description`` and,
where a real API would have one, a ``pattern``, a ``format``, an enum (``Literal``) or a default.
Bodies are trivial: the set measures planning, not execution.

Near neighbours are deliberate (the opposite action is absent): ``buy_tickets`` without a refund,
``book_slip`` without a cancel, ``add_volunteer_shift`` and ``add_player`` without a removal,
``create_game_server``/``restart_game_server`` without a stop or delete, ``whitelist_player``
without a ban, ``file_311_report`` without a withdrawal, ``register_sample`` without a disposal,
``skip_meal_kit_delivery`` without an unskip, ``make_donation`` without a cancellation,
``pause_meter_reading`` without a resume, ``tow_vehicle``/``locate_towed_vehicle`` without a
release. Outputs feed inputs of the same name: ``find_event.event_id`` → ``buy_tickets``,
``buy_tickets.ticket_id`` → ``reissue_ticket``, ``file_311_report.report_id`` →
``escalate_report``, ``upload_photos.album_id`` → ``order_prints``, ``register_team.team_id`` →
``add_player``, ``find_volunteer_opportunity.opportunity_id`` → ``add_volunteer_shift``,
``register_sample.sample_id`` → ``request_assay``/``store_sample``,
``create_game_server.server_id`` → ``whitelist_player``, ``log_machine_fault.work_order_id`` →
``order_spare_part``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

import packetflow as pf

Currency = Literal["USD", "EUR", "GBP", "CAD", "AUD"]
Language = Literal["en", "fr", "de", "es", "it", "ja", "pt"]
_URL = {"format": "uri"}
_EMAIL = {"format": "email"}
_E164 = r"^\+[1-9][0-9]{7,14}$"
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
_PLATE = r"^[A-Z0-9]{2,8}$"


# --- event ticketing -------------------------------------------------------------------------


class FindEventIn(BaseModel):
    query: str = Field(description="artist, team or show to look for")
    city: str | None = Field(default=None, description="city where the event takes place")
    date: dt.date | None = Field(default=None, description="day of the event")


class FindEventOut(BaseModel):
    event_id: str
    title: str


@pf.capability(intent="Search upcoming concerts, games and shows", tags=["ticketing", "events"])
async def find_event(inp: FindEventIn) -> FindEventOut:
    return FindEventOut(event_id="EV000001", title=inp.query)


class BuyTicketsIn(BaseModel):
    event_id: str = Field(pattern=r"^EV[0-9]{6}$", description="event identifier")
    quantity: int = Field(default=1, ge=1, le=10, description="number of tickets")
    section: Literal["floor", "lower_bowl", "upper_bowl", "balcony", "general_admission"] = Field(
        default="general_admission", description="seating area"
    )
    email: str | None = Field(
        default=None, json_schema_extra=_EMAIL, description="where the e-tickets are sent"
    )


class TicketOut(BaseModel):
    ticket_id: str
    email: str | None


@pf.capability(intent="Purchase seats for an event", tags=["ticketing"])
async def buy_tickets(inp: BuyTicketsIn) -> TicketOut:
    return TicketOut(ticket_id="TK-00000001", email=inp.email)


class ReissueTicketIn(BaseModel):
    ticket_id: str = Field(pattern=r"^TK-[0-9]{8}$", description="ticket reference")
    email: str | None = Field(
        default=None, json_schema_extra=_EMAIL, description="address to send the new ticket to"
    )


@pf.capability(
    intent="Issue a fresh copy of a lost or damaged ticket, voiding the old barcode",
    tags=["ticketing"],
)
async def reissue_ticket(inp: ReissueTicketIn) -> TicketOut:
    return TicketOut(ticket_id=inp.ticket_id, email=inp.email)


# --- parking and towing ----------------------------------------------------------------------


class PayParkingIn(BaseModel):
    zone_code: str = Field(pattern=r"^[0-9]{4}$", description="four-digit parking zone on the sign")
    plate: str = Field(pattern=_PLATE, description="vehicle licence plate")
    duration_minutes: int = Field(ge=10, le=600, description="how long to park, in minutes")


class ParkingSessionOut(BaseModel):
    session_id: str
    ends_at: str


@pf.capability(intent="Start a paid parking session in a street zone", tags=["parking"])
async def pay_parking(inp: PayParkingIn) -> ParkingSessionOut:
    return ParkingSessionOut(session_id="PS-1", ends_at="12:00")


class AppealFineIn(BaseModel):
    fine_number: str = Field(pattern=r"^PCN[0-9]{8}$", description="penalty charge notice number")
    reason: str = Field(description="why the fine should be cancelled")


class AppealOut(BaseModel):
    appeal_id: str


@pf.capability(intent="Contest a parking ticket", tags=["parking", "fines"])
async def appeal_parking_fine(inp: AppealFineIn) -> AppealOut:
    return AppealOut(appeal_id="AP-1")


class LocateTowedIn(BaseModel):
    plate: str = Field(pattern=_PLATE, description="licence plate of the towed vehicle")


class ImpoundOut(BaseModel):
    impound_lot: str
    release_fee: float


@pf.capability(intent="Find which impound lot holds a towed vehicle", tags=["parking", "towing"])
async def locate_towed_vehicle(inp: LocateTowedIn) -> ImpoundOut:
    return ImpoundOut(impound_lot="North Yard", release_fee=180.0)


class TowVehicleIn(BaseModel):
    plate: str = Field(pattern=_PLATE, description="licence plate of the vehicle to remove")
    street_address: str = Field(description="where the vehicle is parked")
    reason: Literal["blocking_driveway", "fire_lane", "abandoned", "private_lot"] = Field(
        description="why it must be removed"
    )


class TowOut(BaseModel):
    tow_request_id: str


@pf.capability(
    intent="Request removal of an illegally parked car by a tow truck", tags=["parking", "towing"]
)
async def tow_vehicle(inp: TowVehicleIn) -> TowOut:
    return TowOut(tow_request_id="TW-1")


# --- energy and water meters -----------------------------------------------------------------

Meter = Literal["electricity", "gas", "water"]


class MeterReadingIn(BaseModel):
    account_number: str = Field(pattern=r"^[0-9]{10}$", description="ten-digit utility account")
    meter: Meter = Field(description="which meter was read")
    reading: float = Field(ge=0, description="the figure shown on the meter")
    reading_date: dt.date | None = Field(default=None, description="day the meter was read")


class ReadingOut(BaseModel):
    reading_id: str


@pf.capability(intent="Send the utility company a meter reading", tags=["utilities", "energy"])
async def submit_meter_reading(inp: MeterReadingIn) -> ReadingOut:
    return ReadingOut(reading_id="R-1")


class EnergyUsageIn(BaseModel):
    account_number: str = Field(pattern=r"^[0-9]{10}$", description="ten-digit utility account")
    meter: Meter = Field(default="electricity", description="which supply")
    start_date: dt.date = Field(description="first day of the period")
    end_date: dt.date = Field(description="last day of the period")


class UsageOut(BaseModel):
    consumption: float
    cost: float


@pf.capability(intent="Consumption and cost over a period", tags=["utilities", "energy"])
async def get_energy_usage(inp: EnergyUsageIn) -> UsageOut:
    return UsageOut(consumption=0.0, cost=0.0)


class PauseReadingsIn(BaseModel):
    account_number: str = Field(pattern=r"^[0-9]{10}$", description="ten-digit utility account")
    until: dt.date = Field(description="last day readings are paused (property empty)")


class PauseOut(BaseModel):
    paused_until: dt.date


@pf.capability(
    intent="Suspend estimated bills and reading reminders while a property is vacant",
    tags=["utilities"],
)
async def pause_meter_reading(inp: PauseReadingsIn) -> PauseOut:
    return PauseOut(paused_until=inp.until)


# --- city services (311) ---------------------------------------------------------------------


class CityReportIn(BaseModel):
    category: Literal["pothole", "streetlight", "graffiti", "missed_collection", "noise"] = Field(
        description="kind of problem"
    )
    street_address: str = Field(description="where the problem is")
    description: str | None = Field(default=None, description="details for the crew")
    photo_url: str | None = Field(default=None, json_schema_extra=_URL, description="a picture")


class CityReportOut(BaseModel):
    report_id: str


@pf.capability(intent="Report a problem in the street to the city", tags=["city", "311"])
async def file_311_report(inp: CityReportIn) -> CityReportOut:
    return CityReportOut(report_id="SR-0000001")


class EscalateIn(BaseModel):
    report_id: str = Field(pattern=r"^SR-[0-9]{7}$", description="service request number")
    reason: str | None = Field(default=None, description="why it needs a supervisor")


class EscalateOut(BaseModel):
    report_id: str
    level: int


@pf.capability(intent="Push an unresolved service request up to a supervisor", tags=["city"])
async def escalate_report(inp: EscalateIn) -> EscalateOut:
    return EscalateOut(report_id=inp.report_id, level=2)


class ReportStatusIn(BaseModel):
    report_id: str = Field(pattern=r"^SR-[0-9]{7}$", description="service request number")


class ReportStatusOut(BaseModel):
    status: str


@pf.capability(intent="Check progress on a service request", tags=["city", "311"])
async def get_report_status(inp: ReportStatusIn) -> ReportStatusOut:
    return ReportStatusOut(status="open")


# --- public transit --------------------------------------------------------------------------


class JourneyIn(BaseModel):
    origin: str = Field(description="station or address to leave from")
    destination: str = Field(description="station or address to go to")
    date: dt.date | None = Field(default=None, description="day of travel")
    depart_time: str | None = Field(default=None, pattern=_HHMM, description="leave at, HH:MM")
    step_free: bool = Field(default=False, description="only routes with lifts and ramps")


class JourneyOut(BaseModel):
    legs: list[str]


@pf.capability(intent="Route planner for buses, trams and trains", tags=["transit"])
async def plan_journey(inp: JourneyIn) -> JourneyOut:
    return JourneyOut(legs=[inp.origin, inp.destination])


class TopUpIn(BaseModel):
    card_number: str = Field(pattern=r"^[0-9]{12}$", description="12-digit travel card number")
    amount: float = Field(gt=0, description="value to add")
    currency: Currency = Field(default="GBP", description="currency of the amount")


class BalanceOut(BaseModel):
    balance: float


@pf.capability(intent="Add credit to a travel card", tags=["transit"])
async def top_up_travel_card(inp: TopUpIn) -> BalanceOut:
    return BalanceOut(balance=inp.amount)


class LostPropertyIn(BaseModel):
    line: str = Field(description="bus route or train line")
    date_lost: dt.date = Field(description="day the item was left behind")
    description: str = Field(description="what the item is")
    phone: str | None = Field(default=None, pattern=_E164, description="number to call back")


class LostPropertyOut(BaseModel):
    claim_number: str


@pf.capability(
    intent="Tell the transit lost-and-found about something left on board", tags=["transit"]
)
async def report_lost_property(inp: LostPropertyIn) -> LostPropertyOut:
    return LostPropertyOut(claim_number="LP-1")


# --- photo printing --------------------------------------------------------------------------


class UploadPhotosIn(BaseModel):
    source_url: str = Field(json_schema_extra=_URL, description="link to the shared album")
    album_name: str | None = Field(default=None, description="name to give the album")


class AlbumOut(BaseModel):
    album_id: str
    photo_count: int


@pf.capability(intent="Import pictures from a shared link into a print album", tags=["photos"])
async def upload_photos(inp: UploadPhotosIn) -> AlbumOut:
    return AlbumOut(album_id="ALB00001", photo_count=12)


class OrderPrintsIn(BaseModel):
    album_id: str = Field(pattern=r"^ALB[0-9]{5}$", description="album identifier")
    size: Literal["4x6", "5x7", "8x10", "a4"] = Field(default="4x6", description="print size")
    copies: int = Field(default=1, ge=1, le=50, description="copies of each photo")
    finish: Literal["glossy", "matte"] = Field(default="glossy", description="paper finish")


class PrintJobOut(BaseModel):
    print_job_id: str


@pf.capability(intent="Have the photos of an album printed on paper", tags=["photos", "printing"])
async def order_prints(inp: OrderPrintsIn) -> PrintJobOut:
    return PrintJobOut(print_job_id="PJ-1")


# --- laundry and dry cleaning ----------------------------------------------------------------


class LaundryPickupIn(BaseModel):
    street_address: str = Field(description="where to collect the bag")
    date: dt.date = Field(description="collection day")
    time: str | None = Field(default=None, pattern=_HHMM, description="collection time, HH:MM")
    service: Literal["wash_fold", "dry_clean", "ironing"] = Field(
        default="wash_fold", description="what to do with the clothes"
    )
    weight_kg: float | None = Field(default=None, gt=0, description="estimated weight in kg")


class LaundryOut(BaseModel):
    laundry_ticket: str


@pf.capability(intent="Arrange for a courier to collect dirty clothes", tags=["laundry"])
async def schedule_laundry_pickup(inp: LaundryPickupIn) -> LaundryOut:
    return LaundryOut(laundry_ticket="L000001")


class TrackLaundryIn(BaseModel):
    laundry_ticket: str = Field(pattern=r"^L[0-9]{6}$", description="ticket on the receipt")


class TrackLaundryOut(BaseModel):
    stage: str


@pf.capability(intent="Where an item handed in for cleaning is now", tags=["laundry"])
async def track_laundry(inp: TrackLaundryIn) -> TrackLaundryOut:
    return TrackLaundryOut(stage="pressing")


# --- museum and venue tours ------------------------------------------------------------------


class BookTourIn(BaseModel):
    venue: str = Field(description="museum, gallery or venue name")
    date: dt.date = Field(description="day of the visit")
    time: str | None = Field(default=None, pattern=_HHMM, description="tour start, HH:MM")
    group_size: int = Field(default=1, ge=1, le=30, description="number of visitors")
    language: Language = Field(default="en", description="language of the guide")


class TourOut(BaseModel):
    tour_booking_id: str


@pf.capability(intent="Reserve a guided visit", tags=["museum", "tours"])
async def book_tour(inp: BookTourIn) -> TourOut:
    return TourOut(tour_booking_id="TB-1")


# --- sports league ---------------------------------------------------------------------------


class RegisterTeamIn(BaseModel):
    team_name: str = Field(description="name of the team")
    division: Literal["recreational", "intermediate", "competitive"] = Field(
        description="level of play"
    )
    captain_email: str = Field(json_schema_extra=_EMAIL, description="captain's e-mail address")


class TeamOut(BaseModel):
    team_id: str


@pf.capability(intent="Enter a new team in the season", tags=["league", "sports"])
async def register_team(inp: RegisterTeamIn) -> TeamOut:
    return TeamOut(team_id="T0001")


class AddPlayerIn(BaseModel):
    team_id: str = Field(pattern=r"^T[0-9]{4}$", description="team identifier")
    player_name: str = Field(description="player's full name")
    jersey_number: int | None = Field(default=None, ge=0, le=99, description="shirt number")


class PlayerOut(BaseModel):
    player_id: str


@pf.capability(intent="Put a player on a team's roster", tags=["league", "sports"])
async def add_player(inp: AddPlayerIn) -> PlayerOut:
    return PlayerOut(player_id="PL-1")


class MatchScoreIn(BaseModel):
    match_id: str = Field(pattern=r"^M-[0-9]{5}$", description="fixture number")
    home_score: int = Field(ge=0, description="goals or points of the home side")
    away_score: int = Field(ge=0, description="goals or points of the away side")


class MatchOut(BaseModel):
    match_id: str


@pf.capability(intent="Record the final result of a fixture", tags=["league", "sports"])
async def report_match_score(inp: MatchScoreIn) -> MatchOut:
    return MatchOut(match_id=inp.match_id)


# --- volunteering and charity ----------------------------------------------------------------

Cause = Literal["animals", "environment", "elderly", "food_bank", "literacy"]


class FindOpportunityIn(BaseModel):
    city: str = Field(description="where to volunteer")
    cause: Cause | None = Field(default=None, description="area of work")
    date: dt.date | None = Field(default=None, description="day you are free")


class OpportunityOut(BaseModel):
    opportunity_id: str
    organisation: str


@pf.capability(intent="Look for places that need volunteers", tags=["volunteering"])
async def find_volunteer_opportunity(inp: FindOpportunityIn) -> OpportunityOut:
    return OpportunityOut(opportunity_id="OPP-0001", organisation="Helping Hands")


class VolunteerShiftIn(BaseModel):
    opportunity_id: str = Field(pattern=r"^OPP-[0-9]{4}$", description="opportunity identifier")
    date: dt.date = Field(description="day of the shift")
    start_time: str = Field(pattern=_HHMM, description="shift start, HH:MM")
    duration_hours: float = Field(default=3.0, gt=0, le=12, description="length in hours")


class ShiftOut(BaseModel):
    shift_id: str


@pf.capability(intent="Sign up for a volunteering slot", tags=["volunteering"])
async def add_volunteer_shift(inp: VolunteerShiftIn) -> ShiftOut:
    return ShiftOut(shift_id="SH-1")


class DonateItemsIn(BaseModel):
    items: str = Field(description="what is being given away")
    pickup_address: str = Field(description="where to collect the goods")
    pickup_date: dt.date | None = Field(default=None, description="collection day")


class DonationPickupOut(BaseModel):
    pickup_id: str


@pf.capability(
    intent="Give clothes, furniture or household goods to a charity shop", tags=["charity"]
)
async def donate_items(inp: DonateItemsIn) -> DonationPickupOut:
    return DonationPickupOut(pickup_id="DP-1")


class MakeDonationIn(BaseModel):
    charity: str = Field(description="organisation receiving the gift")
    amount: Decimal = Field(gt=0, description="sum given")
    currency: Currency = Field(default="USD", description="currency of the amount")
    recurring: bool = Field(default=False, description="repeat the gift every month")
    receipt_email: str | None = Field(
        default=None, json_schema_extra=_EMAIL, description="where to send the tax receipt"
    )


class GiftOut(BaseModel):
    gift_id: str


@pf.capability(intent="Contribute money to a cause", tags=["charity"])
async def make_donation(inp: MakeDonationIn) -> GiftOut:
    return GiftOut(gift_id="G-1")


# --- tax filing ------------------------------------------------------------------------------

FilingStatus = Literal["single", "married_joint", "married_separate", "head_of_household"]


class TaxEstimateIn(BaseModel):
    annual_income: float = Field(ge=0, description="gross income for the year, USD")
    filing_status: FilingStatus = Field(description="filing status")
    dependents: int = Field(default=0, ge=0, description="number of dependants claimed")


class TaxEstimateOut(BaseModel):
    refund: float


@pf.capability(intent="Rough calculation of what the IRS will pay back", tags=["tax"])
async def estimate_tax_refund(inp: TaxEstimateIn) -> TaxEstimateOut:
    return TaxEstimateOut(refund=0.0)


class ExtensionIn(BaseModel):
    tax_year: int = Field(ge=2000, le=2100, description="year the return is for")
    taxpayer_id: str = Field(pattern=r"^[0-9]{3}-[0-9]{2}-[0-9]{4}$", description="TIN")


class ExtensionOut(BaseModel):
    new_deadline: dt.date


@pf.capability(intent="Ask for more time to submit a return", tags=["tax"])
async def request_filing_extension(inp: ExtensionIn) -> ExtensionOut:
    return ExtensionOut(new_deadline=dt.date(inp.tax_year + 1, 10, 15))


# --- laboratory samples (LIMS) ---------------------------------------------------------------


class RegisterSampleIn(BaseModel):
    project_code: str = Field(pattern=r"^[A-Z]{3}-[0-9]{3}$", description="study code")
    sample_type: Literal["blood", "soil", "water", "tissue"] = Field(description="material")
    volume_ml: float | None = Field(default=None, gt=0, description="volume in millilitres")
    collected_on: dt.date | None = Field(default=None, description="day it was collected")


class SampleOut(BaseModel):
    sample_id: str


@pf.capability(intent="Log a specimen arriving at the lab", tags=["lab", "lims"])
async def register_sample(inp: RegisterSampleIn) -> SampleOut:
    return SampleOut(sample_id="S00000001")


class AssayIn(BaseModel):
    sample_id: str = Field(pattern=r"^S[0-9]{8}$", description="sample barcode")
    assay: Literal["pcr", "elisa", "ph", "heavy_metals", "culture"] = Field(
        description="test to run"
    )
    urgent: bool = Field(default=False, description="put it at the front of the queue")


class AssayOut(BaseModel):
    assay_run_id: str


@pf.capability(intent="Queue a test on a specimen", tags=["lab", "lims"])
async def request_assay(inp: AssayIn) -> AssayOut:
    return AssayOut(assay_run_id="AR-1")


class StoreSampleIn(BaseModel):
    sample_id: str = Field(pattern=r"^S[0-9]{8}$", description="sample barcode")
    temperature_celsius: float = Field(description="storage temperature in °C")
    location: str | None = Field(default=None, description="freezer, rack or shelf")


class StorageOut(BaseModel):
    location: str


@pf.capability(intent="Put a specimen in cold storage", tags=["lab", "lims"])
async def store_sample(inp: StoreSampleIn) -> StorageOut:
    return StorageOut(location=inp.location or "F1")


# --- factory maintenance ---------------------------------------------------------------------


class MachineFaultIn(BaseModel):
    machine_id: str = Field(pattern=r"^MX-[0-9]{3}$", description="asset tag of the machine")
    description: str = Field(description="what is wrong")
    severity: Literal["low", "medium", "high", "critical"] = Field(
        default="medium", description="impact on production"
    )


class WorkOrderOut(BaseModel):
    work_order_id: str


@pf.capability(intent="Raise a breakdown work order for equipment", tags=["factory", "maintenance"])
async def log_machine_fault(inp: MachineFaultIn) -> WorkOrderOut:
    return WorkOrderOut(work_order_id="WO000001")


class MaintenanceWindowIn(BaseModel):
    machine_id: str = Field(pattern=r"^MX-[0-9]{3}$", description="asset tag of the machine")
    date: dt.date = Field(description="day of the planned stop")
    start_time: str = Field(pattern=_HHMM, description="when the line stops, HH:MM")
    duration_hours: float = Field(default=2.0, gt=0, description="length of the stop in hours")


class WindowOut(BaseModel):
    window_id: str


@pf.capability(intent="Plan a production stop for servicing a machine", tags=["factory"])
async def book_maintenance_window(inp: MaintenanceWindowIn) -> WindowOut:
    return WindowOut(window_id="MW-1")


class SparePartIn(BaseModel):
    part_number: str = Field(pattern=r"^[0-9]{3}-[0-9]{4}$", description="catalogue part number")
    quantity: int = Field(default=1, ge=1, description="how many")
    work_order_id: str | None = Field(
        default=None, pattern=r"^WO[0-9]{6}$", description="work order to charge it to"
    )


class PartOrderOut(BaseModel):
    requisition_id: str


@pf.capability(intent="Requisition replacement components from stores", tags=["factory"])
async def order_spare_part(inp: SparePartIn) -> PartOrderOut:
    return PartOrderOut(requisition_id="RQ-1")


# --- translation service ---------------------------------------------------------------------


class QuoteIn(BaseModel):
    word_count: int = Field(gt=0, description="length of the text in words")
    source_language: Language = Field(description="language of the original")
    target_language: Language = Field(description="language wanted")
    certified: bool = Field(default=False, description="sworn translation for official use")


class QuoteOut(BaseModel):
    price: float
    currency: str


@pf.capability(intent="Price a translation before committing", tags=["translation"])
async def get_translation_quote(inp: QuoteIn) -> QuoteOut:
    return QuoteOut(price=0.0, currency="EUR")


class TranslationJobIn(BaseModel):
    document_url: str = Field(json_schema_extra=_URL, description="link to the document")
    source_language: Language = Field(description="language of the original")
    target_language: Language = Field(description="language wanted")
    deadline: dt.date | None = Field(default=None, description="day it is needed by")
    certified: bool = Field(default=False, description="sworn translation for official use")


class TranslationJobOut(BaseModel):
    job_id: str


@pf.capability(intent="Commission a translator for a document", tags=["translation"])
async def request_translation(inp: TranslationJobIn) -> TranslationJobOut:
    return TranslationJobOut(job_id="TR-1")


# --- marina ----------------------------------------------------------------------------------


class BookSlipIn(BaseModel):
    boat_name: str = Field(description="name of the vessel")
    length_m: float = Field(gt=0, description="length overall in metres")
    arrival_date: dt.date = Field(description="first night")
    departure_date: dt.date = Field(description="day of leaving")
    shore_power: bool = Field(default=False, description="needs an electrical hook-up")


class SlipOut(BaseModel):
    slip_number: str


@pf.capability(intent="Reserve a berth for a visiting boat", tags=["marina", "boats"])
async def book_slip(inp: BookSlipIn) -> SlipOut:
    return SlipOut(slip_number="C12")


class WaiveFeeIn(BaseModel):
    invoice_number: str = Field(pattern=r"^INV-[0-9]{6}$", description="marina invoice")
    reason: str | None = Field(default=None, description="justification")


class WaiveOut(BaseModel):
    invoice_number: str
    waived: bool


@pf.capability(intent="Write off a charge on a berth-holder's invoice", tags=["marina", "billing"])
async def waive_fee(inp: WaiveFeeIn) -> WaiveOut:
    return WaiveOut(invoice_number=inp.invoice_number, waived=True)


class FuelDeliveryIn(BaseModel):
    slip_number: str = Field(pattern=r"^[A-H][0-9]{1,2}$", description="berth, e.g. C12")
    fuel: Literal["diesel", "petrol"] = Field(description="fuel type")
    volume_litres: float = Field(gt=0, description="amount in litres")


class FuelOut(BaseModel):
    delivery_id: str


@pf.capability(intent="Send the fuel barge to a berth", tags=["marina", "boats"])
async def order_fuel_delivery(inp: FuelDeliveryIn) -> FuelOut:
    return FuelOut(delivery_id="FD-1")


# --- game servers ----------------------------------------------------------------------------


class CreateServerIn(BaseModel):
    game: Literal["minecraft", "valheim", "terraria", "rust", "factorio"] = Field(
        description="game the server runs"
    )
    region: Literal["eu-west", "us-east", "us-west", "ap-southeast"] = Field(
        default="us-east", description="data centre"
    )
    max_players: int = Field(default=10, ge=2, le=200, description="player slots")
    ram_gb: int = Field(default=4, ge=1, le=64, description="memory in GB")


class ServerOut(BaseModel):
    server_id: str
    address: str


@pf.capability(intent="Spin up a hosted multiplayer world", tags=["gaming", "servers"])
async def create_game_server(inp: CreateServerIn) -> ServerOut:
    return ServerOut(server_id="gs-000001", address="203.0.113.5:25565")


class ServerIdIn(BaseModel):
    server_id: str = Field(pattern=r"^gs-[a-z0-9]{6}$", description="server identifier")


class ServerStateOut(BaseModel):
    server_id: str
    state: str


@pf.capability(intent="Reboot a hosted game world", tags=["gaming", "servers"])
async def restart_game_server(inp: ServerIdIn) -> ServerStateOut:
    return ServerStateOut(server_id=inp.server_id, state="starting")


class WhitelistIn(BaseModel):
    server_id: str = Field(pattern=r"^gs-[a-z0-9]{6}$", description="server identifier")
    username: str = Field(description="player's in-game name")


class WhitelistOut(BaseModel):
    allowed: list[str]


@pf.capability(intent="Let a player join a private server", tags=["gaming"])
async def whitelist_player(inp: WhitelistIn) -> WhitelistOut:
    return WhitelistOut(allowed=[inp.username])


# --- meal kits -------------------------------------------------------------------------------


class SkipDeliveryIn(BaseModel):
    delivery_date: dt.date = Field(description="the delivery day to leave out")


class SkipOut(BaseModel):
    skipped: dt.date


@pf.capability(intent="Leave out one box of the recipe subscription", tags=["meal_kits"])
async def skip_meal_kit_delivery(inp: SkipDeliveryIn) -> SkipOut:
    return SkipOut(skipped=inp.delivery_date)


class MealPlanIn(BaseModel):
    meals_per_week: int = Field(ge=2, le=6, description="recipes in each box")
    servings: int = Field(default=2, ge=1, le=6, description="people each recipe feeds")
    diet: Literal["classic", "vegetarian", "vegan", "pescatarian", "low_carb"] = Field(
        default="classic", description="menu type"
    )


class MealPlanOut(BaseModel):
    weekly_price: float


@pf.capability(intent="Change how many recipes and portions arrive each week", tags=["meal_kits"])
async def change_meal_plan(inp: MealPlanIn) -> MealPlanOut:
    return MealPlanOut(weekly_price=60.0)


# --- recycling -------------------------------------------------------------------------------


class BulkyPickupIn(BaseModel):
    street_address: str = Field(description="where the items are left out")
    items: str = Field(description="what is collected")
    date: dt.date = Field(description="collection day")
    weight_kg: float | None = Field(default=None, gt=0, description="approximate weight in kg")


class BulkyOut(BaseModel):
    booking_reference: str


@pf.capability(
    intent="Book the council to haul away old appliances and large rubbish", tags=["recycling"]
)
async def schedule_bulky_pickup(inp: BulkyPickupIn) -> BulkyOut:
    return BulkyOut(booking_reference="BK-1")


class RecyclingBinIn(BaseModel):
    street_address: str = Field(description="household address")
    bin_type: Literal["paper", "glass", "plastic", "garden_waste", "food_waste"] = Field(
        description="which bin"
    )
    quantity: int = Field(default=1, ge=1, le=3, description="how many bins")


class BinOut(BaseModel):
    delivery_week: dt.date


@pf.capability(intent="Get a new recycling container delivered", tags=["recycling"])
async def request_recycling_bin(inp: RecyclingBinIn) -> BinOut:
    return BinOut(delivery_week=dt.date(2026, 1, 5))


# --- the registry ----------------------------------------------------------------------------

DOMAINS: dict[str, list[str]] = {
    "event ticketing": ["find_event", "buy_tickets", "reissue_ticket"],
    "parking and towing": [
        "pay_parking",
        "appeal_parking_fine",
        "locate_towed_vehicle",
        "tow_vehicle",
    ],
    "utility meters": ["submit_meter_reading", "get_energy_usage", "pause_meter_reading"],
    "city services": ["file_311_report", "escalate_report", "get_report_status"],
    "public transit": ["plan_journey", "top_up_travel_card", "report_lost_property"],
    "photo printing": ["upload_photos", "order_prints"],
    "laundry": ["schedule_laundry_pickup", "track_laundry"],
    "museum tours": ["book_tour"],
    "sports league": ["register_team", "add_player", "report_match_score"],
    "volunteering and charity": [
        "find_volunteer_opportunity",
        "add_volunteer_shift",
        "donate_items",
        "make_donation",
    ],
    "tax filing": ["estimate_tax_refund", "request_filing_extension"],
    "lab samples": ["register_sample", "request_assay", "store_sample"],
    "factory maintenance": ["log_machine_fault", "book_maintenance_window", "order_spare_part"],
    "translation": ["get_translation_quote", "request_translation"],
    "marina": ["book_slip", "waive_fee", "order_fuel_delivery"],
    "game servers": ["create_game_server", "restart_game_server", "whitelist_player"],
    "meal kits": ["skip_meal_kit_delivery", "change_meal_plan"],
    "recycling": ["schedule_bulky_pickup", "request_recycling_bin"],
}

CAPABILITIES: list[pf.Capability] = [
    find_event,
    buy_tickets,
    reissue_ticket,
    pay_parking,
    appeal_parking_fine,
    locate_towed_vehicle,
    tow_vehicle,
    submit_meter_reading,
    get_energy_usage,
    pause_meter_reading,
    file_311_report,
    escalate_report,
    get_report_status,
    plan_journey,
    top_up_travel_card,
    report_lost_property,
    upload_photos,
    order_prints,
    schedule_laundry_pickup,
    track_laundry,
    book_tour,
    register_team,
    add_player,
    report_match_score,
    find_volunteer_opportunity,
    add_volunteer_shift,
    donate_items,
    make_donation,
    estimate_tax_refund,
    request_filing_extension,
    register_sample,
    request_assay,
    store_sample,
    log_machine_fault,
    book_maintenance_window,
    order_spare_part,
    get_translation_quote,
    request_translation,
    book_slip,
    waive_fee,
    order_fuel_delivery,
    create_game_server,
    restart_game_server,
    whitelist_player,
    skip_meal_kit_delivery,
    change_meal_plan,
    schedule_bulky_pickup,
    request_recycling_bin,
]


def make_node(data_dir: Path, **config: Any) -> pf.Node:
    """A node holding only this registry and the planner (plan cache off unless configured)."""
    from packetflow_nl_planning import NlPlanningModule

    node = pf.Node("heldout2", data_dir=data_dir)
    node.modules.autoload = False  # only the planner, whatever else the env has installed
    node.modules.register(NlPlanningModule, config={"cache_size": 0, **config})
    for capability in CAPABILITIES:
        node.register(capability)
    return node
