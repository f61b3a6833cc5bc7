"""The second held-out set is well formed, and the shared scorer runs it end to end.

These tests check the set itself (every expected capability exists, every param validates
against its field, the wiring names real outputs, dates point the way the request does, the
floors on its size and mix hold, ``cases.json`` is what ``generate_cases.py`` writes) and that
``../heldout/score.py --set`` plans and scores its cases with the installed planner. They assert
nothing about the planner's figures: those are a measurement for the team.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

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
wellformed = _load("nl_heldout_wellformed", HERE.parent / "heldout" / "wellformed.py")
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


HELD_OUT = wellformed.HeldOutSet(CASES, CAPS, FUTURE_DATES, PAST_DATES, RANGES)


def test_registry_declares_what_an_ordinary_author_would() -> None:
    HELD_OUT.check_registry(registry, min_caps=40, min_domains=12)


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
    assert [case["id"] for case in CASES] == [f"g{n:03d}" for n in range(1, len(CASES) + 1)]
    HELD_OUT.check_shapes()


@pytest.mark.parametrize(("case_id", "index", "step"), HELD_OUT.steps(), ids=lambda v: str(v)[:12])
def test_every_expected_step_is_a_valid_call(
    case_id: str, index: int, step: dict[str, Any]
) -> None:
    HELD_OUT.check_step(case_id, index, step)


def test_dates_point_the_way_the_request_does() -> None:
    HELD_OUT.check_dates()


def test_the_mix_meets_its_floors() -> None:
    kinds = Counter(case["kind"] for case in CASES)
    assert len(CASES) >= 190
    assert kinds["multi"] >= 0.18 * len(CASES)
    assert kinds["refuse"] >= 0.10 * len(CASES)
    HELD_OUT.check_mix(CONNECTIVES, min_references=8)
    assert len({case["today"] for case in CASES}) >= 5
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
    await HELD_OUT.check_scorer(score, tmp_path, HERE)
