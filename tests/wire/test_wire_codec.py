"""The pure wire codec: parsing, limits, error shapes, and a property test over arbitrary input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import packetflow as pf
from packetflow._wire.codec import Limits, decode, encode, error_reply, parse_object
from packetflow._wire.messages import CapabilityRequest, Event, Hello, Welcome
from packetflow.errors import MalformedError, NotFoundError, PacketFlowError, TooLargeError

from .frames import Frame, frames

SMALL = Limits(max_bytes=2048, max_depth=6, max_string=64)


def test_decode_builds_the_model_of_the_type() -> None:
    message = decode(
        '{"type": "capability_request", "id": "1", "capability_id": "echo", '
        '"payload": {"a": 1}, "context": {"user_id": "u"}}'
    )
    assert isinstance(message, CapabilityRequest)
    assert message.version == "1.0"
    assert message.payload == {"a": 1}
    assert message.context.user_id == "u"


def test_absent_fields_get_fresh_defaults_per_message() -> None:
    text = '{"type": "capability_request", "id": "1", "capability_id": "echo"}'
    first, second = decode(text), decode(text)
    assert isinstance(first, CapabilityRequest) and isinstance(second, CapabilityRequest)
    assert first.context == pf.Context()
    assert (first.payload, first.metadata) == ({}, {})
    first.payload["a"] = first.metadata["b"] = 1
    first.context.roles.append("ops")
    assert (second.payload, second.metadata, second.context.roles) == ({}, {}, [])
    assert "context" not in first.model_fields_set


@pytest.mark.parametrize(
    "message",
    [
        pf.CapabilityResponse(id="1", capability_id=None, payload={"a": None, "t": (1, 2)}),
        pf.CapabilityRequest(id="2", capability_id="c", context=pf.Context(user_id="u"), x=None),
        Welcome(node_id="n", session_id="s", heartbeat_s=1.5, limits={"max": 1}),
        error_reply(NotFoundError("nope", details={"k": None}), "3"),
    ],
    ids=["response", "request-with-extra", "welcome", "error"],
)
def test_encode_is_model_dump_json_without_nones(message: Any) -> None:
    assert encode(message) == message.model_dump_json(exclude_none=True)


def test_unknown_top_level_fields_are_kept_and_travel_on() -> None:
    message = decode('{"type": "capability_request", "id": "1", "spatial_context": {"zone": "ai"}}')
    assert message.model_extra == {"spatial_context": {"zone": "ai"}}
    assert json.loads(encode(message))["spatial_context"] == {"zone": "ai"}


def test_bytes_are_accepted_as_utf8() -> None:
    assert isinstance(decode(b'{"type": "hello", "versions": ["1.0"]}'), Hello)
    with pytest.raises(MalformedError, match="UTF-8"):
        decode(b'\xff\xfe{"type": "hello"}')


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("nope", "not valid JSON"),
        ("[1]", "must be a JSON object"),
        ('{"id": "1"}', "no 'type'"),
        ('{"type": "warp", "id": "w"}', "'warp' is unknown"),
        ('{"type": "hello", "versions": "1.0"}', "invalid fields"),
        ('{"type": "event", "channel": "c", "payload": {"x": NaN}}', "NaN"),
        ('{"type": "heartbeat"} trailing', "not valid JSON"),
    ],
    ids=["not-json", "array", "no-type", "unknown-type", "wrong-field", "nan", "trailing"],
)
def test_malformed_input_is_e400(text: str, fragment: str) -> None:
    with pytest.raises(MalformedError, match=fragment) as caught:
        decode(text)
    assert caught.value.code == "E400"


def test_e400_keeps_the_id_and_lists_fields() -> None:
    with pytest.raises(MalformedError) as caught:
        decode('{"type": "capability_request", "id": "r-9", "payload": 3}')
    details = caught.value.details
    assert details["id"] == "r-9"
    assert details["errors"] == [
        {"field": "payload", "message": "Input should be an object", "type": "dict_type"}
    ]


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ('{"type": "heartbeat", "pad": "' + "x" * 3000 + '"}', "max_bytes"),
        (
            '{"type": "event", "id": "e", "channel": "c", "payload": {"s": "' + "y" * 65 + '"}}',
            "max_string",
        ),
        (
            '{"type": "event", "id": "e", "channel": "c", "payload": {"' + "k" * 65 + '": 1}}',
            "max_string",
        ),
        (
            '{"type": "event", "id": "e", "channel": "c", "payload": ' + "[" * 6 + "]" * 6 + "}",
            "max_depth",
        ),
    ],
    ids=["bytes", "string", "key", "depth"],
)
def test_limits_are_e413(text: str, limit: str) -> None:
    with pytest.raises(TooLargeError) as caught:
        decode(text, SMALL)
    assert caught.value.code == "E413"
    assert caught.value.details["limit"] == limit


def test_depth_at_the_limit_is_fine_and_deep_input_never_recurses() -> None:
    at_limit = '{"type": "event", "id": "e", "channel": "c", "payload": {"a": [[[[]]]]}}'
    assert isinstance(decode(at_limit, SMALL), Event)
    very_deep = '{"type": "heartbeat", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(TooLargeError):
        decode(very_deep, Limits(max_bytes=1 << 20))


def test_encode_leaves_out_none_fields_but_keeps_payload_values() -> None:
    text = encode(Welcome(id="h", node_id="n", session_id="s", heartbeat_s=15))
    assert "capability_id" not in text
    reply = json.loads(encode(pf.CapabilityResponse(id="1", payload={"maybe": None})))
    assert reply["payload"] == {"maybe": None}
    assert "capability_id" not in reply


def test_error_reply_is_the_one_error_shape() -> None:
    reply = error_reply(NotFoundError("capability 'x' is not registered"), "7", "x")
    assert json.loads(encode(reply)) == {
        "version": "1.0",
        "type": "capability_error",
        "id": "7",
        "metadata": {},
        "capability_id": "x",
        "error": {
            "code": "E404",
            "type": "not_found",
            "message": "capability 'x' is not registered",
            "details": {},
        },
    }


# -- properties ------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)
message_like = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            [
                "hello",
                "capability_request",
                "event",
                "subscribe",
                "discover",
                "cancel",
                "heartbeat",
                "actor_message",
                "bogus",
            ]
        )
    },
    optional={
        "id": st.text(max_size=8) | st.integers(),
        "payload": json_values,
        "channel": st.text(max_size=8),
        "context": json_values,
        "versions": json_values,
        "metadata": json_values,
        "actor_id": json_values,
    },
)


def _decode_or_typed_error(data: str | bytes) -> None:
    """The property: a message (which encodes back to JSON) or a typed E400/E413, nothing else."""
    try:
        message = decode(data, SMALL)
    except PacketFlowError as exc:
        error = exc
    else:
        json.loads(encode(message))
        return
    assert isinstance(error, MalformedError | TooLargeError)
    assert error.code in ("E400", "E413")
    assert error.message


@settings(max_examples=300)
@given(json_values)
def test_arbitrary_json_yields_a_message_or_a_typed_error(value: Any) -> None:
    _decode_or_typed_error(json.dumps(value))


@settings(max_examples=300)
@given(message_like)
def test_message_shaped_json_yields_a_message_or_a_typed_error(value: dict[str, Any]) -> None:
    _decode_or_typed_error(json.dumps(value))


@settings(max_examples=300)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_arbitrary_bytes_and_text_yield_a_message_or_a_typed_error(data: bytes | str) -> None:
    _decode_or_typed_error(data)


@pytest.mark.parametrize(
    ("data", "code", "match"),
    [
        ("nope", "E400", "not valid JSON"),
        ('{"type": "heartbeat"} trailing', "E400", "not valid JSON"),
        ("[1, 2]", "E400", "string 'type'"),
        ('{"id": "7"}', "E400", "string 'type'"),
        ('{"type": "x", "n": NaN}', "E400", "NaN"),
        (b"\xff{}", "E400", "UTF-8"),
        ('{"type": "x", "s": "' + "s" * 65 + '"}', "E413", "longer than 64"),
        ('{"type": "x", "a": ' + "[" * 7 + "]" * 7 + "}", "E413", "deeper than 6"),
    ],
    ids=["not-json", "trailing", "array", "no-type", "nan", "not-utf8", "long-string", "deep"],
)
def test_parse_object_refuses_with_typed_errors(data: str | bytes, code: str, match: str) -> None:
    with pytest.raises(PacketFlowError, match=match) as caught:
        parse_object(data, SMALL)
    assert caught.value.code == code


def test_parse_object_keeps_what_json_allows() -> None:
    # A lone surrogate is valid JSON (json.loads accepts it; the fast parser does not).
    assert parse_object('{"type": "x", "s": "\\ud800"}') == {"type": "x", "s": "\ud800"}


@settings(max_examples=300)
@given(json_values)
def test_parse_object_reads_what_json_reads(value: Any) -> None:
    text = json.dumps({"type": "t", "value": value})
    try:
        parsed = parse_object(text, SMALL)
    except (MalformedError, TooLargeError):
        return  # a limit of SMALL, or Infinity (json.dumps writes it; it is not JSON)
    assert parsed == json.loads(text)


@settings(max_examples=300)
@given(frames())
def test_every_frame_is_a_message_or_an_error_that_can_be_answered(frame: Frame) -> None:
    """Every message type with known and extra fields of every JSON type (and non-finite
    constants): a message or a typed error naming the frame's id, and the error reply to
    either, built from whatever the frame held, always encodes."""
    try:
        message = decode(frame.text)
    except (MalformedError, TooLargeError) as exc:
        reply = error_reply(exc, exc.details["id"] or "")  # the id the codec recovered
    else:
        assert not frame.non_finite
        # Whatever field the frame named capability_id, of whatever type, reaches the builder.
        refused = MalformedError("refused")
        reply = error_reply(refused, message.id, getattr(message, "capability_id", None))
    wire = json.loads(encode(reply))
    assert wire["id"] == frame.reply_id  # the frame's own id, when it had a readable one
    assert isinstance(wire["error"]["details"], dict)
    assert wire.get("capability_id") is None or isinstance(wire["capability_id"], str)
