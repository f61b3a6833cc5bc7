"""Graceful shutdown: a ``packetflow serve`` subprocess gets SIGTERM while work is in flight."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import trio
from trio_websocket import HandshakeError

from packetflow._client.transport import open_websocket

from .conftest import Peer

APP = """
import trio
import packetflow as pf

node = pf.Node("drain")
started = []


@pf.capability
async def slow(seconds: float) -> dict:
    started.append(seconds)
    await trio.sleep(seconds)
    return {"slept": seconds}


@pf.capability
async def slow_started() -> dict:
    return {"started": len(started)}


node.register(slow, slow_started)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


async def _read_url(stdout: trio.abc.ReceiveStream) -> str:
    seen = b""
    with trio.fail_after(20):
        while b"\n" not in seen:
            chunk = await stdout.receive_some()
            assert chunk, f"serve exited early: {seen!r}"
            seen += chunk
    match = re.search(r"serving on (ws://\S+)", seen.decode())
    assert match, seen
    return match.group(1)


async def test_sigterm_finishes_work_within_the_drain_timeout_then_closes_1001(
    tmp_path: Path,
) -> None:
    (tmp_path / "drain_app.py").write_text(APP)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    command = [
        sys.executable,
        "-m",
        "packetflow._cli",
        "serve",
        "--app",
        "drain_app:node",
        "--port",
        "0",
        "--drain-timeout",
        "2",
    ]
    with (tmp_path / "stderr.log").open("wb") as stderr:
        process = await trio.lowlevel.open_process(
            command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=stderr
        )
    try:
        assert process.stdout is not None
        url = await _read_url(process.stdout)
        async with open_websocket(url, max_message_size=1 << 20, connect_timeout=5) as ws:
            peer = Peer(ws)
            assert (await peer.hello())["type"] == "welcome"
            for rid, seconds in (("quick", 0.5), ("stuck", 60)):
                await peer.send(
                    {
                        "type": "capability_request",
                        "id": rid,
                        "capability_id": "slow",
                        "payload": {"seconds": seconds},
                    }
                )
            with trio.fail_after(10):  # until both are running in the node
                while (await peer.call("slow_started"))["payload"]["started"] < 2:
                    pass
            process.send_signal(signal.SIGTERM)
            with trio.fail_after(10):
                first = await peer.recv()
                second = await peer.recv()
                code = await peer.close_code()
            # Within the drain timeout: finished normally. Beyond it: cut off with E503.
            assert (first["id"], first["payload"]) == ("quick", {"slept": 0.5})
            assert second["id"] == "stuck"
            assert second["error"]["code"] == "E503"
            assert code == 1001
        with pytest.raises((OSError, HandshakeError, trio.TooSlowError)):  # stopped accepting
            async with open_websocket(url, max_message_size=1 << 20, connect_timeout=2):
                pass
        with trio.fail_after(10):
            assert await process.wait() == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = (tmp_path / "stderr.log").read_text()
    assert "Traceback" not in log, log


def test_serve_refuses_a_public_bind_without_a_secret(tmp_path: Path) -> None:
    (tmp_path / "drain_app.py").write_text(APP)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "packetflow._cli",
            "serve",
            "--app",
            "drain_app:node",
            "--host",
            "0.0.0.0",
            "--port",
            "0",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert "insecure-dev" in done.stderr
    assert "Traceback" not in done.stderr
