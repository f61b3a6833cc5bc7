"""The protocol objects fuzzed directly, without sockets or trio: any sequence of frames (the
hostile ones of :mod:`.frames` and well-formed ones with fresh ids), clock ticks and transport
reports.

The server's properties, for every sequence:

- it never raises;
- every request-like message (and every subscribe, unsubscribe, publish and discover) gets
  exactly one reply, unless the client cancelled it (then at most one);
- a frame the codec refuses is answered with E400 (E413 for a limit) carrying its id;
- it closes at most once, only with 1001, 1008, 1009 or 4408, and says nothing after that;
- requests in flight never exceed ``max_in_flight``, subscriptions ``max_subscriptions``.

The client's: it never raises, whatever the node sends, and each waiting request is resolved
at most once.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from packetflow._auth.principal import Principal
from packetflow._channels import ChannelEvent
from packetflow._wire.codec import Limits, decode
from packetflow._wire.config import ServerConfig
from packetflow._wire.messages import CapabilityResponse
from packetflow._wire.protocol.client import ClientProtocol
from packetflow._wire.protocol.events import (
    Authenticate,
    Beat,
    CancelRun,
    Close,
    CloseSubscription,
    Deliver,
    EndSubscription,
    OpenSubscription,
    Publish,
    Query,
    Refused,
    Request,
    Resolve,
    Run,
    Send,
    Welcomed,
)
from packetflow._wire.protocol.server import ServerProtocol
from packetflow.errors import (
    MalformedError,
    NotFoundError,
    PacketFlowError,
    RateLimitedError,
    TooLargeError,
    UnauthenticatedError,
)

from .frames import Frame, frames, json_values

LIMITS = Limits(max_bytes=4096, max_depth=8, max_string=512)
ALLOWED_CLOSE_CODES = {1001, 1008, 1009, 4408}
FRESH = "fresh-message-"
REPLY_TYPES = {"capability_response", "capability_error", "mcp_response", "discovery"}
ANSWERED_TYPES = {
    "capability_request", "actor_message", "mcp_request", "subscribe", "unsubscribe",
    "event", "discover",
}  # fmt: skip
PRINCIPALS = [
    Principal.anonymous(),
    Principal("alice", ("cap:echo", "chan:orders.*"), roles=("ops",)),
    Principal("bob", ("actor:*",)),
]


class Gate:
    """The wire server's part: draining, and a rate limit refusing every ``refuse_every``-th."""

    def __init__(self, refuse_every: int) -> None:
        self.draining = False
        self.refuse_every = refuse_every
        self.calls = 0

    def admit(self, principal: Principal) -> None:
        self.calls += 1
        if self.refuse_every and self.calls % self.refuse_every == 0:
            raise RateLimitedError("token: rate limit exceeded; retry later", retry_after_ms=10)

    def note_refused(self, code: str) -> None:
        pass  # the fuzz checks replies, not the counters


@dataclass(frozen=True)
class Fresh:
    """A well-formed message of ``kind`` with a fresh id (or the id of a running request)."""

    kind: str
    fields: dict[str, Any]
    reuse_running: bool = False


@dataclass(frozen=True)
class Report:
    """The transport reports on the ``index``-th outstanding thing: ``how`` it ended."""

    what: str  # "run", "event", "stalled"
    index: int
    how: int


@dataclass(frozen=True)
class Tick:
    seconds: float


@dataclass(frozen=True)
class Node:
    """Node-side events: "drain", "cut_off", "going_away", "oversized"."""

    what: str


