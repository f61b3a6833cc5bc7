"""``packetflow mcp --app MODULE:ATTR``: serve a node to an MCP client over stdio.

Desktop AI clients launch this command and speak MCP on its stdin/stdout; logs go to stderr.
stdout is diverted to stderr before the app is imported, so nothing the app prints (at import
time or in a capability) reaches the protocol stream. The node's management capabilities
(``packetflow.*``) are tools only with ``--admin``: stdio has no token to check.
"""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from typing import Any

import trio

from .app import AppError, load_app

__all__ = ["register"]

_EXTRA = "pip install 'packetflow[mcp]'"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "mcp", help="serve a node's capabilities as MCP tools over stdio (for AI clients)"
    )
    parser.add_argument("--app", required=True, help="the node, as MODULE:ATTR")
    parser.add_argument(
        "--admin",
        action="store_true",
        help="also offer the node's management capabilities (packetflow.*) as tools; anyone "
        "who can launch this process may then use them",
    )
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
        from .._mcp.stdio import serve_mcp_stdio, stdout_diverted
    except ImportError as exc:
        message = str(exc) if _EXTRA in str(exc) else f"{exc}; install the extra: {_EXTRA}"
        print(f"error: packetflow mcp: {message}", file=sys.stderr)
        return 2
    with stdout_diverted() as protocol:  # before the app's import-time code runs
        try:
            node = load_app(args.app)
        except AppError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        trio.run(partial(serve_mcp_stdio, node, admin=args.admin, protocol=protocol))
    return 0
