"""Segregation of duties from the durable log: a maker cannot approve their own request after a
restart, after any number of other subjects, from another node on the log, or while their own
request is still running; an unreadable index refuses (fail-closed)."""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import trio

import packetflow as pf
from packetflow_compliance import AuditLedger

ALICE, BOB = {"user_id": "alice"}, {"user_id": "bob"}
P1 = {"payment_id": "p1"}


async def test_a_maker_cannot_approve_after_a_restart(open_audited: Any) -> None:
    async with open_audited() as (node, _):
        assert await node.call("payment_create", P1, context=ALICE) == {"created": "p1"}
    async with open_audited() as (node, _):  # a new process on the same log
        with pytest.raises(pf.errors.ForbiddenError, match="maker-checker") as caught:
            await node.call("payment_approve", P1, context=ALICE)
        assert caught.value.details == {"rule": "segregation:maker-checker"}
        assert await node.call("payment_approve", P1, context=BOB) == {"approved": "p1"}


async def test_a_maker_cannot_approve_after_many_other_subjects(
    open_audited: Any, audit_db: Path
) -> None:
    async with open_audited() as (node, _):
        await node.call("payment_create", P1, context=ALICE)
    ledger = AuditLedger(audit_db)  # 100,000 subjects made by others since
    for batch in range(100):
        facts = [["maker-checker", f"q{batch}-{n}", f"u{n}"] for n in range(1000)]
        ledger.append([(float(batch), "response", {"first_actions": facts})])
    ledger.close()
    async with open_audited() as (node, _):
        with pytest.raises(pf.errors.ForbiddenError, match="maker-checker"):
            await node.call("payment_approve", P1, context=ALICE)
        with pytest.raises(pf.errors.ForbiddenError, match="maker-checker"):
            await node.call("payment_approve", {"payment_id": "q99-7"}, context={"user_id": "u7"})


async def test_the_rule_holds_across_nodes_on_one_log(open_audited: Any) -> None:
    async with open_audited(name="a") as (a, _), open_audited(name="b") as (b, _):
        await a.call("payment_create", P1, context=ALICE)
        with pytest.raises(pf.errors.ForbiddenError, match="maker-checker"):
            await b.call("payment_approve", P1, context=ALICE)


async def test_a_maker_cannot_approve_while_their_request_runs(open_audited: Any) -> None:
    running, release = trio.Event(), trio.Event()

    @pf.capability(requires=(), provides=())
    async def slow_create(payload: dict[str, Any]) -> dict[str, Any]:
        running.set()
        await release.wait()
        return {}

    rule = {
        "name": "mc",
        "first": "slow_create",
        "second": "payment_approve",
        "subject": "payment_id",
    }
    async with open_audited({"segregation": [rule]}) as (node, _):
        node.register(slow_create)
        async with trio.open_nursery() as nursery:
            nursery.start_soon(functools.partial(node.call, "slow_create", P1, context=ALICE))
            await running.wait()
            with pytest.raises(pf.errors.ForbiddenError, match=r"\(mc\)"):
                await node.call("payment_approve", P1, context=ALICE)
            release.set()
        with pytest.raises(pf.errors.ForbiddenError, match=r"\(mc\)"):
            await node.call("payment_approve", P1, context=ALICE)


async def test_a_failed_first_action_is_no_fact(open_audited: Any) -> None:
    @pf.capability(name="payment_create", requires=(), provides=())
    async def broken(payload: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("bank offline")

    async with open_audited() as (node, _):
        node.unregister("payment_create")
        node.register(broken)
        with pytest.raises(pf.errors.ExecutionFailedError):
            await node.call("payment_create", P1, context=ALICE)
        assert await node.call("payment_approve", P1, context=ALICE) == {"approved": "p1"}


async def test_an_unreadable_index_refuses_the_request(open_audited: Any, audit_db: Path) -> None:
    async with open_audited({"audit_timeout": 0.5}) as (node, _):
        await node.call("payment_create", P1, context=ALICE)
        db = sqlite3.connect(audit_db)
        db.execute("DROP TABLE first_actions")
        db.commit()
        db.close()
        with pytest.raises(pf.errors.UnavailableError, match="segregation index") as caught:
            await node.call("payment_approve", P1, context=BOB)
        assert caught.value.details == {"rule": "segregation_unavailable"}
