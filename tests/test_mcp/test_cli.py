"""``packetflow mcp --app ...`` started as a real subprocess (the console script a desktop AI
client launches) and driven by the official MCP client, in both protocol eras."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

mcp = pytest.importorskip("mcp")

from .conftest import ROOT  # noqa: E402

SCRIPT = shutil.which("packetflow", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(SCRIPT is None, reason="the packetflow console script is not installed")
@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_packetflow_mcp_end_to_end(mode: str) -> None:
    assert SCRIPT is not None
    params = mcp.StdioServerParameters(
        command=SCRIPT,
        args=["mcp", "--app", "packetflow.examples.onboarding:node"],
        cwd=str(ROOT),
        # the SDK gives the server a minimal environment: the tests' setting must be passed on
        env={"PACKETFLOW_DISABLE_MODULE_AUTOLOAD": "1"},
    )
    async with mcp.Client(params, mode=mode) as client:
        assert client.server_info is not None
        assert client.server_info.name == "onboarding-demo"
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert tools["user_onboarding"].description.startswith("Onboard a new user")
        assert tools["user_onboarding"].input_schema["required"] == ["email", "name", "country"]
        steps: list[str | None] = []

        async def on_progress(done: float, total: float | None, message: str | None) -> None:
            steps.append(message)

        result = await client.call_tool(
            "user_onboarding",
            {"email": "grace@example.org", "name": "Grace", "country": "US"},
            progress_callback=on_progress,
        )
        assert not result.is_error
        assert result.structured_content["decision"] == "approved"
        assert result.structured_content["account_id"].startswith("acc-")
        assert steps[0] == "pipeline[0].step (validate_email) done"
        bad = await client.call_tool("validate_email", {"email": 42})
        assert bad.is_error
        assert bad.content[0].text.startswith("E422 contract_violation")


def test_a_bad_app_is_a_clear_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "packetflow._cli", "mcp", "--app", "tests.apps.nowhere:node"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "cannot import 'tests.apps.nowhere'" in result.stderr
    assert "Traceback" not in result.stderr
