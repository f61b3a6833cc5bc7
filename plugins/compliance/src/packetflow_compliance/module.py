"""The compliance module's hooks. The logic lives in the ledger, journal, policy, duties and
report modules beside this one; this class wires them to the chain and makes the decisions."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import trio

import packetflow as pf

from .config import KEY_ENV, ComplianceConfig
from .duties import Duties, DutiesUnavailable
from .journal import AuditUnavailable, Journal
from .ledger import AuditLedger, canonical
from .policy import Policies
from .report import build_report

__all__ = ["ComplianceModule"]

_MAX_REFUSED = 65_536  # keys of requests refused as unauditable, awaiting their response hook


class ComplianceModule(pf.Module):
    """Audits every request and outcome in a hash-chained log and enforces request policies.

    Priority 5: its request hook runs before the other modules' (a refused request reaches no
    one else) and its response hook runs last (it records the outcome the caller gets, and the
    answer leaves only once that record is committed). Fail-closed: if it cannot audit,
    requests are refused with E503.
    """

    name = "compliance"
    priority = 5
    Config = ComplianceConfig
    on_error = "fail"
    # The response hook waits for a group commit, bounded by ``audit_timeout`` (5 s): the
    # module answers E503 itself before the host would count a timeout against it.
    hook_timeout = 10.0

    async def start(self, config: ComplianceConfig, node: pf.Node) -> None:
        self.path = (
            Path(config.audit_db) if config.audit_db else node.data_dir / "compliance" / "audit.db"
        )
        secret = os.environ.get(KEY_ENV)
        self.key = secret.encode() if secret else None
        writer = await trio.to_thread.run_sync(
            lambda: AuditLedger(
                self.path, self.key, lock_timeout=config.lock_timeout,
                synchronous=config.synchronous,
            )
        )  # fmt: skip
        reader = await trio.to_thread.run_sync(
            lambda: AuditLedger(self.path, self.key, readonly=True)
        )
        self.policies = Policies(config)
        self.duties = Duties(config.segregation, reader, config.audit_timeout)
        self.journal = Journal(writer, max_backlog=config.max_backlog, timeout=config.audit_timeout)
        self._refused: set[str] = set()
        await node.nursery.start(self.journal.serve)

    async def stop(self, reason: str) -> None:
        await self.journal.close()
        await self.duties.aclose()

    @pf.hookimpl
    async def packetflow_handle_request(
        self, request: pf.CapabilityRequest, context: pf.Context
    ) -> pf.Fail | None:
        key = _key(request.id, context)
        refusal = self.policies.check(request.capability_id, context)
        unavailable: tuple[str, str] | None = None  # (rule, why)
        if refusal is None and self.duties.rules:
            try:
                refusal = await self.duties.check(
                    key, request.capability_id, request.payload, context.user_id or ""
                )
            except DutiesUnavailable as exc:
                unavailable = ("segregation_unavailable", str(exc))
        if unavailable is None and self.journal.failure is not None:
            unavailable = ("audit_unavailable", f"writing it failed: {self.journal.failure}")
        rule = unavailable[0] if unavailable else refusal.rule if refusal else None
        record = _request_record(request, context, rule)
        try:
            self.journal.add("request", record, urgent=False)
        except AuditUnavailable as exc:
            unavailable = unavailable or ("audit_unavailable", str(exc))
        if unavailable is not None:
            self.duties.settle(key, ok=False)
            if len(self._refused) >= _MAX_REFUSED:  # only requests cancelled mid-way leak here
                self._refused.clear()
            self._refused.add(key)
            return pf.Fail(
                "E503",
                f"compliance: request refused, it cannot be audited: {unavailable[1]}; retry later",
                details={"rule": unavailable[0]},
            )
        if refusal is not None:
            self.duties.settle(key, ok=False)
            return pf.Fail("E403", refusal.message, details={"rule": refusal.rule})
        return None

    @pf.hookimpl
    async def packetflow_handle_response(
        self, response: pf.CapabilityResponse | pf.CapabilityError, context: pf.Context
    ) -> pf.Transform | None:
        key = _key(response.id, context)
        ok = isinstance(response, pf.CapabilityResponse)
        record = _response_record(response, context, ok)
        made = self.duties.settle(key, ok)
        if made:
            record["first_actions"] = [list(fact) for fact in made]
        refused = key in self._refused  # our own E503: the log is failing, do not hold it back
        self._refused.discard(key)
        try:
            await self._commit(record, wait=not refused)
        except AuditUnavailable as exc:
            if refused:
                return None
            error = pf.errors.UnavailableError(
                f"compliance: the outcome cannot be audited: {exc}; retry later"
            )
            return pf.Transform(
                pf.CapabilityError(
                    id=response.id,
                    capability_id=response.capability_id,
                    error=error.to_wire(),
                    metadata=response.metadata,  # what earlier modules added stays on it
                )
            )
        finally:
            self.duties.release(key)
        return None

    async def _commit(self, record: dict[str, Any], *, wait: bool) -> None:
        ticket = self.journal.add("response", record)
        if not wait:
            return
        try:
            await self.journal.wait(ticket)
        except AuditUnavailable:
            # The record stays queued and is written once the log recovers; say there that
            # the caller got E503 instead.
            withdrawn = {k: record[k] for k in ("id", "trace_id", "capability", "user_id")}
            self.journal.add("withdrawn", {**withdrawn, "was": record["outcome"]})
            raise

    @pf.hookimpl
    def packetflow_register_capabilities(self, register: Any) -> None:
        journal, path, key = self.journal, self.path, self.key

        @pf.capability(
            name="compliance.report",
            intent="Summarize the audit log: outcomes, callers, refusals, chain integrity",
            tags=["compliance", "audit"],
            requires=(),
            provides=(),
        )
        async def report(payload: dict[str, Any]) -> dict[str, Any]:
            with trio.move_on_after(journal.timeout):
                await journal.drain()  # what this node did so far is in the report
            return await trio.to_thread.run_sync(_report, path, key)

        register(report)


def _key(request_id: str, context: pf.Context) -> str:
    return f"{context.trace_id}/{request_id}"


def _report(path: Path, key: bytes | None) -> dict[str, Any]:
    ledger = AuditLedger(path, key, readonly=True)  # its own connection: a long read
    try:
        return build_report(ledger)
    finally:
        ledger.close()


def _request_record(
    request: pf.CapabilityRequest, context: pf.Context, rule: str | None
) -> dict[str, Any]:
    return {
        "id": request.id,
        "type": request.type,
        "trace_id": context.trace_id,
        "capability": request.capability_id,
        "user_id": context.user_id,
        "session_id": context.session_id,
        "roles": list(context.roles),
        "payload_sha256": hashlib.sha256(canonical(request.payload).encode()).hexdigest(),
        "decision": "allowed" if rule is None else "refused",
        "rule": rule,
    }


def _response_record(
    response: pf.CapabilityResponse | pf.CapabilityError, context: pf.Context, ok: bool
) -> dict[str, Any]:
    return {
        "id": response.id,
        "trace_id": context.trace_id,
        "capability": response.capability_id,
        "user_id": context.user_id,
        "outcome": "ok" if ok else response.error.code,  # type: ignore[union-attr]
        "modules": list(response.metadata.get("modules", [])),
    }
