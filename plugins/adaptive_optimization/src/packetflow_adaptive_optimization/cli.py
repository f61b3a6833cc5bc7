"""``packetflow optimize show|predict|invalidate`` (added to the core CLI via ``packetflow.cli``).

``--url`` asks a running node (its live history and cache); ``--app`` starts the node in this
process, which knows the models saved under its data dir (and an empty cache).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

__all__ = ["register"]

NAME = "adaptive_optimization"


def register(commands: Any) -> None:
    parser = commands.add_parser("optimize", help="what the adaptive_optimization module learned")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="per-capability latency, errors, cache and rewrites")
    show.add_argument("--capability", help="only this capability")
    show.add_argument("--entries", type=int, default=0, help="also list N cache entries")
    predict = sub.add_parser(
        "predict", help="estimate a plan: duration, critical path, bottlenecks"
    )
    what = predict.add_mutually_exclusive_group(required=True)
    what.add_argument("--composition", help="a registered composition")
    what.add_argument("--plan", help="a plan document: a JSON file, or JSON text")
    predict.add_argument("--inputs", help="the request payload as JSON (item counts, conditions)")
    invalidate = sub.add_parser("invalidate", help="drop cached results (all by default)")
    invalidate.add_argument("--capability", help="only this capability's results")
    invalidate.add_argument("--key", help="only the entry with this key (from show --entries)")
    for command in (show, predict, invalidate):
        target = command.add_mutually_exclusive_group(required=True)
        target.add_argument("--app", help="the node, as MODULE:ATTR (started in this process)")
        target.add_argument("--url", help="a running node, e.g. ws://127.0.0.1:8765")
        command.add_argument(
            "--token", default=os.environ.get("PACKETFLOW_TOKEN"),
            help="access token for --url (default: $PACKETFLOW_TOKEN)",
        )  # fmt: skip
        command.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=_show)
    predict.set_defaults(handler=_predict)
    invalidate.set_defaults(handler=_invalidate)


def _show(args: argparse.Namespace) -> int:
    payload: dict[str, Any] = {"entries": args.entries}
    if args.capability:
        payload["capability"] = args.capability
    return _run(args, "stats", payload, _print_stats)


def _predict(args: argparse.Namespace) -> int:
    payload: dict[str, Any] = {}
    try:
        if args.composition:
            payload["composition"] = args.composition
        else:
            text = Path(args.plan).read_text("utf-8") if Path(args.plan).is_file() else args.plan
            payload["plan"] = json.loads(text)
        if args.inputs:
            payload["inputs"] = json.loads(args.inputs)
    except (OSError, ValueError) as exc:
        print(f"error: --plan/--inputs is not a JSON document or file: {exc}", file=sys.stderr)
        return 2
    return _run(args, "predict", payload, _print_prediction)


def _invalidate(args: argparse.Namespace) -> int:
    payload = {k: v for k, v in (("capability", args.capability), ("key", args.key)) if v}
    return _run(args, "invalidate", payload, lambda out: print(f"invalidated {out['invalidated']}"))


def _run(args: argparse.Namespace, action: str, payload: dict[str, Any], show: Any) -> int:
    capability = f"{NAME}.{action}"

    async def remote() -> dict[str, Any]:
        async with pf.open_client(args.url, token=args.token, reconnect=False) as client:
            return await client.call(capability, payload)

    async def local() -> dict[str, Any]:
        from packetflow._cli.app import load_app  # the core CLI's --app loader

        node = load_app(args.app)
        # errors leave the node's nursery as exception groups: keep the typed one
        failure: pf.PacketFlowError | None = None
        out: dict[str, Any] = {}
        async with node.started():
            if NAME not in {i.name for i in node.modules.list_active()}:
                failure = pf.errors.UnavailableError(
                    f"module {NAME!r} is not active on node {node.name!r}; pip install "
                    "packetflow-module-adaptive-optimization and check `packetflow modules list`"
                )
            else:
                try:
                    out = await node.call(capability, payload)
                except pf.PacketFlowError as exc:
                    failure = exc
        if failure is not None:
            raise failure
        return out

    try:
        out = trio.run(remote if args.url else local)
    except pf.PacketFlowError as exc:
        print(f"{exc.code} {exc.type}: {exc.message}", file=sys.stderr)
        if exc.details:
            print(json.dumps(exc.details, indent=2, default=str), file=sys.stderr)
        return 1
    except Exception as exc:  # --app that does not load: say why, no traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(out, indent=2, default=str))
    else:
        show(out)
    return 0


def _print_stats(out: dict[str, Any]) -> None:
    caps = out["capabilities"]
    width = max((len(name) for name in caps), default=10)
    print(
        f"{'CAPABILITY':<{width}}  {'CALLS':>6} {'ERR%':>5} {'EWMA ms':>9} {'P50 ms':>8} "
        f"{'P95 ms':>8} {'HITS':>6}  CACHED"
    )
    for name, m in caps.items():
        ewma = "-" if m["ewma_ms"] is None else f"{m['ewma_ms']:.2f}"
        print(
            f"{name:<{width}}  {m['calls']:>6} {m['error_rate'] * 100:>5.1f} {ewma:>9} "
            f"{m['p50_ms']:>8.2f} {m['p95_ms']:>8.2f} {m['hits'] + m['shared']:>6}  "
            f"{'yes' if m.get('cached') else 'no'} ({m.get('reason', '-')})"
        )
    cache, rewrites = out["cache"], out["rewrites"]
    print(
        f"cache: {cache['entries']} entries, {cache['bytes']} bytes, {cache['hits']} hits, "
        f"{cache['misses']} misses, {cache['evictions']} evicted, {cache['expirations']} expired"
    )
    print(
        f"rewrites: {rewrites['rewritten']} of {rewrites['computed']} plans rewritten, "
        f"{rewrites['cache_hits']} served from the rewrite cache, {rewrites['invalid']} discarded"
    )
    for entry in out.get("entries", ()):
        print(f"  entry {entry['key']}  {entry['capability']}  {entry['bytes']} bytes  "
              f"expires in {entry['expires_in_s']:.0f}s")  # fmt: skip


def _print_prediction(out: dict[str, Any]) -> None:
    print(f"estimated: {out['estimated_ms']:.1f} ms (confidence {out['confidence']:.2f})")
    if out["rewritten"]:
        print(f"  as written: {out['unoptimized_ms']:.1f} ms; the module runs it rewritten:")
        print("  " + json.dumps(out.get("plan")))
    print("critical path:")
    for path in out["critical_path"]:
        print(f"  {path}")
    for bottleneck in out["bottlenecks"]:
        print(f"bottleneck {bottleneck['type']}: {bottleneck['detail']}")
        for path in bottleneck["steps"]:
            print(f"  {path}")
