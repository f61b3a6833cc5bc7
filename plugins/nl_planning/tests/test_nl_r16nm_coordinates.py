"""A position said as latitude and longitude ("near 54.4609,-3.0886", "around 51.5, -0.12") is
one value, written ``lat,lon``, for a text field of a place or one described as taking
'lat,lon': never the first number alone. On a registry of this test's own (picnic spots)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class SpotsIn(BaseModel):
    around: str = Field(description="town or 'lat,lon' to search around")
    radius_km: float | None = Field(default=None, description="how far to look, in km")


class Spots(BaseModel):
    spots: int


@pf.capability(intent="Find picnic spots around a point", tags=["outdoors"])
async def find_picnic_spots(inp: SpotsIn) -> Spots:
    return Spots(spots=4)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_picnic_spots])


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("find picnic spots around 54.4609,-3.0886", "54.4609,-3.0886"),
        ("picnic spots near 51.5, -0.12 please", "51.5,-0.12"),
    ],
)
async def test_a_position_is_both_numbers(node: pf.Node, text: str, point: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"around": point}


async def test_a_position_beside_a_distance(node: pf.Node) -> None:
    params = await plan_params(node, "picnic spots within 5 km of 53.48,-2.24", TODAY)
    assert params == {"around": "53.48,-2.24", "radius_km": 5.0}
