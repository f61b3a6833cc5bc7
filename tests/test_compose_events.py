"""event_driven state machines."""

from __future__ import annotations

from typing import Any

import pytest
import trio
import trio.testing

import packetflow as pf
from packetflow import errors


@pytest.fixture
async def order_node(kit_node: pf.Node) -> pf.Node:
    @pf.capability(provides=["notified"])
    async def notify_customer(payload: dict[str, Any]) -> dict[str, Any]:
        return {"notified": f"{payload.get('event')}:{payload.get('event_payload', {})}"}

    @pf.capability(provides=["state"])
    async def lookup_state(payload: dict[str, Any]) -> dict[str, Any]:
        return {"state": "paid"}

    @pf.capability(provides=["summary"])
    async def summarize(payload: dict[str, Any]) -> dict[str, Any]:
        return {"summary": f"{payload['state']} after {len(payload['transitions'])} events"}

    kit_node.register(notify_customer, lookup_state, summarize)
    return kit_node


def order_machine(**options: Any) -> pf.EventDriven:
    notify = pf.step("notify_customer", from_=["event", "event_payload"])
    return pf.event_driven(
        states=["new", "paid", "shipped", "cancelled"],
        initial="new",
        on={
            "pay": {"new": pf.transition("paid")},
            "ship": {"paid": (notify, "shipped")},
            "cancel": {"*": pf.transition("cancelled")},
        },
        **options,
    )


async def test_events_drive_transitions(order_node: pf.Node) -> None:
    out = await order_node.run(
        order_machine(), {"events": ["pay", {"name": "ship", "payload": {"carrier": "dhl"}}]}
    )
    assert out["state"] == "shipped"
    assert out["notified"] == "ship:{'carrier': 'dhl'}"
    assert out["transitions"] == [
        {"event": "pay", "from": "new", "to": "paid", "handled": True},
        {"event": "ship", "from": "paid", "to": "shipped", "handled": True},
    ]


async def test_an_event_without_a_transition_changes_nothing(order_node: pf.Node) -> None:
    out = await order_node.run(order_machine(), {"event": "ship"})
    assert out["state"] == "new"
    assert out["transitions"] == [{"event": "ship", "from": "new", "to": "new", "handled": False}]
    assert "notified" not in out


async def test_wildcard_state_determine_state_and_finalize(order_node: pf.Node) -> None:
    machine = order_machine(determine_state=pf.step("lookup_state"), finalize=pf.step("summarize"))
    out = await order_node.run(machine, {"events": ["cancel"]})
    assert out["transitions"][0] == {
        "event": "cancel",
        "from": "paid",
        "to": "cancelled",
        "handled": True,
    }
    assert out["summary"] == "cancelled after 1 events"


async def test_state_from_the_request_must_be_known(order_node: pf.Node) -> None:
    with pytest.raises(errors.ContractViolationError, match="'lost' is not one of"):
        await order_node.run(order_machine(), {"state": "lost", "events": []})


async def test_final_state_stops_and_events_come_from_a_channel(
    order_node: pf.Node, autojump_clock: trio.testing.MockClock
) -> None:
    machine = order_machine(channel="orders.events", final=["shipped", "cancelled"])
    result: dict[str, Any] = {}

    async def run() -> None:
        result.update(await order_node.run(machine, {"entity_id": "o-1"}))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(run)
        await trio.testing.wait_all_tasks_blocked()
        publish = order_node.channels.publish
        publish("orders.events", {"name": "pay", "entity_id": "o-2"})  # another order: ignored
        publish("orders.events", {"name": "pay", "entity_id": "o-1"})
        publish("orders.events", {"name": "ship", "entity_id": "o-1", "payload": {"n": 1}})
        publish("orders.events", {"name": "cancel", "entity_id": "o-1"})  # after final: unread
    assert result["state"] == "shipped"
    assert [t["event"] for t in result["transitions"]] == ["pay", "ship"]


def test_unknown_states_are_rejected_when_building() -> None:
    with pytest.raises(ValueError, match="unknown states"):
        pf.event_driven(states=["a"], initial="b", on={"go": {"a": pf.transition("c")}})


async def test_malformed_events_are_e422(order_node: pf.Node) -> None:
    with pytest.raises(errors.ContractViolationError, match="an event must be"):
        await order_node.run(order_machine(), {"events": [42]})
