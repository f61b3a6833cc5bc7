"""``packetflow call CAP``: run one capability, in this process (``--app``) or on a running
node (``--url``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import trio

from ..errors import PacketFlowError
from .errors import CommandError
from .target import add_target_arguments, open_target

__all__ = ["json_payload", "register", "run_and_show", "show_json"]

T = TypeVar("T")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "call",
        help="call a capability (in this process with --app, or on a running node)",
        description="Call a capability or composition and print its output as JSON. With "
        "--app the node runs in this process (no server, no token); otherwise the command "
        "connects to --url with --token.",
    )
    parser.add_argument("capability", help="capability or composition name")
    parser.add_argument("--json", default="{}", help="the payload, as a JSON object")
    parser.add_argument("--timeout", type=float, help="seconds before E408")
    add_target_arguments(parser)
    parser.set_defaults(handler=_call)


def json_payload(text: str, option: str = "--json") -> dict[str, Any]:
    """The JSON object given on the command line.

    Raises:
        CommandError: not JSON, or not an object.
    """
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise CommandError(f"{option} is not valid JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise CommandError(f"{option} must be a JSON object, e.g. '{{\"key\": 1}}'")
    return payload


def _call(args: argparse.Namespace) -> int:
    payload = json_payload(args.json)

    async def main() -> dict[str, Any]:
        async with open_target(args) as target:
            return await target.call(args.capability, payload, args.timeout)

    return run_and_show(main, show_json)


def show_json(value: Any) -> None:
    print(json.dumps(value, indent=2, default=str))


def run_and_show(
    main: Callable[[], Awaitable[T]], show: Callable[[T], None], *, prefix: str = ""
) -> int:
    """Run ``main`` under trio; print its result with ``show``, or the typed error (with
    its details) on stderr and exit 1."""
    try:
        result = trio.run(main)
    except PacketFlowError as exc:
        print(f"{prefix}{exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        if exc.details:
            print(json.dumps(exc.details, indent=2, default=str), file=sys.stderr)
        return 1
    show(result)
    return 0
