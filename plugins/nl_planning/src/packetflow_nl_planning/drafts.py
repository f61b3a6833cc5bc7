"""Plans in the making: the steps chosen for a request, with how each was chosen."""

from __future__ import annotations

from dataclasses import dataclass, field

from .actions import Action
from .candidates import Candidate
from .plans import PlannedStep
from .slots import Filled

__all__ = ["PlanDraft", "StepDraft"]


@dataclass
class StepDraft:
    """One planned step with how it was chosen."""

    step: PlannedStep
    clause: str
    action: Action
    candidates: list[Candidate]
    filled: Filled
    key: str = ""
    """The phrasing (content lemmas) evidence is recorded under."""
    earlier: bool = False
    """Its clause runs before the request told ahead of it ("..., but first ...")."""

    @property
    def chosen(self) -> Candidate:
        return self.candidates[0]


@dataclass
class PlanDraft:
    """A plan before validation: its steps and confidence."""

    text: str
    steps: list[StepDraft] = field(default_factory=list)

    def run_order(self) -> None:
        """Put the steps of a clause told as coming first ("pay the bill, but first check my
        balance") ahead of the steps of the clause before it (steps of one clause stay
        together: "..., but first approve A and B")."""
        groups: list[list[StepDraft]] = []
        for step in self.steps:
            if groups and groups[-1][0].clause == step.clause:
                groups[-1].append(step)
            else:
                groups.append([step])
        ordered: list[list[StepDraft]] = []
        at: int | None = None  # where the clauses told as coming first go, in their order
        for group in groups:
            if group[0].earlier and ordered:
                at = len(ordered) - 1 if at is None else at
                ordered.insert(at, group)
                at += 1
            else:
                ordered.append(group)
                at = None
        self.steps = [step for group in ordered for step in group]

    @property
    def planned(self) -> list[PlannedStep]:
        return [s.step for s in self.steps]

    @property
    def confidence(self) -> float:
        if not self.steps:
            return 0.0
        values = []
        for s in self.steps:
            best = s.candidates[0].score
            runner = next((c.score for c in s.candidates[1:] if c.action_ok and c.relevant), 0.0)
            margin = max(0.0, best - runner)
            values.append(
                min(1.0, 0.5 * min(best, 1.0) + margin + (0.2 if not s.filled.missing else 0.0))
            )
        return round(min(values), 3)
