"""A question asking to do a thing otherwise ("can we travel on Sunday instead?") asks to
change what one has, as "I'd like it on Sunday instead" does - even with a verb the lexicon
does not know; without "instead" it changes nothing. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-10-08"  # a Thursday


class Done(BaseModel):
    ok: bool


class ChangeCrossingIn(BaseModel):
    booking_ref: str = Field(pattern=r"^FB[0-9]{6}$", description="ferry booking reference")
    new_date: dt.date = Field(description="the day to travel instead")


@pf.capability(intent="Move a ferry reservation to another day", tags=["ferry", "booking"])
async def change_crossing(inp: ChangeCrossingIn) -> Done:
    return Done(ok=True)


def _action(text: str) -> Any:
    return request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])


def test_asked_otherwise_is_a_change() -> None:
    assert "update" in _action("can we travel on Sunday instead").classes
    assert "update" not in _action("can we travel on Sunday").classes


async def test_the_crossing_is_moved(module_node: pf.Node, register_module: Any) -> None:
    node = await planner_on(module_node, register_module, [change_crossing])
    steps = await plan_steps(node, "can we travel on Sunday instead? ref FB773210", TODAY)
    assert steps == [
        {
            "capability": "change_crossing",
            "params": {"booking_ref": "FB773210", "new_date": "2026-10-11"},
        }
    ]
