"""The wire path through the rest of the node: the module chain and stateful actors."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

import pytest
import trio
from pydantic import BaseModel

import packetflow as pf
from packetflow._cli import main
from packetflow.errors import ForbiddenError

from .conftest import SECRET, Connect


class Guard(pf.Module):
    """Crashes on 'sleepy' (fail-closed: E502) and records what it sees."""

    name = "guard"
    seen: ClassVar[list[Any]] = []

    @pf.hookimpl
    async def packetflow_handle_request(self, request: Any, context: pf.Context) -> None:
        Guard.seen.append((request.capability_id, context.user_id, request.model_extra))
        if request.capability_id == "sleepy":
            raise RuntimeError("guard crashed")


async def test_wire_requests_pass_the_module_chain(served: pf.WireServer, connect: Connect) -> None:
    node = served.node
    Guard.seen = []
    node.modules.register(Guard, on_error="fail")
    await node.modules.wait_ready("guard")
    peer = await connect()
    failed = await peer.call("sleepy")
    assert failed["error"]["code"] == "E502"
    ok = await peer.call("echo", {"a": 1}, spatial_context={"zone": "ai"}, context={"user_id": "u"})
    assert ok["payload"] == {"a": 1}
    # Modules see the request as it travelled, unknown top-level fields included.
    assert Guard.seen[-1] == ("echo", "u", {"spatial_context": {"zone": "ai"}})


class CounterState(BaseModel):
    n: int = 0


class Add(BaseModel):
    k: int


class Total(BaseModel):
    n: int


@pf.actor(intent="Count what it is told", persistence="memory")
class Counter(pf.Actor[CounterState]):
    async def handle(self, msg: Add, ctx: pf.Context) -> Total:
        self.state.n += msg.k
        return Total(n=self.state.n)


async def test_actor_messages_over_the_wire_with_actor_scopes(tmp_path: Any) -> None:
    node = pf.Node("actors-wire", data_dir=tmp_path)
    node.register(Counter)
    authority = pf.TokenAuthority(SECRET)
    config = pf.ServerConfig(authority=authority)
    async with node.started(), trio.open_nursery() as nursery:
        server = await nursery.start(partial(node.serve, "127.0.0.1", 0, config=config))
        token = authority.issue("alice", ["actor:counter/alice-*"])
        async with pf.open_client(server.url, token=token) as client:
            mine = client.actor("counter", "alice-1")
            assert await mine.send({"k": 2}) == {"n": 2}
            assert await mine.send({"k": 3}) == {"n": 5}
            with pytest.raises(ForbiddenError):
                await client.actor("counter", "bob-1").send({"k": 1})
        admin = authority.issue("ops", ["admin"])
        listed = await trio.to_thread.run_sync(
            main, ["actors", "list", "--url", server.url, "--token", admin, "--json"]
        )
        assert listed == 0
        nursery.cancel_scope.cancel()
