"""``packetflow arena show`` (added to the core CLI through the ``packetflow.cli`` group)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

from .render import render_svg

__all__ = ["register", "render_table"]

SNAPSHOT = "spatial_arena.snapshot"


def register(commands: Any) -> None:
    parser = commands.add_parser("arena", help="inspect the spatial arena")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="zones with load, capabilities, co-usage edges")
    source = show.add_mutually_exclusive_group(required=True)
    source.add_argument("--app", help="a node in this process, as MODULE:ATTR (started briefly)")
    source.add_argument("--url", help="a running node, as ws://host:port")
    show.add_argument(
        "--token",
        default=os.environ.get("PACKETFLOW_TOKEN"),
        help="access token for --url (default $PACKETFLOW_TOKEN)",
    )
    show.add_argument("--svg", metavar="FILE", help="also write the drawing to FILE")
    show.add_argument("--json", action="store_true", help="print the snapshot as JSON")
    show.add_argument("--edges", type=int, default=20, help="co-usage edges to list (20)")
    show.set_defaults(handler=_show)


def _show(args: argparse.Namespace) -> int:
    try:
        snapshot = trio.run(_snapshot, args)
    except pf.PacketFlowError as exc:
        print(f"{exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        return 1
    except _NoArena as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.svg:
        Path(args.svg).write_text(render_svg(snapshot), encoding="utf-8")
    if args.json:
        print(json.dumps(snapshot, indent=2))
    else:
        print(render_table(snapshot, args.edges))
        if args.svg:
            print(f"\ndrawing written to {args.svg}")
    return 0


class _NoArena(Exception):
    """The node cannot show an arena; the message says why and what to do."""


async def _snapshot(args: argparse.Namespace) -> dict[str, Any]:
    if args.url:
        async with pf.open_client(args.url, token=args.token, reconnect=False) as client:
            return await client.call(SNAPSHOT, {"max_edges": 10_000})
    from packetflow._cli.app import AppError, load_app

    try:
        node = load_app(args.app)
    except AppError as exc:
        raise _NoArena(str(exc)) from None
    snapshot = None
    async with node.started():
        if SNAPSHOT in node.registry:
            snapshot = await node.call(SNAPSHOT, {"max_edges": 10_000})
    if snapshot is None:  # raised out here: inside the node it would come as a group
        raise _NoArena(
            f"node {node.name!r} has no spatial arena: the spatial_arena module is not "
            "active (see `packetflow modules list`; pip install "
            "packetflow-module-spatial-arena)"
        )
    return snapshot


def render_table(snapshot: dict[str, Any], edges: int = 20) -> str:
    """The snapshot as text: one table of zones, one of capabilities, the strongest edges."""
    lines = [
        f"{'ZONE':<14} {'CAP':>5} {'IN USE':>6} {'QUEUED':>6} {'ADMITTED':>8} {'REJECTED':>8} "
        f"{'MEMBERS':>7}  SPECIALIZATION (timeout x, priority)"
    ]
    for z in snapshot["zones"]:
        lines.append(
            f"{z['id']:<14} {z['capacity']:>5} {z['in_use']:>6} {z['queued']:>6} "
            f"{z['admitted']:>8} {z['rejected']:>8} {z['members']:>7}  {z['specialization']} "
            f"(x{z['timeout_multiplier']:g}, {z['priority']})"
        )
    caps = snapshot["capabilities"]
    width = max((len(c["name"]) for c in caps), default=10)
    lines += ["", f"{'CAPABILITY':<{width}}  {'ZONE':<14} {'X':>7} {'Y':>7}  PINNED"]
    for c in caps:
        x, y = c["position"]
        pinned = "yes" if c["pinned"] else ""
        lines.append(f"{c['name']:<{width}}  {c['zone']:<14} {x:>7.2f} {y:>7.2f}  {pinned}")
    if not caps:
        lines.append("(no capabilities placed)")
    shown = snapshot["edges"][:edges]
    lines += ["", f"CO-USAGE ({len(snapshot['edges'])} edges, strongest first)"]
    lines += [f"  {e['a']} -- {e['b']}  {e['weight']:.2f}" for e in shown]
    if not shown:
        lines.append("  (none yet)")
    return "\n".join(lines)
