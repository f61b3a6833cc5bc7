"""The third held-out set is well formed, and the shared scorer runs it end to end.

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
    "buy_lift_pass": ["start_date"],
    "book_ski_lesson": ["date"],
    "rent_ski_equipment": ["start_date", "end_date"],
    "search_sailings": ["date"],
    "change_crossing": ["new_date"],
    "book_site_survey": ["date"],
    "schedule_elevator_inspection": ["date"],
    "request_leave": ["start_date", "end_date"],
    "book_dog_walk": ["date"],
    "book_telescope_time": ["date"],
    "get_sky_forecast": ["date"],
    "find_donation_session": ["date"],
    "book_driving_lesson": ["date"],
    "book_driving_test": ["date"],
    "apply_for_visa": ["entry_date"],
    "book_escape_room": ["date"],
}
PAST_DATES = {
    "record_stock_count": ["count_date"],
    "get_panel_output": ["start_date", "end_date"],
    "claim_missing_miles": ["flight_date"],
    "log_hive_inspection": ["inspection_date"],
    "record_honey_harvest": ["harvest_date"],
    "submit_observation": ["observed_on"],
    "record_tasting": ["tasted_on"],
    "check_donor_eligibility": ["last_donation"],
    "log_practice_drive": ["drive_date"],
}
RANGES = {
    "rent_ski_equipment": ("start_date", "end_date"),
    "request_leave": ("start_date", "end_date"),
    "get_panel_output": ("start_date", "end_date"),
}


HELD_OUT = wellformed.HeldOutSet(CASES, CAPS, FUTURE_DATES, PAST_DATES, RANGES)


def test_registry_declares_what_an_ordinary_author_would() -> None:
    HELD_OUT.check_registry(registry, min_caps=45, min_domains=16)


async def test_every_capability_runs_on_a_node(tmp_path: Path) -> None:
    # The trivial bodies return valid outputs: a plan of this registry could really run.
    node = registry.make_node(tmp_path)
    calls = {
        "search_sailings": {"from_port": "Dover", "to_port": "Calais", "date": "2026-08-03"},
        "report_lift_fault": {"building_code": "B204", "fault": "stuck"},
        "apply_for_visa": {
            "destination_country": "Japan",
            "visa_type": "tourist",
            "entry_date": "2026-04-05",
            "stay_days": 10,
        },
        "pay_plot_rent": {"plot_number": "14B", "amount": "42.50"},
    }
    async with node.started():
        for name, params in calls.items():
            result = await node.call(name, params)
            assert set(result) == set(CAPS[name].contract.output_model.model_fields), name


def test_cases_are_what_the_generator_writes() -> None:
    generator = _load("nl_heldout3_generate_cases", HERE / "generate_cases.py")
    written = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(generator.CASES))


def test_cases_have_the_documented_shape() -> None:
    assert [case["id"] for case in CASES] == [f"k{n:03d}" for n in range(1, len(CASES) + 1)]
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
    assert kinds["single"] >= 0.6 * len(CASES)
    assert kinds["multi"] >= 0.2 * len(CASES)
    assert kinds["refuse"] >= 0.11 * len(CASES)
    HELD_OUT.check_mix(CONNECTIVES, min_references=10)
    assert len({case["today"] for case in CASES}) >= 6
    HELD_OUT.check_wiring(min_wired=15, min_chains=8, min_three_steps=3)


def test_both_halves_hold_the_same_mix() -> None:
    HELD_OUT.check_halves(score.in_half)


async def test_the_scorer_runs_end_to_end(tmp_path: Path) -> None:
    await HELD_OUT.check_scorer(score, tmp_path, HERE)
