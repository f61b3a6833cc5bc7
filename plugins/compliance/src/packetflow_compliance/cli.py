"""``packetflow compliance verify|report`` (added to the core CLI via ``packetflow.cli``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from .config import KEY_ENV
from .ledger import AuditLedger
from .report import build_report, render_report

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("compliance", help="verify and report on the audit log")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify", help="check the hash chain; exit 1 naming the first bad record"
    )
    report = sub.add_parser("report", help="summarize the audit log")
    report.add_argument("--json", action="store_true", help="machine-readable output")
    for command in (verify, report):
        command.add_argument(
            "--db", help="the audit SQLite file (default: DATA_DIR/compliance/audit.db)"
        )
        command.add_argument("--data-dir", default=".packetflow", help="the node's data dir")
    verify.set_defaults(handler=_verify)
    report.set_defaults(handler=_report)


def _ledger(args: argparse.Namespace) -> AuditLedger | None:
    path = Path(args.db) if args.db else Path(args.data_dir) / "compliance" / "audit.db"
    if not path.is_file():
        print(f"error: no audit log at {str(path)!r}; pass --db or --data-dir", file=sys.stderr)
        return None
    key = os.environ.get(KEY_ENV)
    return AuditLedger(path, key.encode() if key else None)


def _verify(args: argparse.Namespace) -> int:
    ledger = _ledger(args)
    if ledger is None:
        return 2
    try:
        result = ledger.verify()
    finally:
        ledger.close()
    print(result, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _report(args: argparse.Namespace) -> int:
    ledger = _ledger(args)
    if ledger is None:
        return 2
    try:
        report = build_report(ledger)
    finally:
        ledger.close()
    print(json.dumps(report, indent=2) if args.json else render_report(report))
    return 0 if report["intact"] else 1
