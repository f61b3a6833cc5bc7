"""A composition's result against its output contract: checked once where its steps' own
contracts already prove it, checked again wherever they cannot."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, model_validator

import packetflow as pf
from packetflow import errors

from .kit import Num

CHECKS: list[str] = []


class Part(BaseModel):
    """A value that counts how often it is validated."""

    name: str

    @model_validator(mode="after")
    def counted(self) -> Part:
        CHECKS.append(self.name)
        return self


class Made(BaseModel):
    part: Part


class Label(BaseModel):
    label: int


@pf.capability
async def make(inp: Num) -> Made:
    return {"part": {"name": f"p{inp.value}"}}  # type: ignore[return-value]  # checked once


@pf.capability
async def label_number(inp: Num) -> Label:
    return Label(label=inp.value)


class Worded(BaseModel):
    label: str


@pf.capability
async def label_word(inp: Num) -> Worded:
    return Worded(label=f"n{inp.value}")


@pytest.fixture
async def node() -> Any:
    CHECKS.clear()
    node = pf.Node("outputs")
    node.modules.autoload = False
    async with node.started():
        node.register(make)
        node.register(label_number)
        node.register(label_word)
        yield node


async def test_a_linear_plan_result_is_checked_by_its_steps_alone(node: pf.Node) -> None:
    node.register(pf.composition("build", pf.pipeline(pf.step("make"))))
    assert await node.call("build", {"value": 3}) == {"part": {"name": "p3"}}
    assert CHECKS == ["p3"]  # by the step's contract; the composition's did not redo it


async def test_a_conditional_result_is_checked_against_the_contract(node: pf.Node) -> None:
    # The arms write "label" as an int and as a string; the contract types it as the first.
    plan = pf.conditional(
        pf.when("value > 0", pf.step("label_number")), otherwise=pf.step("label_word")
    )
    node.register(pf.composition("label", plan))
    assert await node.call("label", {"value": 2}) == {"label": 2}
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("label", {"value": -1})
    assert info.value.type == "output_contract"


async def test_a_step_re_registered_with_another_type_is_checked(node: pf.Node) -> None:
    node.register(pf.composition("numbered", pf.pipeline(pf.step("label_number"))))
    assert await node.call("numbered", {"value": 2}) == {"label": 2}
    node.unregister("label_number")
    node.register(pf.capability(name="label_number")(label_word.fn))
    with pytest.raises(errors.ContractViolationError) as info:
        await node.call("numbered", {"value": 2})
    assert info.value.type == "output_contract"


async def test_an_untyped_step_result_is_dumped_by_the_contract(node: pf.Node) -> None:
    @pf.capability(provides=("part",))
    async def make_untyped(inp: Num) -> dict[str, Any]:
        return {"part": Part(name=f"u{inp.value}")}  # a model, as the step returned it

    node.register(make_untyped)
    node.register(pf.composition("untyped", pf.pipeline(pf.step("make_untyped"))))
    assert await node.call("untyped", {"value": 1}) == {"part": {"name": "u1"}}
