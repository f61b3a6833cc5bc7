"""The hookspecs: documented, each exercised by a test, and the decisions they return."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import packetflow as pf
from packetflow import hookspecs


@pytest.mark.parametrize("hook", hookspecs.HOOKS, ids=list(hookspecs.HOOKS))
def test_every_hookspec_is_documented(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert "Fires" in doc, f"{hook}: say when it fires"
    assert "Args:" in doc, f"{hook}: say what it receives"
    if hook.startswith("packetflow_handle_"):
        assert "Returns:" in doc, f"{hook}: say what each decision means"
        assert "Continue" in doc, f"{hook}: say what each decision means"


@pytest.mark.parametrize("hook", hookspecs.HOOKS, ids=list(hookspecs.HOOKS))
def test_every_hookspec_has_a_test(hook: str) -> None:
    tests = Path(__file__).parent
    sources = [p.read_text(encoding="utf-8") for p in tests.glob("test_*.py")]
    users = [s for s in sources if f"def {hook}(" in s]
    assert users, f"no test implements {hook}"


def test_hookspecs_all_is_sorted_and_complete() -> None:
    assert hookspecs.__all__ == sorted(hookspecs.__all__)
    assert set(hookspecs.HOOKS) <= set(hookspecs.__all__)


def test_fail_takes_only_codes_from_the_table() -> None:
    assert pf.Fail("E403", "no").to_error().code == "E403"
    with pytest.raises(ValueError, match="not a PacketFlow error code"):
        pf.Fail("E999", "no")


@pytest.mark.parametrize(
    ("decision", "bad"),
    [(pf.Intercept, {"not": "a request"}), (pf.Optimize, "plan"), (pf.Transform, 42),
     (pf.Respond, 42)],
    ids=["intercept", "optimize", "transform", "respond"],
)  # fmt: skip
def test_decisions_check_what_they_carry(decision: type, bad: object) -> None:
    with pytest.raises(TypeError):
        decision(bad)
