"""``packetflow capabilities list``: what a node offers."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .._client.client import open_client
from .app import load_app
from .call import run_and_show
from .target import add_target_arguments, target_url

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("capabilities", help="inspect a node's capabilities")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list capabilities and compositions")
    add_target_arguments(listing)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)


def _list(args: argparse.Namespace) -> int:
    if not args.app:
        url = target_url(args)

        async def discover() -> list[dict[str, Any]]:
            async with open_client(url, token=args.token, reconnect=False) as client:
                return await client.discover(limit=1000)

        return run_and_show(discover, lambda entries: _print(entries, args.json))
    node = load_app(args.app, args.config)
    entries = [cap.describe() for cap in node.registry]
    # Compositions are validated (and become capabilities) when the node starts; list the
    # pending ones too so the CLI shows everything the app declares.
    for name, comp in sorted(node._compositions.items()):
        if name not in node.registry:
            entries.append(
                {
                    "name": name,
                    "kind": "composition",
                    "intent": comp.intent,
                    "tags": list(comp.tags),
                    "version": comp.version,
                }
            )
    entries.sort(key=lambda entry: entry["name"])
    _print(entries, args.json)
    return 0


def _print(entries: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        print(json.dumps(entries, indent=2, default=str))
        return
    width = max((len(e["name"]) for e in entries), default=4)
    print(f"{'NAME':<{width}}  {'KIND':<11}  {'VERSION':<8}  INTENT")
    for e in entries:
        print(f"{e['name']:<{width}}  {e['kind']:<11}  {e['version']:<8}  {e['intent']}")
