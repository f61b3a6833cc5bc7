"""``packetflow call``: run one capability on a node over the network."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

import trio

from .._client.client import open_client
from ..errors import PacketFlowError

__all__ = ["DEFAULT_URL", "register", "run_remote"]

DEFAULT_URL = "ws://127.0.0.1:8765"


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    """``--url`` and ``--token`` (defaults: $PACKETFLOW_URL, $PACKETFLOW_TOKEN)."""
    parser.add_argument(
        "--url",
        default=os.environ.get("PACKETFLOW_URL", DEFAULT_URL),
        help=f"the node (default $PACKETFLOW_URL or {DEFAULT_URL})",
    )
    parser.add_argument(
        "--token",
        default=os.environ.get("PACKETFLOW_TOKEN"),
        help="access token (default $PACKETFLOW_TOKEN)",
    )


def register(commands: Any) -> None:
    parser = commands.add_parser("call", help="call a capability on a running node")
    parser.add_argument("capability", help="capability or composition name")
    parser.add_argument("--json", default="{}", help="the payload, as a JSON object")
    parser.add_argument("--timeout", type=float, help="seconds before E408")
    add_connection_arguments(parser)
    parser.set_defaults(handler=_call)


def _call(args: argparse.Namespace) -> int:
    try:
        payload = json.loads(args.json)
    except ValueError as exc:
        print(f"error: --json is not valid JSON: {exc}", file=sys.stderr)
        return 2
    if not isinstance(payload, dict):
        print("error: --json must be a JSON object", file=sys.stderr)
        return 2

    async def main() -> dict[str, Any]:
        async with open_client(args.url, token=args.token, reconnect=False) as client:
            return await client.call(args.capability, payload, timeout=args.timeout)

    return run_remote(main, lambda out: print(json.dumps(out, indent=2, default=str)))


def run_remote(main: Any, show: Any) -> int:
    """Run ``main`` under trio; print its result with ``show`` or the typed error (exit 1)."""
    try:
        result = trio.run(main)
    except PacketFlowError as exc:
        print(f"{exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        if exc.details:
            print(json.dumps(exc.details, indent=2, default=str), file=sys.stderr)
        return 1
    show(result)
    return 0
