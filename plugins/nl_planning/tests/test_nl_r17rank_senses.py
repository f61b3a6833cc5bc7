"""Verb senses the action lexicon lacked: "ship" a version is to release it, "bump" a case
is to escalate it, "give away" is to donate, "close" a rental is to end it, "export" a
statement is to get it. A request said with such a verb reaches the capability of that
action instead of being refused. On a registry of these tests' own."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.lexicon import lexicon

TODAY = "2026-06-10"  # a Wednesday


class Done(BaseModel):
    ref: str


class ReleaseIn(BaseModel):
    service: str = Field(pattern=r"^[a-z][a-z0-9-]+$", description="service name")
    version: str = Field(pattern=r"^v?\d+\.\d+\.\d+$", description="release version")
    environment: Literal["staging", "production"] = Field(description="deployment environment")


@pf.capability(intent="Deploy a release of a service", tags=["ops"])
async def deploy_release(inp: ReleaseIn) -> Done:
    return Done(ref="d-1")


class CaseIn(BaseModel):
    case_id: str = Field(pattern=r"^C-\d{5}$", description="the support case")


@pf.capability(intent="Escalate a support case to the next tier", tags=["support"])
async def escalate_case(inp: CaseIn) -> Done:
    return Done(ref="e-1")


class DonationIn(BaseModel):
    items: str = Field(description="what is given")
    pickup_address: str | None = Field(default=None, description="where to collect it")


@pf.capability(intent="Give unwanted items to charity", tags=["charity"])
async def donate_items(inp: DonationIn) -> Done:
    return Done(ref="g-1")


class RentalIn(BaseModel):
    unit_id: str = Field(pattern=r"^U-\d{4}$", description="the storage unit")


@pf.capability(intent="End the rental of a storage unit", tags=["storage"])
async def end_storage_rental(inp: RentalIn) -> Done:
    return Done(ref="s-1")


class StatementIn(BaseModel):
    account_id: str = Field(pattern=r"^CHK-\d{4}$", description="the account")


@pf.capability(intent="Produce the statement of a bank account", tags=["bank"])
async def get_account_statement(inp: StatementIn) -> Done:
    return Done(ref="a-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node,
        register_module,
        [deploy_release, escalate_case, donate_items, end_storage_rental, get_account_statement],
    )


@pytest.mark.parametrize(
    ("verb", "sense"),
    [
        ("ship", "post"),
        ("deploy", "post"),
        ("bump", "escalate"),
        ("give_away", "grant"),
        ("close", "stop"),
        ("export", "retrieve"),
    ],
)
def test_the_verb_has_the_sense(verb: str, sense: str) -> None:
    assert sense in lexicon().classes_of(verb)


def test_shipping_keeps_its_sense_of_sending() -> None:
    assert "send" in lexicon().classes_of("ship")


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("ship 3.0.0 of checkout-web to staging", "deploy_release"),
        ("bump C-20019 up a tier", "escalate_case"),
        ('I\'d like to give away "an old sofa"', "donate_items"),
        ("close my storage rental U-2219", "end_storage_rental"),
        ("export the statement of CHK-0042", "get_account_statement"),
    ],
)
async def test_the_sense_reaches_its_capability(node: pf.Node, text: str, capability: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert [s["capability"] for s in steps] == [capability]


async def test_a_verb_of_no_capability_is_still_refused(node: pf.Node) -> None:
    assert await is_refused(node, "close the kitchen window", TODAY)
