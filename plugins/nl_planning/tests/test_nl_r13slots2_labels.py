"""Values round 13 (second slots helper) found lost after the request, on a registry of these
tests' own (a hotel's front desk): a short sentence that is a field's name with its value
after it ("Room 418.") is a label, as on a form, of the step before it, not a request of its
own that the field's word would find."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-01-14"


class Ref(BaseModel):
    ref: str


class CheckoutIn(BaseModel):
    room_number: str = Field(description="the guest's room")
    checkout_time: str = Field(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="new checkout time, HH:MM"
    )


@pf.capability(intent="Ask for a late checkout", tags=["hotel"])
async def request_late_checkout(inp: CheckoutIn) -> Ref:
    return Ref(ref="c")


class HousekeepingIn(BaseModel):
    room_number: str = Field(description="which room")
    service: str | None = Field(default=None, description="what is needed")


@pf.capability(intent="Ask housekeeping to clean a room", tags=["hotel"])
async def request_housekeeping(inp: HousekeepingIn) -> Ref:
    return Ref(ref="h")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [request_late_checkout, request_housekeeping]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Could I check out at 2pm instead? Room 418.",
        "Could I check out at 2pm instead? room 418",
        "Can I check out at 2pm? Room: 418.",
        "Can I check out at 2pm? Room number 418.",
    ],
)
async def test_a_field_name_before_its_value_labels_the_step_before(
    node: pf.Node, text: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [(s["capability"], s["params"]) for s in steps] == [
        ("request_late_checkout", {"room_number": "418", "checkout_time": "14:00"})
    ]
