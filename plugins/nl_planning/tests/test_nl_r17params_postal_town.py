"""A street address keeps what follows its town: a state's code and ZIP code ("Springfield
IL 62704") or a British postcode ("Leeds LS1 4DY"); the ZIP is no number for another field.
On a registry of these tests' own (passport renewals)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-01-14"


class Renewal(BaseModel):
    application_id: str


class RenewIn(BaseModel):
    passport_number: str = Field(pattern=r"^[A-Z][0-9]{8}$", description="current passport")
    delivery_address: str = Field(description="where to post the new passport")
    copies: int = Field(default=1, ge=1, le=5, description="certified copies wanted")


@pf.capability(intent="Renew a passport", tags=["passport"])
async def renew_passport(inp: RenewIn) -> Renewal:
    return Renewal(application_id="A-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [renew_passport])


@pytest.mark.parametrize(
    "address",
    [
        "9 Elm Street, Springfield IL 62704",
        "41 Station Road, Leeds LS1 4DY",
        "41 Station Road, New Haven",
    ],
)
async def test_the_town_keeps_its_postal_code(node: pf.Node, address: str) -> None:
    params = await plan_params(node, f"renew passport K44556677 to {address}", TODAY)
    assert params == {"passport_number": "K44556677", "delivery_address": address}
