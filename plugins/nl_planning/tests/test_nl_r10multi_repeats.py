"""A request told once more with other values ("... and one for Tom") is a second run of the
same capability, on a registry of these tests' own (a hair salon)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-06"  # a Wednesday


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class HaircutIn(BaseModel):
    client: str = Field(description="name of the client")
    day: dt.date = Field(description="day of the appointment")
    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="start, HH:MM")


@pf.capability(intent="Book a haircut appointment", tags=["salon"])
async def book_haircut(inp: HaircutIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_haircut])


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # what the second request does not say again is the same
        ("book a haircut for Ann Lee on Friday at 11am and one for Tom Lee", "11:00"),
        ("book a haircut for Ann Lee on Friday at 11am and another for Tom Lee at 2pm", "14:00"),
    ],
)
async def test_one_more_for_someone_is_the_request_again(
    node: pf.Node, text: str, second: str
) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "book_haircut",
            "params": {"client": "Ann Lee", "day": "2026-05-08", "time": "11:00"},
        },
        {
            "capability": "book_haircut",
            "params": {"client": "Tom Lee", "day": "2026-05-08", "time": second},
        },
    ]
