"""The checks every held-out set passes (each set's ``test_heldout*_is_well_formed.py``): a case
has the documented shape, each expected step is a valid call whose wiring names real outputs,
dates point the way the request does, the mix and its halves meet their floors, and the scorer
plans and scores a few cases end to end. Each set's test module keeps its own floors.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import ValidationError, create_model

import packetflow as pf

Step = tuple[str, int, dict[str, Any]]


@dataclass
class HeldOutSet:
    """One set: its cases, its capabilities by name, and which of their dates look ahead
    (scheduling), look back (what happened) or make a range."""

    cases: list[dict[str, Any]]
    caps: dict[str, pf.Capability]
    future_dates: Mapping[str, Sequence[str]] = field(default_factory=dict)
    past_dates: Mapping[str, Sequence[str]] = field(default_factory=dict)
    ranges: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    def steps(self) -> list[Step]:
        """Every expected step: (case id, its index in the case, the step)."""
        return [
            (case["id"], i, step)
            for case in self.cases
            if case["kind"] != "refuse"
            for i, step in enumerate(case["expect"])
        ]

    def case(self, case_id: str) -> dict[str, Any]:
        return next(c for c in self.cases if c["id"] == case_id)

    def check_registry(
        self,
        registry: ModuleType,
        min_caps: int,
        min_domains: int,
        with_examples: tuple[int, int] = (0, 0),
    ) -> None:
        """The registry is declared as an ordinary author would: intents and tags, ``async``
        handlers with typed models, no ``keywords`` and ``examples`` on as many capabilities as
        ``with_examples`` allows (least, most; none by default: retrieval has no help); its
        domains cover it."""
        assert len(self.caps) == len(registry.CAPABILITIES) >= min_caps
        domains = registry.DOMAINS
        assert len(domains) >= min_domains
        assert sorted(n for names in domains.values() for n in names) == sorted(self.caps)
        examples = [cap.name for cap in registry.CAPABILITIES if cap.examples]
        assert with_examples[0] <= len(examples) <= with_examples[1], examples
        for cap in registry.CAPABILITIES:
            assert cap.intent and cap.tags, cap.name
            assert not cap.keywords, cap.name
            assert inspect.iscoroutinefunction(cap.fn), cap.name
            assert cap.contract.input_model is not None, cap.name
            assert cap.contract.output_model is not None, cap.name

    def check_shapes(self) -> None:
        """Every case has the documented keys, kind and number of steps."""
        ids = [case["id"] for case in self.cases]
        assert len(ids) == len(set(ids))
        for case in self.cases:
            assert set(case) == {"id", "text", "today", "expect", "kind", "tags"}, case["id"]
            assert case["text"].strip() and isinstance(case["tags"], list), case["id"]
            dt.date.fromisoformat(case["today"])
            if case["kind"] == "refuse":
                assert case["expect"] == "refuse", case["id"]
                assert {"near_miss", "off_domain"} & set(case["tags"]), case["id"]
                continue
            size = len(case["expect"])
            assert (size == 1) if case["kind"] == "single" else (2 <= size <= 5), case["id"]
            for step in case["expect"]:
                assert set(step) <= {"capability", "params", "wired"}, case["id"]

    def check_step(self, case_id: str, index: int, step: dict[str, Any]) -> None:
        """``step`` calls a capability of the set with params its fields accept, gives every
        required field, and wires only outputs of earlier steps."""
        assert step["capability"] in self.caps, f"{case_id}: unknown {step['capability']!r}"
        cap = self.caps[step["capability"]]
        model = cap.contract.input_model
        assert model is not None
        fields = model.model_fields
        wired = step.get("wired", {})
        for name, value in step["params"].items():
            assert name in fields, f"{case_id}: {cap.name} has no field {name!r}"
            info = fields[name]
            probe = create_model("Probe", value=(info.annotation, info))
            try:
                probe.model_validate({"value": value})
            except ValidationError as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{case_id} step {index}: {name}={value!r} invalid: {exc}")
        required = {n for n, info in fields.items() if info.is_required()}
        assert required <= set(step["params"]) | set(wired), f"{case_id}: missing {required}"
        for name, (source, output) in wired.items():
            assert name in fields and name not in step["params"], case_id
            assert 0 <= source < index, case_id
            producer_name = self.case(case_id)["expect"][source]["capability"]
            producer = self.caps[producer_name].contract.output_model
            assert producer is not None and output in producer.model_fields, case_id

    def check_dates(self) -> None:
        """Scheduling dates are not before the case's today, reported ones not after it, and
        a range does not end before it starts."""
        for case_id, _, step in self.steps():
            today = dt.date.fromisoformat(self.case(case_id)["today"])
            params, name = step["params"], step["capability"]
            for field_name in self.future_dates.get(name, []):
                if field_name in params:
                    assert dt.date.fromisoformat(params[field_name]) >= today, case_id
            for field_name in self.past_dates.get(name, []):
                if field_name in params:
                    assert dt.date.fromisoformat(params[field_name]) <= today, case_id
            if name in self.ranges:
                start, end = self.ranges[name]
                if start in params and end in params:
                    assert params[start] <= params[end], case_id
                    if name not in self.future_dates:
                        assert dt.date.fromisoformat(params[start]) <= today, case_id

    def check_mix(self, connectives: Sequence[str], min_references: int) -> None:
        """Half the refusals at least are near misses, 8-15 % of the cases have typos, each
        connective joins the steps of a multi-step case, enough cases refer back, and every
        capability is asked for."""
        kinds = Counter(case["kind"] for case in self.cases)
        near = sum("near_miss" in case["tags"] for case in self.cases)
        assert near * 2 >= kinds["refuse"]
        typos = sum("typo" in case["tags"] for case in self.cases)
        assert 0.08 <= typos / len(self.cases) <= 0.15
        texts = [case["text"].lower() for case in self.cases if case["kind"] == "multi"]
        for connective in connectives:
            assert any(connective in text for text in texts), connective
        assert sum("reference" in case["tags"] for case in self.cases) >= min_references
        assert {s["capability"] for _, _, s in self.steps()} == set(self.caps)

    def check_wiring(self, min_wired: int, min_chains: int, min_three_steps: int) -> None:
        """Enough cases tagged ``wired`` (each with a wired step), distinct chains (source
        capability, output, consumer) and multi-step cases of three steps."""
        wired = [case for case in self.cases if "wired" in case["tags"]]
        assert len(wired) >= min_wired
        assert all(any("wired" in s for s in case["expect"]) for case in wired)
        chains = {
            (case["expect"][source]["capability"], output, step["capability"])
            for case in self.cases
            if case["kind"] == "multi"
            for step in case["expect"]
            for (source, output) in (step.get("wired") or {}).values()
        }
        assert len(chains) >= min_chains
        multi = [case for case in self.cases if case["kind"] == "multi"]
        assert sum(len(case["expect"]) == 3 for case in multi) >= min_three_steps

    def check_halves(self, in_half: Callable[[str, str], bool]) -> None:
        """The odd half (tuning) and the even half (test) hold the same mix: their sizes and
        kinds within one case, the tags that make a request hard within three."""
        halves = {
            half: [case for case in self.cases if in_half(case["id"], half)]
            for half in ("odd", "even")
        }
        for chosen in halves.values():
            assert abs(len(chosen) - len(self.cases) / 2) <= 1
        for kind in ("single", "multi", "refuse"):
            odd, even = (sum(c["kind"] == kind for c in halves[h]) for h in ("odd", "even"))
            assert odd and even and abs(odd - even) <= 1, kind
        for tag in ("near_miss", "off_domain", "typo", "wired"):
            odd, even = (sum(tag in c["tags"] for c in halves[h]) for h in ("odd", "even"))
            assert odd and even and abs(odd - even) <= 3, tag

    async def check_scorer(self, score: ModuleType, data_dir: Path, set_dir: Path) -> None:
        """``score.run`` plans two single, two multi-step and one refused case of the set and
        reports each of them."""
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for case in self.cases:
            by_kind.setdefault(case["kind"], []).append(case)
        chosen = by_kind["single"][:2] + by_kind["multi"][:2] + by_kind["refuse"][:1]
        report = await score.run(chosen, data_dir, set_dir)
        assert [o.case["id"] for o in report.outcomes] == [c["id"] for c in chosen]
        for outcome in report.outcomes:
            assert (outcome.steps is None) == (outcome.error is not None)
            assert outcome.ms > 0
        measures = report.measures
        assert measures["single"].total == 2 and measures["multi"].total == 2
        assert measures["refusals"].total == 1 and measures["near_miss"].total == 1
        assert measures["params"].total == 2 + sum(len(c["expect"]) for c in chosen[2:4])
        assert all(m.passed + len(m.failures) == m.total for m in measures.values())
        text = report.text()
        assert "single-step top-1 capability" in text and "p50" in text
        assert (data_dir / "nl_planning").is_dir()  # the planner's store lives in the data dir
