"""A thing wanted done, told after a request ("..., and I need the invoice sent to
ap@example.com afterwards", "..., and I want the report sent to ...") is a request of its
own, not a past event told to set the scene: its participle ("sent") says what is to be done, on
a registry of these tests' own (a boiler service, its invoice)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"
_VISIT = r"^BV-[0-9]{5}$"


class BookIn(BaseModel):
    postcode: str = Field(description="where the boiler is")
    date: dt.date = Field(description="day of the visit")


class BookOut(BaseModel):
    visit_ref: str


@pf.capability(intent="An engineer to service the boiler", tags=["boiler", "service"])
async def book_boiler_service(inp: BookIn) -> BookOut:
    return BookOut(visit_ref="BV-10001")


class InvoiceIn(BaseModel):
    visit_ref: str = Field(pattern=_VISIT, description="the visit, e.g. BV-20417")
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", description="where to send the invoice")


class Done(BaseModel):
    ok: bool


@pf.capability(intent="The invoice for a boiler visit, by email", tags=["boiler"])
async def send_service_invoice(inp: InvoiceIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [book_boiler_service, send_service_invoice]
    )


@pytest.mark.parametrize(
    "wanted",
    [
        "and I need the invoice sent to ap@example.com afterwards",
        "and I want the invoice sent to ap@example.com",
    ],
)
async def test_a_thing_wanted_done_is_a_step_of_its_own(node: pf.Node, wanted: str) -> None:
    text = f"book a boiler service at LS6 2AB on 20 June, {wanted}"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_boiler_service", "send_service_invoice"]
    assert steps[1]["params"] == {"email": "ap@example.com"}
