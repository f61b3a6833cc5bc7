"""``packetflow modules list|chain``: which modules a node has, their status and the chains."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from typing import Any

import trio

from .._client.client import open_client
from .._modules.admin import ADMIN_PREFIX
from .._modules.slot import ModuleInfo
from .._node import Node
from ..errors import PacketFlowError
from .app import add_config_argument, load_app
from .target import TOKEN_ENV, check_url

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("modules", help="inspect a node's modules")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="installed and registered modules with their status")
    chain = sub.add_parser("chain", help="the resolved order of the three hook chains")
    for command in (listing, chain):
        target = command.add_mutually_exclusive_group()
        target.add_argument("--app", help="the node, as MODULE:ATTR (default: a bare node)")
        target.add_argument("--url", help="a running node, e.g. ws://127.0.0.1:8765")
        add_config_argument(command)
        command.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)
    chain.set_defaults(handler=_chain)
    for action in ("enable", "disable", "reload"):
        manage = sub.add_parser(action, help=f"{action} a module of a running node")
        manage.add_argument("name", help="the module's name")
        manage.add_argument("--url", required=True, help="the node, e.g. ws://127.0.0.1:8765")
        manage.set_defaults(handler=_manage)
    for command in (listing, chain, *(sub.choices[a] for a in ("enable", "disable", "reload"))):
        command.add_argument(
            "--token", default=os.environ.get(TOKEN_ENV),
            help=f"access token for --url, with the admin scope (default: ${TOKEN_ENV})",
        )  # fmt: skip


def _node(args: argparse.Namespace) -> Node:
    if args.app:
        return load_app(args.app, args.config)
    # Nothing to persist: keep the modules' files out of the working directory.
    node = Node("packetflow", data_dir=tempfile.mkdtemp(prefix="packetflow-modules-"))
    if args.config:  # otherwise $PACKETFLOW_CONFIG, then ./packetflow.toml
        node.modules.configure(args.config)
    return node


def _inspect(args: argparse.Namespace) -> tuple[list[ModuleInfo], dict[str, list[str]]] | int:
    """Start the node (discovery, imports, starts), read the modules, stop it; or, with
    ``--url``, ask a running node through its ``packetflow.modules.*`` capabilities."""
    if args.url:
        try:
            return trio.run(_remote, check_url(args.url), args.token)
        except PacketFlowError as exc:
            print(f"error: {exc.code} {exc.type}: {exc.message}", file=sys.stderr)
            return 1
    node = _node(args)

    async def run() -> tuple[list[ModuleInfo], dict[str, list[str]]]:
        async with node.started():
            order = node.modules.chain_order()
            return node.modules.list_all(), {str(kind): names for kind, names in order.items()}

    return trio.run(run)  # a broken config file fails the start: one line (see .errors)


async def _remote(url: str, token: str | None) -> tuple[list[ModuleInfo], dict[str, list[str]]]:
    async with open_client(url, token=token, reconnect=False) as client:
        listed = await client.call(ADMIN_PREFIX + "list", {})
        order = await client.call(ADMIN_PREFIX + "chain", {})
    infos = [ModuleInfo(**{**m, "hooks": tuple(m["hooks"])}) for m in listed["modules"]]
    return infos, order


def _manage(args: argparse.Namespace) -> int:
    url = check_url(args.url)

    async def run() -> dict[str, Any]:
        async with open_client(url, token=args.token, reconnect=False) as client:
            return await client.call(ADMIN_PREFIX + args.action, {"name": args.name})

    try:
        module = trio.run(run)["module"]
    except PacketFlowError as exc:
        print(f"error: {exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        return 1
    print(f"{module['name']}: {module['status']}")
    return 0


def _list(args: argparse.Namespace) -> int:
    found = _inspect(args)
    if isinstance(found, int):
        return found
    infos, _ = found
    if args.json:
        print(json.dumps([info.to_dict() for info in infos], indent=2))
        return 0
    if not infos:
        print("no modules (install one: pip install packetflow-module-<name>)")
        return 0
    rows = [
        (
            i.name,
            i.version or "-",
            i.distribution or "(inline)",
            str(i.priority),
            i.status,
            ",".join(h.removeprefix("packetflow_") for h in i.hooks) or "-",
        )
        for i in infos
    ]
    header = ("NAME", "VERSION", "DISTRIBUTION", "PRIORITY", "STATUS", "HOOKS")
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    for info in infos:
        if info.error:
            print(f"  {info.name}: {info.error}")
    return 0


def _chain(args: argparse.Namespace) -> int:
    found = _inspect(args)
    if isinstance(found, int):
        return found
    infos, order = found
    if args.json:
        print(json.dumps(order, indent=2))
        return 0
    priority = {info.name: info.priority for info in infos}
    labels = {
        "request": "request     (ascending priority) ",
        "composition": "composition (ascending priority) ",
        "response": "response    (descending priority)",
    }
    for kind, label in labels.items():
        names = order.get(kind, [])
        chain = " -> ".join(f"{n}({priority.get(n, '?')})" for n in names) or "(empty)"
        print(f"{label}: {chain}")
    return 0
