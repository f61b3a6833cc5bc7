"""``packetflow demo``: the end-to-end example on an embedded node."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

import trio

__all__ = ["register"]


class _OneLine(logging.Formatter):
    """Log exceptions as one line: the demo's failures are expected, not bugs."""

    def formatException(self, ei: Any) -> str:
        return f"    ({ei[0].__name__}: {ei[1]})"


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="run the end-to-end demo (no external service)")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from ..examples import onboarding

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_OneLine("  log %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    trio.run(onboarding.main)
    try:  # the MCP part needs the extra: pip install 'packetflow[mcp]'
        from ..examples import mcp_client
    except ImportError:
        print("\n(MCP part skipped: pip install 'packetflow[mcp]' to see the node as MCP tools)")
        return 0
    trio.run(mcp_client.main)
    return 0
