"""A place given as coordinates ("near 54.4609,-3.0886") is one value for the text field that
says it takes them, never two numbers (the radius keeps its own). On a registry of these
tests' own (a geocaching map)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.coordinates import coordinate_pairs

TODAY = "2027-08-20"


class Found(BaseModel):
    caches: int


class SearchIn(BaseModel):
    near: str = Field(description="town, landmark or 'lat,lon' to look around")
    radius_km: float | None = Field(default=None, gt=0, le=100, description="how far out, km")


@pf.capability(intent="Hidden containers to hunt for near a place", tags=["geocaching"])
async def find_geocaches(inp: SearchIn) -> Found:
    return Found(caches=4)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_geocaches])


def test_pairs_of_degrees() -> None:
    assert [p for p, _, _ in coordinate_pairs("at 54.4609,-3.0886 now")] == ["54.4609,-3.0886"]
    assert [p for p, _, _ in coordinate_pairs("51.50, -0.12")] == ["51.50,-0.12"]
    assert list(coordinate_pairs("3, 4 and 95.12,10.55")) == []  # no fraction; no latitude


async def test_coordinates_are_one_place(node: pf.Node) -> None:
    assert await plan_params(node, "geocaches near 54.4609,-3.0886", TODAY) == {
        "near": "54.4609,-3.0886"
    }
    params = await plan_params(node, "caches near 54.4609, -3.0886 within 5 km", TODAY)
    assert params == {"near": "54.4609,-3.0886", "radius_km": 5}
