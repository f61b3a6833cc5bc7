"""Requests told as statements, on a registry of this test's own: "can't make it" calls a
booking off, a thing that "keeps" doing something is a fault to report, and "go ahead with"
approves."""

from __future__ import annotations

from typing import Any

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"  # a Thursday


class Done(BaseModel):
    ref: str


class TableIn(BaseModel):
    ref: str = Field(pattern=r"^RB-[0-9]{4}$", description="reservation reference")


@pf.capability(intent="Call off a restaurant reservation", tags=["dining"])
async def cancel_table(inp: TableIn) -> Done:
    return Done(ref="c")


@pf.capability(intent="Look up a restaurant reservation", tags=["dining"])
async def get_table(inp: TableIn) -> Done:
    return Done(ref="g")


class PrinterIn(BaseModel):
    printer: str = Field(pattern=r"^PR-[0-9]{3}$", description="printer asset tag")
    note: str = Field(default="", description="what goes wrong")


@pf.capability(intent="Tell the IT desk a printer is faulty", tags=["office"])
async def report_printer_fault(inp: PrinterIn) -> Done:
    return Done(ref="p")


@pf.capability(intent="Switch a printer off for the night", tags=["office"])
async def power_down_printer(inp: PrinterIn) -> Done:
    return Done(ref="d")


class QuoteIn(BaseModel):
    quote: str = Field(pattern=r"^BQ-[0-9]{4}$", description="builder's quote")


@pf.capability(intent="Accept a builder's quote", tags=["building"])
async def approve_quote(inp: QuoteIn) -> Done:
    return Done(ref="a")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    caps = [cancel_table, get_table, report_printer_fault, power_down_printer, approve_quote]
    return await planner_on(module_node, register_module, caps)


async def test_cannot_make_it_calls_the_booking_off(node: pf.Node) -> None:
    steps = await plan_steps(node, "can't make it to dinner tonight, ref RB-1234", TODAY)
    assert steps == [{"capability": "cancel_table", "params": {"ref": "RB-1234"}}]
    steps = await plan_steps(node, "sorry, we won't make it, reservation RB-1234", TODAY)
    assert [s["capability"] for s in steps] == ["cancel_table"]


async def test_a_thing_that_keeps_failing_is_a_fault_to_report(node: pf.Node) -> None:
    # ("going off" is no request to switch it off)
    steps = await plan_steps(node, "printer PR-221 keeps going off", TODAY)
    assert [s["capability"] for s in steps] == ["report_printer_fault"]


async def test_go_ahead_with_approves(node: pf.Node) -> None:
    steps = await plan_steps(node, "Go ahead with the extension on BQ-5521", TODAY)
    assert steps == [{"capability": "approve_quote", "params": {"quote": "BQ-5521"}}]
