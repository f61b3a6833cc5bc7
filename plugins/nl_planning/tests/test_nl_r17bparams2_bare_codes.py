"""Bare digits fill an optional code whose pattern takes letters ("F28", "E21") only when
something cues the code ("error code 21"): "my mum is 85" is an age, no code. On a registry
of these tests' own (a washing machine repair)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-06-07"


class FaultIn(BaseModel):
    fault: Literal["leaking", "not_spinning", "error_code"] = Field(description="what is wrong")
    error_code: str | None = Field(
        default=None, pattern=r"^[A-Z]{0,2}[0-9]{1,3}$", description="shown on the display"
    )


class Reported(BaseModel):
    job_id: str


@pf.capability(intent="A washing machine fault reported for repair", tags=["repair"])
async def report_washer_fault(inp: FaultIn) -> Reported:
    return Reported(job_id="J-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [report_washer_fault])


async def test_an_age_is_no_code(node: pf.Node) -> None:
    steps = await plan_steps(node, "report my washing machine leaking, my mum is 85", TODAY)
    assert [s["capability"] for s in steps] == ["report_washer_fault"]
    assert steps[0]["params"] == {"fault": "leaking"}


async def test_a_cued_number_is_the_code(node: pf.Node) -> None:
    steps = await plan_steps(node, "report my washing machine showing error code 21", TODAY)
    assert steps[0]["params"]["error_code"] == "21"