fresh = st.builds(
    Fresh,
    kind=st.sampled_from(
        [
            "hello",
            "capability_request",
            "actor_message",
            "mcp_request",
            "subscribe",
            "unsubscribe",
            "event",
            "discover",
            "cancel",
            "heartbeat",
        ]
    ),
    fields=st.fixed_dictionaries(
        {},
        optional={
            "capability_id": st.sampled_from(["echo", "other", "packetflow.admin"]),
            "channel": st.sampled_from(["orders.created", "orders.*", "other", "[bad"]),
            "actor_id": st.sampled_from(["a1", "a2"]),
            "payload": st.dictionaries(st.text(max_size=4), json_values, max_size=2),
            "version": st.sampled_from(["1.0", "1.0", "1.0", "0.9"]),
            "versions": st.sampled_from([["1.0"], ["9.9"]]),
        },
    ),
    reuse_running=st.booleans(),
)
# Weighted by hand: mostly well-formed traffic and the transport's reports, often a hostile
# frame or a small tick, rarely what ends the connection (so sequences get far enough).
actions = st.integers(0, 19).flatmap(
    lambda n: (
        fresh if n < 8
        else frames() if n < 11
        else st.builds(Report, st.just("run"), st.integers(0, 7), st.integers(0, 5)) if n < 14
        else st.builds(Report, st.just("event"), st.integers(0, 7), st.integers(0, 5)) if n < 15
        else st.builds(Tick, st.sampled_from([0.0, 0.4, 0.9])) if n < 17
        else st.builds(Tick, st.sampled_from([2.5, 6.0])) | st.builds(Node, st.just("drain"))
        if n < 18
        else st.builds(Node, st.just("cut_off")) if n < 19
        else st.builds(Report, st.just("stalled"), st.just(0), st.just(0))
        | st.builds(Node, st.sampled_from(["going_away", "oversized"]))
    )
)  # fmt: skip


@dataclass
class ServerDriver:
    """Plays the transport: carries out every output and keeps the books the properties
    need."""

    protocol: ServerProtocol
    gate: Gate
    auth: list[int]
    now: float = 0.0
    expected: Counter[str] = field(default_factory=Counter)  # id -> replies owed
    replies: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (id, code) of error replies
    cancelled: set[str] = field(default_factory=set)
    running: dict[str, Request] = field(default_factory=dict)
    subscriptions: dict[str, OpenSubscription] = field(default_factory=dict)
    closes: list[Close] = field(default_factory=list)
    ids: int = 0

    def feed(self, text: str | bytes) -> None:
        outputs = self.protocol.receive(text, self.now)
        if self.closes:
            assert outputs == (), outputs  # nothing after the close
        self.carry_out(outputs)

    def carry_out(self, outputs: tuple[Any, ...]) -> None:
        for output in outputs:
            if isinstance(output, Send):
                self.sent(output.text)
            elif isinstance(output, Close):
                assert output.code in ALLOWED_CLOSE_CODES, output
                assert not self.closes, (self.closes, output)  # at most once
                self.closes.append(output)
            elif isinstance(output, Run):
                assert len(outputs) == 1, outputs
                self.running[output.request.id] = output.request
            elif isinstance(output, Authenticate):
                how = self.auth.pop(0) if self.auth else 0
                if how == len(PRINCIPALS):
                    error = UnauthenticatedError("hello: token invalid; create a new one")
                    self.carry_out(self.protocol.refuse(output, error, self.now))
                else:
                    principal = PRINCIPALS[how % len(PRINCIPALS)]
                    self.carry_out(self.protocol.welcome(output, principal, self.now))
            elif isinstance(output, CancelRun):
                self.cancel(output.request_id)
            elif isinstance(output, OpenSubscription):
                if output.channel == "[bad":  # what the node's channels refuse
                    error = MalformedError(f"channel pattern {output.channel!r} is invalid")
                    self.sent(self.protocol.failed(output, error).text)
                else:
                    self.subscriptions[output.channel] = output
                    self.sent(output.ack)
            elif isinstance(output, CloseSubscription):
                self.subscriptions.pop(output.channel, None)
            elif isinstance(output, Publish):
                self.sent(self.protocol.published(output, len(self.subscriptions)).text)
            elif isinstance(output, Query):
                if output.message.name == "boom":
                    self.sent(self.protocol.failed(output, NotFoundError("no such")).text)
                else:
                    self.sent(self.protocol.discovered(output, []).text)
            else:
                raise AssertionError(f"unexpected output {output!r}")
        assert len(self.protocol.in_flight) <= self.protocol.config.max_in_flight
        assert len(self.protocol.subscriptions) <= self.protocol.config.max_subscriptions

    def sent(self, text: str) -> None:
        message = json.loads(text)
        if message["type"] in REPLY_TYPES:
            self.replies[message["id"]] += 1
        if message["type"] == "capability_error":
            self.errors.append((message["id"], message["error"]["code"]))

    def cancel(self, rid: str) -> None:
        request = self.running.pop(rid, None)
        if request is None:
            return
        text = self.protocol.cancelled(request)
        if text is None:
            self.cancelled.add(rid)
        else:
            self.sent(text)
        self.protocol.done(rid)

    def finish(self, index: int, how: int) -> None:
        if not self.running:
            return
        rid = list(self.running)[index % len(self.running)]
        request = self.running.pop(rid)
        text: str
        if how == 0:
            error: BaseException = RuntimeError("a bug below dispatch")
            text = self.protocol.fail(request, error)
        elif how == 1:
            text = self.protocol.fail(request, NotFoundError("capability 'x': not registered"))
        else:
            payload = {"x": "y" * (LIMITS.max_bytes if how == 2 else how)}
            try:
                text = self.protocol.reply(request, CapabilityResponse(id="other", payload=payload))
            except TooLargeError as exc:  # the only error a reply can raise
                text = self.protocol.fail(request, exc)
        self.sent(text)
        self.protocol.done(rid)

    def fresh_id(self, action: Fresh) -> str:
        # Only messages that owe a reply (and cancels) reuse a running id: a second hello, say,
        # would be answered under it without owing one.
        reusable = action.kind in ANSWERED_TYPES or action.kind == "cancel"
        ours = [rid for rid in self.running if rid.startswith(FRESH)]  # owed replies counted
        if action.reuse_running and reusable and ours:
            return ours[0]
        self.ids += 1
        return f"{FRESH}{self.ids:05}"  # longer than any id the hostile frames carry


