"""Ids typed as people type them, on a registry of these tests' own (a parcel locker, a
library): an id whose pattern joins a prefix of letters and its digits with a hyphen, written
with a space ("locker lk 20417"), with nothing between ("ord204117") or in lower case; and a
word and a number that only look like such an id are not taken for one."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_params, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-06-10"


class Done(BaseModel):
    ok: bool = Field(description="whether it went through")


class LockerIn(BaseModel):
    locker_id: str = Field(pattern=r"^LK-[0-9]{5}$", description="the locker, e.g. LK-20417")
    days: int = Field(default=1, ge=1, le=7, description="how many more days to keep it")


@pf.capability(intent="Keep a parcel in its locker for longer", tags=["parcels", "locker"])
async def extend_locker(inp: LockerIn) -> Done:
    return Done(ok=True)


class OrderIn(BaseModel):
    order_id: str = Field(pattern=r"^ORD-[0-9]{6}$", description="the order, e.g. ORD-204117")


@pf.capability(intent="Cancel an order before it ships", tags=["orders"])
async def cancel_order(inp: OrderIn) -> Done:
    return Done(ok=True)


class RoomIn(BaseModel):
    room: str = Field(pattern=r"^R-[0-9]{3}$", description="study room, e.g. R-204")
    hours: int = Field(ge=1, le=4, description="how long")


@pf.capability(intent="Book a study room at the library", tags=["library"])
async def book_study_room(inp: RoomIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [extend_locker, cancel_order, book_study_room]
    )


@pytest.mark.parametrize(
    "text",
    [
        "keep locker lk 20417 for 2 more days",
        "keep my parcel in lk20417 two more days",
        "extend LK 20417 by 2 days",
        "locker #lk-20417, keep it 2 more days",
    ],
)
async def test_a_prefixed_id_with_a_space_or_no_hyphen(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"locker_id": "LK-20417", "days": 2}


@pytest.mark.parametrize(
    "text", ["cancel order ord 204117", "cancel ord204117 please", "please cancel ORD 204117"]
)
async def test_an_order_id_typed_loosely(node: pf.Node, text: str) -> None:
    params = await plan_params(node, text, TODAY)
    assert params == {"order_id": "ORD-204117"}


async def test_a_room_number_said_as_room_is_no_prefixed_id(node: pf.Node) -> None:
    # "room 204" is no R-204 written loosely: the prefix the pattern asks for is "R", not
    # the word "room" (the id stays missing and is asked for)
    with pytest.raises(pf.errors.PacketFlowError) as err:
        await plan_params(node, "book study room 204 for 2 hours", TODAY)
    assert "room" in str(err.value)
    params = await plan_params(node, "book study room r 204 for 2 hours", TODAY)
    assert params == {"room": "R-204", "hours": 2}


class ShipIn(BaseModel):
    postcode: str = Field(
        pattern=r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$",
        description="UK postcode to collect from",
    )
    weight_kg: float = Field(gt=0, le=30, description="weight of the box")


@pf.capability(intent="Have a courier collect a parcel", tags=["parcels", "courier"])
async def book_courier(inp: ShipIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def courier(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [book_courier, cancel_order])


@pytest.mark.parametrize(
    "text",
    [
        "courier to collect from sw1a2aa, the box is 3 kg",
        "parcel collection from SW1A2AA please, 3kg",
        "book a courier collection from sw1a 2aa, 3 kg",
    ],
)
async def test_a_code_in_two_groups_typed_without_the_space(courier: pf.Node, text: str) -> None:
    params = await plan_params(courier, text, TODAY)
    assert params == {"postcode": "SW1A 2AA", "weight_kg": 3}


class PayIn(BaseModel):
    to_iban: str = Field(pattern=r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", description="payee IBAN")
    amount: float = Field(gt=0, description="amount in euros")
    environment: Literal["production", "staging", "development"] = Field(
        default="production", description="which ledger"
    )


@pf.capability(intent="Pay a supplier by bank transfer", tags=["payments"])
async def pay_supplier(inp: PayIn) -> Done:
    return Done(ok=True)


@pytest.fixture
async def payer(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [pay_supplier, cancel_order])


@pytest.mark.parametrize(
    "text",
    [
        "pay 250 euros to DE89 3704 0044 0532 0130 00",
        "pay DE89 3704 0044 0532 0130 00 today, 250 euros",
        "pay 250 euros to DE89 3704 0044 0532 0130 00 from the main account",
    ],
)
async def test_an_iban_in_groups_is_joined_whole(payer: pf.Node, text: str) -> None:
    params = await plan_params(payer, text, TODAY)
    assert params["to_iban"] == "DE89370400440532013000"


@pytest.mark.parametrize(
    ("text", "env"),
    [
        ("pay 250 euros to DE89370400440532013000 on prod", "production"),
        ("pay 250 euros to DE89370400440532013000 in dev", "development"),
    ],
)
async def test_an_environment_by_its_short_name(payer: pf.Node, text: str, env: str) -> None:
    params = await plan_params(payer, text, TODAY)
    assert params.get("environment", "production") == env
