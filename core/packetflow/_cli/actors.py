"""``packetflow actors send|list|state|history|search|stop``: talk to and inspect a node's
actors.

``send`` messages an actor (an ``actor:`` scope over the wire); the other actions call the
node's ``packetflow.actors.*`` capabilities (admin tokens over the wire). Both work on either
target: ``--app MODULE:ATTR`` starts the node in this process (reading its data dir),
``--url ws://...`` asks a running node over the wire protocol.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from .call import json_payload, run_and_show, show_json
from .target import add_target_arguments, open_target

__all__ = ["register"]

PREFIX = "packetflow.actors."


def register(commands: Any) -> None:
    parser = commands.add_parser("actors", help="message and inspect a node's stateful actors")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    send = sub.add_parser("send", help="send a message to an actor and print its reply")
    _actor_args(send)
    send.add_argument(
        "--json", dest="message", metavar="JSON", default="{}", help="the message, a JSON object"
    )
    send.add_argument("--timeout", type=float, help="seconds before E408")
    send.set_defaults(handler=_send)

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
        action.add_argument("--json", action="store_true", help="machine-readable output")
    add_target_arguments(send)  # like `call`: --url defaults to $PACKETFLOW_URL
    for action in (listing, state, history, search, stop):
        add_target_arguments(action, required=True)


def _actor_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("capability", help="the actor type")
    parser.add_argument("actor_id")


def _payload(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("capability", "actor_id", "limit", "offset", "before", "after", "query", "reason")
    payload = {key: getattr(args, key) for key in keys if getattr(args, key, None) is not None}
    return payload


def _send(args: argparse.Namespace) -> int:
    message = json_payload(args.message)

    async def send() -> dict[str, Any]:
        async with open_target(args) as target:
            return await target.send(args.capability, args.actor_id, message, args.timeout)

    return run_and_show(send, show_json, prefix="error: ")


def _run(args: argparse.Namespace) -> int:
    name, payload = PREFIX + args.action, _payload(args)

    async def call() -> dict[str, Any]:
        async with open_target(args) as target:
            return await target.call(name, payload, None)

    def show(result: dict[str, Any]) -> None:
        if args.json:
            print(json.dumps(result, indent=2, default=str))
        else:
            args.render(result)

    return run_and_show(call, show, prefix="error: ")


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
