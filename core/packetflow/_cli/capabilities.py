"""``packetflow capabilities list``: what a node offers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .app import AppError, load_app

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("capabilities", help="inspect a node's capabilities")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list capabilities and compositions")
    listing.add_argument("--app", required=True, help="the node, as MODULE:ATTR")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)


def _list(args: argparse.Namespace) -> int:
    try:
        node = load_app(args.app)
    except AppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
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
    if args.json:
        print(json.dumps(entries, indent=2, default=str))
        return 0
    width = max((len(e["name"]) for e in entries), default=4)
    print(f"{'NAME':<{width}}  {'KIND':<11}  {'VERSION':<8}  INTENT")
    for e in entries:
        print(f"{e['name']:<{width}}  {e['kind']:<11}  {e['version']:<8}  {e['intent']}")
    return 0
