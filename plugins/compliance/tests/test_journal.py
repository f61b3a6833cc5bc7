"""Group commit: an answer leaves only once its record is committed, concurrent answers share a
transaction, a failed write is retried until it succeeds and the failure then clears."""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import trio

import packetflow as pf
from packetflow_compliance import AuditLedger, ComplianceModule

ALICE = {"user_id": "alice"}


def records(path: Path) -> list[tuple[str, dict[str, object]]]:
    ledger = AuditLedger(path, readonly=True)  # a connection of its own, as another process
    try:
        assert ledger.verify().ok
        return [(record.kind, record.data) for record in ledger.records()]
    finally:
        ledger.close()


async def test_an_answer_leaves_only_after_its_record_is_committed(
    module_node: pf.Node, compliance: ComplianceModule, audit_db: Path
) -> None:
    assert await module_node.call("echo", {"n": 1}, context=ALICE) == {"n": 1}
    kinds = [(kind, data["capability"]) for kind, data in records(audit_db)]
    assert kinds == [("request", "echo"), ("response", "echo")]
    with pytest.raises(pf.errors.ForbiddenError):
        await module_node.call("echo", {})  # a refusal is an answer too
    assert [data.get("outcome") for _, data in records(audit_db)][-1] == "E403"


async def test_concurrent_answers_share_transactions(
    module_node: pf.Node, compliance: ComplianceModule, audit_db: Path
) -> None:
    async with trio.open_nursery() as nursery:
        for n in range(50):
            call = functools.partial(
                module_node.call, "echo", {"n": n}, context={"user_id": f"u{n}"}
            )
            nursery.start_soon(call)
    stats = compliance.journal.statistics()
    assert stats.written == 100
    assert stats.batches < stats.written / 2  # group commit: many records per transaction
    assert stats.pending == 0
    users = {data["user_id"] for kind, data in records(audit_db) if kind == "response"}
    assert users == {f"u{n}" for n in range(50)}


async def test_a_failed_write_is_retried_and_the_failure_clears(
    open_audited: Any, audit_db: Path
) -> None:
    async with open_audited({"lock_timeout": 0, "audit_timeout": 60}) as (node, module):
        holder = sqlite3.connect(audit_db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another node process holding the write lock
        answers = []

        async def make_payment() -> None:
            answers.append(await node.call("payment_create", {"payment_id": "p1"}, context=ALICE))

        async with trio.open_nursery() as nursery:
            nursery.start_soon(make_payment)
            stats = await module.journal.next_attempt()
            assert stats.failure is not None and "locked" in stats.failure
            with pytest.raises(pf.errors.UnavailableError, match="cannot be audited") as caught:
                await node.call("payment_approve", {"payment_id": "p0"}, context={"user_id": "bob"})
            assert caught.value.details == {"rule": "audit_unavailable"}
            holder.execute("ROLLBACK")  # the lock is free: the next retry gets through
        holder.close()
        assert answers == [{"created": "p1"}]  # it waited for its record, then was answered
        assert module.journal.failure is None
        assert await node.call("payment_approve", {"payment_id": "p1"}, context={"user_id": "bob"})
        stats = module.journal.statistics()
        assert stats.failed_attempts >= 1
        assert stats.failure is None
    logged = [(kind, data.get("user_id"), data.get("rule")) for kind, data in records(audit_db)]
    assert ("request", "bob", "audit_unavailable") in logged
    assert logged.count(("response", "bob", None)) == 2
    assert ("response", "alice", None) in logged


async def test_an_answer_whose_record_comes_too_late_is_withdrawn(
    open_audited: Any, audit_db: Path
) -> None:
    # A real clock: the writer works in threads, which a MockClock would jump past. The
    # outcome does not depend on timing: the lock is held until the answer has given up.
    async with open_audited({"lock_timeout": 0, "audit_timeout": 0.2}) as (node, module):
        holder = sqlite3.connect(audit_db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(pf.errors.UnavailableError, match=r"not committed within 0\.2s"):
            await node.call("payment_create", {"payment_id": "p1"}, context=ALICE)
        holder.execute("ROLLBACK")
        holder.close()
        await module.journal.drain()  # the retried batch and the withdrawal are written
        ledger = AuditLedger(audit_db, readonly=True)
        try:
            assert ledger.ran_first("maker-checker", "p1", "alice")  # it did run
        finally:
            ledger.close()
        report = await node.call("compliance.report", {}, context=ALICE)
        assert report["withdrawn"] == 1
    kinds = [(kind, data.get("was")) for kind, data in records(audit_db)]
    assert kinds[:3] == [("request", None), ("response", None), ("withdrawn", "ok")]


async def test_it_fails_closed_when_it_cannot_audit(
    module_node: pf.Node, compliance: ComplianceModule
) -> None:
    compliance.journal.failure = OSError("disk full")
    with pytest.raises(pf.errors.UnavailableError, match="cannot be audited") as caught:
        await module_node.call("echo", {}, context=ALICE)
    assert "disk full" in caught.value.message


class Stamp(pf.Module):
    """Runs its response hook before compliance (higher priority number) and stamps it."""

    name = "stamp"
    priority = 50

    @pf.hookimpl
    def packetflow_handle_response(self, response: Any) -> pf.Transform:
        metadata = {**response.metadata, "stamp": "kept"}
        return pf.Transform(response.model_copy(update={"metadata": metadata}))


async def test_its_refusal_keeps_what_earlier_modules_added(
    module_node: pf.Node, register_module: Any, compliance: ComplianceModule
) -> None:
    await register_module(Stamp)
    compliance.journal.failure = OSError("disk full")
    with pytest.raises(pf.errors.UnavailableError, match="cannot be audited") as caught:
        await module_node.call("echo", {}, context=ALICE)
    assert caught.value.metadata["stamp"] == "kept"
