"""An independent client (the asyncio ``websockets`` library, not ours) completes the handshake,
a call, a heartbeat and a subscription using only what the protocol specification says."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import trio
from websockets.asyncio.client import connect

import packetflow as pf


async def _session(url: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    async with connect(url) as ws:

        async def exchange(message: dict[str, Any]) -> dict[str, Any]:
            await ws.send(json.dumps({"version": "1.0", **message}))
            while True:
                reply: dict[str, Any] = json.loads(await ws.recv())
                if reply.get("id") == message["id"]:
                    return reply

        seen["welcome"] = await exchange(
            {"type": "hello", "id": "h1", "client": "websockets", "versions": ["1.0"]}
        )
        seen["call"] = await exchange(
            {"type": "capability_request", "id": "c1", "capability_id": "echo",
             "payload": {"x": 1}, "context": {"trace_id": "interop-1"}}
        )  # fmt: skip
        seen["error"] = await exchange(
            {"type": "capability_request", "id": "c2", "capability_id": "missing"}
        )
        seen["beat"] = await exchange({"type": "heartbeat", "id": "b1"})
        seen["subscribed"] = await exchange(
            {"type": "subscribe", "id": "s1", "channel": "orders.*"}
        )
        await exchange({"type": "capability_request", "id": "c3", "capability_id": "place_order"})
        seen["event"] = json.loads(await ws.recv())
    return seen


async def test_websockets_asyncio_client_speaks_the_protocol(served: pf.WireServer) -> None:
    seen = await trio.to_thread.run_sync(lambda: asyncio.run(_session(served.url)))
    welcome = seen["welcome"]
    assert welcome["type"] == "welcome"
    assert welcome["version"] == "1.0"
    assert welcome["heartbeat_s"] > 0
    assert welcome["limits"]["max_message_bytes"] > 0
    assert seen["call"]["type"] == "capability_response"
    assert seen["call"]["payload"] == {"x": 1}
    assert seen["error"]["error"]["code"] == "E404"
    assert seen["beat"] == {"version": "1.0", "type": "heartbeat", "id": "b1", "metadata": {}}
    assert seen["subscribed"]["payload"]["subscribed"] is True
    assert seen["event"]["type"] == "event"
    assert seen["event"]["id"] == "s1"
    assert seen["event"]["channel"] == "orders.created"
