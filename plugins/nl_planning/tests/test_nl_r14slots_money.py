"""Amounts said in slang, on a registry of these tests' own (a sponsorship page, an auction):
a banknote by its name ("a tenner", "two fivers" in pounds) and a thousand as "grand" ("a
grand", "1.5 grand", "two grand"), beside the amounts already read ("fifty quid", "20 bucks")."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class SponsorIn(BaseModel):
    runner: str = Field(description="who is running")
    amount: float = Field(gt=0, description="how much to give")
    currency: Literal["GBP", "EUR", "USD"] = Field(default="GBP", description="currency")


@pf.capability(intent="Sponsor a runner for a charity race", tags=["charity", "sponsorship"])
async def sponsor_runner(inp: SponsorIn) -> Done:
    return Done(ok=True)


class BidIn(BaseModel):
    lot: str = Field(pattern=r"^LOT-[0-9]{4}$", description="the lot, e.g. LOT-1042")
    amount: float = Field(gt=0, description="the bid")


@pf.capability(intent="Bid on a lot in the auction", tags=["auction"])
async def bid_on_lot(inp: BidIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [sponsor_runner, bid_on_lot])


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("sponsor Priya a tenner", 10),
        ("sponsor Priya two fivers", 10),
        ("sponsor Priya fifty quid", 50),
        ("sponsor Priya a fiver for the race", 5),
    ],
)
async def test_a_banknote_by_its_name(node: pf.Node, text: str, amount: int) -> None:
    params = await plan_params(node, text, TODAY)
    assert (params["amount"], params.get("currency", "GBP")) == (amount, "GBP")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("bid a grand on LOT-1042", 1000),
        ("bid 1.5 grand on lot-1042", 1500),
        ("put a bid of two grand on LOT 1042", 2000),
    ],
)
async def test_a_thousand_as_grand(node: pf.Node, text: str, amount: int) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"lot": "LOT-1042", "amount": amount}


class FlatsIn(BaseModel):
    city: str = Field(description="which city")
    max_price: float | None = Field(default=None, gt=0, description="highest monthly rent")
    min_bedrooms: int | None = Field(default=None, ge=0, description="fewest bedrooms")


class FlatsOut(BaseModel):
    flats: list[str]


@pf.capability(intent="Find flats to rent", tags=["rentals", "flats"])
async def find_flats(inp: FlatsIn) -> FlatsOut:
    return FlatsOut(flats=[])


@pytest.fixture
async def flats(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [find_flats, sponsor_runner])


@pytest.mark.parametrize(
    "text",
    [
        "3 bedroom flats in Leeds under 1400 pounds",
        "flats to rent in Leeds, three bedrooms, less than fourteen hundred pounds",
        "find me 3-bed flats in Leeds for under 1,400 pounds a month",
    ],
)
async def test_pounds_for_a_price_are_money_not_weight(flats: pf.Node, text: str) -> None:
    # the price takes the amount, and the bedrooms keep their count
    params = await plan_params(flats, text, TODAY)
    assert (params["max_price"], params["min_bedrooms"]) == (1400, 3)
