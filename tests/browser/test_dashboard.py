"""The dashboard in headless Chromium against a real ``packetflow serve`` process: log in,
see the capabilities, make calls over the wire and watch the counts and the timeline update,
open a module and an actor. Assertions read the DOM (Playwright's auto-waiting
expectations), never pixels; screenshots are saved as artifacts for people to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import trio
from playwright.sync_api import Page, expect

import packetflow as pf
from tests.browser.conftest import Served

TIMEOUT = 20_000  # ms an expectation may wait for the live update


def call_over_the_wire(served: Served, calls: list[tuple[str, dict[str, Any]]]) -> None:
    async def run() -> None:
        async with pf.open_client(served.ws_url, token=served.admin) as client:
            for name, payload in calls:
                await client.call(name, payload)
            await client.actor("counter", "c1").send({"n": 2})

    trio.run(run)


def log_in(page: Page, served: Served, token: str) -> None:
    page.goto(served.http_url + "/")
    expect(page.get_by_test_id("login")).to_be_visible()
    page.get_by_label("Admin token").fill(token)
    page.get_by_role("button", name="Log in").click()


def test_the_dashboard_end_to_end(page: Page, served: Served, shots: Path) -> None:
    # A wrong token: refused, and the form stays.
    log_in(page, served, "not-a-token")
    expect(page.get_by_test_id("login-error")).to_contain_text("Token refused")
    page.screenshot(path=shots / "01-login-refused.png")

    log_in(page, served, served.admin)
    expect(page.get_by_test_id("live")).to_have_text("live", timeout=TIMEOUT)
    greet = page.locator('[data-testid="cap-row"][data-name="greet"]')
    expect(greet).to_be_visible()
    expect(page.locator('[data-testid="cap-row"][data-name="fan_out"]')).to_be_visible()
    assert "not-a-token" not in page.url and served.admin not in page.url
    stored = page.evaluate("sessionStorage.getItem('packetflow.token')")
    assert stored == served.admin
    page.screenshot(path=shots / "02-capabilities.png")

    call_over_the_wire(served, [("greet", {"name": "ada"})] * 3 + [("fan_out", {"ms": 20})])
    expect(greet.get_by_test_id("cap-count")).to_have_text(
        re.compile(r"^[4-9]\d*$"), timeout=TIMEOUT
    )
    expect(greet.locator("polyline")).to_have_attribute("points", re.compile(r"\d"))
    page.screenshot(path=shots / "03-counts-updated.png")

    page.get_by_role("tab", name="Runs").click()
    run = page.locator('[data-testid="run"][data-composition="fan_out"]').first
    expect(run).to_be_visible(timeout=TIMEOUT)
    expect(run.get_by_test_id("step-bar")).to_have_count(4)
    expect(run.locator('[data-critical="true"]').first).to_be_attached()
    slow = run.locator("[data-testid=step-bar][data-path*=slow]")
    expect(slow).to_have_attribute("data-critical", "true")
    page.screenshot(path=shots / "04-timeline.png")

    page.get_by_role("tab", name="Modules").click()
    expect(page.get_by_test_id("chain-request")).to_contain_text("watcher")
    watcher = page.locator('[data-testid="module-row"][data-name="watcher"]')
    expect(watcher.get_by_test_id("module-status")).to_have_text("active")
    watcher.click()
    expect(page.get_by_test_id("module-detail-name")).to_have_text("Module watcher")
    expect(page.get_by_test_id("module-detail")).to_contain_text("packetflow_collect_metrics")
    page.screenshot(path=shots / "05-module.png")

    page.get_by_role("tab", name="Actors").click()
    actor = page.locator('[data-testid="actor-row"][data-actor="counter/c1"]')
    expect(actor).to_be_visible(timeout=TIMEOUT)
    actor.click()
    expect(page.get_by_test_id("actor-state")).to_contain_text('"total": 2')
    expect(page.get_by_test_id("history-entry")).to_have_count(1)
    page.screenshot(path=shots / "06-actor.png")

    page.get_by_role("tab", name="Channels").click()
    expect(page.get_by_test_id("channel-dropped")).to_be_visible()

    arena_tab = page.get_by_role("tab", name="Arena")
    expect(arena_tab).to_be_visible(timeout=TIMEOUT)  # the module is installed in this env
    arena_tab.click()
    expect(page.get_by_test_id("arena-image")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("zone-row").first).to_be_visible()
    page.screenshot(path=shots / "07-arena.png")

    page.get_by_role("tab", name="Optimizer").click()
    prediction = page.locator('[data-testid="prediction-row"][data-composition="fan_out"]')
    expect(prediction).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=shots / "08-optimizer.png")


def test_a_token_without_admin_sees_only_its_capabilities(
    page: Page, served: Served, shots: Path
) -> None:
    log_in(page, served, served.reader)
    expect(page.get_by_test_id("notice")).to_contain_text("no admin scope")
    rows = page.get_by_test_id("cap-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-name", "greet")
    expect(page.get_by_role("tab", name="Modules")).to_be_hidden()
    page.screenshot(path=shots / "09-reader.png")
