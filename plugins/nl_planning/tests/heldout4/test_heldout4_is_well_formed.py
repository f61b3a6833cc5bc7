"""The fourth held-out set is well formed, and the shared scorer runs it end to end.

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
    "search_pitches": ["arrival_date", "departure_date"],
    "book_pitch": ["arrival_date", "departure_date"],
    "add_alarm_user": ["expires_on"],
    "get_removal_quote": ["move_date"],
    "book_removal": ["move_date"],
    "order_moving_boxes": ["delivery_date"],
    "set_heating_holiday_mode": ["start_date", "end_date"],
    "find_babysitter": ["date"],
    "book_babysitter": ["date"],
    "pause_newspaper_delivery": ["start_date", "end_date"],
    "resume_newspaper_delivery": ["resume_on"],
    "order_cake": ["pickup_date"],
    "order_cupcakes": ["pickup_date"],
    "change_cake_pickup": ["new_date"],
    "book_pest_inspection": ["date"],
    "book_desk": ["date"],
    "book_meeting_room": ["date"],
    "register_visitor": ["visit_date"],
    "book_car_valet": ["date"],
    "request_watch_repair": ["drop_off_date"],
}
PAST_DATES = {
    "get_alarm_events": ["from_date", "to_date"],
    "log_pest_sighting": ["seen_on"],
}
RANGES = {
    "search_pitches": ("arrival_date", "departure_date"),
    "book_pitch": ("arrival_date", "departure_date"),
    "get_alarm_events": ("from_date", "to_date"),
    "set_heating_holiday_mode": ("start_date", "end_date"),
    "pause_newspaper_delivery": ("start_date", "end_date"),
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
        "search_pitches": {
            "arrival_date": "2026-08-03",
            "departure_date": "2026-08-05",
            "pitch_type": "tent",
        },
        "get_removal_quote": {
            "from_postcode": "LS6 2AB",
            "to_postcode": "M20 4RT",
            "move_date": "2026-11-14",
            "bedrooms": 3,
        },
        "order_cake": {"servings": 12, "flavour": "lemon", "pickup_date": "2026-05-01"},
        "pledge_to_project": {"project_slug": "solar-kettle", "amount": "25.00"},
        "change_newspaper_order": {"title": "The Times", "days": ["mon", "fri"]},
    }
    async with node.started():
        for name, params in calls.items():
            result = await node.call(name, params)
            assert set(result) == set(CAPS[name].contract.output_model.model_fields), name


def test_cases_are_what_the_generator_writes() -> None:
    generator = _load("nl_heldout4_generate_cases", HERE / "generate_cases.py")
    written = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(generator.CASES))


def test_cases_have_the_documented_shape() -> None:
    assert [case["id"] for case in CASES] == [f"m{n:03d}" for n in range(1, len(CASES) + 1)]
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
