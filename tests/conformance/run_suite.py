"""Serve the conformance fixture app and run the official MCP conformance suite against it.

``nox -s mcp_conformance`` runs this with the session's Python::

    python tests/conformance/run_suite.py NODE CONFORMANCE_JS [--suite active]

It starts ``packetflow serve --app tests.apps.mcp_conformance:node --mcp-http PORT`` on
127.0.0.1, waits until the port accepts connections, runs ``conformance server --url ...``
and stops the server; the exit status is the suite's (non-zero on any failed scenario).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = "tests.apps.mcp_conformance:node"
READY_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_ready(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"packetflow serve exited with {server.returncode} before serving")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)  # a probe loop waiting for another process, not test sync
    raise SystemExit(f"packetflow serve: port {port} not accepting within {READY_TIMEOUT:g}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("node", help="the Node 22+ executable")
    parser.add_argument("suite_js", help="@modelcontextprotocol/conformance's dist/index.js")
    parser.add_argument("--suite", default="active")
    args = parser.parse_args()
    port = free_port()
    command = [sys.executable, "-m", "packetflow._cli", "serve", "--app", APP]
    command += ["--host", "127.0.0.1", "--port", "0", "--mcp-http", str(port)]
    # No token secret: the suite's client sends none, and a secret-less node serves loopback.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_SECRET")}
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        wait_ready(port, server)
        url = f"http://127.0.0.1:{port}/mcp"
        suite = [args.node, args.suite_js, "server", "--url", url, "--suite", args.suite]
        return subprocess.run(suite, cwd=ROOT, check=False).returncode
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
