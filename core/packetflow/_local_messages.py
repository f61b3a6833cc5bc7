"""Wire messages built in-process from parts that are already typed, without validation.

Every ``node.call`` through the module chain becomes a ``CapabilityRequest`` and every
executed request a ``CapabilityResponse``; validating what the node itself just built costs
about a µs each, a large part of what a module pays for being active. These build the same
models through ``_lowlevel.construct`` when the parts have the types validation would produce
(else they validate, which is never slower than before). ``tests/test_local_messages.py``
checks they equal the validated forms.
"""

from __future__ import annotations

from typing import Any

from ._context import Context
from ._lowlevel import construct
from ._wire.messages import MAX_ID, PROTOCOL_VERSION, CapabilityRequest, CapabilityResponse

__all__ = ["capability_request", "capability_response"]


class _Unset:
    """The default of a field left out (so it is not in ``model_fields_set``)."""


_UNSET = _Unset()
_is_str = str.__instancecheck__  # all(map(...)) runs in C: keys are checked at no cost
_REQUEST_FIELDS = frozenset({"capability_id", "payload", "context"})
_RESPONSE_FIELDS = frozenset({"id", "capability_id", "payload", "metadata"})


def capability_request(
    capability_id: str | None,
    payload: dict[str, Any],
    context: Context,
    *,
    id: str = "",
    intent: str | _Unset | None = _UNSET,
    metadata: dict[str, Any] | None = None,
) -> CapabilityRequest:
    """``CapabilityRequest(capability_id=..., payload=..., context=...)`` with ``id``,
    ``intent`` and ``metadata`` when given; ``payload`` is copied (as validation does) and
    ``metadata`` is owned by the request."""
    if not (
        type(context) is Context
        and type(id) is str
        and len(id) <= MAX_ID
        and all(map(_is_str, payload))
    ):
        given: dict[str, Any] = {} if isinstance(intent, _Unset) else {"intent": intent}
        if metadata is not None:
            given["metadata"] = metadata
        if id:
            given["id"] = id
        return CapabilityRequest(
            capability_id=capability_id, payload=payload, context=context, **given
        )
    fields_set = set(_REQUEST_FIELDS)
    if id:
        fields_set.add("id")
    if isinstance(intent, _Unset):
        intent = None
    else:
        fields_set.add("intent")
    if metadata is None:
        metadata = {}
    else:
        fields_set.add("metadata")
    state = {
        "version": PROTOCOL_VERSION, "type": "capability_request", "id": id,
        "metadata": metadata, "intent": intent, "capability_id": capability_id,
        "payload": dict(payload), "context": context,
    }  # fmt: skip
    return construct(CapabilityRequest, state, fields_set, {}, None)


def capability_response(
    id: str, capability_id: str | None, payload: Any, metadata: dict[str, Any]
) -> CapabilityResponse:
    """``CapabilityResponse(id=..., capability_id=..., payload=..., metadata=...)``; a
    ``payload`` that is a ``dict`` with string keys (what every handler returns) is kept as
    is, anything else is validated."""
    if not (
        type(payload) is dict
        and type(id) is str
        and len(id) <= MAX_ID
        and (capability_id is None or type(capability_id) is str)
        and all(map(_is_str, payload))
    ):
        return CapabilityResponse(
            id=id, capability_id=capability_id, payload=payload, metadata=metadata
        )
    state = {
        "version": PROTOCOL_VERSION, "type": "capability_response", "id": id,
        "metadata": metadata, "capability_id": capability_id, "payload": payload,
    }  # fmt: skip
    return construct(CapabilityResponse, state, set(_RESPONSE_FIELDS), {}, None)
