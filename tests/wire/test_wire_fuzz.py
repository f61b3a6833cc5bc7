"""Fuzzed frames on a real socket: every message type with known and extra fields of every JSON
type, before and after ``hello``.

The property, per frame: the connection is never closed with a code other than 1008 (policy),
1009 (too big) or 1001 (going away); a frame the codec refuses is answered with E400 (E413 for
a limit) carrying the frame's id when it had a readable one; and the node logs nothing at ERROR.
After the frames, the same connection still serves a call.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

import pytest
import trio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from trio_websocket import ConnectionClosed

import packetflow as pf
from packetflow._client.transport import open_websocket
from packetflow._wire.codec import decode
from packetflow.errors import MalformedError, TooLargeError

from .conftest import Peer
from .frames import PLAUSIBLE, REQUIRED, TYPES, Frame, frames

ALLOWED_CLOSE_CODES = {1001, 1008, 1009}
# Many malformed frames in a row are the point here: the strike limit (close 1008) has its own
# test; with it this high, every frame of an example reaches the node.
CONFIG = pf.ServerConfig(max_malformed=10_000)


def fuzz_node() -> pf.Node:
    node = pf.Node("fuzz")

    @pf.capability(intent="Echo the payload back")
    async def echo(payload):  # untyped: the payload mapping
        return dict(payload)

    node.register(echo)
    return node


def expected_code(frame: Frame) -> str | None:
    """The error code the codec gives ``frame`` (``None``: it is a message)."""
    try:
        decode(frame.text, CONFIG.limits)
    except MalformedError:
        return "E400"
    except TooLargeError:
        return "E413"
    return None


async def replies_until(peer: Peer, probe: str) -> list[dict[str, Any]]:
    """Every message the node sends before its answer to heartbeat ``probe``."""
    await peer.send({"version": "1.0", "type": "heartbeat", "id": probe})
    seen: list[dict[str, Any]] = []
    while True:
        message = await peer.recv()
        if message.get("type") == "heartbeat" and message.get("id") == probe:
            return seen
        seen.append(message)


async def exchange(sent: list[Frame], hello_first: bool) -> None:
    node = fuzz_node()
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(partial(node.serve, "127.0.0.1", 0, config=CONFIG))
        async with open_websocket(server.url, max_message_size=1 << 24, connect_timeout=5) as ws:
            peer = Peer(ws)
            welcomed = hello_first and (await peer.hello())["type"] == "welcome"
            try:
                for n, frame in enumerate(sent):
                    await peer.send(frame.text)
                    seen = await replies_until(peer, f"probe-{n}")
                    welcomed = welcomed or any(m.get("type") == "welcome" for m in seen)
                    code = expected_code(frame)
                    if code is not None:
                        errors = [m for m in seen if m.get("type") == "capability_error"]
                        answer = {"id": frame.reply_id, "code": code}
                        assert answer in [
                            {"id": m["id"], "code": m["error"]["code"]} for m in errors
                        ], (frame.text, seen)
                if not welcomed:
                    assert (await peer.hello())["type"] == "welcome"
                reply = await peer.call("echo", {"after": "fuzz"})
                assert reply["payload"] == {"after": "fuzz"}, reply
            except ConnectionClosed as exc:
                code = None if exc.reason is None else exc.reason.code
                assert code in ALLOWED_CLOSE_CODES, (code, [f.text for f in sent])
        nursery.cancel_scope.cancel()


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sent=st.lists(frames(), min_size=1, max_size=12), hello_first=st.booleans())
def test_fuzzed_frames_never_break_the_connection(
    caplog: pytest.LogCaptureFixture, sent: list[Frame], hello_first: bool
) -> None:
    caplog.set_level(logging.ERROR)
    caplog.clear()  # one test, many examples: each is judged on its own records
    trio.run(exchange, sent, hello_first)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == [], [record.getMessage() for record in errors]


def test_the_fuzzer_reaches_every_message_type() -> None:
    # The strategy reads the types from the models. A required field without a plausible value
    # would make every frame of its type malformed, and the node's handling of it untested.
    assert len(TYPES) == 15
    assert {"hello", "capability_request", "actor_message", "mcp_request", "event"} <= set(TYPES)
    assert set(REQUIRED) <= set(PLAUSIBLE), set(REQUIRED) - set(PLAUSIBLE)
