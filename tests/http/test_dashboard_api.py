"""The dashboard's JSON API and its live stream (Server-Sent Events), as the page uses them."""

from __future__ import annotations

import json
import socket
from functools import partial
from typing import Any

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow._http.app import HttpApp
from packetflow._http.live import QUEUE, LiveUpdates
from packetflow._http.server import serve_http
from packetflow._http.views import Views
from tests.http.conftest import ADMIN, Served


async def test_capabilities_carry_live_statistics(served: Served) -> None:
    await served.node.call("greet", {"name": "ada"})
    with pytest.raises(pf.PacketFlowError):
        await served.node.call("work", {"fail": "E500"})
    caps = {c["name"]: c for c in (await served.get("/api/capabilities")).json()["capabilities"]}
    assert caps["greet"]["stats"]["count"] == 1
    assert caps["greet"]["intent"] == "Greet someone by name"
    assert caps["work"]["stats"]["errors"] == 1
    assert caps["work"]["stats"]["codes"] == {"E500": 1}
    assert caps["fan_out"]["kind"] == "composition"


async def test_modules_with_status_counters_and_chains(served: Served) -> None:
    await served.node.call("greet", {})
    data = (await served.get("/api/modules")).json()
    watcher = next(m for m in data["modules"] if m["name"] == "watcher")
    assert watcher["status"] == "active" and watcher["calls"] >= 1
    assert data["chains"] == {"request": ["watcher"], "composition": [], "response": []}
    one = (await served.get("/api/modules/watcher")).json()
    assert one["positions"] == {"request": 0, "composition": None, "response": None}
    assert (await served.get("/api/modules/nope")).status_code == 404


async def test_runs_are_timelines_with_the_critical_path(served: Served) -> None:
    await served.node.call("fan_out", {"name": "ada", "ms": 30})
    runs = (await served.get("/api/runs")).json()["runs"]
    run = runs[0]
    assert run["composition"] == "fan_out" and run["status"] == "ok"
    paths = [s["path"] for s in run["steps"]]
    critical = {s["path"] for s in run["steps"] if s["critical"]}
    assert len(paths) == 4
    slow = next(s["path"] for s in run["steps"] if "slow" in s["path"])
    quick = next(s["path"] for s in run["steps"] if "quick" in s["path"])
    assert slow in critical and quick not in critical  # the slow branch held the run up
    assert paths[0] in critical and paths[-1] in critical


async def test_actors_their_state_and_history(served: Served) -> None:
    await served.node.actors.send("counter", "c1", {"n": 2})
    await served.node.actors.send("counter", "c1", {"n": 3})
    data = (await served.get("/api/actors")).json()
    assert [(a["capability"], a["actor_id"], a["status"]) for a in data["actors"]] == [
        ("counter", "c1", "idle")
    ]
    one = (await served.get("/api/actors/counter/c1")).json()
    assert one["state"] == {"total": 5}
    assert [(h["message"], h["reply"]) for h in one["history"]] == [
        ({"n": 2}, {"total": 2}),
        ({"n": 3}, {"total": 5}),
    ]
    missing = await served.get("/api/actors/counter/nobody")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "E404"


async def test_channels_with_subscribers_and_drops(served: Served) -> None:
    with served.node.channels.subscribe("orders.*", buffer=1):
        for n in range(4):
            served.node.channels.publish("orders.created", {"n": n})
        data = (await served.get("/api/channels")).json()
    row = next(p for p in data["patterns"] if p["pattern"] == "orders.*")
    assert row == {"pattern": "orders.*", "subscribers": 1, "buffered": 1, "dropped": 3}
    assert data["dropped"] == 3


async def test_arena_and_optimizer_are_404_when_not_installed(served: Served) -> None:
    for path in ("/api/arena", "/api/optimizer"):
        response = await served.get(path)
        assert response.status_code == 404
        assert "install packetflow-module" in response.json()["error"]["message"]
    overview = (await served.get("/api/overview")).json()
    assert overview["arena"] is False and overview["optimizer"] is False


