"""The sixth held-out set is well formed, and the shared scorer runs it end to end.

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
    "but first",
    "before that",
]
# Capabilities whose dates are in the future (scheduling) or in the past (what happened).
FUTURE_DATES = {
    "enable_roaming": ["start_date", "end_date"],
    "search_lots": ["sale_date"],
    "book_fitting": ["date"],
    "submit_print_job": ["needed_by"],
    "book_pool_service": ["date"],
    "order_pool_chemicals": ["delivery_date"],
    "file_flight_plan": ["date"],
    "order_key_copies": ["collect_date"],
    "order_firewood": ["delivery_date"],
    "reschedule_firewood_delivery": ["new_date"],
    "book_riding_lesson": ["date"],
    "pause_auto_feeder": ["until"],
    "book_game_table": ["date"],
    "book_tyre_fitting": ["date"],
}
PAST_DATES = {
    "get_data_usage": ["from_date", "to_date"],
    "log_bird_sighting": ["seen_on"],
    "get_sighting_report": ["from_date", "to_date"],
    "log_gravity_reading": ["taken_on"],
    "log_pool_chemistry": ["tested_on"],
}
RANGES = {
    "enable_roaming": ("start_date", "end_date"),
    "get_data_usage": ("from_date", "to_date"),
    "get_sighting_report": ("from_date", "to_date"),
}


HELD_OUT = wellformed.HeldOutSet(CASES, CAPS, FUTURE_DATES, PAST_DATES, RANGES)


def test_registry_declares_what_an_ordinary_author_would() -> None:
    # A few authors (4 to 6 of them here) give ``examples``: this set measures the planner
    # with and without them.
    HELD_OUT.check_registry(registry, min_caps=48, min_domains=16, with_examples=(4, 6))


async def test_every_capability_runs_on_a_node(tmp_path: Path) -> None:
    # The trivial bodies return valid outputs: a plan of this registry could really run.
    node = registry.make_node(tmp_path)
    calls = {
        "enable_roaming": {"region": "europe", "start_date": "2027-01-02"},
        "place_bid": {"lot_id": "LOT-30418", "amount": "250.00"},
        "request_alteration": {
            "fitting_id": "FT-31022",
            "garment": "trousers",
            "alteration": "shorten",
            "amount_cm": 3,
        },
        "submit_talk": {"title": "Rust for Data Engineers", "speaker_email": "ines@example.org"},
        "file_flight_plan": {
            "drone_id": "DR-30177",
            "location": "Box Hill",
            "date": "2027-10-17",
            "start_time": "14:00",
            "duration_minutes": 40,
        },
        "pay_livery_invoice": {"invoice_number": "LIV20561", "amount": "420.00"},
        "get_water_readings": {"tank": "reef", "days": 30},
        "find_tyres": {"size": "205/55 R16", "season": "winter"},
    }
    async with node.started():
        for name, params in calls.items():
            result = await node.call(name, params)
            assert set(result) == set(CAPS[name].contract.output_model.model_fields), name


def test_cases_are_what_the_generator_writes() -> None:
    generator = _load("nl_heldout6_generate_cases", HERE / "generate_cases.py")
    written = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(generator.CASES))


def test_cases_have_the_documented_shape() -> None:
    assert [case["id"] for case in CASES] == [f"p{n:03d}" for n in range(1, len(CASES) + 1)]
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
    HELD_OUT.check_wiring(min_wired=16, min_chains=8, min_three_steps=4)


def test_both_halves_hold_the_same_mix() -> None:
    HELD_OUT.check_halves(score.in_half)


async def test_the_scorer_runs_end_to_end(tmp_path: Path) -> None:
    await HELD_OUT.check_scorer(score, tmp_path, HERE)
