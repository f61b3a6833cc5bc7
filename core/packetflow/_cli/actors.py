"""``packetflow actors list|state|history|search|stop``: inspect a node's actors.

Every action calls one of the node's ``packetflow.actors.*`` capabilities, so the same code
serves both targets: ``--app MODULE:ATTR`` starts the node in this process (reading its data
dir), ``--url ws://...`` asks a running node over the wire protocol.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import trio

from .._client.client import open_client
from ..errors import PacketFlowError
from .app import AppError, load_app

__all__ = ["register"]

Caller = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]
PREFIX = "packetflow.actors."


def register(commands: Any) -> None:
    parser = commands.add_parser("actors", help="inspect a node's stateful actors")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = sub.add_parser("list", help="actors with their metadata")
    listing.add_argument("--capability", help="only actors of this type")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)
    listing.set_defaults(handler=_run, render=_render_list)

    state = sub.add_parser("state", help="an actor's committed state")
    _actor_args(state)
    state.set_defaults(handler=_run, render=_render_state)

    history = sub.add_parser("history", help="a page of an actor's conversation")
    _actor_args(history)
    history.add_argument("--limit", type=int, default=50)
    history.add_argument("--before", type=int, help="entries with seq < BEFORE (page back)")
    history.add_argument("--after", type=int, help="entries with seq > AFTER")
    history.set_defaults(handler=_run, render=_render_entries)

    search = sub.add_parser("search", help='full-text search ("quoted phrases" allowed)')
    search.add_argument("query")
    search.add_argument("--capability", help="only actors of this type")
    search.add_argument("--actor-id", help="only this actor")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(handler=_run, render=_render_entries)

    stop = sub.add_parser("stop", help="stop an actor (durable state is kept)")
    _actor_args(stop)
    stop.add_argument("--reason", default="stopped from the command line")
    stop.set_defaults(handler=_run, render=_render_stop)

    for action in (listing, state, history, search, stop):
        target = action.add_mutually_exclusive_group(required=True)
        target.add_argument("--app", help="the node, as MODULE:ATTR (runs it here)")
        target.add_argument("--url", help="a running node, e.g. ws://127.0.0.1:8765")
        action.add_argument("--token", help="access token for --url (admin scope)")
        action.add_argument("--json", action="store_true", help="machine-readable output")


def _actor_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("capability", help="the actor type")
    parser.add_argument("actor_id")


def _payload(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("capability", "actor_id", "limit", "offset", "before", "after", "query", "reason")
    payload = {key: getattr(args, key) for key in keys if getattr(args, key, None) is not None}
    return payload


def _run(args: argparse.Namespace) -> int:
    name = PREFIX + args.action
    try:
        result = trio.run(_call, args, name, _payload(args))
    except AppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except PacketFlowError as exc:
        print(f"error: {exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    else:
        args.render(result)
    return 0


async def _call(args: argparse.Namespace, name: str, payload: dict[str, Any]) -> dict[str, Any]:
    if args.app:
        node = load_app(args.app)
        # The error leaves the node's nursery as a group: take it out of the block plainly.
        error: PacketFlowError | None = None
        async with node.started():
            try:
                return await node.call(name, payload)
            except PacketFlowError as exc:
                error = exc
        raise error
    return await _call_url(args.url, args.token, name, payload)


async def _call_url(
    url: str, token: str | None, name: str, payload: dict[str, Any]
) -> dict[str, Any]:
    async with open_client(url, token=token, reconnect=False) as client:
        return await client.call(name, payload)


# -- rendering ---------------------------------------------------------------------------------


def _when(ts: float | None) -> str:
    return "-" if ts is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))


def _render_list(result: dict[str, Any]) -> None:
    actors = result["actors"]
    if not actors:
        print("no actors")
        return
    cap_w = max(10, *(len(a["capability"]) for a in actors))
    id_w = max(8, *(len(a["actor_id"]) for a in actors))
    print(
        f"{'CAPABILITY':<{cap_w}}  {'ACTOR_ID':<{id_w}}  {'STATUS':<10}  {'PERSIST':<7}  "
        f"{'MESSAGES':>8}  {'LAST MESSAGE':<19}  CREATED"
    )
    for a in actors:
        print(
            f"{a['capability']:<{cap_w}}  {a['actor_id']:<{id_w}}  {a['status']:<10}  "
            f"{a['persistence']:<7}  {a['message_count']:>8}  {_when(a['last_message_at']):<19}  "
            f"{_when(a['created_at'])}"
        )


def _render_state(result: dict[str, Any]) -> None:
    print(json.dumps(result["state"], indent=2, default=str))


def _render_entries(result: dict[str, Any]) -> None:
    entries = result.get("entries", result.get("hits", []))
    if not entries:
        print("nothing found")
        return
    for e in entries:
        who = f" {e['capability']}/{e['actor_id']}" if "actor_id" in e else ""
        user = f" ({e['user_id']})" if e.get("user_id") else ""
        print(f"#{e['seq']}{who} {_when(e['at'])}{user}")
        print(f"  > {json.dumps(e['message'], default=str)}")
        print(f"  < {json.dumps(e['reply'], default=str)}")


def _render_stop(result: dict[str, Any]) -> None:
    print("stopped" if result.get("stopped") else "not stopped")