class RawStream:
    """An HTTP/1.1 streaming GET on a plain socket, read chunk by chunk (one SSE event per
    chunk, as the server writes them): what a browser's fetch sees, minus the browser."""

    def __init__(self, stream: trio.SocketStream) -> None:
        self.stream = stream
        self.buffer = b""

    @classmethod
    async def open(
        cls, url: str, path: str, token: str, *, receive_buffer: int | None = None
    ) -> tuple[RawStream, bytes]:
        """``receive_buffer``: the socket's ``SO_RCVBUF`` (set before connecting, so the
        TCP window stays that small): a reader that stops reading soon blocks the server."""
        host, port = url.removeprefix("http://").split(":")
        sock = trio.socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if receive_buffer is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        await sock.connect((host, int(port)))
        stream = trio.SocketStream(sock)
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n\r\n"
        )
        await stream.send_all(request.encode())
        raw = cls(stream)
        head = await raw._until(b"\r\n\r\n")
        return raw, head

    async def _until(self, marker: bytes) -> bytes:
        while marker not in self.buffer:
            data = await self.stream.receive_some()
            assert data, "the server closed the stream"
            self.buffer += data
        found, self.buffer = self.buffer.split(marker, 1)
        return found

    async def event(self) -> tuple[str, dict[str, Any]]:
        size = int(await self._until(b"\r\n"), 16)
        while len(self.buffer) < size + 2:
            self.buffer += await self.stream.receive_some()
        block, self.buffer = self.buffer[:size], self.buffer[size + 2 :]
        kind, data = block.decode().strip().split("\n", 1)
        return kind.removeprefix("event: "), json.loads(data.removeprefix("data: "))


async def test_the_live_stream_starts_with_a_snapshot_then_sends_changes(served: Served) -> None:
    await served.node.call("greet", {})
    with trio.fail_after(30):
        raw, head = await RawStream.open(served.url, "/api/events", ADMIN)
        async with raw.stream:
            assert head.startswith(b"HTTP/1.1 200")
            assert b"content-type: text/event-stream" in head.lower()
            got = [await raw.event()]
            await served.node.call("work", {})  # subscribed: now something changes
            while not any("work" in body["capabilities"] for _, body in got[1:]):
                got.append(await raw.event())
    kinds = [kind for kind, _ in got]
    assert kinds[0] == "snapshot" and set(kinds[1:]) == {"update"}
    snapshot = got[0][1]
    assert snapshot["capabilities"]["greet"]["count"] == 1
    assert {"overview", "modules", "channels", "actors", "runs"} <= set(snapshot)
    update = got[-1][1]
    assert update["capabilities"]["work"]["count"] == 1
    assert "greet" not in update["capabilities"]  # only what changed


async def test_a_client_that_falls_behind_is_dropped(served: Served) -> None:
    live = LiveUpdates(Views(served.node), interval=60, queue=2)
    slow = live.subscribe()  # never read
    fast = live.subscribe()
    received = []
    for _ in range(3):
        live.publish(live.update())
        received.append(await fast.__anext__())  # the snapshot, then each update
    assert live.dropped == 1 and len(live) == 1
    assert [chunk.split(b"\n", 1)[0] for chunk in received] == [
        b"event: snapshot",
        b"event: update",
        b"event: update",
    ]
    # the dropped client's stream ends after what it held (snapshot + one update)
    held = [chunk async for chunk in slow]
    assert len(held) == 2
    await fast.aclose()  # type: ignore[attr-defined]
    assert len(live) == 0


async def read_until_closed(stream: trio.SocketStream) -> None:
    while await stream.receive_some():
        pass


async def test_a_reader_that_stops_reading_over_tcp_is_dropped(served: Served) -> None:
    # The node's own HTTP app on a second Hypercorn listener whose updates only this test
    # publishes: one reader reads everything, the other stops after the response headers.
    app = HttpApp(served.node, served.server)
    live = app.live
    async with trio.open_nursery() as nursery:
        url: str = await nursery.start(partial(serve_http, app, "127.0.0.1", 0, stall_timeout=1.0))
        fast, _ = await RawStream.open(url, "/api/events", ADMIN)
        slow, head = await RawStream.open(url, "/api/events", ADMIN, receive_buffer=4096)
        assert head.startswith(b"HTTP/1.1 200")
        kinds: list[str] = []

        async def read_everything() -> None:
            while True:
                kinds.append((await fast.event())[0])

        nursery.start_soon(read_everything)
        published = 0
        with trio.fail_after(60):  # bounds a hang only
            while live.dropped == 0:
                live.publish(live.update())
                published += 1
                await trio.testing.wait_all_tasks_blocked()  # every write that can go, went
            # The stalled reader filled the socket buffers, then its QUEUE updates: dropped,
            # not buffered further; the reader that keeps up got every update and stays.
            assert published > QUEUE
            assert len(live) == 1 and live.streams == 2
            assert kinds == ["snapshot"] + ["update"] * published
            # Its connection is cut (the kernel's TCP_USER_TIMEOUT: Hypercorn's writes cannot
            # be cancelled), so its response ends and holds nothing more.
            await live.wait_streams(1)
            with pytest.raises(trio.BrokenResourceError):
                await read_until_closed(slow.stream)
            live.publish(live.update())
            await trio.testing.wait_all_tasks_blocked()
            assert len(kinds) == published + 2 and live.dropped == 1
        nursery.cancel_scope.cancel()
    await fast.stream.aclose()
    await slow.stream.aclose()
