"""Verbs the hand-written action classes lack, placed in them from WordNet 3.0 at build time
(scripts/build_verb_lexicon.py -> data/lexicon/wordnet_verbs.txt): "appraise" is a way to
assess, "unplug" is to disconnect. The request is planned when only WordNet ties its verb to
the capability's, and refused when WordNet's verb is another or the opposite action. On a
registry of these tests' own (a property valuer, a smart-plug hub)."""

from __future__ import annotations

from typing import Any

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.lexicon import lexicon
from packetflow_nl_planning.request_actions import request_action
from packetflow_nl_planning.text import tokenize

TODAY = "2026-06-10"


class HouseIn(BaseModel):
    address: str = Field(description="street address of the house")


class Valuation(BaseModel):
    value: float


@pf.capability(intent="Assess what a house is worth", tags=["property"])
async def assess_house(inp: HouseIn) -> Valuation:
    return Valuation(value=350_000.0)


class PlugIn(BaseModel):
    device: str = Field(description="name of the device on the plug")


class Done(BaseModel):
    ok: bool


@pf.capability(intent="Disconnect a device from the smart-plug hub", tags=["home"])
async def disconnect_device(inp: PlugIn) -> Done:
    return Done(ok=True)


class QuotaIn(BaseModel):
    account: str = Field(description="account id, like A-1")
    gigabytes: int = Field(ge=1, description="the new storage quota in GB")


@pf.capability(intent="Increase the storage quota of an account", tags=["storage"])
async def increase_quota(inp: QuotaIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [assess_house, disconnect_device, increase_quota]
    )


def test_wordnet_verbs_load_under_the_hand_written_classes() -> None:
    lex = lexicon()
    assert lex.classes_of("appraise") == {"analyze"}
    assert lex.classes_of("unplug") == {"disconnect"}
    assert lex.classes_of("resell") == {"sell"}
    # actions.txt wins: "check" keeps exactly its hand-written classes
    assert "verify" in lex.classes_of("check") and "retrieve" in lex.classes_of("check")


async def test_a_verb_only_wordnet_relates_is_planned(node: pf.Node) -> None:
    steps = await plan_steps(node, "appraise the house at 12 Elm Street", TODAY)
    assert [s["capability"] for s in steps] == ["assess_house"]


async def test_an_undo_verb_only_wordnet_relates_is_planned(node: pf.Node) -> None:
    steps = await plan_steps(node, "unplug the kettle from the hub", TODAY)
    assert [s["capability"] for s in steps] == ["disconnect_device"]
    assert steps[0]["params"]["device"] == "kettle"


async def test_a_kind_of_the_capability_s_action_is_planned(node: pf.Node) -> None:
    steps = await plan_steps(node, "widen the storage quota of A-1 to 80 GB", TODAY)
    assert [s["capability"] for s in steps] == ["increase_quota"]


@pytest.mark.parametrize(
    "text",
    [
        "plug in the kettle",
        "renovate the house at 12 Elm Street",
        # WordNet: shrinking is decreasing, the opposite of increasing
        "shrink the storage quota of A-1 to 20 GB",
    ],
)
async def test_another_or_opposite_verb_is_still_refused(node: pf.Node, text: str) -> None:
    assert await is_refused(node, text, TODAY)


@pytest.mark.parametrize(
    ("text", "reading", "not_reading"),
    [
        # WordNet's "reorder" ranks and its "rerun" broadcasts: a known verb done again keeps
        # the planner's own reading ("order" again buys; "rerun" stays a verb of its own)
        ("reorder the same pizza", "buy", "rate"),
        ("rerun the nightly backup job", "word:rerun", "send"),
        ("reopen the ticket", "open", "close"),
    ],
)
def test_a_verb_done_again_keeps_its_verb_s_reading(
    text: str, reading: str, not_reading: str
) -> None:
    action = request_action([t for t in tokenize(text) if t.is_word or t.lower[:1].isdigit()])
    assert reading in action.classes and not_reading not in action.classes
