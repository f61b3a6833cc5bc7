"""The node the "MCP beside the wire" tests serve, in-process and as ``packetflow serve --app
tests.apps.mcp_wire_app:make_node --mcp-http 0`` in a subprocess: the MCP test node (with its
fail-closed module) plus a notebook actor, and a tool that writes to it (so a client that only
speaks MCP can give an actor state and history to read)."""

from __future__ import annotations

from pydantic import BaseModel

import packetflow as pf
from tests.apps import mcp_app


class Notes(BaseModel):
    lines: list[str] = []


class Line(BaseModel):
    text: str


class Count(BaseModel):
    count: int


class NoteIn(BaseModel):
    notebook: str
    text: str


@pf.actor(name="notebook", persistence="memory", intent="A notebook that keeps lines")
class Notebook(pf.Actor[Notes]):
    async def handle(self, msg: Line, ctx: pf.Context) -> Count:
        self.state.lines.append(msg.text)
        return Count(count=len(self.state.lines))


def make_node() -> pf.Node:
    """A fresh node: ``mcp_app``'s tools, the ``notebook`` actor and ``take_note``."""
    node = mcp_app.make_node()

    @pf.capability(intent="Write a line in a notebook actor")
    async def take_note(inp: NoteIn, ctx: pf.Context) -> Count:
        reply = await ctx.node.actors.send("notebook", inp.notebook, Line(text=inp.text))
        return Count.model_validate(reply)

    node.register(Notebook, take_note)
    return node
