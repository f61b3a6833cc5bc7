"""A clause ", mark it as <value>" after a request is a detail of its step: marking what the step is
about ("it") as a value of one of its choices, not a request of its own that nothing fits.
On a registry of these tests' own (library returns)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class ReturnIn(BaseModel):
    barcode: str = Field(pattern=r"^B\d{4}$", description="the book's barcode")
    condition: Literal["good", "damaged", "water_damaged"] = Field(
        default="good", description="state of the book"
    )


class Returned(BaseModel):
    return_id: str


@pf.capability(intent="Check in a returned library book", tags=["library"])
async def check_in_book(inp: ReturnIn) -> Returned:
    return Returned(return_id="r-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [check_in_book])


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("check in B1234, mark it as damaged", "damaged"),
        ("check in book B1234 and flag it as water damaged", "water_damaged"),
    ],
)
async def test_marking_it_as_a_value_fills_the_step(
    node: pf.Node, text: str, condition: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["check_in_book"]
    assert steps[0]["params"]["condition"] == condition


async def test_marking_as_no_value_is_still_refused(node: pf.Node) -> None:
    assert await is_refused(node, "check in B1234, mark it as a favourite", TODAY)
