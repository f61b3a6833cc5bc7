"""Hostile frames and error replies on a real socket.

A field of the wrong type, a non-finite number, a module that decorates an error: each frame
gets its one typed reply (with the frame's id when it had a readable one), ``error.details`` is
always an object, the connection keeps working, and the node logs nothing at ERROR.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

import packetflow as pf
from packetflow._wire.codec import encode, error_reply

from .conftest import Connect, Peer

# The reproductions of the 1011 closes: a ``capability_id`` of the wrong type on a message
# that has no such field (an unknown field, kept as sent), answered with that message's own
# error. Building the reply used to re-validate the peer's value and kill the connection.
WRONG_TYPES = [
    pytest.param(
        True,
        {"type": "unsubscribe", "id": "x", "channel": "nope", "capability_id": []},
        "E404",
        id="unsubscribe-after-hello",
    ),
    pytest.param(
        False,
        {"type": "discover", "id": "x", "capability_id": 5},
        "E401",
        id="discover-before-hello",
    ),
    pytest.param(
        False,
        {"type": "hello", "id": "x", "versions": ["9"], "capability_id": {}},
        "E600",
        id="hello-no-common-version",
    ),
]

# Known fields of the wrong type: the frame is malformed (E400), answered with its id.
MALFORMED = [
    pytest.param(
        {"type": "capability_request", "id": "m", "capability_id": []}, id="request-capability_id"
    ),
    pytest.param(
        {"type": "actor_message", "id": "m", "capability_id": "echo", "actor_id": 5},
        id="actor-actor_id",
    ),
    pytest.param({"type": "subscribe", "id": "m", "channel": {}}, id="subscribe-channel"),
    pytest.param({"type": "discover", "id": "m", "requires": "a"}, id="discover-requires"),
    pytest.param({"type": "hello", "id": "m", "versions": [1]}, id="hello-versions"),
]


async def assert_usable(peer: Peer) -> None:
    reply = await peer.call("echo", {"still": "here"})
    assert reply["type"] == "capability_response", reply
    assert reply["payload"] == {"still": "here"}


@pytest.fixture
def errors_logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Every record logged at ERROR or above during the test."""
    caplog.set_level(logging.ERROR)
    return caplog.records


@pytest.mark.parametrize(("after_hello", "frame", "code"), WRONG_TYPES)
async def test_an_unknown_field_of_any_type_never_breaks_the_error_reply(
    connect: Connect,
    errors_logged: list[logging.LogRecord],
    after_hello: bool,
    frame: dict[str, Any],
    code: str,
) -> None:
    peer = await connect(hello=after_hello)
    await peer.send({"version": "1.0", **frame})
    reply = await peer.recv()
    assert reply["type"] == "capability_error", reply
    assert (reply["id"], reply["error"]["code"]) == ("x", code)
    assert "capability_id" not in reply  # not this message's field: never copied into a reply
    assert isinstance(reply["error"]["details"], dict)
    if not after_hello:
        assert (await peer.hello())["type"] == "welcome"
    await assert_usable(peer)
    assert errors_logged == []


@pytest.mark.parametrize("frame", MALFORMED)
@pytest.mark.parametrize("after_hello", [True, False], ids=["after-hello", "before-hello"])
async def test_a_known_field_of_the_wrong_type_is_e400_with_the_id(
    connect: Connect,
    errors_logged: list[logging.LogRecord],
    after_hello: bool,
    frame: dict[str, Any],
) -> None:
    peer = await connect(hello=after_hello)
    await peer.send({"version": "1.0", **frame})
    reply = await peer.recv()
    assert (reply["type"], reply["id"], reply["error"]["code"]) == ("capability_error", "m", "E400")
    assert reply["error"]["details"]["errors"], reply  # each offending field is listed
    if not after_hello:
        assert (await peer.hello())["type"] == "welcome"
    await assert_usable(peer)
    assert errors_logged == []


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
async def test_a_non_finite_number_is_e400_answering_the_frame_id(
    connect: Connect, errors_logged: list[logging.LogRecord], constant: str
) -> None:
    peer = await connect()
    await peer.send(
        '{"version": "1.0", "type": "capability_request", "id": "nf-1", '
        f'"capability_id": "echo", "payload": {{"x": {constant}}}}}'
    )
    reply = await peer.recv()
    assert (reply["type"], reply["id"], reply["error"]["code"]) == (
        "capability_error",
        "nf-1",
        "E400",
    )
    assert constant in reply["error"]["message"]
    await assert_usable(peer)
    assert errors_logged == []


