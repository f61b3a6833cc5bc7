"""A small registry for the nl_planning tests (not the evaluation set, which lives in ``eval/``
and is only scored), and the helper that plans against it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-04"  # a Wednesday


class ForecastIn(BaseModel):
    city: str = Field(description="the city")
    date: str | None = Field(default=None, json_schema_extra={"format": "date"})
    units: Literal["metric", "imperial"] = "metric"


class ForecastOut(BaseModel):
    summary: str


@pf.capability(intent="Get the weather forecast for a city", tags=["weather"])
async def get_forecast(inp: ForecastIn) -> ForecastOut:
    return ForecastOut(summary=f"sunny in {inp.city}")


class RefundIn(BaseModel):
    order_id: str = Field(pattern=r"^[0-9]{5,8}$", description="order number")
    amount: float | None = Field(default=None, description="amount to refund")
    currency: Literal["USD", "EUR", "GBP"] = "USD"
    notify: bool = Field(default=True, description="email the customer")


class RefundOut(BaseModel):
    refund_id: str


@pf.capability(intent="Refund a paid order", tags=["orders"])
async def refund_order(inp: RefundIn) -> RefundOut:
    return RefundOut(refund_id=f"r-{inp.order_id}")


class ContactIn(BaseModel):
    name: str = Field(description="the person's name")


class ContactOut(BaseModel):
    email: str
    phone: str


@pf.capability(intent="Look up a person's email and phone in the address book", tags=["contacts"])
async def find_contact(inp: ContactIn) -> ContactOut:
    return ContactOut(email=f"{inp.name.split()[0].lower()}@example.org", phone="+15550100")


class EmailIn(BaseModel):
    to: str = Field(json_schema_extra={"format": "email"}, description="recipient")
    subject: str | None = None
    body: str = Field(description="the message text")


class EmailOut(BaseModel):
    message_id: str
    to: str


@pf.capability(intent="Send an email", tags=["messaging"])
async def send_email(inp: EmailIn) -> EmailOut:
    return EmailOut(message_id="m-1", to=inp.to)


class HandleIn(BaseModel):
    handle: str = Field(pattern=r"^[A-Za-z0-9_]{1,15}$", description="the account")


class Ack(BaseModel):
    ok: bool = True


@pf.capability(intent="Start following another account", tags=["social"])
async def follow_user(inp: HandleIn) -> Ack:
    return Ack()


class ParcelIn(BaseModel):
    weight_kg: float = Field(description="weight in kilograms")
    destination: str = Field(description="destination country")


class QuoteOut(BaseModel):
    price: float


@pf.capability(intent="Estimate the cost of sending a parcel", tags=["shipping"])
async def shipping_quote(inp: ParcelIn) -> QuoteOut:
    return QuoteOut(price=round(4 + 2 * inp.weight_kg, 2))


class PeriodIn(BaseModel):
    start: str = Field(json_schema_extra={"format": "date"}, description="first day")
    end: str = Field(json_schema_extra={"format": "date"}, description="last day")


class Total(BaseModel):
    total: float


@pf.capability(intent="Revenue over a period", tags=["reporting", "sales"])
async def sales_report(inp: PeriodIn) -> Total:
    return Total(total=100.0)


CAPABILITIES = [
    get_forecast,
    refund_order,
    find_contact,
    send_email,
    follow_user,
    shipping_quote,
    sales_report,
]


async def plan(node: pf.Node, text: str, **extra: Any) -> dict[str, Any]:
    """``nl_planning.plan`` with the tests' fixed ``today``."""
    return await node.call("nl_planning.plan", {"text": text, "today": TODAY, **extra})
