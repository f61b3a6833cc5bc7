"""Actor messages travel through ``node.dispatch`` (the wire path and the module chain's seam)
and the registry operations are capabilities every transport can call."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from pydantic import BaseModel

import packetflow as pf
from packetflow._actors.request import actor_message
from packetflow._context import Context
from packetflow._wire.messages import ActorMessage, ActorOptions, CapabilityResponse
from packetflow.errors import MalformedError, NotFoundError

from .conftest import NodeFactory


class Box(BaseModel):
    items: list[str] = []


class Put(BaseModel):
    item: str


class Size(BaseModel):
    size: int


@pf.actor(persistence="sqlite")
class Basket(pf.Actor[Box]):
    """Collects items."""

    async def handle(self, msg: Put, ctx: pf.Context) -> Size:
        self.state.items.append(msg.item)
        return Size(size=len(self.state.items))


async def test_a_wire_actor_message_reaches_the_actor(make_node: NodeFactory) -> None:
    node = make_node(Basket)
    async with node.started():
        request = ActorMessage.model_validate(
            {
                "type": "actor_message",
                "id": "m-1",
                "capability_id": "basket",
                "actor_id": "b1",
                "payload": {"item": "apple"},
                "context": {"user_id": "alice"},
                "actor_options": {"create_if_missing": True},
            }
        )
        response = await node.dispatch(request)
        assert isinstance(response, CapabilityResponse)
        assert (response.id, response.capability_id, response.payload) == (
            "m-1", "basket", {"size": 1},
        )  # fmt: skip
        [info] = await node.actors.list()
        assert info.owner == "alice"


class Recorder(pf.Module):
    """Sees every request the module chain carries."""

    name = "recorder"
    seen: ClassVar[list[tuple[str, str | None, str, dict[str, Any]]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any) -> None:
        self.seen.append(
            (request.type, request.capability_id, request.actor_id, dict(request.payload))
        )


async def test_send_goes_through_the_module_chain_with_the_actor_id(
    make_node: NodeFactory,
) -> None:
    node = make_node(Basket)
    Recorder.seen.clear()
    async with node.started():
        info = node.modules.register(Recorder)
        await node.modules.wait_ready(info.name)
        assert await node.actors.send("basket", "b1", Put(item="pear")) == {"size": 1}
    assert Recorder.seen == [("actor_message", "basket", "b1", {"item": "pear"})]


async def test_send_without_modules_answers_the_same(make_node: NodeFactory) -> None:
    # No module active: the handler runs directly (no response model is built for the payload).
    node = make_node(Basket)
    async with node.started():
        assert await node.actors.send("basket", "b1", Put(item="pear")) == {"size": 1}
        response = await node.dispatch(
            ActorMessage(capability_id="basket", actor_id="b1", payload={"item": "fig"})
        )
        assert response.payload == {"size": 2}
        assert await node.actors.send("basket", "b1", {"item": "kiwi"}, timeout=5) == {"size": 3}


def test_the_fast_in_process_message_equals_the_validated_one() -> None:
    ctx = Context.create({"user_id": "u"})
    options = ActorOptions(create_if_missing=False)
    fast = actor_message("basket", "b1", {"item": "x"}, ctx, options)
    slow = ActorMessage(
        capability_id="basket", actor_id="b1", payload={"item": "x"}, context=ctx,
        actor_options=options,
    )  # fmt: skip
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump() == slow.model_dump()


async def test_unknown_actor_type_is_e404(make_node: NodeFactory) -> None:
    node = make_node(Basket)
    async with node.started():
        with pytest.raises(NotFoundError, match=r"actor 'bucket' is not registered.*basket"):
            await node.actors.send("bucket", "b1", {"item": "x"})


async def test_an_unknown_actor_without_create_if_missing_is_e404(
    make_node: NodeFactory,
) -> None:
    node = make_node(Basket)
    async with node.started():
        with pytest.raises(NotFoundError, match="create_if_missing"):
            await node.actors.send("basket", "nobody", {"item": "x"}, create_if_missing=False)
        with pytest.raises(NotFoundError):
            await node.actors.get_state("basket", "nobody")


async def test_a_persistence_option_that_disagrees_is_e400(make_node: NodeFactory) -> None:
    node = make_node(Basket)
    async with node.started():
        request = ActorMessage(
            capability_id="basket", actor_id="b1", payload={"item": "x"},
            actor_options=ActorOptions(persistence="memory"),
        )  # fmt: skip
        with pytest.raises(MalformedError, match="persistence 'memory'"):
            await node.dispatch(request)


async def test_calling_an_actor_as_a_capability_is_e400(make_node: NodeFactory) -> None:
    node = make_node(Basket)
    async with node.started():
        [described] = list(node.registry.find(name="basket"))
        assert described.kind == "actor"
        assert described.intent == "Collects items."
        with pytest.raises(MalformedError, match="send it an actor_message"):
            await node.call("basket", {"item": "x"})


async def test_registry_operations_are_capabilities(make_node: NodeFactory) -> None:
    node = make_node(Basket)
    async with node.started():
        await node.actors.send("basket", "b1", {"item": "fig"})
        await node.actors.send("basket", "b1", {"item": "plum"})
        listed = await node.call("packetflow.actors.list", {})
        assert [(a["actor_id"], a["message_count"]) for a in listed["actors"]] == [("b1", 2)]
        state = await node.call("packetflow.actors.state", {"capability": "basket",
                                                             "actor_id": "b1"})  # fmt: skip
        assert state == {"state": {"items": ["fig", "plum"]}}
        history = await node.call(
            "packetflow.actors.history", {"capability": "basket", "actor_id": "b1", "limit": 1}
        )
        assert [e["message"] for e in history["entries"]] == [{"item": "plum"}]
        found = await node.call("packetflow.actors.search", {"query": "fig"})
        assert [h["seq"] for h in found["hits"]] == [1]
        stopped = await node.call(
            "packetflow.actors.stop", {"capability": "basket", "actor_id": "b1"}
        )
        assert stopped == {"stopped": True}
        with pytest.raises(NotFoundError):
            await node.call("packetflow.actors.state", {"capability": "basket", "actor_id": "b1"})


class ActorGate(pf.Module):
    """Records what the chain sees of actor messages and refuses one actor."""

    name = "actor_gate"
    seen: ClassVar[list[tuple[str, str | None, str | None]]] = []

    @pf.hookimpl
    def packetflow_handle_request(self, request: Any, context: pf.Context) -> Any:
        ActorGate.seen.append((request.type, request.capability_id, request.actor_id))
        if request.actor_id == "forbidden":
            return pf.Fail("E403", "actor_gate: actor 'forbidden' is closed")
        return None


async def test_the_module_chain_sees_actor_messages_with_their_actor_id(
    make_node: NodeFactory,
) -> None:
    ActorGate.seen = []
    node = make_node(Basket)
    node.modules.register(ActorGate)
    async with node.started():
        assert await node.actors.send("basket", "b1", {"item": "kiwi"}) == {"size": 1}
        with pytest.raises(pf.errors.ForbiddenError, match="closed"):
            await node.actors.send("basket", "forbidden", {"item": "kiwi"})
        # the refused message never reached the actor system: nothing was created
        assert [info.actor_id for info in await node.actors.list()] == ["b1"]
    assert ActorGate.seen == [
        ("actor_message", "basket", "b1"),
        ("actor_message", "basket", "forbidden"),
    ]
