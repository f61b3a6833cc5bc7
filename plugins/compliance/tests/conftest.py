"""Fixtures of the compliance module's tests (the SDK's come from packetflow.testing)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import packetflow as pf
from packetflow.testing import FakeCapabilities
from packetflow_compliance import ComplianceModule

MAKER_CHECKER = {
    "name": "maker-checker",
    "first": "payment_create",
    "second": "payment_approve",
    "subject": "payment_id",
}

OpenAudited = Callable[
    ..., contextlib.AbstractAsyncContextManager[tuple[pf.Node, ComplianceModule]]
]


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
            "segregation": [MAKER_CHECKER],
        },
    )
    return module


@pytest.fixture
def open_audited(tmp_path: Path, audit_db: Path) -> OpenAudited:
    """``async with open_audited(config, name=...) as (node, module)``: a started node of its
    own (its own data dir) whose compliance module writes ``audit_db``, with ``payment_create``
    and ``payment_approve`` capabilities and the maker-checker rule unless ``config`` says
    otherwise. Two of them at once are two writers on one log; one after another, a restart."""

    @pf.capability(name="payment_create", requires=(), provides=())
    async def create(payload: dict[str, Any]) -> dict[str, Any]:
        return {"created": payload.get("payment_id")}

    @pf.capability(name="payment_approve", requires=(), provides=())
    async def approve(payload: dict[str, Any]) -> dict[str, Any]:
        return {"approved": payload.get("payment_id")}

    @contextlib.asynccontextmanager
    async def open_node(
        config: Mapping[str, Any] | None = None, name: str = "audited"
    ) -> AsyncIterator[tuple[pf.Node, ComplianceModule]]:
        node = pf.Node(name, data_dir=tmp_path / name)
        node.modules.autoload = False
        node.modules.configure({})
        node.register(create)
        node.register(approve)
        settings = {"audit_db": str(audit_db), "segregation": [MAKER_CHECKER], **(config or {})}
        async with node.started():
            info = node.modules.register(ComplianceModule, config=settings)
            info = await node.modules.wait_ready(info.name)
            assert info.status == "active", info.error
            module = node.modules.instance("compliance")
            assert isinstance(module, ComplianceModule)
            yield node, module

    return open_node
