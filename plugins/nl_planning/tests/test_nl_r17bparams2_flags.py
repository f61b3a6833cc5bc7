"""A negating verb after an article is a noun ("a skip on the street"): it denies no flag
after it; the flag is still denied by a negation ("not on the street"). On a registry of
these tests' own (a house clearance)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"


class ClearanceIn(BaseModel):
    town: str = Field(description="where the house is")
    on_street: bool = Field(default=False, description="parked on the street, needs a permit")


class Cleared(BaseModel):
    job_id: str


@pf.capability(intent="A house cleared of junk", tags=["clearance"])
async def book_house_clearance(inp: ClearanceIn) -> Cleared:
    return Cleared(job_id="C-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_house_clearance])


@pytest.mark.parametrize(
    ("text", "on_street"),
    [
        ("book a house clearance in Leeds with a skip on the street", True),
        ("book a house clearance in Leeds, not on the street", False),
    ],
)
async def test_a_skip_is_no_negation(node: pf.Node, text: str, on_street: bool) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["book_house_clearance"]
    assert steps[0]["params"]["on_street"] is on_street
