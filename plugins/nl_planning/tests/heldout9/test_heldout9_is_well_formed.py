"""The ninth held-out set is well formed, and the shared scorer runs it end to end.

These tests check the set itself (every expected capability exists, every param validates
against its field, the wiring names real outputs, dates point the way the request does, the
floors on its size and mix hold, both halves hold the same mix, ``cases.json`` is what
``generate_cases.py`` writes) and that ``../heldout/score.py --set`` plans and scores a few of its
cases with the installed planner. They assert nothing about the planner's figures: those are a
measurement for the team.
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
    "but first",
    "before that",
]
# Capabilities whose dates are in the future (scheduling) or in the past (what happened).
FUTURE_DATES = {
    "get_rehearsal_schedule": ["from_date"],
    "send_rehearsal_apologies": ["date"],
    "book_climbing_session": ["date"],
    "hire_skip": ["delivery_date"],
    "search_tee_times": ["date"],
    "book_karaoke_room": ["date"],
    "book_boiler_service": ["date"],
    "set_milk_standing_order": ["start_date"],
    "pause_milk_deliveries": ["start_date", "end_date"],
    "resume_milk_deliveries": ["from_date"],
    "book_mot_test": ["date"],
    "book_trampoline_session": ["date"],
    "skip_window_clean": ["date"],
    "search_bouncy_castles": ["date"],
    "hire_bouncy_castle": ["date"],
    "order_christmas_tree": ["delivery_date"],
    "book_tree_collection": ["date"],
    "register_quiz_team": ["date"],
    "book_vet_appointment": ["date"],
}
PAST_DATES = {
    "log_climb": ["climbed_on"],
    "get_climbing_log": ["from_date", "to_date"],
    "get_boiler_service_history": ["from_date", "to_date"],
    "sign_jump_waiver": ["date_of_birth"],
    "get_quiz_results": ["date"],
}
RANGES = {
    "pause_milk_deliveries": ("start_date", "end_date"),
    "get_climbing_log": ("from_date", "to_date"),
    "get_boiler_service_history": ("from_date", "to_date"),
}


HELD_OUT = wellformed.HeldOutSet(CASES, CAPS, FUTURE_DATES, PAST_DATES, RANGES)


def test_registry_declares_what_an_ordinary_author_would() -> None:
    # A few authors (at most 4 here) give ``examples``: this set measures the planner with and
    # without them.
    HELD_OUT.check_registry(registry, min_caps=40, min_domains=14, with_examples=(1, 4))


async def test_every_capability_runs_on_a_node(tmp_path: Path) -> None:
    # The trivial bodies return valid outputs: a plan of this registry could really run.
    node = registry.make_node(tmp_path)
    calls = {
        "book_tee_time": {"tee_time_id": "GT-31022", "players": 2, "email": "ines@example.org"},
        "log_climb": {"grade": "6a+", "climbed_on": "2027-03-01"},
        "get_milkman_balance": {},
        "pay_quiz_entry": {"team_id": "QT-3011", "amount": "12.50", "currency": "EUR"},
        "pause_milk_deliveries": {"start_date": "2027-07-01", "end_date": "2027-07-03"},
        "get_skip_quote": {"postcode": "NG7 2QL", "size_yards": 4},
        "enable_mot_reminder": {"registration": "KM19 XTR", "phone": "+447700900123"},
        "report_boiler_fault": {"postcode": "LS6 3HN", "fault": "error_code", "error_code": "F28"},
        "get_vaccination_record": {"pet_name": "Luna"},
    }
    async with node.started():
        for name, params in calls.items():
            result = await node.call(name, params)
            assert set(result) == set(CAPS[name].contract.output_model.model_fields), name


def test_cases_are_what_the_generator_writes() -> None:
    generator = _load("nl_heldout9_generate_cases", HERE / "generate_cases.py")
    written = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(generator.CASES))


def test_cases_have_the_documented_shape() -> None:
    assert [case["id"] for case in CASES] == [f"s{n:03d}" for n in range(1, len(CASES) + 1)]
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
    assert len(CASES) >= 170
    assert kinds["single"] >= 0.5 * len(CASES)
    assert kinds["multi"] >= 0.18 * len(CASES)
    assert kinds["refuse"] >= 0.22 * len(CASES)
    HELD_OUT.check_mix(CONNECTIVES, min_references=10)
    assert len({case["today"] for case in CASES}) >= 7
    HELD_OUT.check_wiring(min_wired=16, min_chains=7, min_three_steps=4)
    expected = Counter(s["capability"] for _, _, s in HELD_OUT.steps())
    assert min(expected.values()) >= 3 and max(expected.values()) <= 6, expected


def test_no_case_copies_an_example() -> None:
    examples = {e.lower() for cap in registry.CAPABILITIES for e in cap.examples}
    assert not examples & {case["text"].lower() for case in CASES}


def test_both_halves_hold_the_same_mix() -> None:
    HELD_OUT.check_halves(score.in_half)


async def test_the_scorer_runs_end_to_end(tmp_path: Path) -> None:
    await HELD_OUT.check_scorer(score, tmp_path, HERE)
