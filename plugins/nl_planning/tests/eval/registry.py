"""The evaluation registry: 44 capabilities across 13 domains, declared as an application would.

Every capability declares only a name, an intent, tags and typed input fields with descriptions
(patterns, formats, enums, defaults): no ``examples=`` and no ``keywords=``, because the planner
must reach its goals on registries that say nothing more than that. Bodies are trivial; the set
measures planning, not execution.

Some domains hold near neighbours on purpose (``cancel_order`` beside ``get_order_status``,
``lock_door`` with no unlock, ``follow_user`` with no unfollow, ``create_event`` with no delete):
a request must match the *action*, not only the objects. A few outputs feed another capability's
input (``search_flights.flight_id`` → ``book_flight``, ``find_contact.email`` → ``send_email.to``,
``search_products.sku`` → ``add_to_cart``, ``search_files.file_id`` → ``share_file``,
``get_order_status.tracking_number`` → ``track_package``) so multi-step plans need wiring.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

import packetflow as pf

__all__ = ["CAPABILITIES", "DOMAINS", "make_node"]

Currency = Literal["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD"]

ORDER_ID = r"^[0-9]{5,8}$"
SKU = r"^[A-Z]{3}-[0-9]{4}$"
PAYMENT_ID = r"^pay_[a-z0-9]{8}$"
FLIGHT_ID = r"^FL[0-9]{6}$"
TRACKING = r"^1Z[0-9A-Z]{16}$"
FILE_ID = r"^doc_[a-z0-9]{10}$"
HANDLE = r"^[A-Za-z0-9_]{1,15}$"
PHONE = r"^\+[1-9][0-9]{7,14}$"
TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
TICKET_ID = r"^[0-9]{4,6}$"
EMAIL_FORMAT = {"format": "email"}


def _email(description: str) -> Any:
    return Field(description=description, json_schema_extra=EMAIL_FORMAT)


def _optional_email(description: str) -> Any:
    return Field(default=None, description=description, json_schema_extra=EMAIL_FORMAT)


class Ack(BaseModel):
    """The output of capabilities that only confirm."""

    ok: bool = True
    reference: str = "ref-0001"


# -- orders / e-commerce ---------------------------------------------------------------------


class OrderRef(BaseModel):
    order_id: str = Field(description="order number, 5 to 8 digits", pattern=ORDER_ID)


class OrderStatus(BaseModel):
    order_id: str
    status: Literal["processing", "shipped", "delivered", "cancelled"]
    tracking_number: str
    estimated_delivery: dt.date


@pf.capability(
    intent="Look up the current status and estimated delivery date of an order",
    tags=["orders", "ecommerce"],
)
async def get_order_status(inp: OrderRef) -> OrderStatus:
    return OrderStatus(
        order_id=inp.order_id,
        status="shipped",
        tracking_number="1Z999AA10123456784",
        estimated_delivery=dt.date(2025, 1, 1),
    )


class CancelOrderIn(BaseModel):
    order_id: str = Field(description="order number, 5 to 8 digits", pattern=ORDER_ID)
    reason: str | None = Field(default=None, description="why the customer cancels")
    refund_to: Literal["original_payment", "store_credit"] = Field(
        default="original_payment", description="where the refund goes"
    )


@pf.capability(intent="Cancel an order that has not shipped yet", tags=["orders", "ecommerce"])
async def cancel_order(inp: CancelOrderIn) -> Ack:
    return Ack()


class SearchProductsIn(BaseModel):
    query: str = Field(description="what to look for in the catalogue")
    max_price: Decimal | None = Field(default=None, description="highest acceptable unit price")
    currency: Currency = Field(default="USD", description="currency of max_price")
    in_stock_only: bool = Field(default=False, description="hide products that are sold out")


class ProductHit(BaseModel):
    sku: str
    name: str
    price: Decimal


@pf.capability(
    intent="Search the product catalogue and return the best matching product",
    tags=["catalogue", "ecommerce", "shopping"],
)
async def search_products(inp: SearchProductsIn) -> ProductHit:
    return ProductHit(sku="ABC-1234", name=inp.query, price=Decimal("9.99"))


class AddToCartIn(BaseModel):
    sku: str = Field(description="product SKU: three capitals, a dash, four digits", pattern=SKU)
    quantity: int = Field(default=1, ge=1, le=99, description="number of units")


@pf.capability(intent="Put a product into the shopping cart", tags=["cart", "ecommerce"])
async def add_to_cart(inp: AddToCartIn) -> Ack:
    return Ack()


class ReturnIn(BaseModel):
    order_id: str = Field(description="order number, 5 to 8 digits", pattern=ORDER_ID)
    reason: Literal["damaged", "wrong_item", "too_small", "too_large", "changed_mind"] = Field(
        description="why the item goes back"
    )


@pf.capability(
    intent="Open a return for a delivered order and issue a prepaid return label",
    tags=["orders", "returns", "ecommerce"],
)
async def start_return(inp: ReturnIn) -> Ack:
    return Ack()


class ReceiptIn(BaseModel):
    order_id: str = Field(description="order number, 5 to 8 digits", pattern=ORDER_ID)
    email: str = _email("address the receipt is sent to")


@pf.capability(intent="Email the receipt of an order", tags=["orders", "receipts", "ecommerce"])
async def send_receipt(inp: ReceiptIn) -> Ack:
    return Ack()


# -- payments --------------------------------------------------------------------------------


class SendPaymentIn(BaseModel):
    recipient_email: str = _email("email of the person being paid")
    amount: Decimal = Field(gt=0, description="amount to transfer")
    currency: Currency = Field(description="currency of the amount")
    note: str | None = Field(default=None, description="message shown to the recipient")


@pf.capability(
    intent="Transfer money to another person identified by email",
    tags=["payments", "money", "transfer"],
)
async def send_payment(inp: SendPaymentIn) -> Ack:
    return Ack()


class RefundIn(BaseModel):
    payment_id: str = Field(
        description="payment reference: pay_ and 8 characters", pattern=PAYMENT_ID
    )
    amount: Decimal | None = Field(
        default=None, gt=0, description="partial amount to refund; the whole payment if omitted"
    )


@pf.capability(intent="Refund a card payment fully or partly", tags=["payments", "refunds"])
async def refund_payment(inp: RefundIn) -> Ack:
    return Ack()


class TransactionsIn(BaseModel):
    start: dt.date = Field(description="first day of the period, inclusive")
    end: dt.date = Field(description="last day of the period, inclusive")
    min_amount: Decimal | None = Field(default=None, description="ignore smaller transactions")


class TransactionList(BaseModel):
    count: int
    total: Decimal


@pf.capability(
    intent="List account transactions booked within a date range",
    tags=["payments", "banking", "statement"],
)
async def list_transactions(inp: TransactionsIn) -> TransactionList:
    return TransactionList(count=0, total=Decimal(0))


class BalanceIn(BaseModel):
    account: Literal["checking", "savings", "credit_card"] = Field(
        default="checking", description="which account"
    )


class Balance(BaseModel):
    amount: Decimal
    currency: str


@pf.capability(intent="Show the current balance of a bank account", tags=["banking", "money"])
async def get_balance(inp: BalanceIn) -> Balance:
    return Balance(amount=Decimal(0), currency="USD")


# -- calendar / scheduling -------------------------------------------------------------------


class CreateEventIn(BaseModel):
    title: str = Field(description="name of the event")
    date: dt.date = Field(description="day of the event")
    start_time: str = Field(description="start time, 24-hour HH:MM", pattern=TIME)
    duration_minutes: int = Field(default=30, ge=5, le=1440, description="length in minutes")
    location: str | None = Field(default=None, description="room or place")
    attendee_email: str | None = _optional_email("one person to invite")


@pf.capability(intent="Add a meeting or event to the calendar", tags=["calendar", "scheduling"])
async def create_event(inp: CreateEventIn) -> Ack:
    return Ack()


class EventsIn(BaseModel):
    start: dt.date = Field(description="first day, inclusive")
    end: dt.date = Field(description="last day, inclusive")


class EventList(BaseModel):
    titles: list[str]


@pf.capability(intent="List calendar entries between two dates", tags=["calendar", "agenda"])
async def list_events(inp: EventsIn) -> EventList:
    return EventList(titles=[])


class FreeSlotsIn(BaseModel):
    date: dt.date = Field(description="day to search")
    duration_minutes: int = Field(ge=5, le=1440, description="length of the slot needed, minutes")


class FreeSlots(BaseModel):
    start_time: str
    slots: list[str]


@pf.capability(
    intent="Find open time slots in the calendar on a given day",
    tags=["calendar", "availability", "scheduling"],
)
async def find_free_slots(inp: FreeSlotsIn) -> FreeSlots:
    return FreeSlots(start_time="09:00", slots=["09:00"])


class ReminderIn(BaseModel):
    text: str = Field(description="what to be reminded of")
    date: dt.date = Field(description="day of the reminder")
    time: str = Field(default="09:00", description="time of day, 24-hour HH:MM", pattern=TIME)


@pf.capability(intent="Set a personal reminder notification", tags=["reminders", "productivity"])
async def set_reminder(inp: ReminderIn) -> Ack:
    return Ack()


# -- travel ----------------------------------------------------------------------------------


class SearchFlightsIn(BaseModel):
    origin: str = Field(description="departure city or airport")
    destination: str = Field(description="arrival city or airport")
    date: dt.date = Field(description="departure day")
    passengers: int = Field(default=1, ge=1, le=9, description="number of travellers")
    cabin: Literal["economy", "premium_economy", "business", "first"] = Field(
        default="economy", description="cabin class"
    )


class FlightHit(BaseModel):
    flight_id: str
    price: Decimal
    departure_time: str


@pf.capability(
    intent="Search available flights between two places on a date; returns the best offer",
    tags=["travel", "flights"],
)
async def search_flights(inp: SearchFlightsIn) -> FlightHit:
    return FlightHit(flight_id="FL000001", price=Decimal(100), departure_time="08:00")


class BookFlightIn(BaseModel):
    flight_id: str = Field(description="flight offer id, FL and six digits", pattern=FLIGHT_ID)
    passenger_name: str = Field(description="full name as on the passport")
    seat: Literal["window", "aisle", "no_preference"] = Field(
        default="no_preference", description="seat preference"
    )


@pf.capability(intent="Book a seat on a flight offer", tags=["travel", "flights", "booking"])
async def book_flight(inp: BookFlightIn) -> Ack:
    return Ack()


class BookHotelIn(BaseModel):
    city: str = Field(description="city to stay in")
    check_in: dt.date = Field(description="arrival day")
    check_out: dt.date = Field(description="departure day")
    guests: int = Field(default=1, ge=1, le=8, description="number of guests")
    max_price_per_night: Decimal | None = Field(default=None, description="nightly budget")
    currency: Currency = Field(default="USD", description="currency of the budget")


@pf.capability(intent="Reserve a hotel room", tags=["travel", "hotels", "booking"])
async def book_hotel(inp: BookHotelIn) -> Ack:
    return Ack()


# -- weather ---------------------------------------------------------------------------------


class ForecastIn(BaseModel):
    location: str = Field(description="city or place name")
    date: dt.date | None = Field(default=None, description="day of the forecast; today if omitted")
    units: Literal["metric", "imperial"] = Field(default="metric", description="unit system")


class Forecast(BaseModel):
    summary: str
    high: float
    low: float


@pf.capability(intent="Get the weather forecast for a place", tags=["weather"])
async def get_forecast(inp: ForecastIn) -> Forecast:
    return Forecast(summary="sunny", high=20.0, low=10.0)


class AirQualityIn(BaseModel):
    location: str = Field(description="city or place name")


class AirQuality(BaseModel):
    aqi: int


@pf.capability(intent="Current air quality index and pollution level", tags=["weather", "air"])
async def get_air_quality(inp: AirQualityIn) -> AirQuality:
    return AirQuality(aqi=42)


# -- messaging / email -----------------------------------------------------------------------


class SendEmailIn(BaseModel):
    to: str = _email("recipient address")
    subject: str = Field(description="subject line")
    body: str = Field(default="", description="message text")
    cc: str | None = _optional_email("address to copy")


@pf.capability(intent="Send an email message", tags=["email", "messaging"])
async def send_email(inp: SendEmailIn) -> Ack:
    return Ack()


class SendSmsIn(BaseModel):
    phone: str = Field(description="mobile number in E.164 format", pattern=PHONE)
    message: str = Field(max_length=480, description="text of the SMS")


@pf.capability(intent="Send a text message to a phone", tags=["sms", "messaging", "mobile"])
async def send_sms(inp: SendSmsIn) -> Ack:
    return Ack()


class FindContactIn(BaseModel):
    name: str = Field(description="name of the person")


class Contact(BaseModel):
    name: str
    email: str
    phone: str


@pf.capability(
    intent="Look up a person in the address book and return their email and phone number",
    tags=["contacts", "address_book"],
)
async def find_contact(inp: FindContactIn) -> Contact:
    return Contact(name=inp.name, email="someone@example.com", phone="+15550100000")


class SearchInboxIn(BaseModel):
    query: str = Field(description="words to look for in sender, subject or body")
    unread_only: bool = Field(default=False, description="only messages not yet read")


class InboxHits(BaseModel):
    count: int


@pf.capability(intent="Search the mailbox for messages", tags=["email", "inbox"])
async def search_inbox(inp: SearchInboxIn) -> InboxHits:
    return InboxHits(count=0)


# -- social ----------------------------------------------------------------------------------


class PostIn(BaseModel):
    text: str = Field(max_length=500, description="content of the post")
    visibility: Literal["public", "followers", "private"] = Field(
        default="public", description="who can see it"
    )


@pf.capability(intent="Publish a status update on the social network", tags=["social", "posts"])
async def post_update(inp: PostIn) -> Ack:
    return Ack()


class HandleIn(BaseModel):
    handle: str = Field(description="username without the leading @", pattern=HANDLE)


@pf.capability(intent="Start following another account", tags=["social", "network"])
async def follow_user(inp: HandleIn) -> Ack:
    return Ack()


class Profile(BaseModel):
    handle: str
    followers: int
    bio: str


@pf.capability(intent="Show a user's public profile and follower count", tags=["social"])
async def get_profile(inp: HandleIn) -> Profile:
    return Profile(handle=inp.handle, followers=0, bio="")


# -- files / documents -----------------------------------------------------------------------


class SearchFilesIn(BaseModel):
    query: str = Field(description="words in the file name or content")
    file_type: Literal["any", "pdf", "document", "spreadsheet", "presentation", "image"] = Field(
        default="any", description="kind of file"
    )
    modified_after: dt.date | None = Field(default=None, description="only files changed since")


class FileHit(BaseModel):
    file_id: str
    name: str


@pf.capability(
    intent="Find a file in the shared drive; returns the best match", tags=["files", "drive"]
)
async def search_files(inp: SearchFilesIn) -> FileHit:
    return FileHit(file_id="doc_0000000000", name=inp.query)


class ShareFileIn(BaseModel):
    file_id: str = Field(description="drive file id: doc_ and ten characters", pattern=FILE_ID)
    email: str = _email("person to share with")
    permission: Literal["view", "comment", "edit"] = Field(
        default="view", description="access level granted"
    )
    notify: bool = Field(default=True, description="email the person about the share")


@pf.capability(intent="Give someone access to a drive file", tags=["files", "drive", "sharing"])
async def share_file(inp: ShareFileIn) -> Ack:
    return Ack()


class CreateDocIn(BaseModel):
    title: str = Field(description="document title")
    folder: str | None = Field(default=None, description="folder to create it in")


class DocRef(BaseModel):
    file_id: str


@pf.capability(intent="Create a new blank text document", tags=["files", "documents"])
async def create_document(inp: CreateDocIn) -> DocRef:
    return DocRef(file_id="doc_0000000001")


# -- reporting / analytics -------------------------------------------------------------------


class SalesReportIn(BaseModel):
    start: dt.date = Field(description="first day of the period, inclusive")
    end: dt.date = Field(description="last day of the period, inclusive")
    region: Literal["all", "north_america", "europe", "asia_pacific", "latin_america"] = Field(
        default="all", description="sales region"
    )
    group_by: Literal["day", "week", "month"] = Field(default="day", description="granularity")


class Report(BaseModel):
    total: Decimal
    rows: int


@pf.capability(intent="Revenue and units sold over a period", tags=["reporting", "sales"])
async def sales_report(inp: SalesReportIn) -> Report:
    return Report(total=Decimal(0), rows=0)


class TrafficIn(BaseModel):
    start: dt.date = Field(description="first day, inclusive")
    end: dt.date = Field(description="last day, inclusive")
    page_url: str | None = Field(
        default=None, description="restrict to one page", json_schema_extra={"format": "uri"}
    )


class Traffic(BaseModel):
    visits: int
    unique_visitors: int


@pf.capability(intent="Website visits and unique visitors for a period", tags=["analytics", "web"])
async def website_traffic(inp: TrafficIn) -> Traffic:
    return Traffic(visits=0, unique_visitors=0)


class SignupsIn(BaseModel):
    start: dt.date = Field(description="first day, inclusive")
    end: dt.date = Field(description="last day, inclusive")
    channel: Literal["all", "organic", "paid", "referral"] = Field(
        default="all", description="acquisition channel"
    )


class Signups(BaseModel):
    count: int


@pf.capability(intent="Count new user registrations in a period", tags=["analytics", "growth"])
async def signup_stats(inp: SignupsIn) -> Signups:
    return Signups(count=0)


# -- smart home ------------------------------------------------------------------------------


class ThermostatIn(BaseModel):
    room: str = Field(description="room name")
    temperature_celsius: float = Field(ge=5, le=35, description="target temperature in Celsius")


@pf.capability(intent="Set the heating target temperature", tags=["smart_home", "climate"])
async def set_thermostat(inp: ThermostatIn) -> Ack:
    return Ack()


class LightsIn(BaseModel):
    room: str = Field(description="room name")
    on: bool = Field(description="true to switch on, false to switch off")
    brightness_percent: int | None = Field(
        default=None, ge=1, le=100, description="brightness in percent"
    )


@pf.capability(intent="Switch lights on or off and dim them", tags=["smart_home", "lighting"])
async def set_lights(inp: LightsIn) -> Ack:
    return Ack()


class LockIn(BaseModel):
    door: Literal["front", "back", "garage"] = Field(description="which door")


@pf.capability(intent="Lock a door of the house", tags=["smart_home", "security"])
async def lock_door(inp: LockIn) -> Ack:
    return Ack()


class EnergyIn(BaseModel):
    start: dt.date = Field(description="first day, inclusive")
    end: dt.date = Field(description="last day, inclusive")


class Energy(BaseModel):
    kwh: float


@pf.capability(
    intent="Electricity consumption of the home over a period", tags=["smart_home", "energy"]
)
async def get_energy_usage(inp: EnergyIn) -> Energy:
    return Energy(kwh=0.0)


# -- shipping / logistics --------------------------------------------------------------------


class ShipmentIn(BaseModel):
    weight_kg: float = Field(gt=0, le=70, description="parcel weight in kilograms")
    destination_postcode: str = Field(description="postal code of the recipient")
    service: Literal["standard", "express", "overnight"] = Field(
        default="standard", description="delivery speed"
    )
    insured: bool = Field(default=False, description="add insurance")


class Label(BaseModel):
    tracking_number: str


@pf.capability(
    intent="Create a shipment and print its shipping label", tags=["shipping", "logistics"]
)
async def create_shipment(inp: ShipmentIn) -> Label:
    return Label(tracking_number="1Z999AA10123456784")


class QuoteIn(BaseModel):
    weight_kg: float = Field(gt=0, le=70, description="parcel weight in kilograms")
    length_cm: float | None = Field(default=None, gt=0, description="longest side in centimetres")
    destination_country: str = Field(description="country the parcel goes to")


class Quote(BaseModel):
    price: Decimal
    currency: str


@pf.capability(intent="Estimate the cost of sending a parcel", tags=["shipping", "pricing"])
async def get_shipping_quote(inp: QuoteIn) -> Quote:
    return Quote(price=Decimal(0), currency="USD")


class TrackIn(BaseModel):
    tracking_number: str = Field(description="carrier tracking number", pattern=TRACKING)


class Tracking(BaseModel):
    location: str
    delivered: bool


@pf.capability(intent="Where a parcel is right now", tags=["shipping", "tracking"])
async def track_package(inp: TrackIn) -> Tracking:
    return Tracking(location="depot", delivered=False)


# -- HR --------------------------------------------------------------------------------------


class TimeOffIn(BaseModel):
    start: dt.date = Field(description="first day off, inclusive")
    end: dt.date = Field(description="last day off, inclusive")
    kind: Literal["vacation", "sick", "personal", "parental"] = Field(
        default="vacation", description="type of leave"
    )
    note: str | None = Field(default=None, description="comment for the manager")


@pf.capability(intent="Submit a leave request to the manager", tags=["hr", "leave"])
async def request_time_off(inp: TimeOffIn) -> Ack:
    return Ack()


class PtoIn(BaseModel):
    year: int | None = Field(default=None, ge=2000, le=2100, description="calendar year")


class Pto(BaseModel):
    days_left: float


@pf.capability(intent="Remaining paid leave days", tags=["hr", "leave"])
async def get_pto_balance(inp: PtoIn) -> Pto:
    return Pto(days_left=0.0)


class ExpenseIn(BaseModel):
    amount: Decimal = Field(gt=0, description="amount spent")
    currency: Currency = Field(description="currency of the amount")
    category: Literal["travel", "meals", "lodging", "office_supplies", "other"] = Field(
        description="expense category"
    )
    date: dt.date = Field(description="day the money was spent")
    description: str | None = Field(default=None, description="what it was for")


@pf.capability(intent="File an expense claim for reimbursement", tags=["hr", "finance"])
async def submit_expense(inp: ExpenseIn) -> Ack:
    return Ack()


# -- support ---------------------------------------------------------------------------------


class TicketIn(BaseModel):
    title: str = Field(description="one-line summary of the problem")
    priority: Literal["low", "normal", "high"] = Field(default="normal", description="urgency")
    description: str | None = Field(default=None, description="details")


class TicketRef(BaseModel):
    ticket_id: str


@pf.capability(intent="Open a support ticket", tags=["support", "helpdesk"])
async def create_ticket(inp: TicketIn) -> TicketRef:
    return TicketRef(ticket_id="1000")


class TicketLookupIn(BaseModel):
    ticket_id: str = Field(description="ticket number, 4 to 6 digits", pattern=TICKET_ID)


class TicketState(BaseModel):
    state: Literal["open", "pending", "resolved"]


@pf.capability(intent="Check the state of a support ticket", tags=["support", "helpdesk"])
async def get_ticket(inp: TicketLookupIn) -> TicketState:
    return TicketState(state="open")


DOMAINS: dict[str, list[pf.Capability]] = {
    "orders": [
        get_order_status,
        cancel_order,
        search_products,
        add_to_cart,
        start_return,
        send_receipt,
    ],
    "payments": [send_payment, refund_payment, list_transactions, get_balance],
    "calendar": [create_event, list_events, find_free_slots, set_reminder],
    "travel": [search_flights, book_flight, book_hotel],
    "weather": [get_forecast, get_air_quality],
    "messaging": [send_email, send_sms, find_contact, search_inbox],
    "social": [post_update, follow_user, get_profile],
    "files": [search_files, share_file, create_document],
    "reporting": [sales_report, website_traffic, signup_stats],
    "smart_home": [set_thermostat, set_lights, lock_door, get_energy_usage],
    "shipping": [create_shipment, get_shipping_quote, track_package],
    "hr": [request_time_off, get_pto_balance, submit_expense],
    "support": [create_ticket, get_ticket],
}

CAPABILITIES: list[pf.Capability] = [cap for caps in DOMAINS.values() for cap in caps]


def make_node(data_dir: str | Path) -> pf.Node:
    """A node (configured, not started) with every evaluation capability registered."""
    node = pf.Node("nl-eval", data_dir=data_dir)
    node.register(CAPABILITIES)
    return node
