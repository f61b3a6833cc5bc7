"""The action of a request against a capability's, on a registry of this test's own: the very
verb a capability is named by is what it does ("unhook" for ``unhook_trailer``, "stop charging"
for ``stop_charging``), "send me the report" reads the report, and a dropped doubled letter
("a week pas") is a typo of the registry's word."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday


class Done(BaseModel):
    ref: str


class TrailerIn(BaseModel):
    trailer: str = Field(pattern=r"^TR-[0-9]{4}$", description="trailer plate")


@pf.capability(intent="Couple a trailer to the tractor unit", tags=["haulage"])
async def hook_trailer(inp: TrailerIn) -> Done:
    return Done(ref="h")


@pf.capability(intent="Detach a trailer from the tractor unit", tags=["haulage"])
async def unhook_trailer(inp: TrailerIn) -> Done:
    return Done(ref="u")


class DroneIn(BaseModel):
    drone: str = Field(pattern=r"^DR[0-9]{3}$", description="drone tail number")


@pf.capability(intent="Begin a battery top-up on a drone dock", tags=["drones"])
async def start_charging(inp: DroneIn) -> Done:
    return Done(ref="s")


@pf.capability(intent="End a battery top-up on a drone dock", tags=["drones"])
async def stop_charging(inp: DroneIn) -> Done:
    return Done(ref="e")


class InspectionIn(BaseModel):
    job: str = Field(pattern=r"^IR-[0-9]{5}$", description="inspection job")


@pf.capability(intent="What the surveyor found on the visit", tags=["surveys", "reports"])
async def get_inspection_report(inp: InspectionIn) -> Done:
    return Done(ref="i")


class LeakIn(BaseModel):
    flat: str = Field(description="flat number")
    where: str = Field(description="where the water comes in")


@pf.capability(intent="Tell the landlord about a leak", tags=["lettings"])
async def report_leak(inp: LeakIn) -> Done:
    return Done(ref="l")


class FerryPassIn(BaseModel):
    length: Literal["day", "week", "month"] = Field(description="how long the pass lasts")


@pf.capability(intent="Buy a foot-passenger ferry pass", tags=["ferry"])
async def buy_ferry_pass(inp: FerryPassIn) -> Done:
    return Done(ref="f")


class BoxesIn(BaseModel):
    quantity: int = Field(default=10, description="how many boxes")


@pf.capability(intent="Order cardboard boxes for a house move", tags=["removals"])
async def order_moving_boxes(inp: BoxesIn) -> Done:
    return Done(ref="b")


class StampsIn(BaseModel):
    card: str = Field(pattern=r"^[0-9]{6}$", description="loyalty card number")


class StampsOut(BaseModel):
    stamps: int


@pf.capability(intent="Stamps on a coffee-shop loyalty card", tags=["loyalty"])
async def get_stamp_count(inp: StampsIn) -> StampsOut:
    return StampsOut(stamps=3)


class GiftCardIn(BaseModel):
    amount: int = Field(ge=10, le=200, description="value in euros")
    recipient_email: str = Field(json_schema_extra={"format": "email"}, description="who gets it")


@pf.capability(intent="Buy a bookshop gift card", tags=["books", "gifts"])
async def buy_gift_card(inp: GiftCardIn) -> Done:
    return Done(ref="g")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [hook_trailer, unhook_trailer, start_charging, stop_charging, get_inspection_report,
            report_leak, buy_ferry_pass, order_moving_boxes, get_stamp_count,
            buy_gift_card]  # fmt: skip
    return await planner_on(module_node, register_module, caps)


async def test_the_verb_a_capability_is_named_by_is_what_it_does(node: pf.Node) -> None:
    # "unhook" reads as not-hooking, "stop charging" as the opposite of charging someone: the
    # capability's own name says them, whatever its intent calls the action
    steps = await plan_steps(node, "unhook trailer TR-1234", TODAY)
    assert steps == [{"capability": "unhook_trailer", "params": {"trailer": "TR-1234"}}]
    steps = await plan_steps(node, "stop charging DR042", TODAY)
    assert steps == [{"capability": "stop_charging", "params": {"drone": "DR042"}}]
    steps = await plan_steps(node, "hook trailer TR-1234", TODAY)
    assert [s["capability"] for s in steps] == ["hook_trailer"]


async def test_send_me_the_thing_reads_it(node: pf.Node) -> None:
    steps = await plan_steps(node, "send me the inspection report for IR-55019", TODAY)
    assert steps == [{"capability": "get_inspection_report", "params": {"job": "IR-55019"}}]


async def test_a_dropped_doubled_letter_is_a_typo(node: pf.Node) -> None:
    steps = await plan_steps(node, "buy a week pas", TODAY)
    assert steps == [{"capability": "buy_ferry_pass", "params": {"length": "week"}}]


async def test_a_gerund_naming_a_kind_is_not_what_a_capability_is_about(node: pf.Node) -> None:
    # order_moving_boxes is about boxes (of a kind): moving a delivery does not order them
    assert await is_refused(node, "move the delivery of order MB-1234 to Friday", TODAY)


async def test_an_intent_that_opens_with_a_noun_and_a_preposition_reads(node: pf.Node) -> None:
    # "Stamps on a ... card" is a noun phrase, no phrasal verb "stamp on": the capability reads
    steps = await plan_steps(node, "how many stamps on 551200?", TODAY)
    assert steps == [{"capability": "get_stamp_count", "params": {"card": "551200"}}]


async def test_sending_a_thing_to_someone_asks_for_what_has_a_recipient(node: pf.Node) -> None:
    # buy_gift_card delivers to its recipient: sending one to someone is buying it for them
    steps = await plan_steps(node, "could I send a 20 euro gift card to ana@example.com?", TODAY)
    assert steps == [
        {
            "capability": "buy_gift_card",
            "params": {"amount": 20, "recipient_email": "ana@example.com"},
        }
    ]
