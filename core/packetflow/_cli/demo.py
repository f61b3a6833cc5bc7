"""``packetflow demo``: the end-to-end example on an embedded node."""

from __future__ import annotations

import argparse
from typing import Any

import trio

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="run the end-to-end demo (no external service)")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from ..examples import onboarding

    trio.run(onboarding.main)
    return 0
