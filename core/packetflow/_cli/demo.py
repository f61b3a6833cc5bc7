"""``packetflow demo``: the end-to-end examples on an embedded node (no external service).

The demo keeps its state (the compliance audit log, the research assistant's SQLite file) in
a temporary directory removed at the end, so running it leaves nothing behind; ``--data-dir``
keeps it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

import importlib_metadata
import trio

from .errors import CommandError

__all__ = ["register"]

DEMOS = ("onboarding", "network", "research", "mcp")
# Installed modules add their part of the demo (``arena = "pkg.demo:main"``, an async main).
DEMO_GROUP = "packetflow.demos"


def _plugin_demos() -> dict[str, Any]:
    return {point.name: point for point in importlib_metadata.entry_points(group=DEMO_GROUP)}


class _OneLine(logging.Formatter):
    """Log exceptions as one line: the demo's failures are expected, not bugs."""

    def formatException(self, ei: Any) -> str:
        return f"    ({ei[0].__name__}: {ei[1]})"


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="run the end-to-end demo (no external service)")
    parser.add_argument(
        "names", nargs="*", metavar="NAME",
        help=f"which demos to run ({', '.join(DEMOS)}, and installed modules'); default: all",
    )  # fmt: skip
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the demo's state (audit log, actor database) in DIR "
        "(default: a temporary directory, removed at the end)",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    plugins = _plugin_demos()
    known = (*DEMOS, *sorted(plugins))
    unknown = [name for name in args.names if name not in known]
    if unknown:
        raise CommandError(f"demo {unknown[0]!r} is unknown; choose from {', '.join(known)}")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_OneLine("  log %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    with tempfile.TemporaryDirectory(prefix="packetflow-demo-") as scratch:
        data_dir = Path(args.data_dir) if args.data_dir else Path(scratch)
        for name in args.names or known:
            if name in plugins:  # an installed module's demo: async main(data_dir)
                (data_dir / name).mkdir(parents=True, exist_ok=True)
                trio.run(plugins[name].load(), data_dir / name)
            else:
                _demo(name, data_dir)
    return 0


def _demo(name: str, data_dir: Path) -> None:
    from ..examples import network, onboarding, research

    if name == "onboarding":
        trio.run(onboarding.main, data_dir)
    elif name == "network":
        onboarding.node.data_dir = data_dir
        trio.run(network.main)
    elif name == "research":
        trio.run(research.main, data_dir / "research")
    else:
        try:  # the MCP part needs the extra: pip install 'packetflow[mcp]'
            from ..examples import mcp_client
        except ImportError:
            print("\n(MCP demo skipped: pip install 'packetflow[mcp]' to see it)")
            return
        onboarding.node.data_dir = data_dir
        workdir = data_dir / "mcp"  # the stdio server's working directory (its data dir)
        workdir.mkdir(parents=True, exist_ok=True)
        trio.run(mcp_client.main, workdir)
