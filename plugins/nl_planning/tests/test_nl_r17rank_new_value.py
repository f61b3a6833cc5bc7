"""A request to change a thing that says what it is to become ("change my alarm PIN to 7788")
is not meant for a capability that takes no value of it at all (arming the alarm, whose
intent "sets" it): that one cannot make the change, so the request is refused - and planned
where a capability takes the new value. On registries of these tests' own."""

from __future__ import annotations

from typing import Any, Literal

from planned import is_refused, plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-08-21"


class Done(BaseModel):
    ref: str


class ArmIn(BaseModel):
    mode: Literal["away", "home", "night"] = Field(
        default="away", description="which sensors are live"
    )
    exit_delay_seconds: int = Field(
        default=30, ge=0, le=300, description="seconds to get out before it is live"
    )


@pf.capability(intent="Set the house alarm", tags=["alarm", "security"])
async def arm_alarm(inp: ArmIn) -> Done:
    return Done(ref="a-1")


class PinIn(BaseModel):
    pin: str = Field(pattern=r"^\d{4}$", description="the new four-digit code")


@pf.capability(intent="Change the code that disarms the alarm", tags=["alarm", "security"])
async def change_alarm_pin(inp: PinIn) -> Done:
    return Done(ref="p-1")


async def test_a_new_value_no_field_takes_is_refused(
    module_node: pf.Node, register_module: Any
) -> None:
    node = await planner_on(module_node, register_module, [arm_alarm])
    assert await is_refused(node, "change my alarm PIN to 7788", TODAY)


async def test_the_alarm_is_still_set_when_asked(
    module_node: pf.Node, register_module: Any
) -> None:
    node = await planner_on(module_node, register_module, [arm_alarm])
    steps = await plan_steps(node, "set the alarm to night mode", TODAY)
    assert steps == [{"capability": "arm_alarm", "params": {"mode": "night"}}]


async def test_a_new_value_a_field_takes_is_planned(
    module_node: pf.Node, register_module: Any
) -> None:
    node = await planner_on(module_node, register_module, [arm_alarm, change_alarm_pin])
    steps = await plan_steps(node, "change my alarm PIN to 7788", TODAY)
    assert steps == [{"capability": "change_alarm_pin", "params": {"pin": "7788"}}]
