"""What validating one step against one capability finds, whatever the scope around it.

The keys a step reads (with the types it expects), the problems of its ``from``/``to``
mappings, the bindings it writes and its dataflow depend only on the step node and the
capability, not on the rest of the plan. They are computed once per (step, capability) and
kept: a plan is often validated again with the same step nodes (an optimizer checks the plan
and then its rewrite, which reuses the steps; a composition checks a module's plan per
registry generation), and this is most of what validating a step costs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._capabilities.capability import Capability
from .analysis import OPEN, Binding
from .plan import Step, split_rename

__all__ = ["MAX_STEP_FACTS", "StepFacts", "step_facts"]

MAX_STEP_FACTS = 4096
"""(step, capability) pairs kept; the table is emptied when full (then refills as used)."""

Check = tuple[bool, Any, Any]
"""``(True, key, expected type)``: the step reads ``key`` (judged against the scope);
``(False, problem, message)``: an issue whatever the scope."""


@dataclass(frozen=True, slots=True)
class StepFacts:
    """The scope-independent part of validating ``node`` against ``cap``.

    Attributes:
        node: the step (held, so that its ``id`` is not reused while the entry lives).
        cap: the capability it was checked against (``None``: not registered).
        reader: how issues name the step (``step 'score_risk'``).
        checks: reads and issues, in the order validation reports them.
        writes: the keys it definitely writes (empty when ``cap`` is ``None``). Shared
            between walks: never mutate.
        reads: the keys it may read (dataflow).
        may_write: the keys it may write (dataflow).
        capabilities: ``{node.cap}`` (dataflow).
    """

    node: Step
    cap: Capability | None
    reader: str
    checks: tuple[Check, ...]
    writes: dict[str, Binding]
    reads: frozenset[str]
    may_write: frozenset[str]
    capabilities: frozenset[str]


_FACTS: dict[int, StepFacts] = {}


def step_facts(node: Step, cap: Capability | None) -> StepFacts:
    """The facts of ``node`` checked against ``cap`` (computed once, then kept)."""
    found = _FACTS.get(id(node))
    if found is not None and found.node is node and found.cap is cap:
        return found
    made = _find(node, cap)
    if len(_FACTS) >= MAX_STEP_FACTS:
        _FACTS.clear()
    _FACTS[id(node)] = made
    return made


def _find(node: Step, cap: Capability | None) -> StepFacts:
    reader = f"step {node.cap!r}"
    checks: list[Check] = []
    # What the runner may read beyond the keys checked: optional input fields (it passes every
    # input field present on the blackboard), or the whole blackboard for an untyped step.
    reads: set[str] = set()
    may_write: set[str] = set()
    if node.from_ is not None:
        reads.update(split_rename(entry)[0] for entry in node.from_)
    elif cap is not None and cap.contract.input_model is not None:
        reads.update(cap.contract.input_types())
    elif cap is not None and cap.contract.requires:
        reads.update(cap.contract.requires)
    else:
        reads.add(OPEN)
    if node.to is None:
        model = cap.contract.output_model if cap is not None else None
        if model is None or model.model_config.get("extra") == "allow":
            may_write.add(OPEN)  # the result's keys land on the blackboard, declared or not
    if cap is None:
        checks.append((False, "unknown_capability", f"capability {node.cap!r} is not registered"))
        # The walker binds these to Any with the step's path as origin (it varies per plan).
        may_write.update(split_rename(e)[1] for e in node.to or ())
        return _facts(node, cap, reader, checks, {}, reads, may_write)
    contract = cap.contract
    in_types = contract.input_types()
    if node.from_ is None:
        checks.extend((True, key, in_types.get(key, Any)) for key in contract.requires)
    else:
        mapped = set()
        for entry in node.from_:
            src, dest = split_rename(entry)
            mapped.add(dest)
            if contract.input_model is not None and dest not in in_types:
                checks.append((False, "unknown_field", f"{reader} has no input field {dest!r}"))
                continue
            checks.append((True, src, in_types.get(dest, Any)))
        checks.extend(
            (False, "missing_key", f"{reader} requires {key!r}, which its 'from' list does not map")
            for key in contract.requires
            if key not in mapped
        )
    reads.update(key for is_read, key, _ in checks if is_read)
    out_types = contract.output_types()
    writes: dict[str, Binding]
    if node.to is None:
        writes = {key: Binding(tp, reader) for key, tp in out_types.items()}
        if contract.output_model is None and not contract.provides:
            writes[OPEN] = Binding(Any, reader)
    else:
        writes = {}
        typed_out = contract.output_model is not None or bool(contract.provides)
        for entry in node.to:
            src, dest = split_rename(entry)
            if typed_out and src not in out_types:
                checks.append((False, "unknown_field", f"{reader} has no output field {src!r}"))
            writes[dest] = Binding(out_types.get(src, Any), reader)
    return _facts(node, cap, reader, checks, writes, reads, may_write)


def _facts(
    node: Step,
    cap: Capability | None,
    reader: str,
    checks: list[Check],
    writes: dict[str, Binding],
    reads: set[str],
    may_write: set[str],
) -> StepFacts:
    may_write.update(writes)
    return StepFacts(
        node,
        cap,
        reader,
        tuple(checks),
        writes,
        frozenset(reads),
        frozenset(may_write),
        frozenset((node.cap,)),
    )
