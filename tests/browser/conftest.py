"""The browser test's world: ``packetflow serve`` in a real subprocess (with the spatial
arena and the optimizer installed and auto-loaded), and Debian's Chromium driven by
Playwright for Python. No browser is downloaded: ``PLAYWRIGHT_BROWSERS_PATH`` points nowhere
and the launch names ``/usr/bin/chromium``. Run by ``nox -s browser``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

import pytest

import packetflow as pf

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / ".artifacts" / "browser"
SECRET = "browser-test-secret-0123456789-abcdef"
CHROMIUM = os.environ.get("PACKETFLOW_CHROMIUM", "/usr/bin/chromium")
# What the machine allows (no GPU, no sandbox as root) and what keeps a closed network quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Served:
    ws_url: str
    http_url: str
    admin: str
    reader: str


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``packetflow serve --app tests.apps.observed_app:make_node --port 0 --http 0``."""
    data = tmp_path_factory.mktemp("node")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env |= {
        "PACKETFLOW_SECRET": SECRET,
        "PACKETFLOW_TEST_DATA": str(data),
        "PACKETFLOW_TEST_AUTOLOAD": "1",
    }
    command = [
        sys.executable,
        "-m",
        "packetflow._cli",
        "serve",
        "--app",
        "tests.apps.observed_app:make_node",
        "--port",
        "0",
        "--http",
        "0",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: Queue[str | None] = Queue()
    assert process.stdout is not None
    pump = threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True)
    pump.start()
    seen = ""
    try:
        while "dashboard at" not in seen:
            line = lines.get(timeout=120)  # bounds a hang; the server prints when it listens
            assert line is not None, f"serve exited {process.wait()}:\n{seen}"
            seen += line
        ws = re.search(r"serving on (ws://\S+)", seen)
        http = re.search(r"dashboard at (http://\S+)/,", seen)
        assert ws and http, seen
        authority = pf.TokenAuthority(SECRET)
        yield Served(
            ws.group(1),
            http.group(1),
            authority.issue("ops", ["admin"]),
            authority.issue("reader", ["cap:greet"]),
        )
    finally:
        process.terminate()  # SIGTERM: the node drains and stops
        process.wait(timeout=60)
        pump.join(timeout=60)
        process.stdout.close()


def _pump(stream: object, lines: Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.put(line)
    lines.put(None)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert os.environ.get("PLAYWRIGHT_BROWSERS_PATH") == "/nonexistent", (
        "run through 'nox -s browser' (Playwright must not look for a browser of its own)"
    )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
