"""The safe expression language for plan conditions."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow import errors
from packetflow._compose.expr import compile_expression


class Tier(BaseModel):
    name: str


ENV = {
    "tier": "premium",
    "amount": 250,
    "user": {"roles": ["admin", "dev"], "profile": {"country": "NL"}},
    "items": [3, 4, 5],
    "plan": Tier(name="gold"),
    "flag": False,
}

ALLOWED = [
    ("tier == 'premium' and amount < 1000", True),
    ("tier != 'premium' or amount >= 1000", False),
    ("not flag", True),
    ("'admin' in user.roles", True),
    ("user['profile']['country'] in ['NL', 'BE']", True),
    ("items[0] + items[1] * 2 == 11", True),
    ("0 < amount <= 250", True),
    ("plan.name == 'gold'", True),
    ("flag is false and missing_ok is null", True),
    ("-amount < 0 and amount % 7 == 5 and amount // 100 == 2 and amount / 2 == 125", True),
]


@pytest.mark.parametrize(("source", "expected"), ALLOWED, ids=[a[0] for a in ALLOWED])
def test_allowed_expressions(source: str, expected: bool) -> None:
    expr = compile_expression(source)
    assert expr({**ENV, "missing_ok": None}) is expected


MALICIOUS = [
    "__import__('os')",
    "__import__('os').system('id')",
    "().__class__.__bases__[0].__subclasses__()",
    "tier.__class__",
    "user.__dict__",
    "user._private",
    "user['__class__']",
    "len(items)",
    "tier.upper()",
    "(lambda: 1)()",
    "[x for x in items]",
    "(y := 1)",
    "2 ** 100000",
    "items[0:2]",
    "{'a': 1}",
    "b'bytes' == tier",
    "x if flag else y",
    "x" * 1200,
    "tier ==",
]


@pytest.mark.parametrize("source", MALICIOUS, ids=[m[:40] for m in MALICIOUS])
def test_unsafe_or_invalid_expressions_are_e400(source: str) -> None:
    with pytest.raises(errors.MalformedError):
        compile_expression(source)


def test_underscore_keys_are_not_readable_at_run_time() -> None:
    expr = compile_expression("user[key] == 1")
    with pytest.raises(errors.ContractViolationError, match="leading underscore"):
        expr({"user": {"_secret": 1}, "key": "_secret"})


def test_string_arithmetic_cannot_allocate() -> None:
    expr = compile_expression("tier * amount == ''")
    with pytest.raises(errors.ContractViolationError, match="arithmetic needs numbers"):
        expr({"tier": "x", "amount": 10**9})


def test_missing_names_are_reported() -> None:
    expr = compile_expression("risk > 0.5")
    assert expr.names == frozenset({"risk"})
    with pytest.raises(errors.ContractViolationError, match="'risk' is not on the blackboard"):
        expr({})


def test_malicious_condition_in_a_json_plan_is_rejected_at_load_time() -> None:
    document = {
        "type": "conditional",
        "branches": [
            {"when": "__import__('os').system('rm -rf /')", "then": {"cap": "x", "type": "step"}}
        ],
    }
    with pytest.raises(errors.MalformedError, match="not allowed"):
        pf.load_plan(document)
    with pytest.raises(errors.MalformedError):
        pf.load_plan(
            {
                "type": "loop",
                "over": "xs",
                "body": {"type": "step", "cap": "x"},
                "break_when": "item.__class__",
            }
        )
