"""Fixtures of the compliance module's tests (the SDK's come from packetflow.testing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import packetflow as pf
from packetflow.testing import FakeCapabilities
from packetflow_compliance import ComplianceModule


@pytest.fixture
def audit_db(tmp_path: Path) -> Path:
    return tmp_path / "audit.db"


@pytest.fixture
async def compliance(
    module_node: pf.Node, register_module: Any, fake_capabilities: FakeCapabilities, audit_db: Path
) -> ComplianceModule:
    """The compliance module with policies, on a node with fake capabilities."""
    for name in ("payment_create", "payment_approve", "report_read"):
        fake_capabilities.add(name)
    module: ComplianceModule = await register_module(
        ComplianceModule,
        config={
            "audit_db": str(audit_db),
            "required_context": ["user_id"],
            "denied": {"intern": ["payment_*"]},
            "segregation": [
                {
                    "name": "maker-checker",
                    "first": "payment_create",
                    "second": "payment_approve",
                    "subject": "payment_id",
                }
            ],
        },
    )
    return module
