"""Two general-language gaps in choosing a capability. "Stop the texts for my van" asks to
switch alerts off: "stop" is a sense of disabling as much as of halting. And "owed" is the
past of "owe": the suffix rules could not reach a stem of two letters ("ow"), so "what do I
owe" shared no word with a balance "owed" to someone. On a registry of these tests' own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-09-09"
_PLATE = r"^[A-Z]{2}[0-9]{2} [A-Z]{3}$"


class Done(BaseModel):
    ok: bool


class AlertOnIn(BaseModel):
    plate: str = Field(pattern=_PLATE, description="number plate, e.g. KM19 XTR")
    phone: str = Field(pattern=r"^\+[1-9][0-9]{7,14}$", description="mobile for the text")


class AlertOffIn(BaseModel):
    plate: str = Field(pattern=_PLATE, description="number plate, e.g. KM19 XTR")


class NoInput(BaseModel):
    pass


class BalanceOut(BaseModel):
    amount: Decimal


@pf.capability(intent="A text before the tax on a vehicle is due", tags=["vehicle", "alerts"])
async def enable_tax_alert(inp: AlertOnIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="No more texts about a vehicle's tax", tags=["vehicle", "alerts"])
async def disable_tax_alert(inp: AlertOffIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="What is owed to the newsagent this month", tags=["papers", "payments"])
async def get_paper_bill(inp: NoInput) -> BalanceOut:
    return BalanceOut(amount=Decimal("12.40"))


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [enable_tax_alert, disable_tax_alert, get_paper_bill]
    return await planner_on(module_node, register_module, caps)


async def test_stopping_the_texts_disables_them(node: pf.Node) -> None:
    steps = await plan_steps(node, "stop the tax texts for AB12 CDE, I've sold it", TODAY)
    assert [s["capability"] for s in steps] == ["disable_tax_alert"]
    assert steps[0]["params"]["plate"] == "AB12 CDE"


async def test_what_i_owe_is_what_is_owed(node: pf.Node) -> None:
    steps = await plan_steps(node, "what do I owe?", TODAY)
    assert [s["capability"] for s in steps] == ["get_paper_bill"]


async def test_stop_is_still_no_enabling(node: pf.Node) -> None:
    assert await is_refused(node, "stop the weather forecast", TODAY)
