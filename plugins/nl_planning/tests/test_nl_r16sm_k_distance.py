""" "5k" beside a distance is 5 kilometres ("did a 5k run"), never 5000 minutes: a "k" after a
number is no count of time; a plain count keeps it as thousands ("10k steps" are 10000).
On a registry of these tests' own (a training log, a step counter)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Logged(BaseModel):
    entry_id: str


class SessionIn(BaseModel):
    sport: Literal["running", "cycling", "swimming"] = Field(description="what was done")
    minutes: int | None = Field(default=None, ge=1, description="how long, in minutes")
    distance_km: float | None = Field(default=None, description="distance covered, in kilometres")
    date: dt.date | None = Field(default=None, description="the day it was done")


@pf.capability(intent="Add a finished training session to the log", tags=["training"])
async def log_session(inp: SessionIn) -> Logged:
    return Logged(entry_id="s-1")


class TimedIn(BaseModel):
    activity: Literal["running", "yoga"] = Field(description="what was done")
    minutes: int | None = Field(default=None, ge=1, description="how long, in minutes")


@pf.capability(intent="Add a timed workout to the workout diary", tags=["diary"])
async def log_workout(inp: TimedIn) -> Logged:
    return Logged(entry_id="w-1")


class StepsIn(BaseModel):
    steps: int = Field(ge=1, description="number of steps walked")
    date: dt.date | None = Field(default=None, description="the day")


@pf.capability(intent="Record the daily step count", tags=["health"])
async def record_steps(inp: StepsIn) -> Logged:
    return Logged(entry_id="st-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [log_session, record_steps])


@pytest.mark.parametrize(
    ("text", "km"), [("did a 5k run", 5.0), ("just did a 10k run this morning", 10.0)]
)
async def test_a_k_beside_a_distance_is_kilometres(node: pf.Node, text: str, km: float) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["distance_km"] == km
    assert "minutes" not in params


async def test_a_k_distance_and_a_time_both_fill(node: pf.Node) -> None:
    params = await plan_params(node, "did a 5k run in 28 minutes", TODAY)
    assert (params["distance_km"], params["minutes"]) == (5.0, 28)


async def test_a_k_count_is_thousands(node: pf.Node) -> None:
    params = await plan_params(node, "walked 10k steps today", TODAY)
    assert params["steps"] == 10000


async def test_a_k_is_never_minutes(module_node: pf.Node, register_module: Any) -> None:
    node = await planner_on(module_node, register_module, [log_workout])
    params = await plan_params(node, "did a 5k run", TODAY)
    assert params["activity"] == "running"
    assert "minutes" not in params
