"""The error table: one class per SPEC code, wire round trips."""

from __future__ import annotations

import pytest

from packetflow import errors

TABLE = [
    ("E400", "malformed", errors.MalformedError),
    ("E401", "unauthenticated", errors.UnauthenticatedError),
    ("E403", "forbidden", errors.ForbiddenError),
    ("E404", "not_found", errors.NotFoundError),
    ("E408", "timeout", errors.DeadlineExceededError),
    ("E409", "conflict", errors.ConflictError),
    ("E413", "too_large", errors.TooLargeError),
    ("E422", "contract_violation", errors.ContractViolationError),
    ("E429", "rate_limited", errors.RateLimitedError),
    ("E500", "execution_failed", errors.ExecutionFailedError),
    ("E502", "module_failed", errors.ModuleFailedError),
    ("E503", "unavailable", errors.UnavailableError),
    ("E600", "version_unsupported", errors.VersionUnsupportedError),
]


@pytest.mark.parametrize(("code", "kind", "cls"), TABLE, ids=[row[0] for row in TABLE])
def test_each_code_has_its_class_and_round_trips(
    code: str, kind: str, cls: type[errors.PacketFlowError]
) -> None:
    exc = cls("subject 'x': broken; fix it", details={"field": "x"}, retry_after_ms=250)
    assert (exc.code, exc.type) == (code, kind)
    assert isinstance(exc, errors.PacketFlowError)
    wire = exc.to_wire()
    assert wire == {
        "code": code,
        "type": kind,
        "message": "subject 'x': broken; fix it",
        "details": {"field": "x"},
        "retry_after_ms": 250,
    }
    back = errors.from_wire(wire)
    assert type(back) is cls
    assert back.to_wire() == wire
    assert errors.error_class(code) is cls


def test_retry_after_is_omitted_when_unset() -> None:
    assert "retry_after_ms" not in errors.NotFoundError("x").to_wire()


def test_refined_type_survives_the_wire() -> None:
    exc = errors.ContractViolationError("bad output", type="output_contract")
    back = errors.from_wire(exc.to_wire())
    assert isinstance(back, errors.ContractViolationError)
    assert back.type == "output_contract"


def test_unknown_code_becomes_the_base_class() -> None:
    back = errors.from_wire({"code": "E999", "type": "odd", "message": "m"})
    assert type(back) is errors.PacketFlowError
    assert (back.code, back.type, back.message) == ("E999", "odd", "m")
    with pytest.raises(KeyError, match="E999"):
        errors.error_class("E999")


def test_plan_validation_error_is_an_e422() -> None:
    exc = errors.PlanValidationError("bad plan")
    assert isinstance(exc, errors.ContractViolationError)
    assert (exc.code, exc.type) == ("E422", "plan_invalid")


def test_all_lists_every_public_name() -> None:
    public = {
        name
        for name, value in vars(errors).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == errors.__name__
    }
    assert set(errors.__all__) == public
    assert errors.__all__ == sorted(errors.__all__)
