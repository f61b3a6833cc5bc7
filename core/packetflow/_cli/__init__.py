"""The ``packetflow`` command line. Each command group lives in its own module exposing
``register(subparsers)``; add a group by listing its module in ``_COMMANDS``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

import importlib_metadata

from .._version import __version__
from .errors import run_command

__all__ = ["main"]

# Command modules, imported lazily so `packetflow --version` stays instant.
_COMMANDS = (
    "actors",
    "call",
    "capabilities",
    "demo",
    "mcp",
    "modules",
    "scaffold",
    "serve",
    "stats",
    "token",
)

# Installed distributions add command groups (`packetflow compliance ...`) through this
# entry-point group: ``name = "pkg.module:register"``, called with the subparsers.
CLI_GROUP = "packetflow.cli"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packetflow",
        description="Typed capabilities, compositions, actors and modules on trio.",
    )
    parser.add_argument("--version", action="version", version=f"packetflow {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        importlib.import_module(f".{name}", __name__).register(commands)
    for point in importlib_metadata.entry_points(group=CLI_GROUP):
        try:
            point.load()(commands)
        except Exception as exc:  # a broken plugin must not take the whole CLI down
            dist = point.dist.name if point.dist else "?"
            print(
                f"warning: CLI commands {point.name!r} of {dist} not loaded: {exc}", file=sys.stderr
            )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``packetflow`` console script; returns the exit code.

    Every command, the ones installed packages add too, fails with one line on stderr and
    an exit code, never a traceback (see :mod:`._cli.errors`).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        return run_command(_help(parser), args)
    return run_command(handler, args)


def _help(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def show(args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    return show


if __name__ == "__main__":
    sys.exit(main())
