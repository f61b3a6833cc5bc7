"""A value in "-ing" (``rowing``, ``cycling``, ``swimming``) is named by its base: the noun of
the activity ("a row", "a cycle", "a swim") or another form of its verb ("rowed", "cycled").
By spelling alone, so any such value is reached. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.text import gerund_bases

TODAY = "2026-06-10"


class Logged(BaseModel):
    entry_id: str


class SessionIn(BaseModel):
    sport: Literal["running", "cycling", "rowing", "swimming"] = Field(description="what was done")
    minutes: int | None = Field(default=None, ge=1, description="how long, in minutes")
    date: dt.date | None = Field(default=None, description="the day it was done")


@pf.capability(intent="Add a finished training session to the log", tags=["training"])
async def log_session(inp: SessionIn) -> Logged:
    return Logged(entry_id="s-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [log_session])


@pytest.mark.parametrize(
    ("form", "base"),
    [("rowing", "row"), ("cycling", "cycle"), ("swimming", "swim"), ("rowed", "row")],
)
def test_a_gerund_has_its_base(form: str, base: str) -> None:
    assert base in gerund_bases(form)


def test_a_short_word_has_no_base() -> None:
    assert not gerund_bases("king") and not gerund_bases("red")


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        ("did a row today", "rowing"),
        ("went for a row this morning", "rowing"),
        ("a 40 minute row this morning", "rowing"),
        ("rowed for 30 minutes today", "rowing"),
        ("went for a swim this morning", "swimming"),
        ("just did a 20 minute cycle", "cycling"),
        ("cycled for an hour today", "cycling"),
    ],
)
async def test_the_base_names_the_value(node: pf.Node, text: str, sport: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["sport"] == sport
