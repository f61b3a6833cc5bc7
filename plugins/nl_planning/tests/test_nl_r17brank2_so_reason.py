"""A bare phrase told before "so" ("rain forecast all day so please cancel GB-40093") is the
reason for the request after it, as a phrase before a colon is: no request of its own that
nothing fits, which refused the whole. A request before "so" is still planned. On a registry
of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"


class Done(BaseModel):
    ok: bool


class CancelIn(BaseModel):
    booking_ref: str = Field(pattern=r"^GB-[0-9]{5}$", description="the booking, e.g. GB-20417")


class SearchIn(BaseModel):
    course: str = Field(description="golf course name")


@pf.capability(intent="Not playing that golf round after all", tags=["golf"])
async def cancel_tee_time(inp: CancelIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="Free slots at a golf course", tags=["golf"])
async def search_tee_times(inp: SearchIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [cancel_tee_time, search_tee_times])


async def test_a_reason_before_so_is_no_request(node: pf.Node) -> None:
    text = "Rain forecast all day so please cancel tee booking GB-40093"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["cancel_tee_time"]
    assert steps[0]["params"]["booking_ref"] == "GB-40093"


async def test_a_request_before_so_still_counts(node: pf.Node) -> None:
    text = "cancel tee booking GB-40093 so search tee times at Gleneagles"
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["cancel_tee_time", "search_tee_times"]
