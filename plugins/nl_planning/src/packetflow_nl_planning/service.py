"""Planning as a service of the module: checks the input, asks the plan cache, the configured
provider (then the offline planner as fallback), validates every plan with the node's L3
validator, runs plans and records feedback. The capabilities and the CLI call this; the hook
class only decides.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import trio

import packetflow as pf

from .cache import PlanCache, normalize_key
from .config import NlPlanningConfig
from .evidence import STRONG, Evidence
from .explain import candidates_view, explanation, fills_view
from .index import Index, is_internal
from .planner import PlanDraft, Planner
from .plans import PlannedStep, build_plan, inputs_of, run_plan, steps_of
from .providers.base import Planner as Provider
from .providers.base import ProviderError, steps_from_calls, tools_for
from .text import words

__all__ = ["Outcome", "Planning"]

log = logging.getLogger("packetflow.nl_planning")

_TOOLS = 16  # capabilities offered to an LLM provider: the offline index's best for the text


@dataclass
class Outcome:
    """A validated plan."""

    steps: list[PlannedStep]
    plan: pf.PlanNode
    confidence: float
    explanation: str
    source: str
    keys: list[str] = field(default_factory=list)
    draft: PlanDraft | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``nl_planning.plan`` output."""
        return {
            "steps": [{"capability": s.capability, "params": dict(s.params)} for s in self.steps],
            "plan": json.loads(pf.dump_plan(self.plan, indent=None)),
            "confidence": self.confidence,
            "explanation": self.explanation,
        }


