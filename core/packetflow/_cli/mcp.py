"""``packetflow mcp --app MODULE:ATTR``: serve a node to an MCP client over stdio.

Desktop AI clients launch this command and speak MCP on its stdin/stdout; logs go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

import trio

from .app import AppError, load_app

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "mcp", help="serve a node's capabilities as MCP tools over stdio (for AI clients)"
    )
    parser.add_argument("--app", required=True, help="the node, as MODULE:ATTR")
    parser.add_argument(
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="log level on stderr (default: WARNING)",
    )
    parser.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=args.log_level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        from ..mcp import serve_mcp_stdio
    except ImportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        node = load_app(args.app)
    except AppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    trio.run(serve_mcp_stdio, node)
    return 0
