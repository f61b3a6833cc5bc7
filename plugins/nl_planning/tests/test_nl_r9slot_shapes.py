"""Values the planner read wrongly on round 9's probes by their shape: a street address inside
a longer match that was rejected ("3 rooms at 12 Elm Road"), garment size letters said in
words ("small", "extra large" for S and XL), the digits after a numbered field's noun
("invoice 55"), a time of day for a field whose pattern takes only times ("until 7pm"), and
contractions that hide a "not" ("weren't"); on registries of these tests' own (a decorator,
a club shop, a billing desk and a smart oven)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf
from packetflow_nl_planning.text import tokenize

TODAY = "2026-10-08"  # a Thursday


class Ref(BaseModel):
    ref: str


class PaintIn(BaseModel):
    rooms: int = Field(ge=1, le=20, description="rooms to paint")
    address: str = Field(description="street address")


@pf.capability(intent="Book a decorator to paint rooms", tags=["decorating"])
async def book_painter(inp: PaintIn) -> Ref:
    return Ref(ref="p")


class ShirtIn(BaseModel):
    size: Literal["S", "M", "L", "XL"] = Field(description="shirt size")
    colour: Literal["red", "blue"] = Field(description="colour")


@pf.capability(intent="Order a club shirt", tags=["club"])
async def order_shirt(inp: ShirtIn) -> Ref:
    return Ref(ref="s")


class InvoiceIn(BaseModel):
    invoice_number: str = Field(description="the invoice")


@pf.capability(intent="Details of an invoice", tags=["billing"])
async def get_invoice(inp: InvoiceIn) -> Ref:
    return Ref(ref="i")


class OvenIn(BaseModel):
    temperature_celsius: float = Field(ge=30, le=250, description="oven temperature")
    until: str | None = Field(
        default=None,
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        description="when it switches off, HH:MM",
    )


@pf.capability(intent="Preheat the smart oven", tags=["kitchen"])
async def preheat_oven(inp: OvenIn) -> Ref:
    return Ref(ref="o")


@pytest.fixture
async def shop(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [book_painter, order_shirt, get_invoice, preheat_oven]
    )


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    return await plan_params(node, text, TODAY)


async def test_an_address_inside_a_rejected_match(shop: pf.Node) -> None:
    params = await _params(shop, "paint 3 rooms at 12 Elm Road")
    assert params == {"rooms": 3, "address": "12 Elm Road"}


async def test_size_letters_said_in_words(shop: pf.Node) -> None:
    assert await _params(shop, "a small red club shirt") == {"size": "S", "colour": "red"}
    params = await _params(shop, "club shirt, extra large, blue")
    assert params == {"size": "XL", "colour": "blue"}
    params = await _params(shop, "club shirt in medium, red")
    assert params == {"size": "M", "colour": "red"}


async def test_the_digits_after_a_numbered_field_noun(shop: pf.Node) -> None:
    # "invoice 55" for invoice_number: the digits, not the rest of the clause ("info").
    assert await _params(shop, "info on invoice 55") == {"invoice_number": "55"}


async def test_a_field_whose_pattern_takes_times_of_day(shop: pf.Node) -> None:
    # ``until`` names no time, but its HH:MM pattern takes only times of day.
    params = await _params(shop, "preheat the oven to 180 degrees until 7pm")
    assert params == {"temperature_celsius": 180, "until": "19:00"}


def test_contractions_that_hide_a_not() -> None:
    assert [t.lower for t in tokenize("bins weren't collected")] == [
        "bins",
        "were",
        "not",
        "collected",
    ]
    assert [t.lower for t in tokenize("we've lost it")][:2] == ["we", "have"]
