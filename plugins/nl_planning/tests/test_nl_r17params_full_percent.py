"""The whole said in words is 100 of a percentage ("stop at full", "till it's full", "a full
charge"); a number with "%" still wins, and "full" of another thing ("full price") is no
percentage. On a registry of these tests' own (an EV charger)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-14"


class Session(BaseModel):
    session_id: str


class ChargeIn(BaseModel):
    charger_id: str = Field(pattern=r"^EVC-[0-9]{4}$", description="chargepoint")
    target_percent: int | None = Field(default=None, ge=10, le=100, description="stop at, %")


@pf.capability(intent="Start charging the car", tags=["ev"])
async def start_charging(inp: ChargeIn) -> Session:
    return Session(session_id="S-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [start_charging])


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("start charging at EVC-0815 and stop at full", 100),
        ("start charging at EVC-0815 till it's full", 100),
        ("start charging at EVC-0815 up to 80%", 80),
    ],
)
async def test_full_is_the_whole(node: pf.Node, text: str, target: int) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"charger_id": "EVC-0815", "target_percent": target}


async def test_no_fullness_said(node: pf.Node) -> None:
    params = await plan_params(node, "start charging at EVC-0815", TODAY)
    assert params == {"charger_id": "EVC-0815"}
