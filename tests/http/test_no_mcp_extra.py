"""A node whose environment lacks the ``mcp`` extra still serves the wire and its HTTP port;
MCP requests on either get a typed E404 that names the extra to install (the import of the
MCP layer is made to fail as it does when the SDK is not installed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import packetflow as pf
from packetflow.errors import NotFoundError

from .conftest import ADMIN, serve


@pytest.fixture
def without_mcp(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes ``import packetflow._mcp.wire`` raise ImportError,
    # exactly what the node meets when the mcp SDK is missing.
    monkeypatch.setitem(sys.modules, "packetflow._mcp.wire", None)


@pytest.mark.usefixtures("without_mcp")
async def test_mcp_without_the_extra_is_a_typed_404_on_the_wire_and_http(tmp_path: Path) -> None:
    async with serve(tmp_path) as served:
        assert served.server.mcp_url is None
        async with pf.open_client(served.server.url, token=ADMIN) as client:
            with pytest.raises(NotFoundError, match=r"pip install 'packetflow\[mcp\]'"):
                await client.mcp({"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
            # The connection survives the refusal.
            assert await client.call("greet", {"name": "Ada"})
        reply = await served.http.post(
            served.url + "/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"}
        )
        assert reply.status_code == 404
        assert reply.json()["error"]["code"] == "E404"
        assert "packetflow[mcp]" in reply.json()["error"]["message"]
