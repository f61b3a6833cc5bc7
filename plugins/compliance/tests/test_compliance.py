"""The compliance module on a node: policies fail closed with E403, every request and outcome
is audited, the report, and refusal when auditing is impossible."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest

import packetflow as pf
from packetflow.testing import ChainRecorder, FakeCapabilities, ModuleConformance
from packetflow_compliance import AuditLedger, ComplianceModule


class TestComplianceConformance(ModuleConformance):
    module = ComplianceModule
    config: ClassVar[dict[str, Any]] = {
        "required_context": ["user_id"],
        "denied": {"intern": ["*"]},
    }


async def test_a_missing_context_field_is_refused(
    module_node: pf.Node, compliance: ComplianceModule, fake_capabilities: FakeCapabilities
) -> None:
    with pytest.raises(pf.errors.ForbiddenError) as caught:
        await module_node.call("echo", {})
    assert "'user_id' is required" in caught.value.message
    assert caught.value.details == {"rule": "required_context"}
    assert fake_capabilities.calls["echo"] == []


async def test_a_denied_role_is_refused(
    module_node: pf.Node, compliance: ComplianceModule, fake_capabilities: FakeCapabilities
) -> None:
    intern = {"user_id": "ivy", "roles": ["intern"]}
    with pytest.raises(pf.errors.ForbiddenError, match="role 'intern' may not call"):
        await module_node.call("payment_create", {"payment_id": "p1"}, context=intern)
    assert await module_node.call("report_read", {}, context=intern) == {}


async def test_segregation_of_duties(
    module_node: pf.Node, compliance: ComplianceModule, fake_capabilities: FakeCapabilities
) -> None:
    alice, bob = {"user_id": "alice"}, {"user_id": "bob"}
    await module_node.call("payment_create", {"payment_id": "p1"}, context=alice)
    with pytest.raises(pf.errors.ForbiddenError, match="maker-checker"):
        await module_node.call("payment_approve", {"payment_id": "p1"}, context=alice)
    assert await module_node.call("payment_approve", {"payment_id": "p1"}, context=bob)
    # another payment alice did not create is fine for her
    assert await module_node.call("payment_approve", {"payment_id": "p2"}, context=alice)


async def test_a_refused_request_reaches_no_other_module(
    module_node: pf.Node,
    compliance: ComplianceModule,
    register_module: Any,
    chain_recorder: ChainRecorder,
) -> None:
    class Later(pf.Module):
        name = "later"
        priority = 100

        @pf.hookimpl
        def packetflow_handle_request(self, request: pf.CapabilityRequest) -> None:
            return None

    await register_module(Later)
    with pytest.raises(pf.errors.ForbiddenError):
        await module_node.call("echo", {})
    assert chain_recorder.decisions() == [
        ("compliance", "request", "Fail"),
        ("compliance", "response", "Continue"),  # it records the refusal too
    ]


async def test_every_request_and_outcome_is_audited(
    module_node: pf.Node, compliance: ComplianceModule, audit_db: Path
) -> None:
    ctx = {"user_id": "alice", "roles": ["clerk"]}
    await module_node.call("echo", {"secret": "s3cr3t"}, context=ctx)
    with pytest.raises(pf.errors.ExecutionFailedError):
        await module_node.call("fail", {}, context=ctx)
    with pytest.raises(pf.errors.ForbiddenError):
        await module_node.call("echo", {})
    report = await module_node.call("compliance.report", {}, context=ctx)
    assert report["intact"] is True
    assert report["refusals"] == {"required_context": 1}
    assert report["capabilities"]["echo"] == {"ok": 1, "E403": 1}
    assert report["capabilities"]["fail"] == {"E500": 1}
    ledger = AuditLedger(audit_db)
    records = list(ledger.records())
    ledger.close()
    assert [r.kind for r in records[:2]] == ["request", "response"]
    assert "s3cr3t" not in str(records[0].data)  # payloads are digested, never stored
    assert records[0].data["user_id"] == "alice"
