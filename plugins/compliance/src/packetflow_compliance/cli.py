"""``packetflow compliance verify|checkpoint|report`` (added to the core CLI via
``packetflow.cli``). Every command opens the log read-only: checking evidence never changes it."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from .config import KEY_ENV
from .ledger import AuditLedger, LedgerError
from .report import build_report, render_report
from .verification import Checkpoint, CheckpointError

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``compliance`` command group to the ``packetflow`` CLI."""
    parser = commands.add_parser("compliance", help="verify and report on the audit log")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify", help="check the hash chain; exit 1 naming the first bad record"
    )
    verify.add_argument(
        "--against",
        metavar="CHECKPOINT",
        help="also prove the log still holds every record of this checkpoint file",
    )
    checkpoint = sub.add_parser(
        "checkpoint",
        help="print the verified head hash and count, to keep outside the database",
    )
    checkpoint.add_argument("--out", metavar="FILE", help="also write the checkpoint to FILE")
    report = sub.add_parser("report", help="summarize the audit log")
    report.add_argument("--json", action="store_true", help="machine-readable output")
    for command in (verify, checkpoint, report):
        command.add_argument(
            "--db", help="the audit SQLite file (default: DATA_DIR/compliance/audit.db)"
        )
        command.add_argument("--data-dir", default=".packetflow", help="the node's data dir")
    verify.set_defaults(handler=_verify)
    checkpoint.set_defaults(handler=_checkpoint)
    report.set_defaults(handler=_report)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _ledger(args: argparse.Namespace) -> AuditLedger:
    path = Path(args.db) if args.db else Path(args.data_dir) / "compliance" / "audit.db"
    if not path.is_file():
        raise LedgerError(f"no audit log at {str(path)!r}; pass --db or --data-dir")
    key = os.environ.get(KEY_ENV)
    return AuditLedger(path, key.encode() if key else None, readonly=True)


def _verify(args: argparse.Namespace) -> int:
    try:
        against = None
        if args.against:
            source = Path(args.against)
            try:
                text = source.read_text(encoding="utf-8")
            except OSError as exc:
                raise CheckpointError(f"{args.against!r}: cannot read it ({exc})") from exc
            against = Checkpoint.from_json(text, args.against)
        ledger = _ledger(args)
    except (LedgerError, CheckpointError) as exc:
        return _fail(str(exc))
    try:
        result = ledger.verify(against)
    finally:
        ledger.close()
    print(result, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _checkpoint(args: argparse.Namespace) -> int:
    try:
        ledger = _ledger(args)
    except LedgerError as exc:
        return _fail(str(exc))
    try:
        result = ledger.verify()
    finally:
        ledger.close()
    if not result.ok:
        print(f"{result}; a tampered log cannot be checkpointed", file=sys.stderr)
        return 1
    text = Checkpoint.of(result, keyed=bool(os.environ.get(KEY_ENV))).to_json()
    if args.out:
        try:
            _write_new(Path(args.out), text + "\n")
        except OSError as exc:
            return _fail(f"checkpoint file {args.out!r}: cannot write it ({exc})")
    print(text)
    return 0


def _write_new(path: Path, text: str) -> None:
    # Write beside it and rename: a checkpoint file is never seen half-written.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _report(args: argparse.Namespace) -> int:
    try:
        ledger = _ledger(args)
    except LedgerError as exc:
        return _fail(str(exc))
    try:
        report = build_report(ledger)
    finally:
        ledger.close()
    print(json.dumps(report, indent=2) if args.json else render_report(report))
    return 0 if report["intact"] else 1
