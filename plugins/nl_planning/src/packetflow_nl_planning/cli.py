"""``packetflow plan "TEXT" --app MODULE:NODE | --url URL [--run]`` (added to the core CLI via
the ``packetflow.cli`` entry point): print the plan and its explanation; ``--run`` runs it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import trio

import packetflow as pf

__all__ = ["register", "render"]

Call = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "plan", help="plan a request in plain language (nl_planning); --run runs it"
    )
    parser.add_argument("text", help='the request, e.g. "refund order 12 and email the customer"')
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--app", help="an in-process node, MODULE:ATTR (started for the command)")
    where.add_argument("--url", help="a running node, ws://HOST:PORT")
    parser.add_argument("--token", default=os.environ.get("PACKETFLOW_TOKEN"), help="for --url")
    parser.add_argument("--today", help="YYYY-MM-DD that relative dates count from")
    parser.add_argument("--max-steps", type=int, default=5, help="at most this many steps")
    parser.add_argument("--run", action="store_true", help="run the plan and print the result")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=_plan)


def render(out: dict[str, Any]) -> str:
    """The plan as text: its steps, then why."""
    lines = [f"plan (confidence {out['confidence']:.2f}):"]
    for k, step in enumerate(out["steps"], start=1):
        params = json.dumps(step["params"], ensure_ascii=False, default=str)
        lines.append(f"  {k}. {step['capability']} {params}")
    lines.append("why:")
    lines.extend(f"  {line}" for line in out["explanation"].splitlines())
    return "\n".join(lines)


async def _session(args: argparse.Namespace, call: Call) -> dict[str, Any]:
    request = {"text": args.text, "today": args.today, "max_steps": args.max_steps}
    out = await call("nl_planning.plan", request)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
    else:
        print(render(out))
    if not args.run:
        return out
    result = await call("nl_planning.run", {"steps": out["steps"], "plan": out["plan"]})
    if args.json:
        print(json.dumps({"result": result}, indent=2, ensure_ascii=False, default=str))
    else:
        print("result:")
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    return out


async def _local(args: argparse.Namespace) -> None:
    from packetflow._cli.app import load_app

    node = load_app(args.app)
    failed: pf.errors.PacketFlowError | None = None
    async with node.started():
        # Raised after the node stops: inside its nursery it would arrive as an exception group.
        if "nl_planning" not in [m.name for m in node.modules.list_active()]:
            failed = pf.errors.UnavailableError(
                f"node from {args.app!r} has no active nl_planning module; install "
                "packetflow-module-nl-planning and keep module autoload on"
            )
        else:
            try:
                await _session(args, lambda name, payload: node.call(name, payload))
            except pf.errors.PacketFlowError as exc:
                failed = exc
    if failed is not None:
        raise failed


async def _remote(args: argparse.Namespace) -> None:
    async with pf.open_client(args.url, token=args.token, reconnect=False) as client:
        await _session(args, lambda name, payload: client.call(name, payload))


def _plan(args: argparse.Namespace) -> int:
    try:
        trio.run(_local if args.app else _remote, args)
    except pf.errors.PacketFlowError as exc:
        print(f"{exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        candidates = exc.details.get("candidates") if isinstance(exc.details, dict) else None
        if candidates:
            for c in candidates:
                print(f"  - {c['capability']}: {c['reason']}", file=sys.stderr)
        return 1
    except Exception as exc:  # the app failed to load: say why, no traceback
        from packetflow._cli.app import AppError

        if isinstance(exc, AppError | OSError):
            print(f"error: {exc}", file=sys.stderr)
            return 2
        raise
    return 0
