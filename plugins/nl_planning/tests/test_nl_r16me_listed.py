"""A word another field lists, word for word, is that field's value, never an id of a loose
pattern ("today's contacts on 20m": the band, no callsign). On a registry of this test's own
(a radio logbook)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2027-01-11"


class Log(BaseModel):
    contacts: int


class LogIn(BaseModel):
    callsign: str | None = Field(
        default=None, pattern=r"^[A-Z0-9]{1,3}[0-9][A-Z0-9]{0,3}[A-Z]$", description="station"
    )
    band: Literal["20m", "40m", "80m"] | None = Field(default=None, description="the band")
    from_date: dt.date | None = Field(default=None, description="first day")
    to_date: dt.date | None = Field(default=None, description="last day")


@pf.capability(intent="Contacts in the station logbook", tags=["radio"])
async def get_contact_log(inp: LogIn) -> Log:
    return Log(contacts=3)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [get_contact_log])


async def test_a_listed_value_is_no_id(node: pf.Node) -> None:
    steps = await plan_steps(node, "show me today's contacts on 20m", TODAY)
    assert steps[0]["params"] == {"band": "20m", "from_date": TODAY, "to_date": TODAY}


async def test_an_id_of_the_pattern_still_is_one(node: pf.Node) -> None:
    steps = await plan_steps(node, "show me today's contacts with G4XYZ on 40m", TODAY)
    assert steps[0]["params"]["callsign"] == "G4XYZ"
    assert steps[0]["params"]["band"] == "40m"
