"""Two requests joined by "and": a verb a capability is named by, with the preposition its name
puts after it ("... and *apply for* a transit visa"), starts the second request (a step is
never swallowed by the first); and two things after one verb that share a value ("a £120
accommodation expense ... and a £35 travel one": pounds both) are still one run each. On a
registry of these tests' own (visas, expenses)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-07-17"  # a Friday


class VisaIn(BaseModel):
    destination_country: str = Field(description="country to enter")
    visa_type: Literal["tourist", "business", "transit"] = Field(description="purpose of the trip")
    entry_date: dt.date = Field(description="planned day of arrival")
    stay_days: int = Field(ge=1, le=365, description="length of stay in days")


class VisaOut(BaseModel):
    application_id: str


@pf.capability(intent="Permission to enter another country", tags=["visa"])
async def apply_for_visa(inp: VisaIn) -> VisaOut:
    return VisaOut(application_id="VA-000001")


class TrackIn(BaseModel):
    application_id: str = Field(pattern=r"^VA-[0-9]{6}$", description="visa application number")


class TrackOut(BaseModel):
    status: str


@pf.capability(intent="Progress of an entry permit application", tags=["visa"])
async def track_visa_application(inp: TrackIn) -> TrackOut:
    return TrackOut(status="open")


class ExpenseIn(BaseModel):
    amount: Decimal = Field(gt=0, description="how much was spent")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="of amount")
    category: Literal["travel", "meals", "accommodation"] = Field(description="kind of spending")
    spent_on: dt.date = Field(description="date on the receipt")


class ExpenseOut(BaseModel):
    expense_id: str


@pf.capability(intent="Claim back money spent on company business", tags=["expenses"])
async def submit_expense(inp: ExpenseIn) -> ExpenseOut:
    return ExpenseOut(expense_id="E-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [apply_for_visa, track_visa_application, submit_expense]
    )


@pytest.mark.parametrize("joiner", ["and", "and also", ", plus"])
async def test_a_verb_named_with_its_preposition_starts_a_request(
    node: pf.Node, joiner: str
) -> None:
    text = f"Track visa VA-204118 {joiner} apply for a transit visa for Qatar on the 30th for 1 day"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["track_visa_application", "apply_for_visa"]
    assert steps[1]["params"]["destination_country"] == "Qatar"


async def test_things_sharing_a_value_are_still_two_runs(node: pf.Node) -> None:
    steps = await plan_steps(
        node,
        "Submit a £120 accommodation expense for last night and a £35 travel one for today",
        TODAY,
    )
    assert [(s["params"]["category"], float(s["params"]["amount"])) for s in steps] == [
        ("accommodation", 120.0),
        ("travel", 35.0),
    ]
    assert [s["params"].get("currency", "GBP") for s in steps] == ["GBP", "GBP"]