def server_step(driver: ServerDriver, action: Any) -> None:
    protocol = driver.protocol
    if isinstance(action, Frame):
        closed_before = bool(driver.closes)
        del driver.errors[:]
        driver.feed(action.text)
        code = codec_code(action.text)
        if code is not None and not closed_before:
            assert (action.reply_id, code) in driver.errors, (action.text, driver.errors)
    elif isinstance(action, Fresh):
        msg_id = driver.fresh_id(action)
        message = {"version": "1.0", "type": action.kind, "id": msg_id, **action.fields}
        if action.kind == "cancel":
            message["version"] = "1.0"  # a cancel of another version is answered (E600)
        if action.kind in ("subscribe", "unsubscribe", "event"):
            message.setdefault("channel", "orders.created")
        if action.kind == "actor_message":
            message.setdefault("actor_id", "a1")
        if action.kind == "mcp_request":
            message.setdefault("payload", {"jsonrpc": "2.0", "id": 1, "method": "ping"})
        if action.kind in ANSWERED_TYPES and not driver.closes:
            driver.expected[msg_id] += 1
        driver.feed(json.dumps(message))
    elif isinstance(action, Report):
        if action.what == "run":
            driver.finish(action.index, action.how)
        elif action.what == "event" and driver.subscriptions:
            subs = list(driver.subscriptions.values())
            sub = subs[action.index % len(subs)]
            event = ChannelEvent("orders.created", {"n": action.how}, dropped=action.how)
            driver.carry_out(protocol.forward(sub.id, sub.channel, event))
        elif action.what == "stalled":
            driver.carry_out(protocol.stalled())
    elif isinstance(action, Tick):
        driver.now += action.seconds
        outputs = protocol.tick(driver.now)
        for output in outputs:
            if isinstance(output, Beat):
                assert json.loads(output.text)["type"] == "heartbeat"
            else:
                driver.carry_out((output,))
    elif action.what == "drain":
        driver.gate.draining = True
    elif action.what == "cut_off":
        driver.carry_out(protocol.cut_off())
    elif action.what == "going_away":
        driver.carry_out(protocol.going_away())
    else:  # oversized: a transport without its own size check hands it over
        closed_before = bool(driver.closes)
        driver.feed('{"type": "heartbeat", "pad": "' + "x" * LIMITS.max_bytes + '"}')
        assert closed_before or driver.closes[-1].code == 1009


def codec_code(text: str) -> str | None:
    try:
        decode(text, LIMITS)
    except MalformedError:
        return "E400"
    except TooLargeError:
        return "E413"
    return None


