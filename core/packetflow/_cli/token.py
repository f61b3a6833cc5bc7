"""``packetflow token``: create access tokens and node secrets."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._auth.tokens import DEFAULT_AUDIENCE, TokenAuthority, new_secret

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("token", help="create access tokens and node secrets")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = sub.add_parser(
        "create",
        help="print a signed token",
        description="Print a token signed with PACKETFLOW_SECRET (or PACKETFLOW_SECRET_FILE).",
    )
    create.add_argument("--sub", required=True, help="who the token is for")
    create.add_argument(
        "--scope",
        action="append",
        required=True,
        help="'cap:<glob>', 'actor:<glob>', 'chan:<glob>' or 'admin' (repeat for several)",
    )
    create.add_argument("--ttl", type=float, default=3600.0, help="seconds (default 3600)")
    create.add_argument("--role", action="append", default=[], help="role for authorize=")
    create.add_argument("--rate-limit", help="this token's rate limit, e.g. '100/s'")
    create.add_argument(
        "--aud", help=f"audience (default $PACKETFLOW_AUDIENCE or {DEFAULT_AUDIENCE!r})"
    )
    create.set_defaults(handler=_create)
    secret = sub.add_parser("secret", help="print a fresh random node secret")
    secret.set_defaults(handler=_secret)


def _secret(args: argparse.Namespace) -> int:
    print(new_secret())
    return 0


def _create(args: argparse.Namespace) -> int:
    try:
        authority = TokenAuthority.from_env()
        if authority is None:
            print(
                "error: no secret: set PACKETFLOW_SECRET (or PACKETFLOW_SECRET_FILE) to the "
                "node's secret; 'packetflow token secret' makes one",
                file=sys.stderr,
            )
            return 2
        token = authority.issue(
            args.sub,
            args.scope,
            ttl=args.ttl,
            roles=args.role,
            rate_limit=args.rate_limit,
            audience=args.aud,
        )
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(token)
    return 0
