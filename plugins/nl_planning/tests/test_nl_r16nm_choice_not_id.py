"""A word that is, as written, a value of another field's choices ("on 20m" beside a band
``20m``) is that choice, never an id its pattern happens to fit (a callsign ``2E0KLM``-like
pattern takes "20m" too). On a registry of this test's own (a radio logbook)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"
_CALL = r"^[A-Z0-9]{1,3}[0-9][A-Z0-9]{0,3}[A-Z]$"


class LogIn(BaseModel):
    band: Literal["80m", "40m", "20m", "2m"] | None = Field(
        default=None, description="only this band"
    )
    callsign: str | None = Field(default=None, pattern=_CALL, description="only this station")


class Log(BaseModel):
    contacts: int


@pf.capability(intent="Show the contacts in the station logbook", tags=["radio"])
async def show_logbook(inp: LogIn) -> Log:
    return Log(contacts=2)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [show_logbook])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("show the logbook contacts on 20m", {"band": "20m"}),
        ("show the logbook contacts with m0pqr on 40m", {"band": "40m", "callsign": "M0PQR"}),
    ],
)
async def test_a_choice_as_written_is_no_id(
    node: pf.Node, text: str, expected: dict[str, str]
) -> None:
    assert await plan_params(node, text, TODAY) == expected
