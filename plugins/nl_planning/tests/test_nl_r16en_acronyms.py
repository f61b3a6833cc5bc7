"""A word in capitals whose letters are the initials of an enum value's words names that value
("a DNF" for ``did_not_finish``, "DNS" for ``did_not_start``): English writes a phrase said
often by its initials. On a registry of these tests' own (race results)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class ResultIn(BaseModel):
    bib: int = Field(ge=1, description="runner's bib number")
    status: Literal["finished", "did_not_start", "did_not_finish", "disqualified"] = Field(
        description="how the race ended for the runner"
    )


class Recorded(BaseModel):
    result_id: str


@pf.capability(intent="Record a runner's race result", tags=["race"])
async def record_race_result(inp: ResultIn) -> Recorded:
    return Recorded(result_id="r-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [record_race_result])


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("record bib 212 as a DNF", "did_not_finish"),
        ("record a DNS for bib 40", "did_not_start"),
        ("record bib 7 as finished", "finished"),
        ("record one of the DNFs: bib 88", "did_not_finish"),
    ],
)
async def test_initials_name_the_value(node: pf.Node, text: str, status: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params["status"] == status


async def test_lower_case_letters_are_no_initials(node: pf.Node) -> None:
    # "dns" in lower case is a word, not the initials of a value: no value is read from it.
    with pytest.raises(pf.errors.PacketFlowError):
        await plan_params(node, "record bib 40 dns", TODAY)


async def test_a_text_in_capitals_has_no_initials(node: pf.Node) -> None:
    # Shouted, "DNF" is a word like the others, not the initials of a value.
    with pytest.raises(pf.errors.PacketFlowError):
        await plan_params(node, "RECORD BIB 212 AS A DNF", TODAY)