@settings(max_examples=300, deadline=None)
@given(
    hello_first=st.integers(0, 4).map(bool),  # mostly
    steps=st.lists(actions, min_size=1, max_size=60),
    auth=st.lists(st.integers(0, len(PRINCIPALS)), max_size=4),
    max_in_flight=st.integers(1, 3),
    max_malformed=st.integers(1, 6),
    refuse_every=st.sampled_from([0, 0, 3]),
)
def test_any_sequence_keeps_the_server_protocol_promises(
    hello_first: bool,
    steps: list[Any],
    auth: list[int],
    max_in_flight: int,
    max_malformed: int,
    refuse_every: int,
) -> None:
    config = ServerConfig(
        limits=LIMITS, heartbeat_s=1.0, missed_heartbeats=2, handshake_timeout=5.0,
        max_in_flight=max_in_flight, max_subscriptions=2, max_malformed=max_malformed,
    )  # fmt: skip
    gate = Gate(refuse_every)
    protocol = ServerProtocol(
        config, gate, session_id="n/1", node_id="n", node_name="fuzz", now=0.0
    )
    driver = ServerDriver(protocol, gate, list(auth))
    if hello_first:
        steps = [Fresh("hello", {}), *steps]
    for step in steps:
        server_step(driver, step)
    # The transport finishes whatever still runs (a reply after a close is dropped by it, but
    # the protocol still gave one).
    while driver.running:
        driver.finish(0, 3)
    for msg_id, owed in driver.expected.items():
        got = driver.replies[msg_id]
        if msg_id in driver.cancelled:
            assert got <= owed, (msg_id, got, owed)
        else:
            assert got == owed, (msg_id, got, owed, steps)
    assert protocol.in_flight == {}


# -- the client ----------------------------------------------------------------------------


class Waiter:
    def __init__(self) -> None:
        self.replies: list[Any] = []

    def resolve(self, reply: Any) -> None:
        self.replies.append(reply)


class Sink:
    def __init__(self) -> None:
        self.events: list[ChannelEvent] = []
        self.errors: list[PacketFlowError] = []

    def offer(self, event: ChannelEvent) -> None:
        self.events.append(event)

    def fail(self, error: PacketFlowError) -> None:
        self.errors.append(error)


node_frames = st.one_of(
    frames().map(lambda frame: frame.text),
    st.builds(
        lambda kind, msg_id, extra: json.dumps({"type": kind, "id": msg_id, **extra}),
        st.sampled_from(["capability_response", "capability_error", "event", "heartbeat"]),
        st.sampled_from(["1", "2", "s1", "hb-client-1", "x"]) | json_values,
        st.dictionaries(st.sampled_from(["error", "payload", "metadata", "channel"]), json_values),
    ),
)
welcomes = st.builds(
    lambda heartbeat, limits: json.dumps(
        {"type": "welcome", "id": "hello", "node_id": "n", "session_id": "s",
         "heartbeat_s": heartbeat, "limits": limits}
    ),
    st.sampled_from([1.0, 0.0, -1.0, 15.0]),
    st.dictionaries(st.sampled_from(["max_message_bytes", "missed_heartbeats"]), json_values),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    welcome=welcomes,
    before=st.lists(node_frames, max_size=4),
    after=st.lists(node_frames | st.floats(0, 20), max_size=30),
)
def test_any_node_traffic_keeps_the_client_protocol_promises(
    welcome: str, before: list[str], after: list[str | float]
) -> None:
    sink = Sink()
    protocol = ClientProtocol("ws://fuzz", {"s1": sink})
    assert json.loads(protocol.hello(None, "fuzz"))["type"] == "hello"
    now = 0.0
    for text in [*before, welcome]:
        outputs = protocol.receive(text, now)
        if any(isinstance(out, Welcomed | Refused) for out in outputs):
            break
    if protocol.welcome is None:
        return  # refused (or never welcomed): the transport gives up on this connection
    waiters = {msg_id: Waiter() for msg_id in ("1", "2")}
    for msg_id, waiter in list(waiters.items()):
        try:
            protocol.expect(msg_id, "{}", waiter)
        except TooLargeError:  # the welcome set a limit below two bytes
            del waiters[msg_id]
    for item in after:
        if isinstance(item, float):
            now += item
            outputs = protocol.tick(now)
        else:
            outputs = protocol.receive(item, now)
        for output in outputs:
            if isinstance(output, Resolve):
                output.waiter.resolve(output.reply)
            elif isinstance(output, Deliver | EndSubscription):
                assert output.sink is sink
            else:
                assert isinstance(output, Send | Beat | Close), output
    for output in protocol.lost(1006):
        output.waiter.resolve(output.reply)
    for waiter in waiters.values():
        assert len(waiter.replies) == 1  # a reply, or the E503 of the lost connection
    assert protocol.forget("1") is None  # nothing left to cancel
