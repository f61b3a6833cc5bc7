"""What validating a plan finds: the bindings in scope, the issues, each node's dataflow and
the analysis of the whole plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["OPEN", "Binding", "Issue", "NodeIO", "PlanAnalysis"]

# A scope entry meaning "an earlier step returns keys nobody declared": reads of unknown keys
# after it cannot be judged statically, so they are neither errors nor request inputs.
OPEN = "*"


@dataclass(frozen=True, slots=True)
class Binding:
    """What is known about a blackboard key: its static type and who wrote it."""

    type: Any
    origin: str


@dataclass(frozen=True, slots=True)
class Issue:
    """One validation problem."""

    path: str
    problem: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "problem": self.problem, "message": self.message}


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, one per node
class NodeIO:
    """What one plan node may do to the blackboard, over its whole subtree.

    Unlike :attr:`PlanAnalysis.outputs` (keys *definitely* written), these are every key the
    node *may* read or write: all arms of a conditional, a retry's fallback, what a loop body
    leaves behind, a step's optional input fields. ``"*"`` (:data:`OPEN`) in ``reads`` means
    the node may read any key (a step that takes the whole blackboard, a Python condition); in
    ``writes``, that it may write keys no contract names (an untyped result).

    Attributes:
        reads: blackboard keys the node may read.
        writes: blackboard keys the node may write.
        capabilities: the capabilities its steps call.
    """

    reads: frozenset[str]
    writes: frozenset[str]
    capabilities: frozenset[str]

    @property
    def reads_any(self) -> bool:
        """Whether the node may read keys no analysis can name."""
        return OPEN in self.reads

    @property
    def writes_any(self) -> bool:
        """Whether the node may write keys no contract names."""
        return OPEN in self.writes


@dataclass
class PlanAnalysis:
    """The result of walking a plan.

    Attributes:
        issues: every problem found (empty when the plan is valid).
        inputs: keys read from the request, with the type their first consumer expects.
        outputs: keys the plan definitely writes, with their producers' types.
        steps: the number of step nodes (the ``total_steps`` a running composition reports).
        dataflow: node path -> :class:`NodeIO`, for every node (only when asked for with
            ``dataflow=True``).
    """

    issues: list[Issue] = field(default_factory=list)
    inputs: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Binding] = field(default_factory=dict)
    steps: int = 0
    dataflow: dict[str, NodeIO] = field(default_factory=dict)