class Planning:
    """Everything planning needs, for one node."""

    def __init__(
        self,
        node: pf.Node,
        config: NlPlanningConfig,
        index: Index,
        evidence: Evidence,
        provider: Provider | None = None,
    ) -> None:
        self.node = node
        self.config = config
        self.index = index
        self.evidence = evidence
        self.provider = provider
        self.offline = Planner(index, evidence, country_code=config.country_code)
        self.cache = PlanCache(config.cache_size)
        self.ready = trio.Event()
        """Set once the embedding model is loaded (or known to be off)."""

    # -- input ----------------------------------------------------------------------------------

    def check(self, text: Any, today: Any, max_steps: Any) -> tuple[str, date, int]:
        """The request's text, date and step limit, or the typed error.

        Raises:
            MalformedError: E400 for empty text; TooLargeError: E413 above ``max_text``;
            ContractViolationError: E422 for a bad ``today`` or ``max_steps``.
        """
        if not isinstance(text, str) or not text.strip():
            raise pf.errors.MalformedError(
                f"nl_planning: text {text!r} is empty; say what to do, e.g. 'refund order 12'"
            )
        if len(text) > self.config.max_text:
            raise pf.errors.TooLargeError(
                f"nl_planning: text of {len(text)} characters is over the limit of "
                f"{self.config.max_text}; shorten it or raise [[modules]].config.max_text",
                details={"length": len(text), "max_text": self.config.max_text},
            )
        day: date | None = date.today() if today is None else None
        if today is not None:
            try:
                day = date.fromisoformat(today) if isinstance(today, str) else None
            except ValueError:
                day = None
            if day is None:
                raise pf.errors.ContractViolationError(
                    f"nl_planning: today {today!r} is not a date; give YYYY-MM-DD or null",
                    details=[{"field": "today", "message": "expected YYYY-MM-DD", "type": "date"}],
                )
        limit = self.config.max_steps_limit
        if (
            not isinstance(max_steps, int)
            or isinstance(max_steps, bool)
            or not 1 <= max_steps <= limit
        ):
            raise pf.errors.ContractViolationError(
                f"nl_planning: max_steps {max_steps!r} is out of range; use 1..{limit}",
                details=[
                    {"field": "max_steps", "message": f"expected 1..{limit}", "type": "range"}
                ],
            )
        assert day is not None
        return text, day, max_steps

    # -- planning -------------------------------------------------------------------------------

    async def plan(
        self,
        text: Any,
        today: Any = None,
        max_steps: Any = 5,
        *,
        inputs: dict[str, Any] | None = None,
    ) -> Outcome:
        """A validated plan for ``text`` (cached).

        Raises:
            PacketFlowError: E400/E413/E422 for bad input, E404 when nothing fits, E422 when
                the text leaves out a required value.
        """
        text, day, steps = self.check(text, today, max_steps)
        if not self.ready.is_set():
            await self.ready.wait()
        allowed = self._allowed()
        key = (
            normalize_key(text), day, steps, self.index.version, self.evidence.version,
            None if allowed is None else frozenset(allowed),
            json.dumps(inputs, sort_keys=True, default=str) if inputs else "",
        )  # fmt: skip
        cached = self.cache.get(key)
        if isinstance(cached, pf.errors.PacketFlowError):
            raise cached
        if cached is not None:
            assert isinstance(cached, Outcome)
            return cached
        try:
            outcome = await self._plan(text, day, steps, inputs or {}, allowed)
        except pf.errors.NotFoundError as exc:
            self.cache.put(key, exc)
            raise
        self.cache.put(key, outcome)
        return outcome

    async def _plan(
        self, text: str, day: date, max_steps: int, inputs: dict[str, Any], allowed: set[str] | None
    ) -> Outcome:
        if self.provider is not None:
            proposed = await self._ask_provider(text, day, max_steps, inputs, allowed)
            if proposed is not None:
                return proposed
        draft = self.offline.plan(text, day, max_steps, inputs=inputs, allowed=allowed)
        planned = draft.planned
        self._complete(text, draft)
        plan = self._validate(planned)
        return Outcome(
            planned, plan, draft.confidence, explanation(draft), "offline",
            [s.key for s in draft.steps], draft,
        )  # fmt: skip

    def _allowed(self) -> set[str] | None:
        """The capabilities the caller's token covers (``None``: in-process, all of them)."""
        principal = pf.current_principal()
        if principal is None or principal.is_admin:
            return None
        return {name for name in self.index.profiles if principal.allows("cap", name)}

    def _complete(self, text: str, draft: PlanDraft) -> None:
        for step in draft.steps:
            if step.filled.missing:
                name = step.step.capability
                missing = step.filled.missing
                raise pf.errors.ContractViolationError(
                    f"request {text[:80]!r}: {name!r} needs {', '.join(map(repr, missing))}, "
                    "which the text does not give; say it in the request or pass it in the payload",
                    details=[
                        {"field": m, "message": "not stated", "type": "missing"} for m in missing
                    ],
                )

    def _validate(self, steps: list[PlannedStep]) -> pf.PlanNode:
        plan = build_plan(self.node, steps)
        self.node.validate(plan, inputs=list(inputs_of(steps)))
        return plan

    async def _ask_provider(
        self, text: str, day: date, max_steps: int, inputs: dict[str, Any], allowed: set[str] | None
    ) -> Outcome | None:
        """The provider's plan, or ``None`` (logged) when the offline planner must answer."""
        assert self.provider is not None

        terms = words(text)
        hits = self.index.search(terms, terms, text, allowed=allowed, limit=_TOOLS)
        tools = tools_for([h.profile for h in hits])
        if not tools:
            return None
        calls: list[tuple[str, Any]] | None = None
        with trio.move_on_after(self.config.planning_timeout):
            try:
                calls = await self.provider.propose(text, day, max_steps, tools)
            except ProviderError as exc:
                log.warning(
                    "nl_planning: provider %s failed (%s); planning offline",
                    self.provider.name,
                    exc,
                )
                return None
        if calls is None:
            log.warning(
                "nl_planning: provider %s took longer than %gs; planning offline",
                self.provider.name, self.config.planning_timeout,
            )  # fmt: skip
            return None
        if not calls or len(calls) > max_steps:
            log.info(
                "nl_planning: provider %s proposed %d calls; planning offline",
                self.provider.name,
                len(calls),
            )
            return None
        try:
            steps = steps_from_calls(calls, tools, self.index.profiles)
            self.offline.wire_steps(steps, [text] * len(steps), inputs)
            plan = self._validate(steps)
        except (ProviderError, pf.errors.PacketFlowError) as exc:
            log.warning(
                "nl_planning: provider %s proposed an invalid plan (%s); planning offline",
                self.provider.name, exc,
            )  # fmt: skip
            return None
        names = " -> ".join(s.capability for s in steps)
        return Outcome(
            steps, plan, 0.9, f"{self.provider.name} planned {names}", self.provider.name
        )

    # -- running --------------------------------------------------------------------------------

    async def run(self, payload: dict[str, Any], ctx: pf.Context) -> dict[str, Any]:
        """``nl_planning.run``: plan ``text`` (or take the given ``steps``) and run it."""
        if payload.get("steps") is not None:
            outcome = self._given(payload["steps"], payload.get("plan"))
        else:
            outcome = await self.plan(
                payload.get("text"), payload.get("today"), payload.get("max_steps", 5),
                inputs=dict(payload.get("inputs") or {}),
            )  # fmt: skip
        result = await run_plan(self.node, outcome.plan, outcome.steps, context=ctx)
        view = outcome.to_dict()
        return {**view, "result": result, "keys": outcome.keys, "planner": outcome.source}

    def _given(self, raw_steps: Any, raw_plan: Any) -> Outcome:
        """The plan ``nl_planning.plan`` returned, checked again (the registry may have
        changed, and a caller may have edited it)."""
        if not isinstance(raw_steps, list):
            raise pf.errors.MalformedError("nl_planning.run: 'steps' must be a list")
        steps = steps_of(raw_steps)
        plan = pf.load_plan(raw_plan) if raw_plan is not None else build_plan(self.node, steps)
        allowed = self._allowed()
        for name in [s.capability for s in steps] + _step_names(plan):
            if is_internal(name) or (allowed is not None and name not in allowed):
                raise pf.errors.ForbiddenError(
                    f"nl_planning.run: capability {name!r} may not run in a plan here; plan it "
                    "with nl_planning.plan under a token that covers it"
                )
        self.node.validate(plan, inputs=list(inputs_of(steps)))
        return Outcome(steps, plan, 1.0, "the given plan", "given")

    # -- learning -------------------------------------------------------------------------------

    def observe(self, keys: Iterable[str], capabilities: Iterable[str], delta: float) -> None:
        """Evidence from an outcome: each phrasing key for its step's capability."""
        for key, name in zip(keys, capabilities, strict=False):
            self.evidence.record(key, name, delta)

    async def feedback(self, text: str, capability: str, correct: bool) -> dict[str, Any]:
        """``nl_planning.feedback``: ``capability`` is (or is not) what ``text`` means."""
        if capability not in self.index.profiles:
            raise pf.errors.NotFoundError(
                f"nl_planning.feedback: capability {capability!r} is not registered (or is "
                "internal); name one nl_planning.plan may choose"
            )
        text, _, _ = self.check(text, None, 1)
        if not self.ready.is_set():
            await self.ready.wait()
        keys = self.offline.keys(text)
        key = keys[0] if len(keys) == 1 else " ".join(keys)
        self.evidence.record(key, capability, STRONG if correct else -STRONG)
        self.cache.clear()
        await trio.to_thread.run_sync(self.evidence.flush)
        return {
            "phrase": key,
            "capability": capability,
            "score": round(self.evidence.boost(key, capability), 4),
        }

    # -- explaining -----------------------------------------------------------------------------

    async def explain(self, text: Any, today: Any = None, max_steps: Any = 5) -> dict[str, Any]:
        """``nl_planning.explain``: the plan, every candidate's scores and the filled words."""
        text, day, steps = self.check(text, today, max_steps)
        if not self.ready.is_set():
            await self.ready.wait()
        draft = self.offline.plan(text, day, steps, allowed=self._allowed())
        self._complete(text, draft)
        plan = self._validate(draft.planned)
        outcome = Outcome(
            draft.planned, plan, draft.confidence, explanation(draft), "offline", [], draft
        )
        return {
            **outcome.to_dict(),
            "candidates": candidates_view(draft),
            "filled": fills_view(draft),
        }


def _step_names(plan: pf.PlanNode) -> list[str]:
    """Every capability a plan calls."""
    data = json.loads(pf.dump_plan(plan, indent=None))
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "step" and isinstance(node.get("cap"), str):
                found.append(node["cap"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found
