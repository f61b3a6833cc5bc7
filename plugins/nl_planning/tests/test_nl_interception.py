"""Interception: a ``capability_request`` with ``intent`` and no ``capability_id`` is planned and
run (from the wire, ``node.dispatch`` and ``node.call``); the response carries the last step's
outputs and ``metadata.plan``. A request that names its capability passes untouched."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

import pytest
import trio
from trio_websocket import open_websocket_url

import packetflow as pf
from packetflow.testing import ChainRecorder


async def test_dispatch_plans_runs_and_reports_the_plan(
    module_node: pf.Node, planning: Any
) -> None:
    request = pf.CapabilityRequest(
        id="r1", intent="weather in Oslo tomorrow", metadata={"today": "2026-03-04"}
    )
    response = await module_node.dispatch(request)
    assert response.payload == {"summary": "sunny in Oslo"}
    assert response.id == "r1"
    steps = response.metadata["plan"]["steps"]
    assert [s["cap"] for s in steps] == ["get_forecast"]
    info = response.metadata["nl_planning"]
    assert info["steps"] == [
        {"capability": "get_forecast", "params": {"city": "Oslo", "date": "2026-03-05"}}
    ]
    assert info["planner"] == "offline"


async def test_node_call_takes_an_intent(module_node: pf.Node, planning: Any) -> None:
    out = await module_node.call(intent="how much to send a 2 kg parcel to Spain")
    assert out == {"price": 8.0}
    # The payload of an intent request fills fields the text leaves out, by name.
    out = await module_node.call(intent="send an email saying hello", payload={"to": "ana@x.org"})
    assert out == {"message_id": "m-1", "to": "ana@x.org"}


async def test_a_refused_intent_is_e404(module_node: pf.Node, planning: Any) -> None:
    with pytest.raises(pf.errors.NotFoundError, match="follow_user"):
        await module_node.call(intent="unfollow @ada")


async def test_a_named_request_passes_untouched(
    module_node: pf.Node, planning: Any, chain_recorder: ChainRecorder
) -> None:
    response = await module_node.dispatch(
        pf.CapabilityRequest(id="n1", capability_id="get_forecast", payload={"city": "Rome"})
    )
    assert response.payload == {"summary": "sunny in Rome"}
    assert "plan" not in response.metadata
    mine = [c for c in chain_recorder.calls if c.module == "nl_planning"]
    assert {c.chain for c in mine} == {"request", "response"}
    assert all(c.decision is None for c in mine)  # Continue, at once


async def test_an_intent_over_the_wire(module_node: pf.Node, planning: Any) -> None:
    config = pf.ServerConfig()
    async with trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(
            partial(module_node.serve, "127.0.0.1", 0, config=config)
        )
        async with open_websocket_url(server.url) as ws:
            await ws.send_message(json.dumps({"type": "hello", "id": "h", "versions": ["1.0"]}))
            welcome = json.loads(await ws.get_message())
            assert welcome["type"] == "welcome"
            message = {
                "type": "capability_request",
                "id": "w1",
                "intent": "refund order #7345901, 12 euros",
                "metadata": {"today": "2026-03-04"},
            }
            await ws.send_message(json.dumps(message))
            reply = json.loads(await ws.get_message())
            while reply.get("id") != "w1":  # heartbeats may come first
                reply = json.loads(await ws.get_message())
        nursery.cancel_scope.cancel()
    assert reply["type"] == "capability_response", reply
    assert reply["payload"] == {"refund_id": "r-7345901"}
    [step] = reply["metadata"]["nl_planning"]["steps"]
    assert step["params"] == {"order_id": "7345901", "amount": 12, "currency": "EUR"}
    assert reply["metadata"]["modules"] == ["nl_planning"]  # it acted twice, listed once


async def test_nl_planning_run_takes_the_plan_nl_planning_plan_returned(
    module_node: pf.Node, planning: Any
) -> None:
    text = "look up Grace Hopper and then email her saying 'hi'"
    out = await module_node.call("nl_planning.plan", {"text": text, "today": "2026-03-04"})
    result = await module_node.call("nl_planning.run", {"steps": out["steps"], "plan": out["plan"]})
    assert result == {"message_id": "m-1", "to": "grace@example.org"}
    # A plan may not smuggle in the node's management capabilities.
    bad = {"type": "pipeline", "steps": [{"type": "step", "cap": "packetflow.modules.list"}]}
    with pytest.raises(pf.errors.ForbiddenError):
        await module_node.call("nl_planning.run", {"steps": [], "plan": bad})


async def test_registry_changes_update_the_index(module_node: pf.Node, planning: Any) -> None:
    @pf.capability(intent="Water the plants in a room", requires=("room",), provides=("ok",))
    async def water_plants(payload: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True}

    with pytest.raises(pf.errors.NotFoundError):  # nothing waters plants yet
        await module_node.call(intent="water the plants in the kitchen")
    module_node.register(water_plants)
    assert await module_node.call(intent="water the plants in the kitchen") == {"ok": True}
    module_node.unregister("water_plants")
    with pytest.raises(pf.errors.NotFoundError):  # the capability is gone
        await module_node.call(intent="water the plants in the kitchen")
