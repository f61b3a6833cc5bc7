"""The external MCP server of the mount tests: a PacketFlow node served by ``packetflow mcp``
in a second process. ``PACKETFLOW_TEST_PID`` names a file that receives its pid; while the
file named by ``PACKETFLOW_TEST_DOWN`` exists the server refuses to start (it is "down")."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pydantic import BaseModel

import packetflow as pf
from packetflow import errors


class Text(BaseModel):
    text: str


class Shouted(BaseModel):
    shouted: str


class Seat(BaseModel):
    seat: str


@pf.capability(intent="Upper-case a text", idempotent=True)
async def shout(inp: Text) -> Shouted:
    return Shouted(shouted=inp.text.upper() + "!")


@pf.capability(intent="Reserve a seat")
async def reserve(inp: Seat) -> Seat:
    raise errors.ConflictError(f"seat {inp.seat!r} is taken; pick another")


def make_node() -> pf.Node:
    down = os.environ.get("PACKETFLOW_TEST_DOWN")
    if down and Path(down).exists():
        sys.exit(3)
    if pid_file := os.environ.get("PACKETFLOW_TEST_PID"):
        Path(pid_file).write_text(str(os.getpid()))
    node = pf.Node("remote")
    node.modules.autoload = False
    node.register(shout, reserve)
    return node