@pytest.mark.parametrize(
    "timeout_ms",
    ["soon", [], {}, -1, "NaN", 10**400],
    ids=["text", "array", "object", "negative", "nan-text", "beyond-float"],
)
async def test_a_deadline_that_is_not_a_number_is_e400(
    connect: Connect, errors_logged: list[logging.LogRecord], timeout_ms: Any
) -> None:
    peer = await connect()
    reply = await peer.call("echo", {}, metadata={"timeout_ms": timeout_ms})
    assert reply["error"]["code"] == "E400", reply
    assert reply["error"]["details"] == {"field": "metadata.timeout_ms"}
    await assert_usable(peer)
    assert errors_logged == []  # was an E500 with a traceback in the node log


async def test_details_is_an_object_on_every_error_reply(connect: Connect) -> None:
    peer = await connect()
    reply = await peer.call("no_such_capability")
    assert reply["error"]["code"] == "E404"
    assert reply["error"]["details"] == {}


# -- the one error-reply builder -------------------------------------------------------------


class Opaque:
    """Not JSON: a module may put anything in an error's details."""

    def __repr__(self) -> str:
        return "<Opaque>"


def test_error_reply_copies_only_what_a_reply_can_hold() -> None:
    circular: dict[str, Any] = {}
    circular["self"] = circular
    error = pf.errors.ConflictError("boom", details={"thing": Opaque(), "set": {1}})
    error.retry_after_ms = "soon"  # type: ignore[assignment]
    error.metadata = {"hook": Opaque()}
    wire = json.loads(encode(error_reply(error, ["not", "an", "id"], {"not": "a name"})))
    assert wire == {
        "version": "1.0",
        "type": "capability_error",
        "id": "",
        "metadata": {"hook": "<Opaque>"},
        "error": {
            "code": "E409",
            "type": "conflict",
            "message": "boom",
            "details": {"thing": "<Opaque>", "set": [1]},
        },
    }
    odd = pf.errors.NotFoundError("loop", details=circular, retry_after_ms=float("nan"))  # type: ignore[arg-type]
    body = json.loads(encode(error_reply(odd, "i" * 257)))
    assert body["id"] == ""
    assert body["error"]["details"] == {"unserialisable": "dict"}
    assert "retry_after_ms" not in body["error"]


@pytest.mark.parametrize(
    "error",
    [
        pf.errors.NotFoundError("x"),
        pf.errors.MalformedError("x", details=None),
        pf.errors.from_wire({"code": "E503", "message": "x", "details": None}),
        pf.errors.from_wire({"code": "E999", "message": "x"}),
    ],
    ids=["raised", "explicit-none", "from-wire-null", "unknown-code"],
)
def test_details_is_always_an_object(error: pf.errors.PacketFlowError) -> None:
    assert error.details == {}
    assert error.to_wire()["details"] == {}  # the body MCP's error data and HTTP errors send
    assert json.loads(encode(error_reply(error, "1")))["error"]["details"] == {}
    body = pf.CapabilityError(error={"code": "E400", "type": "t", "message": "m", "details": None})
    assert body.error.details == {}


def test_from_wire_keeps_the_message_metadata_and_drops_what_is_not_an_object() -> None:
    wire = {"code": "E429", "message": "slow down", "retry_after_ms": "1s"}
    error = pf.errors.from_wire(wire, {"trace": "t-1"})
    assert (error.metadata, error.retry_after_ms) == ({"trace": "t-1"}, None)
    assert pf.errors.from_wire(wire, ["not", "an", "object"]).metadata == {}  # type: ignore[arg-type]


# -- metadata response hooks add to an error -------------------------------------------------


class Stamp(pf.Module):
    """Adds metadata to every outcome: by returning a copy, or by writing to it in place."""

    name = "stamp"
    in_place = False

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform | None:
        if self.in_place:
            response.metadata["stamped"] = "in-place"
            return None
        stamped = {**response.metadata, "stamped": "copy"}
        return pf.Transform(response.model_copy(update={"metadata": stamped}))


@pytest.mark.parametrize("in_place", [False, True], ids=["transform", "in-place"])
async def test_metadata_a_response_hook_adds_to_an_error_travels_on_the_wire(
    served: pf.WireServer, connect: Connect, in_place: bool
) -> None:
    served.node.modules.register(type("Stamp", (Stamp,), {"in_place": in_place}))
    await served.node.modules.wait_ready("stamp")
    peer = await connect()
    # A module that returned a decision acted (``modules``); writing in place is not a decision.
    expected = {"stamped": "in-place"} if in_place else {"stamped": "copy", "modules": ["stamp"]}
    reply = await peer.call("broken")
    assert reply["error"]["code"] == "E500"
    assert reply["metadata"] == expected
    ok = await peer.call("echo", {"a": 1})
    assert {key: ok["metadata"].get(key) for key in expected} == expected  # as on a response
    async with pf.open_client(served.url) as client:
        with pytest.raises(pf.errors.ExecutionFailedError) as caught:
            await client.call("broken")
    assert caught.value.metadata == expected
