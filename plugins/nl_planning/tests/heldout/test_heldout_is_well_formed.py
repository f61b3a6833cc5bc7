"""The held-out set is well formed, and its scorer runs end to end.

These tests check the set itself (every expected capability exists, every param validates
against its field, the wiring names real outputs, the floors on its size and mix hold) and
that ``score.py`` plans and scores cases with the installed planner. They assert nothing
about the planner's figures: those are a measurement for the team (``score.py`` prints them).
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import packetflow as pf

HERE = Path(__file__).resolve().parent


def _load(name: str, file: str) -> ModuleType:
    # By path, under names no other test module uses (the development set has its own).
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


score = _load("nl_heldout_score", "score.py")
wellformed = _load("nl_heldout_wellformed", "wellformed.py")
registry = score.load_registry()
CASES: list[dict[str, Any]] = score.load_cases()
CAPS: dict[str, pf.Capability] = {c.name: c for c in registry.CAPABILITIES}

CONNECTIVES = ["and then", "after that", "; also", "then", "once that's done", "followed by"]
# Capabilities whose dates are in the future (scheduling) or in the past (what happened).
FUTURE_DATES = {
    "schedule_appointment": ["date"],
    "schedule_viewing": ["date"],
    "book_table": ["date"],
    "reserve_car": ["pickup_date", "return_date"],
    "schedule_downtime": ["date"],
    "schedule_maintenance": ["date"],
}
PAST_DATES = {"file_claim": ["incident_date"], "log_workout": ["date"], "log_body_weight": ["date"]}
RANGES = {
    "get_account_statement": ("start_date", "end_date"),
    "get_workout_summary": ("from_date", "to_date"),
    "get_soil_moisture": ("since", "until"),
    "reserve_car": ("pickup_date", "return_date"),
}


HELD_OUT = wellformed.HeldOutSet(CASES, CAPS, FUTURE_DATES, PAST_DATES, RANGES)


def test_registry_declares_what_an_ordinary_author_would() -> None:
    HELD_OUT.check_registry(registry, min_caps=36, min_domains=10)


def test_cases_have_the_documented_shape() -> None:
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
    assert len(CASES) >= 150
    assert kinds["multi"] >= 30
    assert kinds["refuse"] >= 16
    HELD_OUT.check_mix(CONNECTIVES, min_references=5)


async def test_the_scorer_runs_end_to_end(tmp_path: Path) -> None:
    await HELD_OUT.check_scorer(score, tmp_path, HERE)
