"""Explanations: one line per step for ``nl_planning.plan``, and for ``nl_planning.explain`` the
scores of every candidate considered and which words filled which parameter."""

from __future__ import annotations

from typing import Any

from .planner import PlanDraft, StepDraft

__all__ = ["candidates_view", "explanation", "fills_view"]


def _step_line(k: int, step: StepDraft) -> str:
    chosen = step.chosen
    verbs = "/".join(step.action.verbs) if step.action.explicit else "a question"
    parts = [f"{k}. {step.clause!r} -> {chosen.name} ({chosen.reason}; asked with {verbs})"]
    filled = [
        f"{name}={step.step.params[name]!r} from {words!r}"
        for name, words in step.filled.sources.items()
        if name in step.step.params
    ]
    if filled:
        parts.append("   " + "; ".join(filled))
    for name, key in step.step.wired.items():
        parts.append(f"   {name} <- {key} (an earlier step's output)")
    return "\n".join(parts)


def explanation(draft: PlanDraft) -> str:
    """Why each step was chosen and what filled it, as text."""
    return "\n".join(_step_line(k, s) for k, s in enumerate(draft.steps, start=1))


def candidates_view(draft: PlanDraft) -> list[list[dict[str, Any]]]:
    """Per step, the candidates considered (best first) with their signals."""
    return [[c.to_dict() for c in step.candidates] for step in draft.steps]


def fills_view(draft: PlanDraft) -> list[dict[str, str]]:
    """Per step, parameter -> the words of the request that gave it."""
    out = []
    for step in draft.steps:
        view = dict(step.filled.sources.items())
        view.update({name: f"<- {key}" for name, key in step.step.wired.items()})
        out.append(view)
    return out
