"""The installed package: discovered through its entry point (pip-installed, never imported by
path), listed by `packetflow modules list`, `packetflow arena show` over --app and --url, and
bad config in packetflow.toml reported as the module's load error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

import trio

import packetflow as pf

APP = """
import packetflow as pf

node = pf.Node("arena-app", data_dir="data")


@pf.capability(intent="Summarize a text", tags=["llm"], requires=(), provides=())
async def summarize(payload):
    return {}


@pf.capability(intent="Keep a document", tags=["storage"], requires=(), provides=())
async def keep_doc(payload):
    return {}


node.register(summarize, keep_doc)
"""


def cli(
    *args: str, cwd: Path, modules: str | None = "spatial_arena"
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    if modules is not None:
        env["PACKETFLOW_MODULES"] = modules
    return subprocess.run(
        [sys.executable, "-m", "packetflow._cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_modules_list_shows_it_with_version_and_distribution(tmp_path: Path) -> None:
    done = cli("modules", "list", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [entry] = [e for e in json.loads(done.stdout) if e["name"] == "spatial_arena"]
    assert entry["distribution"] == "packetflow-module-spatial-arena"
    assert entry["version"] == "0.1.0"
    assert entry["status"] == "active"
    assert entry["priority"] == 200
    assert {"packetflow_handle_request", "packetflow_handle_composition"} <= set(entry["hooks"])


def test_bad_zone_config_in_the_toml_is_its_load_error(tmp_path: Path) -> None:
    (tmp_path / "packetflow.toml").write_text(
        '[[modules]]\nname = "spatial_arena"\nconfig = { zones = [{ id = "ai", capacity = 0 }] }\n',
        encoding="utf-8",
    )
    done = cli("modules", "list", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [entry] = [e for e in json.loads(done.stdout) if e["name"] == "spatial_arena"]
    assert entry["status"] == "failed_to_load"
    assert "zone 'ai': capacity must be > 0, got 0" in entry["error"]
    assert "packetflow.toml" in entry["error"]


def test_arena_show_app_prints_the_table_json_and_svg(tmp_path: Path) -> None:
    (tmp_path / "arena_app.py").write_text(APP, encoding="utf-8")
    done = cli("arena", "show", "--app", "arena_app:node", "--svg", "arena.svg", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ai" in done.stdout and "summarize" in done.stdout and "keep_doc" in done.stdout
    assert "drawing written to arena.svg" in done.stdout
    root = ET.parse(tmp_path / "arena.svg").getroot()
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"summarize", "keep_doc"} <= texts

    done = cli("arena", "show", "--app", "arena_app:node", "--json", cwd=tmp_path)
    snapshot = json.loads(done.stdout)
    zones = {cap["name"]: cap["zone"] for cap in snapshot["capabilities"]}
    assert zones == {"summarize": "ai", "keep_doc": "storage"}
    # the positions were persisted under the app's data dir and came back the second time
    assert (tmp_path / "data" / "spatial_arena" / "arena.json").is_file()


def test_arena_show_without_the_module_says_how_to_get_it(tmp_path: Path) -> None:
    (tmp_path / "arena_app.py").write_text(APP, encoding="utf-8")
    done = cli("arena", "show", "--app", "arena_app:node", cwd=tmp_path, modules="-")
    assert done.returncode == 2
    assert "the spatial_arena module is not active" in done.stderr


async def test_arena_show_url_asks_a_running_node(tmp_path: Path) -> None:
    node = pf.Node("arena-served", data_dir=tmp_path / "data")
    node.modules.configure({})
    os.environ["PACKETFLOW_MODULES"] = "spatial_arena"
    os.environ.pop("PACKETFLOW_DISABLE_MODULE_AUTOLOAD", None)
    try:

        @pf.capability(intent="Plan a trip", tags=["planning"], requires=(), provides=())
        async def plan_trip(payload: dict[str, object]) -> dict[str, object]:
            return {}

        node.register(plan_trip)
        async with node.started(), trio.open_nursery() as nursery:
            assert node.modules.info("spatial_arena").distribution == (
                "packetflow-module-spatial-arena"
            )
            server: pf.WireServer = await nursery.start(partial(node.serve, "127.0.0.1", 0))
            done = await trio.run_process(
                [sys.executable, "-m", "packetflow._cli", "arena", "show", "--url", server.url],
                cwd=tmp_path, capture_stdout=True, capture_stderr=True, check=False,
            )  # fmt: skip
            nursery.cancel_scope.cancel()
    finally:
        os.environ.pop("PACKETFLOW_MODULES", None)
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert "plan_trip" in out and "intelligence" in out
