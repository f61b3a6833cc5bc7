"""The node the HTTP, metrics and dashboard tests watch (``--app
tests.apps.observed_app:make_node``): capabilities that succeed, fail and take time, a
pipeline and a fan-out (so the timeline has a critical path), an actor with a conversation
log, a channel, and an inline module that counts requests and reports them to ``/metrics``."""

from __future__ import annotations

import os

import trio
from pydantic import BaseModel

import packetflow as pf


class Name(BaseModel):
    name: str = "world"


class Greeting(BaseModel):
    greeting: str


class Work(BaseModel):
    ms: int = 0
    fail: str | None = None  # an error code to raise ("E422", "E503"...)


class Done(BaseModel):
    ms: int


class Add(BaseModel):
    n: int = 1


class Total(BaseModel):
    total: int


class CounterState(BaseModel):
    total: int = 0


@pf.capability(intent="Greet someone by name", tags=["demo"])
async def greet(inp: Name) -> Greeting:
    return Greeting(greeting=f"hello {inp.name}")


@pf.capability(intent="Do some work, or fail with a given code", tags=["demo"])
async def work(inp: Work) -> Done:
    if inp.ms:
        await trio.sleep(inp.ms / 1000)
    if inp.fail == "E503":
        raise pf.errors.UnavailableError("work: asked to be unavailable", retry_after_ms=10)
    if inp.fail:
        raise pf.errors.ExecutionFailedError(f"work: asked to fail with {inp.fail}")
    return Done(ms=inp.ms)


@pf.actor(intent="A counter that remembers", persistence="memory", idle_timeout=3600)
class Counter(pf.Actor[CounterState]):
    async def handle(self, msg: Add, ctx: pf.Context) -> Total:
        self.state.total += msg.n
        return Total(total=self.state.total)


class Watcher(pf.Module):
    """Counts the requests it sees, and says so on ``/metrics``."""

    name = "watcher"
    priority = 50

    async def start(self, config: pf.ModuleConfig, node: pf.Node) -> None:
        self.seen = 0

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest, context: pf.Context) -> None:
        self.seen += 1

    @pf.hookimpl
    def packetflow_collect_metrics(self) -> list[pf.MetricFamily]:
        return [
            pf.MetricFamily(
                "requests_seen", "Requests the watcher saw.", "counter", [({}, self.seen)]
            )
        ]


PIPELINE = pf.composition(
    "greet_then_work", pf.pipeline(pf.step("greet"), pf.step("work", from_=[]))
)
FAN_OUT = pf.composition(
    "fan_out",
    pf.pipeline(
        pf.step("greet"),
        pf.parallel(
            {
                "quick": pf.step("work", from_=[], to=["ms->quick_ms"]),
                "slow": pf.step("work", from_=["ms"], to=["ms->slow_ms"]),
            }
        ),
        pf.step("greet", to=["greeting->final"]),
    ),
)


def make_node() -> pf.Node:
    """A fresh node (data under ``$PACKETFLOW_TEST_DATA`` or ``.packetflow``)."""
    node = pf.Node("observed", data_dir=os.environ.get("PACKETFLOW_TEST_DATA", ".packetflow"))
    node.modules.autoload = os.environ.get("PACKETFLOW_TEST_AUTOLOAD") == "1"
    node.register(greet, work, Counter, PIPELINE, FAN_OUT)
    node.modules.register(Watcher)
    return node
