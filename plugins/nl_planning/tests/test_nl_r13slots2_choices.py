"""Enum values round 13 (second slots helper) found read wrongly once the capability is right,
on a registry of these tests' own (a wedding guest list): a value that is a function word
("both") is named only by its own words, never by a content word close to it in the static
embedding ("his brother")."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-05-05"


class Ref(BaseModel):
    ref: str


class GuestIn(BaseModel):
    full_name: str = Field(description="the guest's full name")
    side: Literal["bride", "groom", "both"] | None = Field(default=None, description="whose guest")


@pf.capability(intent="Add a guest to the wedding guest list", tags=["wedding"])
async def add_guest(inp: GuestIn) -> Ref:
    return Ref(ref="g")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [add_guest])


async def _params(node: pf.Node, text: str, today: str = TODAY) -> dict[str, Any]:
    return await plan_params(node, text, today)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("add his brother Ian Lang to the guest list", None),
        ("add Ian Lang to the guest list, a friend of both", "both"),
    ],
)
async def test_a_function_word_value_is_named_only_by_itself(
    node: pf.Node, text: str, side: str | None
) -> None:
    # "brother" is near "both" in the static embedding by chance: a closed-class value has
    # no meaning a content word shares, so only "both" itself names it.
    params = await _params(node, text)
    assert params.get("side") == side
    assert params["full_name"] == "Ian Lang"
