"""The node the MCP transport tests serve, in-process and as ``packetflow mcp --app
tests.apps.mcp_app:make_node`` in a subprocess (so everything a test needs is reachable
through tools: registering one, and reading what the slow capability saw), with a fail-closed
module in its chain, a capability that crashes (E500) and an actor to converse with."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

import packetflow as pf
from tests.kit import Num, double, inc, sleepy, tracker


class NewTool(BaseModel):
    name: str


class Registered(BaseModel):
    registered: str


class Identity(BaseModel):
    user_id: str | None
    roles: list[str]


class Seen(BaseModel):
    started: list[str]
    finished: list[str]
    cancelled: list[str]


class Policy(pf.Module):
    """A fail-closed module whose check cannot run for ``guarded``: requests for it get E502
    from the module chain inside ``node.dispatch``."""

    name = "policy"
    on_error = "fail"
    only = ("guarded",)

    @pf.hookimpl
    def packetflow_handle_request(self, request: pf.CapabilityRequest, context: pf.Context) -> None:
        raise ConnectionError("policy store unreachable")


class PenPalState(BaseModel):
    heard: list[str] = []


class Letter(BaseModel):
    text: str


class LetterReply(BaseModel):
    turn: int
    previous: str | None
    heard: list[str]


@pf.actor(name="pen_pal", persistence="memory", intent="Remembers every letter it was sent")
class PenPal(pf.Actor[PenPalState]):
    async def handle(self, msg: Letter, ctx: pf.Context) -> LetterReply:
        previous = self.state.heard[-1] if self.state.heard else None
        self.state.heard.append(msg.text)
        return LetterReply(turn=len(self.state.heard), previous=previous, heard=self.state.heard)


@pf.capability(intent="Always crashes (E500)")
async def explode(inp: Num) -> Num:
    raise RuntimeError(f"secret internal detail {inp.value}")


@pf.capability(intent="Refused by a fail-closed module")
async def guarded(inp: Num) -> Num:  # pragma: no cover - the module chain refuses it
    return inp


def make_node() -> pf.Node:
    """A fresh node: kit capabilities, a composition, and test helpers."""
    tracker.__init__()  # type: ignore[misc]
    node = pf.Node("mcp-test")
    node.modules.autoload = False  # also in the subprocess (the SDK passes a minimal env)

    @pf.capability(intent="Register a new capability (changes the tool list)")
    async def register_tool(inp: NewTool) -> Registered:
        node.register(pf.capability(name=inp.name, intent="added at run time")(_added))
        return Registered(registered=inp.name)

    @pf.capability(intent="What the sleepy capability saw")
    async def sleepy_seen() -> Seen:
        return Seen(started=tracker.started, finished=tracker.finished, cancelled=tracker.cancelled)

    @pf.capability(intent="Who is calling, as the context says")
    async def whoami(ctx: pf.Context) -> Identity:
        return Identity(user_id=ctx.user_id, roles=ctx.roles)

    node.register(
        whoami,
        inc,
        double,
        sleepy,
        guarded,
        register_tool,
        sleepy_seen,
        explode,
        PenPal,
        pf.composition(
            "inc_double",
            pf.pipeline(pf.step("inc"), pf.step("double")),
            intent="Add one, then double",
        ),
    )
    node.modules.register(Policy)
    return node


async def _added(inp: dict[str, Any]) -> dict[str, Any]:
    return {"ok": True}
