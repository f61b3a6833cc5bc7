"""Messages built in-process without validation equal their validated forms."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import packetflow as pf
from packetflow._local_messages import capability_request, capability_response


def _same(a: Any, b: Any) -> None:
    assert type(a) is type(b)
    assert a == b
    assert a.model_dump() == b.model_dump()
    assert a.model_fields_set == b.model_fields_set
    assert a.model_extra == b.model_extra


@pytest.mark.parametrize(
    "given",
    [{}, {"intent": None}, {"intent": "do it"}, {"metadata": {"step": "0"}}, {"id": "7"}],
    ids=["bare", "intent-none", "intent", "metadata", "id"],
)
def test_capability_request_equals_the_validated_form(given: dict[str, Any]) -> None:
    ctx = pf.Context.create(None)
    payload = {"a": 1}
    fast = capability_request("cap", payload, ctx, **given)
    _same(fast, pf.CapabilityRequest(capability_id="cap", payload=payload, context=ctx, **given))
    assert fast.payload is not payload  # copied, as validation copies it
    assert fast.context is ctx


def test_capability_request_with_odd_parts_is_validated() -> None:
    with pytest.raises(ValueError, match="payload"):
        capability_request("cap", {1: "not a str key"}, pf.Context.create(None))  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="id"):  # the wire's bound on ids
        capability_request("cap", {}, pf.Context.create(None), id="x" * 257)


def test_capability_response_equals_the_validated_form() -> None:
    payload, metadata = {"x": 1}, {"execution_time_ms": 0.5}
    fast = capability_response("id1", "cap", payload, metadata)
    _same(
        fast,
        pf.CapabilityResponse(id="id1", capability_id="cap", payload=payload, metadata=metadata),
    )


@pytest.mark.parametrize(
    ("id", "payload"), [("x" * 300, {}), ("ok", ["not", "a", "dict"])], ids=["long-id", "list"]
)
def test_capability_response_with_odd_parts_is_validated(id: str, payload: Any) -> None:
    with pytest.raises(ValidationError):  # what the validated form raises, as before
        capability_response(id, "cap", payload, {})
