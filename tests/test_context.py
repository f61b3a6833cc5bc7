"""The request context."""

from __future__ import annotations

import pytest

import packetflow as pf


def test_fast_context_equals_the_validated_model() -> None:
    fast = pf.Context.create(None)
    slow = pf.Context(trace_id=fast.trace_id, timestamp=fast.timestamp)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == {"trace_id", "timestamp"}
    fast.user_id = "alice"  # still a normal, mutable model
    assert fast.model_dump()["user_id"] == "alice"


def test_empty_context_equals_context() -> None:
    fast, slow = pf.Context.empty(), pf.Context()
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set == set()
    assert fast.model_extra == {}
    assert fast.roles is not pf.Context.empty().roles  # nothing shared between contexts
    with pytest.raises(RuntimeError, match="not attached"):
        fast.node  # noqa: B018


def test_trace_ids_are_unique_and_w3c_sized() -> None:
    ids = {pf.Context.create(None).trace_id for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids if i)


def test_mapping_context_keeps_extra_keys_and_gets_a_trace() -> None:
    ctx = pf.Context.create({"user_id": "bob", "tenant": "acme"})
    assert ctx.user_id == "bob"
    assert ctx.model_extra == {"tenant": "acme"}
    assert ctx.trace_id is not None and ctx.timestamp is not None
    kept = pf.Context.create({"trace_id": "given"})
    assert kept.trace_id == "given"


def test_context_outside_a_node_cannot_publish() -> None:
    with pytest.raises(RuntimeError, match="not attached"):
        pf.Context().publish("x", {})


def test_a_malformed_context_is_e400() -> None:
    with pytest.raises(pf.errors.MalformedError) as info:
        pf.Context.create({"roles": "admin", "timestamp": "yesterday"})
    assert {d["field"] for d in info.value.details} == {"roles", "timestamp"}
