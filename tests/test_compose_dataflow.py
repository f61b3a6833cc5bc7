"""The dataflow the validator records for optimizers (``node.validate(plan, dataflow=True)``):
the keys each node's subtree may read and write, beyond the keys it definitely writes."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

import packetflow as pf


class AIn(BaseModel):
    a: int
    hint: str = ""  # optional: read when present on the blackboard


class BOut(BaseModel):
    b: int


class COut(BaseModel):
    c: int


@pf.capability
async def make_b(inp: AIn) -> BOut:
    return BOut(b=inp.a)


@pf.capability
async def make_c(b: int) -> COut:
    return COut(c=b)


@pf.capability(requires=(), provides=("x",))
async def untyped(payload: dict[str, Any]) -> dict[str, Any]:
    return {"x": 1}


@pytest.fixture
async def dnode(node: pf.Node) -> pf.Node:
    node.register(make_b, make_c, untyped)
    return node


async def test_each_node_records_what_its_subtree_may_read_and_write(dnode: pf.Node) -> None:
    plan = pf.pipeline(
        pf.step("make_b"),
        pf.conditional(pf.when("b > 1", pf.step("make_c"))),  # no otherwise: c is not definite
        pf.step("make_c", from_=["a->b"], to=["c->d"]),
    )
    flow = dnode.validate(plan, dataflow=True).dataflow
    assert flow["pipeline[0].step"] == pf.NodeIO(
        frozenset({"a", "hint"}), frozenset({"b"}), frozenset({"make_b"})
    )
    conditional = flow["pipeline[1].conditional"]
    assert conditional.reads == {"b"} and conditional.writes == {"c"}  # the arm's write counts
    assert flow["pipeline[2].step"].reads == {"a"}
    assert flow["pipeline[2].step"].writes == {"d"}
    root = flow["pipeline"]
    assert root.writes == {"b", "c", "d"}
    assert root.capabilities == {"make_b", "make_c"}
    assert not root.reads_any and not root.writes_any


async def test_opaque_nodes_read_or_write_anything(dnode: pf.Node) -> None:
    plan = pf.pipeline(
        pf.step("untyped"),
        pf.conditional(pf.when(lambda bb: True, pf.step("make_c", from_=["x->b"]))),
        pf.loop(over="items", body=pf.step("make_b", from_=["item->a"])),
    )
    flow = dnode.validate(plan, dataflow=True).dataflow
    assert flow["pipeline[0].step"].reads_any  # an untyped step naming no keys sees everything
    assert flow["pipeline[0].step"].writes_any  # and may return keys beyond its provides
    assert flow["pipeline[1].conditional"].reads_any  # a Python condition is opaque
    loop = flow["pipeline[2].loop"]
    # what the body writes stays on the blackboard after the loop
    assert {"b", "processed_count", "errors_count"} <= loop.writes
    assert "item" not in loop.writes  # the loop variable is restored afterwards


async def test_dataflow_is_only_recorded_when_asked(dnode: pf.Node) -> None:
    assert dnode.validate(pf.step("make_b")).dataflow == {}


async def test_a_registered_composition_is_readable_by_name(dnode: pf.Node) -> None:
    plan = pf.pipeline(pf.step("make_b"), pf.step("make_c"))
    dnode.register(pf.composition("both", plan))
    assert dnode.composition("both").plan is plan
    with pytest.raises(pf.errors.NotFoundError, match="composition 'make_b' is not registered"):
        dnode.composition("make_b")
