"""The compliance module on the request path: each answer waits for its audit record's commit.

The same in-process request (``node.call`` of a trivial capability) with the compliance module
against a node without modules, in the same run:

- one caller at a time: every request pays a whole commit (thread hop, SQLite transaction,
  WAL fsync with ``synchronous = "FULL"``; ``"NORMAL"`` skips the fsync);
- 100 concurrent callers: group commit shares each transaction among the requests waiting for
  it. Its requests/s row has as baseline the core's SQLite actor store with 100 actors, measured
  in the same run: the same group-commit design on the same disk, acknowledging each message
  only after its commit. Target: at least half its rate (the audit log fsyncs every commit,
  ``synchronous = "FULL"``; the actor store's default is ``"NORMAL"``).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import trio

import packetflow as pf
from packetflow_compliance import ComplianceModule

from .bench_actors import SqliteEcho, _sqlite_rate
from .harness import Result

SECONDS = 2.0  # measuring time per figure


@pf.capability(requires=(), provides=())
async def transfer(payload: dict[str, Any]) -> dict[str, Any]:
    return {"ok": True}


async def _rate(node: pf.Node, callers: int) -> float:
    """Answered requests per second with ``callers`` concurrent callers."""
    answered = 0
    deadline = trio.current_time() + SECONDS

    async def caller(i: int) -> None:
        nonlocal answered
        context = {"user_id": f"bench-{i}"}
        while trio.current_time() < deadline:
            await node.call("transfer", {"n": answered}, context=context)
            answered += 1

    start = time.perf_counter()
    async with trio.open_nursery() as nursery:
        for i in range(callers):
            nursery.start_soon(caller, i)
    return answered / (time.perf_counter() - start)


async def _rates(data_dir: Path, config: dict[str, Any] | None) -> tuple[float, float]:
    """(1 caller, 100 callers) requests/s on a node with the compliance module (``config``), or
    without modules (``None``)."""
    node = pf.Node("bench-compliance", data_dir=data_dir)
    node.modules.autoload = False
    node.modules.configure({})
    node.register(transfer)
    async with node.started():
        if config is not None:
            info = node.modules.register(ComplianceModule, config=config)
            info = await node.modules.wait_ready(info.name)
            assert info.status == "active", info.error
        await _rate(node, 1)  # warm-up: caches, the WAL file, lazy schemas
        return await _rate(node, 1), await _rate(node, 100)


async def _actor_store_rate(data_dir: Path) -> float:
    node = pf.Node("bench-actors", data_dir=data_dir)
    node.modules.autoload = False
    node.register(SqliteEcho)
    async with node.started():
        return await _sqlite_rate(node, 100, SECONDS)


async def run() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="packetflow-bench-") as tmp:
        root = Path(tmp)
        bare_one, bare_many = await _rates(root / "bare", None)
        full_one, full_many = await _rates(root / "full", {})
        normal_one, _ = await _rates(root / "normal", {"synchronous": "NORMAL"})
        actors = await _actor_store_rate(root / "actors")
    return [
        Result(
            "compliance: 1 caller, answer after its commit (FULL)", 1e6 / full_one,
            1e6 / bare_one, "same call, no modules",
        ),
        Result(
            "compliance: 1 caller, synchronous=NORMAL", 1e6 / normal_one, 1e6 / bare_one,
            "same call, no modules",
        ),
        Result(
            "compliance: 100 concurrent callers, per request (group commit)", 1e6 / full_many,
            1e6 / bare_many, "same calls, no modules",
        ),
        Result(
            "compliance: requests/s, 100 concurrent callers (FULL)", full_many, actors,
            "sqlite actor store, 100 actors", target=0.5, unit="/s", higher_is_better=True,
        ),
    ]  # fmt: skip
