"""packetflow-module-compliance: tamper-evident audit log, fail-closed policies, audit reports."""

from __future__ import annotations

from .config import ComplianceConfig, SegregationRule
from .ledger import AuditLedger, LedgerError
from .module import ComplianceModule
from .report import build_report
from .verification import Checkpoint, CheckpointError, Verification, verify

__all__ = [
    "AuditLedger",
    "Checkpoint",
    "CheckpointError",
    "ComplianceConfig",
    "ComplianceModule",
    "LedgerError",
    "SegregationRule",
    "Verification",
    "build_report",
    "verify",
]
