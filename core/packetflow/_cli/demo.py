"""``packetflow demo``: the end-to-end examples on an embedded node (no external service)."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

import trio

__all__ = ["register"]

DEMOS = ("onboarding", "network", "research", "mcp", "optimize")


class _OneLine(logging.Formatter):
    """Log exceptions as one line: the demo's failures are expected, not bugs."""

    def formatException(self, ei: Any) -> str:
        return f"    ({ei[0].__name__}: {ei[1]})"


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="run the end-to-end demo (no external service)")
    parser.add_argument(
        "names", nargs="*", metavar="NAME",
        help=f"which demos to run ({', '.join(DEMOS)}); default: all",
    )  # fmt: skip
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    unknown = [name for name in args.names if name not in DEMOS]
    if unknown:
        print(f"packetflow demo: unknown demo {unknown[0]!r}; choose from {', '.join(DEMOS)}")
        return 2
    from ..examples import network, onboarding, research

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_OneLine("  log %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    mains = {"onboarding": onboarding.main, "network": network.main, "research": research.main}
    for name in args.names or DEMOS:
        if name == "mcp":
            try:  # the MCP part needs the extra: pip install 'packetflow[mcp]'
                from ..examples import mcp_client
            except ImportError:
                print("\n(MCP demo skipped: pip install 'packetflow[mcp]' to see it)")
                continue
            trio.run(mcp_client.main)
        elif name == "optimize":  # shown when packetflow-module-adaptive-optimization is installed
            try:
                from packetflow_adaptive_optimization import demo
            except ImportError:
                print("\n(optimizer demo skipped: pip install ./plugins/adaptive_optimization)")
                continue
            trio.run(demo.main)
        else:
            trio.run(mains[name])
    return 0
