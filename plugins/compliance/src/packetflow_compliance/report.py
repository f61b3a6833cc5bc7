"""The audit report: what the log says happened, and whether the log itself is intact."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from .ledger import AuditLedger

__all__ = ["build_report", "render_report"]


def build_report(ledger: AuditLedger) -> dict[str, Any]:
    """Totals per outcome, capability and caller, refusals per rule, and the verification.

    ``withdrawn`` counts answers replaced by E503 because their record was not committed within
    ``audit_timeout``: their response record (written later) shows the outcome that was
    withheld.
    """
    verification = ledger.verify()
    outcomes: Counter[str] = Counter()
    capabilities: dict[str, Counter[str]] = {}
    callers: Counter[str] = Counter()
    refusals: Counter[str] = Counter()
    withdrawn = 0
    first = last = None
    records = 0
    for record in ledger.records():
        records += 1
        first = record.ts if first is None else first
        last = record.ts
        data = record.data
        if record.kind == "request":
            callers[str(data.get("user_id"))] += 1
            if data.get("decision") == "refused":
                refusals[str(data.get("rule"))] += 1
        elif record.kind == "response":
            outcome = str(data.get("outcome"))
            outcomes[outcome] += 1
            per = capabilities.setdefault(str(data.get("capability")), Counter())
            per[outcome] += 1
        elif record.kind == "withdrawn":
            withdrawn += 1
    return {
        "intact": verification.ok,
        "verification": str(verification),
        "records": records,
        "from": _when(first),
        "to": _when(last),
        "outcomes": dict(outcomes),
        "capabilities": {name: dict(counts) for name, counts in sorted(capabilities.items())},
        "callers": dict(callers.most_common()),
        "refusals": dict(refusals.most_common()),
        "withdrawn": withdrawn,
    }


def render_report(report: dict[str, Any]) -> str:
    """The report as text for a terminal."""
    lines = [
        "Compliance audit report",
        f"  log: {report['verification']}",
        f"  period: {report['from']} .. {report['to']} ({report['records']} records)",
        "  outcomes: " + (", ".join(f"{k}={v}" for k, v in report["outcomes"].items()) or "-"),
        "  refusals: " + (", ".join(f"{k}={v}" for k, v in report["refusals"].items()) or "-"),
        f"  withdrawn (answered E503, their commit came too late): {report['withdrawn']}",
        "  callers: " + (", ".join(f"{k}={v}" for k, v in report["callers"].items()) or "-"),
        "  per capability:",
    ]
    for name, counts in report["capabilities"].items():
        lines.append(f"    {name}: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    return "\n".join(lines)


def _when(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")
