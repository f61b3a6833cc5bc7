"""``packetflow stats``: the dashboard's figures as tables (``--json`` for scripts,
``--watch`` to refresh until Ctrl+C).

``--url http://HOST:PORT`` reads a served node's HTTP port (``packetflow serve --http``) with
an admin token; ``--app`` starts the app in this process and shows what it has registered
and loaded (its counters start at zero).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import trio

from .app import add_config_argument, load_app
from .errors import CommandError
from .target import TOKEN_ENV

__all__ = ["register"]

Figures = dict[str, Any]
PARTS = ("overview", "capabilities", "modules", "channels")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "stats",
        help="a node's statistics as tables",
        description="Per-capability calls, errors and latency, modules, composition runs, "
        "actors and channels: the dashboard's figures as text.",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--app", metavar="MODULE:ATTR", help="start the app in this process")
    where.add_argument(
        "--url", help="a served node's HTTP port, e.g. http://127.0.0.1:8766 (serve --http)"
    )
    parser.add_argument(
        "--token",
        default=os.environ.get(TOKEN_ENV),
        help=f"an admin token for --url (default ${TOKEN_ENV})",
    )
    add_config_argument(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--watch",
        type=float,
        nargs="?",
        const=2.0,
        metavar="SECONDS",
        help="refresh every SECONDS (default 2) until Ctrl+C",
    )
    parser.set_defaults(handler=_stats)


def _stats(args: argparse.Namespace) -> int:
    if args.watch is not None and not args.watch > 0:
        raise CommandError(f"--watch {args.watch!r}: give a positive number of seconds")
    show: Callable[[Figures], None] = _print_json if args.json else _print_tables
    if args.url:
        fetch = _remote(args.url, args.token)
        while True:
            figures = fetch()
            if args.watch is not None and not args.json:
                print("\033[2J\033[H", end="")  # clear the terminal between refreshes
            show(figures)
            if args.watch is None:
                return 0
            time.sleep(args.watch)
    return _local(args, show)


def _local(args: argparse.Namespace, show: Callable[[Figures], None]) -> int:
    from .._http.views import Views

    node = load_app(args.app, args.config)

    async def main() -> None:
        async with node.started():
            views = Views(node)
            while True:
                show(_figures_of(views))
                if args.watch is None:
                    return
                await trio.sleep(args.watch)

    trio.run(main)
    return 0


def _figures_of(views: Any) -> Figures:
    from .._auth.principal import Principal

    return {
        "overview": views.overview(),
        "capabilities": views.capabilities(Principal.anonymous()),
        "modules": views.modules(),
        "channels": views.channels(),
    }


def _remote(url: str, token: str | None) -> Callable[[], Figures]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(
            f"--url {url!r}: give the node's HTTP port, e.g. 'http://127.0.0.1:8766' "
            "(packetflow serve --http PORT)"
        )
    base = url.rstrip("/")
    headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(path: str) -> Any:
        request = urllib.request.Request(base + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            raise CommandError(_refused(base, exc), exit_code=1) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise CommandError(
                f"--url {url!r}: cannot reach the node ({reason}); is it served with --http?",
                exit_code=1,
            ) from None

    def fetch() -> Figures:
        figures = {part: get(f"/api/{part}") for part in PARTS}
        figures["capabilities"] = figures["capabilities"]["capabilities"]
        return figures

    return fetch


def _refused(base: str, exc: urllib.error.HTTPError) -> str:
    try:
        message = json.loads(exc.read())["error"]["message"]
    except Exception:
        message = exc.reason
    hint = {
        401: f"pass an admin token with --token or ${TOKEN_ENV}",
        403: "use a token with the 'admin' scope",
    }.get(exc.code, "see the node's log")
    return f"{base}: HTTP {exc.code}: {message}; {hint}"


def _print_json(figures: Figures) -> None:
    print(json.dumps(figures, indent=2, default=str), flush=True)


def _print_tables(figures: Figures) -> None:
    overview = figures["overview"]
    print(
        f"node {overview['node']!r} ({overview['state']}): {overview['capabilities']} "
        f"capabilities, {overview['modules']} modules, {overview['actors_live']} live actors"
    )
    caps = figures["capabilities"]
    _table(
        ["CAPABILITY", "KIND", "CALLS", "ERRORS", "P50 MS", "P99 MS", "ERROR CODES"],
        [
            [
                c["name"],
                c["kind"],
                c["stats"]["count"],
                c["stats"]["errors"],
                c["stats"]["p50_ms"],
                c["stats"]["p99_ms"],
                _codes(c["stats"]["codes"]),
            ]
            for c in caps
        ],
    )
    modules = figures["modules"]
    if modules["modules"]:
        _table(
            ["MODULE", "STATUS", "PRIORITY", "CALLS", "ERRORS", "TIMEOUTS", "P50 MS", "P99 MS"],
            [
                [
                    m["name"],
                    m["status"],
                    m["priority"],
                    m["calls"],
                    m["errors"],
                    m["timeouts"],
                    m["p50_ms"],
                    m["p99_ms"],
                ]
                for m in modules["modules"]
            ],
        )
        for kind, order in modules["chains"].items():
            print(f"{kind} chain: {' -> '.join(order) or '(empty)'}")
    runs = overview.get("compositions") or {}
    if runs:
        _table(
            ["COMPOSITION", "RUNS OK", "RUNS FAILED"],
            [[name, r["ok"], r["error"]] for name, r in runs.items()],
        )
    channels = figures["channels"]
    print(f"\nchannels: {channels['published']} events published, {channels['dropped']} dropped")
    if channels["patterns"]:
        _table(
            ["PATTERN", "SUBSCRIBERS", "BUFFERED", "DROPPED"],
            [
                [p["pattern"], p["subscribers"], p["buffered"], p["dropped"]]
                for p in channels["patterns"]
            ],
        )
    sys.stdout.flush()


def _codes(codes: dict[str, int]) -> str:
    return ", ".join(f"{code}x{n}" for code, n in sorted(codes.items()))


def _table(header: list[str], rows: list[list[Any]]) -> None:
    cells = [header, *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print()
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
