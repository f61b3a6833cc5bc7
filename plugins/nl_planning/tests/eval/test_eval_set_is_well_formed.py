"""The evaluation set is consistent with its registry and meets its size floors.

This checks the set, not a planner: every expected step names a registered capability, its
params are input fields that validate (as JSON, strictly) against the capability's model, every
required field is either stated or wired from an earlier step's output, and the counts per
category meet the floors the nl_planning issue sets.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import ValidationError
from registry import CAPABILITIES, DOMAINS, make_node

import packetflow as pf

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "cases.json").read_text(encoding="utf-8")
)
BY_NAME = {cap.name: cap for cap in CAPABILITIES}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STEP_KEYS = {"capability", "params", "wired"}


def _steps(case: dict[str, Any]) -> list[dict[str, Any]]:
    expect = case["expect"]
    return [] if expect == "refuse" else list(expect)


def _date_fields(cap: pf.Capability) -> set[str]:
    props = cap.contract.input_schema["properties"]
    return {
        name
        for name, prop in props.items()
        if prop.get("format") == "date"
        or any(alt.get("format") == "date" for alt in prop.get("anyOf", []))
    }


def _numeric_fields(cap: pf.Capability) -> set[str]:
    """Amounts (``Decimal``) accept numeric strings even strictly; the set writes numbers."""
    model = cap.contract.input_model
    assert model is not None
    return {
        name
        for name, field in model.model_fields.items()
        if {field.annotation, *get_args(field.annotation)} & {Decimal, int, float}
    }


def test_registry_is_large_and_declares_no_planner_hints() -> None:
    assert len(CAPABILITIES) >= 32
    assert len(DOMAINS) >= 9
    assert len(BY_NAME) == len(CAPABILITIES), "capability names must be unique"
    for cap in CAPABILITIES:
        assert cap.intent, cap.name
        assert cap.tags, cap.name
        assert cap.examples == () and cap.keywords == (), cap.name
        assert cap.contract.input_model is not None and cap.contract.output_model is not None
        for name, field in cap.contract.input_model.model_fields.items():
            assert field.description, f"{cap.name}.{name} has no description"
            assert not field.examples, f"{cap.name}.{name} declares examples"


def test_make_node_registers_every_capability(tmp_path: Path) -> None:
    node = make_node(tmp_path)
    assert sorted(node.registry.names()) == sorted(BY_NAME)


async def test_every_capability_runs_on_a_case_input(tmp_path: Path) -> None:
    """The trivial bodies return valid outputs for inputs taken from the cases themselves."""
    inputs: dict[str, dict[str, Any]] = {}
    for case in CASES:
        for step in _steps(case):
            if not step.get("wired"):
                inputs.setdefault(step["capability"], step["params"])
    assert set(inputs) == set(BY_NAME), "every capability appears unwired in some case"
    node = make_node(tmp_path)
    async with node.started():
        for name, params in sorted(inputs.items()):
            out = await node.call(name, params)
            output_model = BY_NAME[name].contract.output_model
            assert output_model is not None
            output_model.model_validate(out)


def test_counts_meet_the_floors() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    kinds = Counter(case["kind"] for case in CASES)
    refusals = [case for case in CASES if case["kind"] == "refusal"]
    near_misses = [case for case in refusals if "near_miss" in case["tags"]]
    typos = [case for case in CASES if "typo" in case["tags"]]
    assert len(CASES) >= 130
    assert kinds["multi"] >= 25
    assert kinds["refusal"] >= 12
    assert len(near_misses) * 2 >= len(refusals)
    assert 0.08 <= len(typos) / len(CASES) <= 0.15
    assert sum("reference" in case["tags"] for case in CASES) >= 5
    assert len({case["today"] for case in CASES}) >= 10
    used = {step["capability"] for case in CASES for step in _steps(case)}
    assert used == set(BY_NAME), f"capabilities no case uses: {sorted(set(BY_NAME) - used)}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_is_well_formed(case: dict[str, Any]) -> None:
    assert set(case) == {"id", "kind", "today", "text", "expect", "tags"}
    assert ISO_DATE.match(case["today"]), case["today"]
    assert case["text"].strip()
    steps = _steps(case)
    expected_kind = "refusal" if not steps else "multi" if len(steps) > 1 else "single"
    assert case["kind"] == expected_kind
    assert (case["kind"] == "refusal") == (case["expect"] == "refuse")
    for index, step in enumerate(steps):
        assert set(step) <= STEP_KEYS and {"capability", "params"} <= set(step)
        cap = BY_NAME.get(step["capability"])
        assert cap is not None, f"unknown capability {step['capability']!r}"
        model = cap.contract.input_model
        assert model is not None
        fields = model.model_fields
        params: dict[str, Any] = step["params"]
        wired: dict[str, list[Any]] = step.get("wired", {})
        assert set(params) <= set(fields), f"not input fields: {set(params) - set(fields)}"
        assert not set(params) & set(wired), "a param is either stated or wired, not both"
        required = {name for name, field in fields.items() if field.is_required()}
        assert required <= set(params) | set(wired), f"missing {required - set(params)}"
        for field, (source, output_field) in wired.items():
            assert field in fields
            assert 0 <= source < index, "wired from an earlier step only"
            source_model = BY_NAME[steps[source]["capability"]].contract.output_model
            assert source_model is not None and output_field in source_model.model_fields
        for name in _date_fields(cap) & set(params):
            assert ISO_DATE.match(params[name]), f"{name}={params[name]!r} is not YYYY-MM-DD"
        for name in _numeric_fields(cap) & set(params):
            value = params[name]
            assert isinstance(value, int | float) and not isinstance(value, bool), (name, value)
        # Strict JSON validation: "3" for an int or "12.5" for an amount would be rejected.
        try:
            model.model_validate_json(json.dumps(params), strict=True)
        except ValidationError as exc:
            wrong = [err for err in exc.errors() if err["loc"][0] not in wired]
            assert not wrong, wrong
