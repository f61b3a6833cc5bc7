"""The held-out registry: 42 capabilities in 15 domains, declared as an ordinary author would.

Written independently of the planner and of its development set (``tests/eval/``): nothing
here declares ``examples=`` or ``keywords=``; each capability has a name, an intent, tags and
an input model whose fields carry a type, a ``description`` and, where a real API would have
one, a ``pattern``, a ``format``, an enum (``Literal``) or a default. Bodies are trivial: the
set measures planning, not execution.

Near neighbours are deliberate: ``open_ticket`` without a close, ``schedule_appointment`` and
``get_appointment`` without a cancel, ``deposit_check`` without a withdrawal,
``add_song_to_playlist`` without a removal, ``borrow_book``/``renew_loan`` without a return,
``start_irrigation`` without a stop, ``deploy_release`` without a rollback. Outputs feed inputs
of the same name for multi-step requests (``find_patient.patient_id`` →
``schedule_appointment.patient_id``, ``search_listings.listing_id`` →
``schedule_viewing.listing_id``, ``file_claim.claim_id`` → ``upload_claim_document.claim_id``…).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

import packetflow as pf

Currency = Literal["USD", "EUR", "GBP", "CHF", "JPY"]
_URL = {"format": "uri"}
_EMAIL = {"format": "email"}
_E164 = r"^\+[1-9][0-9]{7,14}$"
_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


# --- healthcare ------------------------------------------------------------------------------


class FindPatientIn(BaseModel):
    full_name: str = Field(description="patient's first and last name")
    date_of_birth: dt.date | None = Field(default=None, description="patient's date of birth")


class FindPatientOut(BaseModel):
    patient_id: str
    phone: str


@pf.capability(intent="Look up a patient record by name and birth date", tags=["healthcare"])
async def find_patient(inp: FindPatientIn) -> FindPatientOut:
    return FindPatientOut(patient_id="P-000001", phone="+15550000000")


class ScheduleAppointmentIn(BaseModel):
    patient_id: str = Field(pattern=r"^P-[0-9]{6}$", description="patient identifier")
    department: Literal[
        "cardiology", "dermatology", "pediatrics", "orthopedics", "general_practice"
    ] = Field(description="clinic department")
    date: dt.date = Field(description="day of the visit")
    time: str = Field(pattern=_HHMM, description="start time, HH:MM")
    duration_minutes: int = Field(default=30, description="length of the visit in minutes")


class AppointmentOut(BaseModel):
    appointment_id: str
    date: dt.date
    time: str


@pf.capability(intent="Book a clinic visit for a patient", tags=["healthcare", "clinic"])
async def schedule_appointment(inp: ScheduleAppointmentIn) -> AppointmentOut:
    return AppointmentOut(appointment_id="APT-00001", date=inp.date, time=inp.time)


class GetAppointmentIn(BaseModel):
    appointment_id: str = Field(pattern=r"^APT-[0-9]{5}$", description="appointment reference")


@pf.capability(intent="Show the details of a booked clinic visit", tags=["healthcare"])
async def get_appointment(inp: GetAppointmentIn) -> AppointmentOut:
    return AppointmentOut(appointment_id=inp.appointment_id, date=dt.date(2026, 1, 1), time="09:00")


class RefillIn(BaseModel):
    rx_number: str = Field(pattern=r"^RX[0-9]{7}$", description="prescription number")
    pharmacy: Literal["walk_in", "mail_order"] = Field(
        default="walk_in", description="where to collect the medication"
    )


class RefillOut(BaseModel):
    refill_id: str


@pf.capability(intent="Request a refill of a prescription", tags=["healthcare", "pharmacy"])
async def refill_prescription(inp: RefillIn) -> RefillOut:
    return RefillOut(refill_id="F-1")


# --- banking ---------------------------------------------------------------------------------

_ACCOUNT = r"^(CHK|SAV)-[0-9]{4}$"


class TransferIn(BaseModel):
    from_account: str = Field(pattern=_ACCOUNT, description="account to debit")
    to_iban: str = Field(
        pattern=r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", description="beneficiary IBAN"
    )
    amount: Decimal = Field(gt=0, decimal_places=2, description="amount to send")
    currency: Currency = "EUR"
    instant: bool = Field(default=False, description="send as an instant payment")
    reference: str | None = Field(default=None, description="payment reference for the payee")


class TransferOut(BaseModel):
    transfer_id: str


@pf.capability(intent="Send money from one of my accounts to an IBAN", tags=["banking"])
async def transfer_funds(inp: TransferIn) -> TransferOut:
    return TransferOut(transfer_id="T-1")


class DepositCheckIn(BaseModel):
    account_id: str = Field(pattern=_ACCOUNT, description="account to credit")
    check_number: str = Field(pattern=r"^[0-9]{3,6}$", description="number printed on the check")
    amount: Decimal = Field(gt=0, decimal_places=2, description="amount written on the check")
    currency: Currency = "USD"


class DepositOut(BaseModel):
    deposit_id: str


@pf.capability(intent="Deposit a paper check into an account", tags=["banking"])
async def deposit_check(inp: DepositCheckIn) -> DepositOut:
    return DepositOut(deposit_id="D-1")


class StatementIn(BaseModel):
    account_id: str = Field(pattern=_ACCOUNT, description="account")
    start_date: dt.date = Field(description="first day of the statement period")
    end_date: dt.date = Field(description="last day of the statement period")
    file_format: Literal["pdf", "csv"] = Field(default="pdf", description="document format")


class StatementOut(BaseModel):
    statement_url: str


@pf.capability(intent="Produce an account statement for a period", tags=["banking"])
async def get_account_statement(inp: StatementIn) -> StatementOut:
    return StatementOut(statement_url="https://bank.example/s/1")


class FreezeCardIn(BaseModel):
    card_last4: str = Field(pattern=r"^[0-9]{4}$", description="last four digits of the card")
    reason: Literal["lost", "stolen", "suspicious_activity", "travel"] = Field(
        default="lost", description="why the card is frozen"
    )


class FreezeCardOut(BaseModel):
    frozen: bool


@pf.capability(intent="Temporarily block a debit or credit card", tags=["banking", "cards"])
async def freeze_card(inp: FreezeCardIn) -> FreezeCardOut:
    return FreezeCardOut(frozen=True)


# --- IT helpdesk / devops --------------------------------------------------------------------

Environment = Literal["production", "staging", "development"]
_SERVICE = r"^[a-z][a-z0-9-]{1,40}$"


class OpenTicketIn(BaseModel):
    summary: str = Field(description="one-line description of the problem")
    priority: Literal["low", "normal", "high", "urgent"] = "normal"
    requester_email: str | None = Field(
        default=None, description="who reported it", json_schema_extra=_EMAIL
    )


class TicketOut(BaseModel):
    ticket_id: str
    status: str


@pf.capability(intent="Open a helpdesk ticket", tags=["it", "helpdesk"])
async def open_ticket(inp: OpenTicketIn) -> TicketOut:
    return TicketOut(ticket_id="10001", status="open")


class TicketStatusIn(BaseModel):
    ticket_id: str = Field(pattern=r"^[0-9]{4,6}$", description="helpdesk ticket number")


@pf.capability(intent="Check the status of a helpdesk ticket", tags=["it", "helpdesk"])
async def get_ticket_status(inp: TicketStatusIn) -> TicketOut:
    return TicketOut(ticket_id=inp.ticket_id, status="open")


class RestartServiceIn(BaseModel):
    service: str = Field(pattern=_SERVICE, description="service name")
    environment: Environment = Field(description="deployment environment")


class RestartOut(BaseModel):
    restarted_at: str


@pf.capability(intent="Restart a running service", tags=["devops"])
async def restart_service(inp: RestartServiceIn) -> RestartOut:
    return RestartOut(restarted_at="2026-01-01T00:00:00Z")


class DeployIn(BaseModel):
    service: str = Field(pattern=_SERVICE, description="service name")
    version: str = Field(pattern=r"^v?[0-9]+\.[0-9]+\.[0-9]+$", description="release version")
    environment: Environment = Field(description="deployment environment")
    notify: bool = Field(default=True, description="announce the deploy in the team channel")


class DeployOut(BaseModel):
    deployment_id: str


@pf.capability(intent="Deploy a release of a service", tags=["devops", "release"])
async def deploy_release(inp: DeployIn) -> DeployOut:
    return DeployOut(deployment_id="dep-1")


class DowntimeIn(BaseModel):
    service: str = Field(pattern=_SERVICE, description="service name")
    date: dt.date = Field(description="day of the maintenance window")
    start_time: str = Field(pattern=_HHMM, description="start, HH:MM (24h)")
    duration_hours: float = Field(gt=0, description="length of the window in hours")


class DowntimeOut(BaseModel):
    window_id: str


@pf.capability(intent="Plan a maintenance window for a service", tags=["devops"])
async def schedule_downtime(inp: DowntimeIn) -> DowntimeOut:
    return DowntimeOut(window_id="w-1")


# --- education -------------------------------------------------------------------------------

_COURSE = r"^[A-Z]{2,4}[0-9]{3}$"
_STUDENT = r"^S[0-9]{7}$"


class FindCourseIn(BaseModel):
    subject: str = Field(description="topic of the course")
    term: Literal["fall", "spring", "summer"] | None = Field(default=None, description="term")


class FindCourseOut(BaseModel):
    course_code: str
    title: str


@pf.capability(intent="Search the course catalogue", tags=["education"])
async def find_course(inp: FindCourseIn) -> FindCourseOut:
    return FindCourseOut(course_code="CS101", title=inp.subject)


class EnrollIn(BaseModel):
    student_id: str = Field(pattern=_STUDENT, description="student number")
    course_code: str = Field(pattern=_COURSE, description="course code")
    audit: bool = Field(default=False, description="attend without credit")


class EnrollOut(BaseModel):
    enrollment_id: str


@pf.capability(intent="Enroll a student in a course", tags=["education"])
async def enroll_student(inp: EnrollIn) -> EnrollOut:
    return EnrollOut(enrollment_id="E-1")


class SubmitIn(BaseModel):
    course_code: str = Field(pattern=_COURSE, description="course code")
    assignment_number: int = Field(ge=1, description="which assignment")
    file_url: str = Field(description="link to the submitted work", json_schema_extra=_URL)


class SubmitOut(BaseModel):
    submission_id: str


@pf.capability(intent="Hand in homework for a course", tags=["education"])
async def submit_assignment(inp: SubmitIn) -> SubmitOut:
    return SubmitOut(submission_id="sub-1")


class TranscriptIn(BaseModel):
    student_id: str = Field(pattern=_STUDENT, description="student number")
    official: bool = Field(default=False, description="sealed official copy")


class TranscriptOut(BaseModel):
    transcript_url: str


@pf.capability(intent="Get a student's transcript of grades", tags=["education"])
async def get_transcript(inp: TranscriptIn) -> TranscriptOut:
    return TranscriptOut(transcript_url="https://uni.example/t/1")


# --- real estate -----------------------------------------------------------------------------


class SearchListingsIn(BaseModel):
    city: str = Field(description="city or neighbourhood")
    max_price: float | None = Field(default=None, description="highest monthly rent")
    currency: Currency = "USD"
    min_bedrooms: int | None = Field(default=None, ge=0, description="fewest bedrooms")
    radius_km: float | None = Field(default=None, description="search radius in kilometres")


class ListingOut(BaseModel):
    listing_id: str
    address: str


@pf.capability(intent="Find apartments for rent", tags=["real_estate"])
async def search_listings(inp: SearchListingsIn) -> ListingOut:
    return ListingOut(listing_id="L-00001", address="1 Main St")


class ViewingIn(BaseModel):
    listing_id: str = Field(pattern=r"^L-[0-9]{5}$", description="listing reference")
    date: dt.date = Field(description="day of the viewing")
    time: str = Field(pattern=_HHMM, description="time of the viewing, HH:MM")
    contact_phone: str | None = Field(
        default=None, pattern=_E164, description="phone number for the agent to call"
    )


class ViewingOut(BaseModel):
    viewing_id: str


@pf.capability(intent="Arrange a visit to a property", tags=["real_estate"])
async def schedule_viewing(inp: ViewingIn) -> ViewingOut:
    return ViewingOut(viewing_id="V-1")


# --- restaurants -----------------------------------------------------------------------------


class FindRestaurantIn(BaseModel):
    cuisine: str = Field(description="kind of food")
    neighborhood: str | None = Field(default=None, description="area of town")


class RestaurantOut(BaseModel):
    restaurant_id: str
    name: str


@pf.capability(intent="Find a restaurant by cuisine and area", tags=["dining"])
async def find_restaurant(inp: FindRestaurantIn) -> RestaurantOut:
    return RestaurantOut(restaurant_id="R1001", name="Chez Test")


class BookTableIn(BaseModel):
    restaurant_id: str = Field(pattern=r"^R[0-9]{4}$", description="restaurant identifier")
    party_size: int = Field(ge=1, le=20, description="number of guests")
    date: dt.date = Field(description="day of the reservation")
    time: str = Field(pattern=_HHMM, description="arrival time, HH:MM")
    seating: Literal["indoor", "outdoor", "bar"] = "indoor"
    high_chair: bool = Field(default=False, description="a high chair for a toddler")


class BookingOut(BaseModel):
    booking_id: str


@pf.capability(intent="Reserve a table at a restaurant", tags=["dining"])
async def book_table(inp: BookTableIn) -> BookingOut:
    return BookingOut(booking_id="B-1")


# --- fitness ---------------------------------------------------------------------------------


class LogWorkoutIn(BaseModel):
    activity: Literal["running", "cycling", "swimming", "yoga", "strength"] = Field(
        description="type of exercise"
    )
    date: dt.date = Field(description="day of the workout")
    duration_minutes: int | None = Field(default=None, description="time spent, in minutes")
    distance_km: float | None = Field(default=None, description="distance covered in km")


class WorkoutOut(BaseModel):
    workout_id: str


@pf.capability(intent="Record a completed workout", tags=["fitness"])
async def log_workout(inp: LogWorkoutIn) -> WorkoutOut:
    return WorkoutOut(workout_id="wk-1")


class BodyWeightIn(BaseModel):
    weight_kg: float = Field(gt=0, description="body weight in kilograms")
    date: dt.date | None = Field(default=None, description="day of the weigh-in")


class BodyWeightOut(BaseModel):
    bmi: float


@pf.capability(intent="Record a body weight measurement", tags=["fitness", "health"])
async def log_body_weight(inp: BodyWeightIn) -> BodyWeightOut:
    return BodyWeightOut(bmi=22.0)


class WorkoutSummaryIn(BaseModel):
    from_date: dt.date = Field(description="first day")
    to_date: dt.date = Field(description="last day")
    activity: Literal["running", "cycling", "swimming", "yoga", "strength"] | None = None


class WorkoutSummaryOut(BaseModel):
    sessions: int
    total_km: float


@pf.capability(intent="Summarise workouts over a period", tags=["fitness", "report"])
async def get_workout_summary(inp: WorkoutSummaryIn) -> WorkoutSummaryOut:
    return WorkoutSummaryOut(sessions=0, total_km=0.0)


# --- insurance -------------------------------------------------------------------------------


class FileClaimIn(BaseModel):
    policy_number: str = Field(pattern=r"^POL-[0-9]{7}$", description="insurance policy number")
    incident_date: dt.date = Field(description="when the damage happened")
    estimated_amount: float | None = Field(default=None, description="estimated cost of damage")
    currency: Currency = "USD"
    description: str = Field(description="what happened")


class ClaimOut(BaseModel):
    claim_id: str


@pf.capability(intent="File an insurance claim", tags=["insurance"])
async def file_claim(inp: FileClaimIn) -> ClaimOut:
    return ClaimOut(claim_id="CLM-000001")


class ClaimDocIn(BaseModel):
    claim_id: str = Field(pattern=r"^CLM-[0-9]{6}$", description="claim reference")
    file_url: str = Field(description="link to a photo or receipt", json_schema_extra=_URL)


class ClaimDocOut(BaseModel):
    document_count: int


@pf.capability(intent="Attach supporting evidence to an insurance claim", tags=["insurance"])
async def upload_claim_document(inp: ClaimDocIn) -> ClaimDocOut:
    return ClaimDocOut(document_count=1)


class ClaimStatusIn(BaseModel):
    claim_id: str = Field(pattern=r"^CLM-[0-9]{6}$", description="claim reference")


class ClaimStatusOut(BaseModel):
    status: str


@pf.capability(intent="Check where an insurance claim stands", tags=["insurance"])
async def get_claim_status(inp: ClaimStatusIn) -> ClaimStatusOut:
    return ClaimStatusOut(status="in review")


class AutoQuoteIn(BaseModel):
    vehicle_year: int = Field(ge=1950, le=2030, description="model year of the car")
    coverage: Literal["liability", "collision", "comprehensive"] = Field(
        description="coverage level"
    )
    annual_mileage_km: int | None = Field(default=None, description="kilometres driven per year")


class QuoteOut(BaseModel):
    premium: float


@pf.capability(intent="Get a price for car insurance", tags=["insurance", "auto"])
async def quote_auto_insurance(inp: AutoQuoteIn) -> QuoteOut:
    return QuoteOut(premium=100.0)


# --- library ---------------------------------------------------------------------------------


class CatalogIn(BaseModel):
    query: str = Field(description="title, author or subject to look for")
    available_only: bool = Field(default=False, description="only copies on the shelf now")


class CatalogOut(BaseModel):
    isbn: str
    title: str


@pf.capability(intent="Search the library catalogue", tags=["library"])
async def search_catalog(inp: CatalogIn) -> CatalogOut:
    return CatalogOut(isbn="9780000000000", title=inp.query)


class BorrowIn(BaseModel):
    isbn: str = Field(pattern=r"^97[89][0-9]{10}$", description="ISBN-13 of the book")
    member_id: str = Field(pattern=r"^M[0-9]{6}$", description="library card number")


class LoanOut(BaseModel):
    loan_id: str
    due_date: dt.date


@pf.capability(intent="Check out a book from the library", tags=["library"])
async def borrow_book(inp: BorrowIn) -> LoanOut:
    return LoanOut(loan_id="A-0001", due_date=dt.date(2026, 1, 1))


class RenewIn(BaseModel):
    loan_id: str = Field(pattern=r"^[A-Z]-[0-9]{4}$", description="loan reference")
    extra_days: int = Field(default=14, ge=1, le=28, description="days added to the due date")


@pf.capability(intent="Renew a library loan", tags=["library"])
async def renew_loan(inp: RenewIn) -> LoanOut:
    return LoanOut(loan_id=inp.loan_id, due_date=dt.date(2026, 1, 1))


# --- music and podcasts ----------------------------------------------------------------------


class CreatePlaylistIn(BaseModel):
    name: str = Field(description="playlist title")
    public: bool = Field(default=True, description="visible to other listeners")


class PlaylistOut(BaseModel):
    playlist_id: str


@pf.capability(intent="Create a new playlist", tags=["music"])
async def create_playlist(inp: CreatePlaylistIn) -> PlaylistOut:
    return PlaylistOut(playlist_id="pl-1")


class AddSongIn(BaseModel):
    playlist: str = Field(description="playlist name")
    song: str = Field(description="song title")
    artist: str | None = Field(default=None, description="performer")


class AddSongOut(BaseModel):
    track_count: int


@pf.capability(intent="Add a track to a playlist", tags=["music"])
async def add_song_to_playlist(inp: AddSongIn) -> AddSongOut:
    return AddSongOut(track_count=1)


class SubscribePodcastIn(BaseModel):
    feed_url: str = Field(description="RSS feed of the show", json_schema_extra=_URL)
    notify_new_episodes: bool = Field(default=True, description="alert me on new episodes")


class SubscribeOut(BaseModel):
    subscription_id: str


@pf.capability(intent="Subscribe to a podcast feed", tags=["podcasts"])
async def subscribe_podcast(inp: SubscribePodcastIn) -> SubscribeOut:
    return SubscribeOut(subscription_id="sub-1")


# --- car rental ------------------------------------------------------------------------------


class ReserveCarIn(BaseModel):
    pickup_city: str = Field(description="where to pick the car up")
    pickup_date: dt.date = Field(description="first day of the rental")
    return_date: dt.date = Field(description="last day of the rental")
    car_class: Literal["economy", "compact", "midsize", "suv", "van", "luxury"] = "economy"
    insurance: bool = Field(default=True, description="add collision damage waiver")


class RentalOut(BaseModel):
    reservation_id: str


@pf.capability(intent="Rent a car", tags=["car_rental", "travel"])
async def reserve_car(inp: ReserveCarIn) -> RentalOut:
    return RentalOut(reservation_id="RZ000001")


class ExtendRentalIn(BaseModel):
    reservation_id: str = Field(pattern=r"^RZ[0-9]{6}$", description="rental reservation code")
    extra_days: int = Field(ge=1, le=30, description="additional days")


@pf.capability(intent="Keep a rental car for longer", tags=["car_rental"])
async def extend_rental(inp: ExtendRentalIn) -> RentalOut:
    return RentalOut(reservation_id=inp.reservation_id)


# --- legal documents -------------------------------------------------------------------------


class DraftNdaIn(BaseModel):
    counterparty: str = Field(description="the other party's company name")
    effective_date: dt.date = Field(description="date the agreement starts")
    term_months: int = Field(default=24, ge=1, le=120, description="duration in months")
    mutual: bool = Field(default=True, description="both parties share secrets")


class DocumentOut(BaseModel):
    document_id: str


@pf.capability(intent="Draft a non-disclosure agreement", tags=["legal", "contracts"])
async def draft_nda(inp: DraftNdaIn) -> DocumentOut:
    return DocumentOut(document_id="DOC-00001")


class SignatureIn(BaseModel):
    document_id: str = Field(pattern=r"^DOC-[0-9]{5}$", description="document reference")
    signer_email: str = Field(description="who must sign", json_schema_extra=_EMAIL)
    send_reminders: bool = Field(default=True, description="nudge the signer every few days")


class SignatureOut(BaseModel):
    envelope_id: str


@pf.capability(intent="Send a document out for e-signature", tags=["legal", "contracts"])
async def request_signature(inp: SignatureIn) -> SignatureOut:
    return SignatureOut(envelope_id="env-1")


# --- logistics fleet -------------------------------------------------------------------------

_TRUCK = r"^TRK-[0-9]{3}$"


class DispatchIn(BaseModel):
    vehicle_id: str = Field(pattern=_TRUCK, description="truck identifier")
    destination: str = Field(description="delivery address or depot")
    cargo_weight_kg: float | None = Field(default=None, description="load in kilograms")
    departure_time: str | None = Field(default=None, pattern=_HHMM, description="leave at HH:MM")


class DispatchOut(BaseModel):
    trip_id: str


@pf.capability(intent="Send a truck out on a delivery run", tags=["logistics", "fleet"])
async def dispatch_vehicle(inp: DispatchIn) -> DispatchOut:
    return DispatchOut(trip_id="trip-1")


class VehicleIn(BaseModel):
    vehicle_id: str = Field(pattern=_TRUCK, description="truck identifier")


class LocationOut(BaseModel):
    latitude: float
    longitude: float


@pf.capability(intent="Where is a truck right now", tags=["logistics", "fleet", "gps"])
async def get_vehicle_location(inp: VehicleIn) -> LocationOut:
    return LocationOut(latitude=0.0, longitude=0.0)


class MaintenanceIn(BaseModel):
    vehicle_id: str = Field(pattern=_TRUCK, description="truck identifier")
    service: Literal["oil_change", "tire_rotation", "brake_inspection", "full_service"] = Field(
        description="kind of service"
    )
    date: dt.date = Field(description="workshop day")


class MaintenanceOut(BaseModel):
    work_order: str


@pf.capability(intent="Book a truck into the workshop", tags=["logistics", "fleet"])
async def schedule_maintenance(inp: MaintenanceIn) -> MaintenanceOut:
    return MaintenanceOut(work_order="wo-1")


# --- agriculture sensors ---------------------------------------------------------------------


class SoilMoistureIn(BaseModel):
    field_id: str = Field(pattern=r"^F-[0-9]{3}$", description="field identifier")
    since: dt.date = Field(description="first day of readings")
    until: dt.date = Field(description="last day of readings")


class SoilMoistureOut(BaseModel):
    average_percent: float


@pf.capability(intent="Soil moisture readings for a field", tags=["agriculture", "sensors"])
async def get_soil_moisture(inp: SoilMoistureIn) -> SoilMoistureOut:
    return SoilMoistureOut(average_percent=30.0)


class IrrigationIn(BaseModel):
    zone: int = Field(ge=1, le=32, description="irrigation zone number")
    duration_minutes: int = Field(ge=1, le=600, description="how long to water, in minutes")
    start_time: str | None = Field(default=None, pattern=_HHMM, description="begin at HH:MM")


class IrrigationOut(BaseModel):
    run_id: str


@pf.capability(intent="Start watering an irrigation zone", tags=["agriculture"])
async def start_irrigation(inp: IrrigationIn) -> IrrigationOut:
    return IrrigationOut(run_id="irr-1")


class FrostAlertIn(BaseModel):
    field_id: str = Field(pattern=r"^F-[0-9]{3}$", description="field identifier")
    threshold_celsius: float = Field(description="alert below this temperature, in °C")
    phone: str = Field(pattern=_E164, description="number to text when it triggers")


class FrostAlertOut(BaseModel):
    alert_id: str


@pf.capability(intent="Set up a frost warning for a field", tags=["agriculture", "sensors"])
async def set_frost_alert(inp: FrostAlertIn) -> FrostAlertOut:
    return FrostAlertOut(alert_id="fa-1")


# --- customer support ------------------------------------------------------------------------

_CASE = r"^C-[0-9]{5}$"


class EscalateIn(BaseModel):
    case_id: str = Field(pattern=_CASE, description="support case number")
    tier: Literal["tier2", "tier3", "manager"] = Field(default="tier2", description="escalate to")
    reason: str | None = Field(default=None, description="why it needs escalating")


class EscalateOut(BaseModel):
    assigned_to: str


@pf.capability(intent="Escalate a customer support case", tags=["support"])
async def escalate_case(inp: EscalateIn) -> EscalateOut:
    return EscalateOut(assigned_to="tier2")


class RefundCaseIn(BaseModel):
    case_id: str = Field(pattern=_CASE, description="support case number")
    amount: float = Field(gt=0, description="goodwill credit amount")
    currency: Currency = "USD"


class CreditOut(BaseModel):
    credit_id: str


@pf.capability(intent="Give a customer a goodwill credit on a case", tags=["support"])
async def issue_account_credit(inp: RefundCaseIn) -> CreditOut:
    return CreditOut(credit_id="cr-1")


# --- messaging (the glue of multi-step requests) ---------------------------------------------


class SmsIn(BaseModel):
    to: str = Field(pattern=_E164, description="recipient's mobile number")
    message: str = Field(description="text of the SMS")


class SentOut(BaseModel):
    message_id: str


@pf.capability(intent="Send a text message", tags=["messaging", "sms"])
async def send_sms(inp: SmsIn) -> SentOut:
    return SentOut(message_id="m-1")


class EmailIn(BaseModel):
    to: str = Field(description="recipient address", json_schema_extra=_EMAIL)
    subject: str = Field(description="subject line")
    body: str | None = Field(default=None, description="message text")


@pf.capability(intent="Send an email", tags=["messaging", "email"])
async def send_email(inp: EmailIn) -> SentOut:
    return SentOut(message_id="e-1")


CAPABILITIES: list[pf.Capability] = [
    find_patient,
    schedule_appointment,
    get_appointment,
    refill_prescription,
    transfer_funds,
    deposit_check,
    get_account_statement,
    freeze_card,
    open_ticket,
    get_ticket_status,
    restart_service,
    deploy_release,
    schedule_downtime,
    find_course,
    enroll_student,
    submit_assignment,
    get_transcript,
    search_listings,
    schedule_viewing,
    find_restaurant,
    book_table,
    log_workout,
    log_body_weight,
    get_workout_summary,
    file_claim,
    upload_claim_document,
    get_claim_status,
    quote_auto_insurance,
    search_catalog,
    borrow_book,
    renew_loan,
    create_playlist,
    add_song_to_playlist,
    subscribe_podcast,
    reserve_car,
    extend_rental,
    draft_nda,
    request_signature,
    dispatch_vehicle,
    get_vehicle_location,
    schedule_maintenance,
    get_soil_moisture,
    start_irrigation,
    set_frost_alert,
    escalate_case,
    issue_account_credit,
    send_sms,
    send_email,
]

DOMAINS: dict[str, list[str]] = {
    "healthcare": [
        "find_patient",
        "schedule_appointment",
        "get_appointment",
        "refill_prescription",
    ],
    "banking": ["transfer_funds", "deposit_check", "get_account_statement", "freeze_card"],
    "it_devops": [
        "open_ticket",
        "get_ticket_status",
        "restart_service",
        "deploy_release",
        "schedule_downtime",
    ],
    "education": ["find_course", "enroll_student", "submit_assignment", "get_transcript"],
    "real_estate": ["search_listings", "schedule_viewing"],
    "restaurants": ["find_restaurant", "book_table"],
    "fitness": ["log_workout", "log_body_weight", "get_workout_summary"],
    "insurance": [
        "file_claim",
        "upload_claim_document",
        "get_claim_status",
        "quote_auto_insurance",
    ],
    "library": ["search_catalog", "borrow_book", "renew_loan"],
    "music_podcasts": ["create_playlist", "add_song_to_playlist", "subscribe_podcast"],
    "car_rental": ["reserve_car", "extend_rental"],
    "legal": ["draft_nda", "request_signature"],
    "logistics": ["dispatch_vehicle", "get_vehicle_location", "schedule_maintenance"],
    "agriculture": ["get_soil_moisture", "start_irrigation", "set_frost_alert"],
    "support": ["escalate_case", "issue_account_credit"],
    "messaging": ["send_sms", "send_email"],
}


def make_node(
    data_dir: str | Path, *, planner: bool = True, config: dict[str, Any] | None = None
) -> pf.Node:
    """A node holding the held-out registry (configured, not started).

    Args:
        data_dir: the node's data directory (the planner's evidence store lives under it).
        planner: register the ``nl_planning`` module by hand (autoload is turned off either
            way, so the measurement does not depend on what else is installed).
        config: the module's config; by default the plan cache is off, so every case is
            planned from scratch.
    """
    node = pf.Node("heldout", data_dir=str(data_dir))
    node.modules.autoload = False
    node.register(CAPABILITIES)
    if planner:
        from packetflow_nl_planning import NlPlanningModule

        node.modules.register(NlPlanningModule, config=config or {"cache_size": 0})
    return node
