"""The capabilities the module contributes (SPEC 5.5): ``nl_planning.plan``, ``.explain``,
``.run`` and ``.feedback``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

import packetflow as pf

from .service import Planning

__all__ = [
    "RUN",
    "ExplainOut",
    "FeedbackIn",
    "FeedbackOut",
    "PlanIn",
    "PlanOut",
    "RunIn",
    "capabilities",
]

RUN = "nl_planning.run"


class PlanIn(BaseModel):
    """What to plan. ``today`` anchors relative dates (default: the node's date)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the request in plain language")
    today: str | None = Field(default=None, description="YYYY-MM-DD, or null for today")
    max_steps: int = Field(default=5, description="at most this many steps")


class Step(BaseModel):
    capability: str
    params: dict[str, Any]


class PlanOut(BaseModel):
    """A validated plan: its steps, the plan JSON, a confidence in [0, 1] and why."""

    steps: list[Step]
    plan: dict[str, Any]
    confidence: float
    explanation: str


class ExplainOut(PlanOut):
    """The plan plus, per step, every candidate's scores and the words that filled each field."""

    candidates: list[list[dict[str, Any]]]
    filled: list[dict[str, str]]


class RunIn(BaseModel):
    """Plan ``text`` and run it, or run the ``steps`` and ``plan`` ``nl_planning.plan``
    returned."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    today: str | None = None
    max_steps: int = 5
    inputs: dict[str, Any] = Field(default_factory=dict, description="values by field name")
    steps: list[dict[str, Any]] | None = None
    plan: dict[str, Any] | None = Field(default=None, description="the plan JSON, with steps")


class FeedbackIn(BaseModel):
    """Whether ``capability`` is what ``text`` means."""

    model_config = ConfigDict(extra="forbid")

    text: str
    capability: str
    correct: bool


class FeedbackOut(BaseModel):
    phrase: str
    capability: str
    score: float


def capabilities(planning: Planning) -> list[pf.Capability]:
    """The module's capabilities, bound to ``planning``."""

    @pf.capability(
        name="nl_planning.plan",
        intent="Turn a natural-language request into a validated plan over the capabilities",
        tags=["nl_planning", "planning"],
    )
    async def plan(inp: PlanIn) -> PlanOut:
        outcome = await planning.plan(inp.text, inp.today, inp.max_steps)
        return PlanOut.model_validate(outcome.to_dict())

    @pf.capability(
        name="nl_planning.explain",
        intent="Explain how a request is planned: candidates, scores and filled parameters",
        tags=["nl_planning", "planning"],
    )
    async def explain(inp: PlanIn) -> ExplainOut:
        return ExplainOut.model_validate(await planning.explain(inp.text, inp.today, inp.max_steps))

    @pf.capability(
        name=RUN,
        intent="Plan a natural-language request and run it; the result is the last step's",
        tags=["nl_planning", "planning"],
        provides=(),
    )
    async def run(inp: RunIn, ctx: pf.Context) -> dict[str, Any]:
        if inp.text is None and inp.steps is None:
            raise pf.errors.MalformedError(
                "nl_planning.run: give 'text' (a request) or 'steps' (from nl_planning.plan)"
            )
        return await planning.run(inp.model_dump(), ctx)

    @pf.capability(
        name="nl_planning.feedback",
        intent="Tell the planner whether a capability is what a phrasing means",
        tags=["nl_planning", "planning"],
    )
    async def feedback(inp: FeedbackIn) -> FeedbackOut:
        return FeedbackOut.model_validate(
            await planning.feedback(inp.text, inp.capability, inp.correct)
        )

    return [plan, explain, run, feedback]
