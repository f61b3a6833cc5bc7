"""A later request whose required values the steps before it were given ("check stock of
BLT-0042 in Leeds, then move 300 of them to Rotterdam": the SKU, and Leeds as where they leave)
is read as fitting when its own words alone leave them out; the earlier value fills it. Never
the request before told again. On a registry of these tests' own (a warehouse)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import calls, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-10-08"
_SKU = r"^[A-Z]{3}-[0-9]{4}$"
Warehouse = Literal["leeds", "rotterdam", "newark", "lyon"]


class StockIn(BaseModel):
    sku: str = Field(pattern=_SKU, description="stock keeping unit, e.g. BLT-0042")
    warehouse: Warehouse | None = Field(default=None, description="depot to look in (all if unset)")


class StockOut(BaseModel):
    on_hand: int


@pf.capability(intent="How many units are on the shelves", tags=["warehouse"])
async def check_stock(inp: StockIn) -> StockOut:
    return StockOut(on_hand=5)


class TransferIn(BaseModel):
    sku: str = Field(pattern=_SKU, description="stock keeping unit")
    quantity: int = Field(ge=1, le=100000, description="units to move")
    from_warehouse: Warehouse = Field(description="depot the units leave")
    to_warehouse: Warehouse = Field(description="depot that receives them")


class TransferOut(BaseModel):
    transfer_id: str


@pf.capability(intent="Ship units from one depot to another", tags=["warehouse"])
async def transfer_stock(inp: TransferIn) -> TransferOut:
    return TransferOut(transfer_id="TR-1")


class CountIn(BaseModel):
    sku: str = Field(pattern=_SKU, description="stock keeping unit")
    warehouse: Warehouse = Field(description="depot that was counted")
    counted: int = Field(ge=0, description="units found on the shelf")


@pf.capability(intent="Enter the result of a cycle count", tags=["warehouse"])
async def record_stock_count(inp: CountIn) -> TransferOut:
    return TransferOut(transfer_id="C-1")


@pytest.fixture
async def node(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(
        module_node, register_module, [check_stock, transfer_stock, record_stock_count]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Check stock of BLT-0042 in Leeds, then move 300 of them to Rotterdam",
        "check stock of BLT-0042 in Leeds and after that move 300 of them to Rotterdam",
    ],
)
async def test_values_given_before_fill_the_later_request(node: pf.Node, text: str) -> None:
    steps = await plan_steps(node, text, TODAY)
    assert calls(steps) == [
        ("check_stock", {"sku": "BLT-0042", "warehouse": "leeds"}),
        (
            "transfer_stock",
            {
                "sku": "BLT-0042",
                "quantity": 300,
                "from_warehouse": "leeds",
                "to_warehouse": "rotterdam",
            },
        ),
    ]
