"""``packetflow serve``: run a node over WebSocket (and its HTTP port with ``--http PORT``:
``/metrics``, ``/healthz``, ``/readyz``, the dashboard, MCP at ``/mcp``) until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
from functools import partial
from typing import Any

import trio

from .._serving import check_extras
from .._wire.config import ServerConfig
from .app import add_config_argument, load_app

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve a node over WebSocket",
        description="Serve a node over WebSocket (and its HTTP port with --http: /metrics, "
        "/healthz, /readyz, the dashboard at /, MCP streamable HTTP at /mcp). "
        "Tokens are verified with PACKETFLOW_SECRET (or PACKETFLOW_SECRET_FILE); without a "
        "secret only loopback binds are allowed.",
    )
    parser.add_argument(
        "--app", required=True, help="the node, as MODULE:ATTR or path/to/file.py:ATTR"
    )
    add_config_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any)")
    parser.add_argument(
        "--insecure-dev",
        action="store_true",
        help="allow a node without a secret on a non-loopback interface (development only)",
    )
    parser.add_argument(
        "--drain-timeout", type=float, default=10.0, help="seconds to finish in-flight work"
    )
    parser.add_argument("--heartbeat", type=float, default=15.0, help="heartbeat interval (s)")
    parser.add_argument(
        "--max-in-flight", type=int, default=256, help="requests in flight per connection"
    )
    parser.add_argument("--rate-limit", help="default per-token rate limit, e.g. '100/s'")
    parser.add_argument(
        "--http",
        type=int,
        metavar="PORT",
        help="also serve the HTTP port on PORT (same host, tokens and rate limits): /metrics, "
        "/healthz, /readyz and the dashboard (needs packetflow[http]), MCP streamable HTTP at "
        "/mcp (packetflow[mcp]); 0: any port",
    )
    parser.add_argument(
        "--mcp-http",
        type=int,
        metavar="PORT",
        help="the same HTTP port, for MCP at /mcp: fails at once without packetflow[mcp]",
    )
    parser.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace) -> int:
    node = load_app(args.app, args.config)
    try:
        config = ServerConfig.from_env(
            insecure_dev=args.insecure_dev,
            drain_timeout=args.drain_timeout,
            heartbeat_s=args.heartbeat,
            max_in_flight=args.max_in_flight,
            token_rate_limit=args.rate_limit,
            http_port=args.http,
            mcp_http_port=args.mcp_http,
        )
        config.check_bind(args.host)
        check_extras(config)
    except (PermissionError, ValueError, OSError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def main() -> None:
        async with trio.open_nursery() as nursery:
            server = await nursery.start(
                partial(
                    node.serve,
                    args.host,
                    args.port,
                    config=config,
                    shutdown_signals=(signal.SIGINT, signal.SIGTERM),
                )
            )
            auth = "tokens required" if config.authority else "no auth (no secret set)"
            print(f"packetflow: node {node.name!r} serving on {server.url} ({auth})", flush=True)
            if server.mcp_url is not None:
                print(f"packetflow: MCP (streamable HTTP) at {server.mcp_url} ({auth})", flush=True)
            if server.http_url is not None:
                print(
                    f"packetflow: dashboard at {server.http_url}/, metrics at "
                    f"{server.http_url}/metrics ({auth})",
                    flush=True,
                )

    failed: BaseException | None = None
    try:
        trio.run(main)
    except* OSError as group:  # port in use, interface missing (raised inside nurseries)
        failed = group.exceptions[0]
        while isinstance(failed, BaseExceptionGroup):
            failed = failed.exceptions[0]
    if failed is not None:
        ports = str(args.port)
        if args.http is not None or args.mcp_http is not None:
            kind = "HTTP" if args.http is not None else "MCP"
            ports += f" / {config.http_port} ({kind})"
        print(f"error: cannot listen on {args.host} port {ports}: {failed}", file=sys.stderr)
        return 1
    print("packetflow: stopped", flush=True)
    return 0
