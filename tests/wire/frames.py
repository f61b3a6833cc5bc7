"""Hypothesis strategies for hostile wire frames, shared by the codec and the socket fuzz tests.

Every message type of the protocol (read from the models, so a new type or field is fuzzed
without touching this file) gets its known fields and unknown extra fields, each with a value
of any JSON type, or a plausible one that lets the frame get further into the node. A frame
may also carry a non-finite constant (``NaN``, ``Infinity``), which is not JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, get_args

from hypothesis import strategies as st
from pydantic import BaseModel

from packetflow._context import Context
from packetflow._wire.messages import ActorOptions, Message

MODELS: tuple[type[BaseModel], ...] = get_args(get_args(Message)[0])
TYPES: list[str] = [model.model_fields["type"].default for model in MODELS]
FIELDS: list[str] = sorted({name for model in MODELS for name in model.model_fields} - {"type"})
NESTED: dict[str, list[str]] = {
    "context": sorted(Context.model_fields),
    "actor_options": sorted(ActorOptions.model_fields),
}
NON_FINITE = ["NaN", "Infinity", "-Infinity"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**64)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)
"""Any JSON value: null, booleans, integers (past 64 bits too), finite floats, strings, arrays
and objects."""

PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "version": st.just("1.0"),
    "id": st.text(max_size=10),
    "capability_id": st.sampled_from(["echo", "missing"]),
    "channel": st.sampled_from(["orders.created", "orders.*"]),
    "versions": st.just(["1.0"]),
    "token": st.none(),
    "payload": st.dictionaries(st.text(max_size=6), json_values, max_size=3)
    | st.fixed_dictionaries(
        {
            "jsonrpc": st.just("2.0"),
            "id": st.integers(0, 9),
            "method": st.sampled_from(
                ["ping", "tools/list", "resources/list", "tools/call", "initialize"]
            ),
        }
    ),
    "metadata": st.dictionaries(
        st.sampled_from(["timeout_ms", "priority", "x"]), json_values, max_size=2
    ),
    "actor_id": st.text(min_size=1, max_size=8),
    "actor_options": st.fixed_dictionaries({}, optional={"create_if_missing": st.booleans()}),
    "limit": st.integers(min_value=1, max_value=5),
    "node_id": st.text(max_size=4),
    "session_id": st.text(max_size=4),
    "heartbeat_s": st.floats(0.1, 30),
    "error": st.fixed_dictionaries(
        {"code": st.just("E400"), "type": st.just("malformed"), "message": st.text(max_size=8)}
    ),
}
"""Values that let a frame get past validation, for the fields that need one (required
fields, and the fields the node acts on)."""

BY_TYPE: dict[str, type[BaseModel]] = dict(zip(TYPES, MODELS, strict=True))
REQUIRED: set[str] = {
    name for model in MODELS for name, field in model.model_fields.items() if field.is_required()
}


def _hostile(field: str) -> st.SearchStrategy[Any]:
    """Any JSON value for ``field`` or, for a nested model, an object of its own known fields
    with any JSON values."""
    if field in NESTED:
        known = st.dictionaries(st.sampled_from(NESTED[field]), json_values, max_size=3)
        return json_values | known
    return json_values


@dataclass(frozen=True)
class Frame:
    """One frame to send: its text, and the id a reply to it must carry (the frame's ``id``
    when that is a string of at most 256 characters, else ``""``)."""

    text: str
    reply_id: str
    non_finite: bool


@st.composite
def frames(draw: st.DrawFn) -> Frame:
    """A frame of any message type (or of an unknown type, or none): a valid message of that
    type, then a few known fields (of any message type) set to any JSON value, a few unknown
    fields, and now and then a non-finite constant."""
    kind = draw(st.sampled_from(TYPES))
    obj: dict[str, Any] = {"version": "1.0", "type": kind, "id": draw(PLAUSIBLE["id"])}
    model = BY_TYPE[kind]
    for name, field in model.model_fields.items():
        if field.is_required():
            obj[name] = draw(PLAUSIBLE[name])
    own = sorted(set(model.model_fields) & set(PLAUSIBLE) - {"type"})
    for name in draw(st.lists(st.sampled_from(own), max_size=3, unique=True)):
        obj[name] = draw(PLAUSIBLE[name])
    for name in draw(st.lists(st.sampled_from([*FIELDS, "type"]), max_size=2, unique=True)):
        obj[name] = draw(_hostile(name))
    obj.update(draw(st.dictionaries(st.text(max_size=6), json_values, max_size=2)))
    text = json.dumps(obj)
    constant = draw(st.sampled_from(NON_FINITE)) if draw(st.integers(0, 7)) == 0 else None
    if constant is not None:
        text = f'{text[:-1]}, "non_finite": {constant}}}'
    msg_id = obj.get("id")
    reply_id = msg_id if isinstance(msg_id, str) and len(msg_id) <= 256 else ""
    return Frame(text, reply_id, constant is not None)
