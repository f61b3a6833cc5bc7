"""Plans as PacketFlow compositions: the steps a planner chose become a ``pipeline`` of
``step`` nodes over one blackboard, checked by the L3 validator, and run by the node.

Key convention (what ``metadata.plan`` shows): step *k* (from 1) reads its literal parameters
from the request inputs ``s<k>.<field>`` and writes its outputs as ``s<k>.<output>``; a value
only an earlier step's output can supply is wired from that key (``"s1.order_id->order_id"``).
The literals are the ``params`` of each step, so ``steps`` and ``plan`` together are enough
to run the plan again: ``node.run(load_plan(plan), inputs_of(steps))``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import packetflow as pf

__all__ = ["PlannedStep", "build_plan", "inputs_of", "result_of", "run_plan", "steps_of"]


@dataclass
class PlannedStep:
    """One step of a plan: the capability, its literal parameters and its wired inputs."""

    capability: str
    params: dict[str, Any] = field(default_factory=dict)
    wired: dict[str, str] = field(default_factory=dict)
    """input field -> blackboard key of an earlier step's output (``s1.order_id``)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"capability": self.capability, "params": dict(self.params)}
        if self.wired:
            out["from"] = dict(self.wired)
        return out


def _outputs(node: pf.Node, name: str) -> list[str]:
    cap = node.registry.lookup(name)
    if cap is None:
        return []
    return list(cap.contract.output_types())


def build_plan(node: pf.Node, steps: Sequence[PlannedStep]) -> pf.PlanNode:
    """The pipeline for ``steps`` (see the module docstring for the key convention)."""
    nodes = []
    for k, step in enumerate(steps, start=1):
        sources = [f"s{k}.{name}->{name}" for name in step.params]
        sources += [f"{key}->{name}" for name, key in step.wired.items()]
        outputs = _outputs(node, step.capability)
        nodes.append(
            pf.step(
                step.capability,
                from_=sources,
                to=[f"{out}->s{k}.{out}" for out in outputs] if outputs else None,
            )
        )
    return pf.pipeline(*nodes)


def inputs_of(steps: Sequence[PlannedStep]) -> dict[str, Any]:
    """The blackboard a plan starts from: each step's literal parameters under ``s<k>.``."""
    return {
        f"s{k}.{name}": value
        for k, s in enumerate(steps, start=1)
        for name, value in s.params.items()
    }


def steps_of(data: Sequence[Mapping[str, Any]]) -> list[PlannedStep]:
    """Steps from their JSON form (``[{capability, params, from?}]``).

    Raises:
        MalformedError: E400 when an entry is not of that shape.
    """
    out = []
    for i, entry in enumerate(data):
        cap, params, wired = entry.get("capability"), entry.get("params", {}), entry.get("from", {})
        if (
            not isinstance(cap, str)
            or not isinstance(params, Mapping)
            or not isinstance(wired, Mapping)
        ):
            raise pf.errors.MalformedError(
                f"steps[{i}] {dict(entry)!r}: expected {{'capability': str, 'params': {{...}}}}; "
                "pass the steps nl_planning.plan returned"
            )
        out.append(PlannedStep(cap, dict(params), {str(k): str(v) for k, v in wired.items()}))
    return out


def result_of(
    board: Mapping[str, Any], steps: Sequence[PlannedStep], node: pf.Node, final: int | None = None
) -> dict[str, Any]:
    """The outputs of the final step (the last, or step ``final`` counted from 1)."""
    k = final or len(steps)
    outputs = _outputs(node, steps[k - 1].capability)
    if outputs:
        prefix = f"s{k}."
        return {
            key[len(prefix) :]: value
            for key, value in board.items()
            if key.startswith(prefix) and key[len(prefix) :] in outputs
        }
    inputs = set(inputs_of(steps))
    return {
        key: value
        for key, value in board.items()
        if key not in inputs and not (key[:1] == "s" and "." in key)
    }


async def run_plan(
    node: pf.Node,
    plan: pf.PlanNode,
    steps: Sequence[PlannedStep],
    *,
    context: pf.Context | None = None,
) -> dict[str, Any]:
    """Run ``plan`` (validated again by ``node.run``) on the literals of ``steps``; returns the
    final step's outputs.

    Raises:
        PlanValidationError: E422 (the plan does not fit the registry).
        PacketFlowError: whatever a step raised.
    """
    board = await node.run(plan, inputs_of(steps), context=context, name="nl_planning.run")
    return result_of(board, steps, node)
