"""The second held-out set is well formed, and the shared scorer runs it end to end.

These tests check the set itself (every expected capability exists, every param validates
against its field, the wiring names real outputs, dates point the way the request does, the
floors on its size and mix hold, ``cases.json`` is what ``generate_cases.py`` writes) and that
``../heldout/score.py --set`` plans and scores its cases with the installed planner. They assert
nothing about the planner's figures: those are a measurement for the team.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import ValidationError, create_model

import packetflow as pf

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path) -> ModuleType:
    # By path, under names no other test module uses (each set has its own registry).
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


score = _load("nl_heldout_score", HERE.parent / "heldout" / "score.py")
registry = score.load_registry(HERE)
CASES: list[dict[str, Any]] = score.load_cases(HERE / "cases.json")
CAPS: dict[str, pf.Capability] = {c.name: c for c in registry.CAPABILITIES}

CONNECTIVES = [
    "and then",
    "after that",
    "; also",
    "then",
    "once that's done",
    "followed by",
]
# Capabilities whose dates are in the future (scheduling) or in the past (what happened).
FUTURE_DATES = {
    "find_event": ["date"],
    "plan_journey": ["date"],
    "schedule_laundry_pickup": ["date"],
    "book_tour": ["date"],
    "find_volunteer_opportunity": ["date"],
    "add_volunteer_shift": ["date"],
    "donate_items": ["pickup_date"],
    "book_maintenance_window": ["date"],
    "request_translation": ["deadline"],
    "book_slip": ["arrival_date", "departure_date"],
    "skip_meal_kit_delivery": ["delivery_date"],
    "schedule_bulky_pickup": ["date"],
    "pause_meter_reading": ["until"],
}
PAST_DATES = {
    "submit_meter_reading": ["reading_date"],
    "report_lost_property": ["date_lost"],
    "register_sample": ["collected_on"],
}
RANGES = {
    "get_energy_usage": ("start_date", "end_date"),
    "book_slip": ("arrival_date", "departure_date"),
}


def _steps() -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (case["id"], i, step)
        for case in CASES
        if case["kind"] != "refuse"
        for i, step in enumerate(case["expect"])
    ]


def test_registry_declares_what_an_ordinary_author_would() -> None:
    assert len(CAPS) == len(registry.CAPABILITIES) >= 40
    domains = registry.DOMAINS
    assert len(domains) >= 12
    assert sorted(n for names in domains.values() for n in names) == sorted(CAPS)
    for cap in registry.CAPABILITIES:
        assert cap.intent and cap.tags, cap.name
        assert not cap.examples and not cap.keywords, cap.name  # retrieval has no help
        assert inspect.iscoroutinefunction(cap.fn), cap.name
        assert cap.contract.input_model is not None and cap.contract.output_model is not None


async def test_every_capability_runs_on_a_node(tmp_path: Path) -> None:
    # The trivial bodies return valid outputs: a plan of this registry could really run.
    node = registry.make_node(tmp_path)
    calls = {
        "find_event": {"query": "Coldplay"},
        "create_game_server": {"game": "minecraft"},
        "register_sample": {"project_code": "ONC-204", "sample_type": "blood"},
        "file_311_report": {"category": "pothole", "street_address": "9 Bridge Street"},
    }
    async with node.started():
        for name, params in calls.items():
            result = await node.call(name, params)
            assert set(result) == set(CAPS[name].contract.output_model.model_fields), name


def test_cases_are_what_the_generator_writes() -> None:
    generator = _load("nl_heldout2_generate_cases", HERE / "generate_cases.py")
    written = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(generator.CASES))


def test_cases_have_the_documented_shape() -> None:
    ids = [case["id"] for case in CASES]
    assert ids == [f"g{n:03d}" for n in range(1, len(CASES) + 1)]
    for case in CASES:
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


@pytest.mark.parametrize(("case_id", "index", "step"), _steps(), ids=lambda v: str(v)[:12])
def test_every_expected_step_is_a_valid_call(
    case_id: str, index: int, step: dict[str, Any]
) -> None:
    assert step["capability"] in CAPS, f"{case_id}: unknown {step['capability']!r}"
    cap = CAPS[step["capability"]]
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
        case = next(c for c in CASES if c["id"] == case_id)
        producer = CAPS[case["expect"][source]["capability"]].contract.output_model
        assert producer is not None and output in producer.model_fields, case_id


def test_dates_point_the_way_the_request_does() -> None:
    for case_id, _, step in _steps():
        case = next(c for c in CASES if c["id"] == case_id)
        today = dt.date.fromisoformat(case["today"])
        params = step["params"]
        for name in FUTURE_DATES.get(step["capability"], []):
            if name in params:
                assert dt.date.fromisoformat(params[name]) >= today, (case_id, name)
        for name in PAST_DATES.get(step["capability"], []):
            if name in params:
                assert dt.date.fromisoformat(params[name]) <= today, (case_id, name)
        if step["capability"] in RANGES:
            start, end = RANGES[step["capability"]]
            if start in params and end in params:
                assert params[start] <= params[end], case_id
                if step["capability"] not in FUTURE_DATES:
                    assert dt.date.fromisoformat(params[start]) <= today, case_id


def test_the_mix_meets_its_floors() -> None:
    kinds = Counter(case["kind"] for case in CASES)
    assert len(CASES) >= 190
    assert kinds["multi"] >= 0.18 * len(CASES)
    assert kinds["refuse"] >= 0.10 * len(CASES)
    near = sum("near_miss" in case["tags"] for case in CASES)
    assert near * 2 >= kinds["refuse"]
    typos = sum("typo" in case["tags"] for case in CASES)
    assert 0.08 <= typos / len(CASES) <= 0.15
    multi_texts = [case["text"].lower() for case in CASES if case["kind"] == "multi"]
    for connective in CONNECTIVES:
        assert any(connective in text for text in multi_texts), connective
    assert sum("reference" in case["tags"] for case in CASES) >= 8
    assert len({case["today"] for case in CASES}) >= 5
    used = {s["capability"] for _, _, s in _steps()}
    assert used == set(CAPS)  # every capability is asked for at least once
    chains = {
        (case["expect"][source]["capability"], output, step["capability"])
        for case in CASES
        if case["kind"] == "multi"
        for step in case["expect"]
        for (source, output) in (step.get("wired") or {}).values()
    }
    assert len(chains) >= 6


def test_both_halves_hold_every_kind() -> None:
    for half in ("odd", "even"):
        chosen = [case for case in CASES if score.in_half(case["id"], half)]
        assert abs(len(chosen) - len(CASES) / 2) <= 1
        kinds = Counter(case["kind"] for case in chosen)
        assert kinds["single"] and kinds["multi"] and kinds["refuse"], half


async def test_the_scorer_runs_end_to_end(tmp_path: Path) -> None:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for case in CASES:
        by_kind.setdefault(case["kind"], []).append(case)
    chosen = by_kind["single"][:2] + by_kind["multi"][:2] + by_kind["refuse"][:1]
    report = await score.run(chosen, tmp_path, HERE)
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
    assert (tmp_path / "nl_planning").is_dir()  # the planner's store lives in the data dir
