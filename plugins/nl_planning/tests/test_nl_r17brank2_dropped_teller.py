"""A terse "don't want the reminders any more" leaves its teller's "I" out: "do" there asks
nothing, so the clause is read as "I don't want ... any more" (an end to the thing), not as
a question to read about it. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
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


@pf.capability(intent="A text before the tax on a vehicle is due", tags=["vehicle", "alerts"])
async def enable_tax_reminder(inp: AlertOnIn) -> Done:
    return Done(ok=True)


@pf.capability(intent="No more texts about a vehicle's tax", tags=["vehicle", "alerts"])
async def disable_tax_reminder(inp: AlertOffIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [enable_tax_reminder, disable_tax_reminder]
    return await planner_on(module_node, register_module, caps)


@pytest.mark.parametrize(
    "text",
    [
        "don't want tax reminders for KM19 XTR anymore",
        "dont want tax reminders for KM19 XTR any more",
        "I don't want tax reminders for KM19 XTR anymore",
    ],
)
async def test_no_longer_wanted_without_i_disables(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == ["disable_tax_reminder"]
    assert steps[0]["params"]["plate"] == "KM19 XTR"
