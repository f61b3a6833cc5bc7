"""packetflow-module-compliance: tamper-evident audit log, fail-closed policies, audit reports."""

from __future__ import annotations

from .config import ComplianceConfig, SegregationRule
from .ledger import AuditLedger, Verification
from .module import ComplianceModule
from .report import build_report

__all__ = [
    "AuditLedger",
    "ComplianceConfig",
    "ComplianceModule",
    "SegregationRule",
    "Verification",
    "build_report",
]
