"""``Envelope.evolve``: the cheap shallow copy hook decisions use, checked against pydantic's
own ``model_copy`` (it writes pydantic's instance state directly, so a pydantic release that
changes that state must fail here)."""

from __future__ import annotations

import pytest

import packetflow as pf


@pytest.mark.parametrize(
    "changes",
    [
        {"spatial_context": {"zone": "ai"}},
        {"metadata": {"timeout_ms": 5}},
        {"payload": {"a": 2}, "origin": "x"},
        {},
    ],
    ids=["extra", "field", "both", "nothing"],
)
def test_evolve_equals_model_copy(changes: dict[str, object]) -> None:
    request = pf.CapabilityRequest(
        id="r1", capability_id="echo", payload={"a": 1}, context={"user_id": "u"}, tag="kept"
    )
    ours = request.evolve(**changes)
    theirs = request.model_copy(update=changes)
    assert ours == theirs
    assert ours.model_dump() == theirs.model_dump()
    assert ours.model_extra == theirs.model_extra
    assert ours.model_fields_set == theirs.model_fields_set
    assert ours.model_dump_json(exclude_unset=True) == theirs.model_dump_json(exclude_unset=True)
    assert type(ours) is pf.CapabilityRequest


def test_evolve_leaves_the_original_alone() -> None:
    response = pf.CapabilityResponse(id="r", payload={"x": 1}, metadata={"a": 1})
    copy = response.evolve(metadata={**response.metadata, "b": 2}, note="n")
    assert response.metadata == {"a": 1}
    assert response.model_extra == {}
    assert "note" not in response.model_fields_set
    copy.model_fields_set.add("version")  # pydantic mutates this set in place on assignment
    assert "version" not in response.model_fields_set
    assert copy.metadata == {"a": 1, "b": 2}
    assert copy.model_extra == {"note": "n"}
