"""Fixtures for the HTTP port tests: the observed app served on 127.0.0.1 (ports 0) with a
real secret, and tokens with and without the ``admin`` scope."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import trio

import packetflow as pf
from tests.apps import observed_app

SECRET = "http-test-secret-0123456789-abcdefghij"
AUTHORITY = pf.TokenAuthority(SECRET)
ADMIN = AUTHORITY.issue("ops", ["admin"])
READER = AUTHORITY.issue("reader", ["cap:greet"])


@dataclass
class Served:
    node: pf.Node
    server: pf.WireServer
    http: httpx.AsyncClient

    @property
    def url(self) -> str:
        assert self.server.http_url is not None
        return self.server.http_url

    async def get(self, path: str, token: str | None = ADMIN, **kw: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return await self.http.get(self.url + path, headers=headers, **kw)


@asynccontextmanager
async def serve(tmp_path: Path, **config: Any) -> AsyncIterator[Served]:
    """The observed app served with ``config`` (``ServerConfig`` fields) on ports 0."""
    node = observed_app.make_node()
    options: dict[str, Any] = {"authority": AUTHORITY, "http_port": 0, "dashboard_interval": 0.05}
    server_config = pf.ServerConfig(**{**options, **config})
    async with trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(
            lambda task_status: node.serve(
                "127.0.0.1", 0, config=server_config, task_status=task_status
            )
        )
        async with httpx.AsyncClient(timeout=30) as http:
            yield Served(node, server, http)
        await server.shutdown()


@pytest.fixture
async def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Served]:
    monkeypatch.setenv("PACKETFLOW_TEST_DATA", str(tmp_path / "data"))
    async with serve(tmp_path) as running:
        yield running
