""" "we'd", "you'd" and "they'd" are written-on "would", as "I'd" is: "We'd like to go ahead with
removal quote RQ-55120 ..." is a polite request (the quote confirmed, the number after it its
contact phone), not a statement of what we had. On a registry of these tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.text import tokenize

TODAY = "2026-10-14"


class Done(BaseModel):
    ok: bool


class BookRemovalIn(BaseModel):
    quote_id: str = Field(pattern=r"^RQ-[0-9]{5}$", description="quote reference")
    move_date: dt.date = Field(description="moving day")
    contact_phone: str | None = Field(
        default=None,
        pattern=r"^\+[1-9][0-9]{7,14}$",
        description="number the crew calls on the day",
    )


@pf.capability(intent="Confirm a move with the removals crew", tags=["removals", "booking"])
async def book_removal(inp: BookRemovalIn) -> Done:
    return Done(ok=True)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("We'd like a table", ["we", "would", "like", "a", "table"]),
        ("you'd better", ["you", "would", "better"]),
        ("they'd like it", ["they", "would", "like", "it"]),
    ],
)
def test_d_is_would(text: str, words: list[str]) -> None:
    assert [t.lower for t in tokenize(text) if t.is_word] == words


async def test_we_would_like_is_a_request(module_node: pf.Node, register_module: Any) -> None:
    node = await planner_on(module_node, register_module, [book_removal])
    text = (
        "We'd like to go ahead with removal quote RQ-55120 for Saturday the 12th of December; "
        "call me on +44 7700 900456 on the day"
    )
    steps = await plan_steps(node, text, TODAY)
    assert steps == [
        {
            "capability": "book_removal",
            "params": {
                "quote_id": "RQ-55120",
                "move_date": "2026-12-12",
                "contact_phone": "+447700900456",
            },
        }
    ]
