"""``packetflow mcp --app ...`` as the real subprocess a desktop AI client launches: its stdout
carries JSON-RPC only (whatever the app prints goes to stderr), management tools need
``--admin``, and the stdio path needs neither Hypercorn nor anything but the ``mcp`` extra."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
import trio

mcp = pytest.importorskip("mcp")

import anyio  # noqa: E402
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream  # noqa: E402
from mcp.client.stdio import stdio_client  # noqa: E402
from mcp.shared.message import SessionMessage  # noqa: E402
from mcp.types import jsonrpc_message_adapter  # noqa: E402

from .conftest import ROOT, packetflow_mcp  # noqa: E402

NOISY = "tests.apps.mcp_noisy_app:node"
NOISE = (
    b"noisy: print at import",
    b"noisy: raw write to fd 1 at import",
    b"noisy: print in a capability (hi)",
    b"noisy: raw write to fd 1 in a capability",
    b"noisy: child process output",
)


def _env() -> dict[str, str]:
    # Python's default buffering (no PYTHONUNBUFFERED): a print stays in sys.stdout's buffer
    # until the interpreter flushes it at exit, the moment that used to reach the protocol.
    drop = ("PACKETFLOW_", "PYTHONUNBUFFERED")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


class RecordedStdio:
    """An MCP client transport over a subprocess's stdin/stdout that keeps every byte the
    process wrote to stdout, up to its exit (the SDK's stdio client gives up on a server
    after a grace period and never shows the raw stream)."""

    def __init__(self, args: list[str], stderr: Path) -> None:
        self.args = args
        self.stderr_path = stderr
        self.raw = bytearray()
        self.returncode: int | None = None

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[tuple[Any, Any]]:
        with self.stderr_path.open("wb") as stderr:
            process = await trio.lowlevel.open_process(
                self.args, cwd=ROOT, env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=stderr,
            )  # fmt: skip
        to_client_send, to_client = anyio.create_memory_object_stream[Any](16)
        from_client, from_client_receive = anyio.create_memory_object_stream[SessionMessage](16)
        async with trio.open_nursery() as nursery:
            nursery.start_soon(self._read, process, to_client_send)
            nursery.start_soon(self._write, process, from_client_receive)
            try:
                yield to_client, from_client
            finally:
                for end in (to_client, from_client):
                    await end.aclose()  # as a client leaving: the server's stdin closes
                with trio.fail_after(30):
                    self.returncode = await process.wait()

    @staticmethod
    async def _write(
        process: trio.Process, messages: MemoryObjectReceiveStream[SessionMessage]
    ) -> None:
        assert process.stdin is not None
        async with process.stdin, messages:
            async for message in messages:
                line = message.message.model_dump_json(by_alias=True, exclude_unset=True)
                await process.stdin.send_all(line.encode() + b"\n")

    async def _read(self, process: trio.Process, to_client: MemoryObjectSendStream[Any]) -> None:
        assert process.stdout is not None
        pending = b""
        async with to_client:
            while chunk := await process.stdout.receive_some():
                self.raw += chunk
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    try:
                        item: Any = SessionMessage(jsonrpc_message_adapter.validate_json(line))
                    except Exception as exc:
                        item = exc
                    # Once the client is gone, keep recording until the process exits.
                    with suppress(anyio.BrokenResourceError, anyio.ClosedResourceError):
                        await to_client.send(item)


def _messages(raw: bytes) -> list[dict[str, Any]]:
    """Every line of ``raw`` as a JSON-RPC message; fails on anything else."""
    assert raw.endswith(b"\n"), raw[-200:]
    found = []
    for line in raw.splitlines():
        message = json.loads(line)
        assert message["jsonrpc"] == "2.0", line
        jsonrpc_message_adapter.validate_json(line)
        found.append(message)
    return found


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_stdout_carries_json_rpc_only_whatever_the_app_prints(
    tmp_path: Path, mode: str
) -> None:
    args = [sys.executable, "-m", "packetflow._cli", "mcp", "--app", NOISY]
    transport = RecordedStdio(args, tmp_path / "stderr.log")
    strays: list[Exception] = []

    async def on_message(message: Any) -> None:
        if isinstance(message, Exception):
            strays.append(message)

    connection = transport.connect()
    async with mcp.Client(connection, mode=mode, message_handler=on_message) as client:
        result = await client.call_tool("shout", {"text": "hi"})
    assert result.structured_content == {"text": "HI"}
    assert transport.returncode == 0
    assert strays == []
    messages = _messages(bytes(transport.raw))
    assert any(m.get("result", {}).get("structuredContent") == {"text": "HI"} for m in messages)
    stderr = (tmp_path / "stderr.log").read_bytes()
    for noise in NOISE:  # routed to stderr, not swallowed
        assert noise not in transport.raw
        assert noise in stderr, noise


async def test_the_official_stdio_client_reads_no_stray_line(tmp_path: Path) -> None:
    strays: list[Exception] = []

    async def on_message(message: Any) -> None:
        if isinstance(message, Exception):
            strays.append(message)

    with (tmp_path / "stderr.log").open("w") as errlog:
        async with mcp.Client(
            stdio_client(packetflow_mcp(NOISY), errlog=errlog), message_handler=on_message
        ) as client:
            first = await client.call_tool("shout", {"text": "hi"})
            second = await client.call_tool("shout", {"text": "again"})
    assert first.structured_content == {"text": "HI"}
    assert second.structured_content == {"text": "AGAIN"}
    assert strays == []


# -- management tools ------------------------------------------------------------------------


async def test_management_tools_are_not_offered_over_stdio_without_admin() -> None:
    async with mcp.Client(packetflow_mcp("tests.apps.mcp_app:make_node")) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        refused = await client.call_tool("packetflow.modules.disable", {"name": "policy"})
        guarded = await client.call_tool("guarded", {"value": 1})
    assert not {name for name in names if name.startswith("packetflow.")}
    assert {"inc", "double", "guarded"} <= names
    assert refused.is_error
    text = refused.content[0].text
    assert text.startswith("E403 forbidden: tool 'packetflow.modules.disable' is part of")
    assert "'packetflow mcp --admin'" in text
    # The fail-closed module is still in the chain: the refused call disabled nothing.
    assert guarded.content[0].text.startswith("E502 module_failed")


async def test_admin_offers_management_tools_over_stdio() -> None:
    async with mcp.Client(packetflow_mcp("tests.apps.mcp_app:make_node", "--admin")) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        listed = await client.call_tool("packetflow.modules.list", {})
    assert {"packetflow.modules.list", "packetflow.modules.disable"} <= names
    assert not listed.is_error
    assert [m["name"] for m in listed.structured_content["modules"]] == ["policy"]


# -- what the stdio path needs ---------------------------------------------------------------

BLOCKED = (
    "import sys; sys.modules[{module!r}] = None; from packetflow._cli import main; sys.exit(main())"
)


async def test_stdio_works_without_hypercorn() -> None:
    blocked = BLOCKED.format(module="hypercorn")
    app = "tests.apps.sample:make_node"
    params = mcp.StdioServerParameters(
        command=sys.executable, args=["-c", blocked, "mcp", "--app", app], cwd=str(ROOT)
    )
    async with mcp.Client(params) as client:
        names = {tool.name for tool in (await client.list_tools()).tools}
        result = await client.call_tool("inc_then_double", {"value": 1})
    assert {"inc", "double", "inc_then_double"} <= names
    assert result.structured_content == {"value": 2, "doubled": 4}


def test_http_without_hypercorn_names_the_extra() -> None:
    code = "import sys; sys.modules['hypercorn'] = None; from packetflow.mcp import serve_mcp_http"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "ImportError: MCP over streamable HTTP needs Hypercorn; install the extra: "
        "pip install 'packetflow[mcp]'"
    )


def test_packetflow_mcp_without_the_sdk_is_a_one_line_hint() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED.format(module="mcp"), "mcp", "--app", NOISY],
        cwd=ROOT, env=_env(), capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""  # the app was never imported
    assert done.stderr == (
        "error: packetflow mcp: PacketFlow's MCP support needs the official MCP SDK; install "
        "the extra: pip install 'packetflow[mcp]'\n"
    )
