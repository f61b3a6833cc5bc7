"""The compliance module's hooks. The logic lives in the ledger, journal, policy and report
modules beside this one; this class wires them to the chain."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

from .config import KEY_ENV, ComplianceConfig
from .journal import AuditUnavailable, Journal
from .ledger import AuditLedger, canonical
from .policy import Policies
from .report import build_report

__all__ = ["ComplianceModule"]


class ComplianceModule(pf.Module):
    """Audits every request and outcome in a hash-chained log and enforces request policies.

    Priority 5: its request hook runs before the other modules' (a refused request reaches no
    one else) and its response hook runs last (it records the outcome the caller gets).
    Fail-closed: if it cannot audit, requests are refused.
    """

    name = "compliance"
    priority = 5
    Config = ComplianceConfig
    on_error = "fail"

    async def start(self, config: ComplianceConfig, node: pf.Node) -> None:
        path = (
            Path(config.audit_db) if config.audit_db else node.data_dir / "compliance" / "audit.db"
        )
        key = os.environ.get(KEY_ENV)
        self.ledger = await trio.to_thread.run_sync(
            AuditLedger, path, key.encode() if key else None
        )
        self.policies = Policies(config)
        facts = await trio.to_thread.run_sync(_first_actions, self.ledger)
        self.policies.recall(facts)
        self.journal = Journal(self.ledger, config.max_backlog, config.flush_interval)
        node.nursery.start_soon(self.journal.run, name="compliance-journal")

    async def stop(self, reason: str) -> None:
        await self.journal.close()

    @pf.hookimpl
    def packetflow_handle_request(
        self, request: pf.CapabilityRequest, context: pf.Context
    ) -> pf.Fail | None:
        key = _key(request.id, context)
        refusal = self.policies.check(key, request.capability_id, request.payload, context)
        record = {
            "id": request.id,
            "type": request.type,
            "trace_id": context.trace_id,
            "capability": request.capability_id,
            "user_id": context.user_id,
            "session_id": context.session_id,
            "roles": list(context.roles),
            "payload_sha256": hashlib.sha256(canonical(request.payload).encode()).hexdigest(),
            "decision": "refused" if refusal else "allowed",
            "rule": refusal.rule if refusal else None,
        }
        try:
            self.journal.add("request", record)
        except AuditUnavailable as exc:
            self.policies.settle(key, ok=False)
            return pf.Fail("E503", f"compliance: request refused, it cannot be audited: {exc}")
        if refusal is not None:
            self.policies.settle(key, ok=False)
            return pf.Fail("E403", refusal.message, details={"rule": refusal.rule})
        return None

    @pf.hookimpl
    def packetflow_handle_response(
        self, response: pf.CapabilityResponse | pf.CapabilityError, context: pf.Context
    ) -> pf.Transform | None:
        ok = isinstance(response, pf.CapabilityResponse)
        made = self.policies.settle(_key(response.id, context), ok)
        record: dict[str, Any] = {
            "id": response.id,
            "trace_id": context.trace_id,
            "capability": response.capability_id,
            "user_id": context.user_id,
            "outcome": "ok" if ok else response.error.code,  # type: ignore[union-attr]
            "modules": list(response.metadata.get("modules", [])),
        }
        if made:
            record["first_actions"] = [list(fact) for fact in made]
        try:
            self.journal.add("response", record)
        except AuditUnavailable as exc:
            error = pf.errors.UnavailableError(f"compliance: the outcome cannot be audited: {exc}")
            return pf.Transform(
                pf.CapabilityError(
                    id=response.id,
                    capability_id=response.capability_id,
                    error=error.to_wire(),
                )
            )
        return None

    @pf.hookimpl
    def packetflow_register_capabilities(self, register: Any) -> None:
        ledger = self.ledger
        journal = self.journal

        @pf.capability(
            name="compliance.report",
            intent="Summarize the audit log: outcomes, callers, refusals, chain integrity",
            tags=["compliance", "audit"],
            requires=(),
            provides=(),
        )
        async def report(payload: dict[str, Any]) -> dict[str, Any]:
            await journal.flush()
            return await trio.to_thread.run_sync(build_report, ledger)

        register(report)


def _key(request_id: str, context: pf.Context) -> str:
    return f"{context.trace_id}/{request_id}"


def _first_actions(ledger: AuditLedger) -> list[tuple[str, str, str]]:
    facts: list[tuple[str, str, str]] = []
    for record in ledger.records():
        for rule, subject, user in record.data.get("first_actions", ()):
            facts.append((str(rule), str(subject), str(user)))
    return facts
