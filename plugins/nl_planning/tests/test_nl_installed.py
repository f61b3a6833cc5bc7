"""The installed package: discovered through its entry point (pip-installed, never imported by
path), the shipped model loads, and ``packetflow plan`` works with ``--app`` and ``--url``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import trio
from small_registry import refund_order

import packetflow as pf
from packetflow_nl_planning import NlPlanningModule
from packetflow_nl_planning.embeddings import load_default, model_dir, read_config

APP = """
from pydantic import BaseModel, Field
import packetflow as pf

class RefundIn(BaseModel):
    order_id: str = Field(pattern=r"^[0-9]{5,8}$", description="order number")

class RefundOut(BaseModel):
    refund_id: str

@pf.capability(intent="Refund a paid order")
async def refund_order(inp: RefundIn) -> RefundOut:
    return RefundOut(refund_id="r-" + inp.order_id)

node = pf.Node("cli-app", data_dir="data")
node.register(refund_order)
"""


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKETFLOW_")}
    env["PACKETFLOW_MODULES"] = "nl_planning"
    return subprocess.run(
        [sys.executable, "-m", "packetflow._cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def test_modules_list_shows_it(tmp_path: Path) -> None:
    done = cli("modules", "list", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [entry] = [e for e in json.loads(done.stdout) if e["name"] == "nl_planning"]
    assert entry["distribution"] == "packetflow-module-nl-planning"
    assert entry["status"] == "active"
    assert {"packetflow_handle_request", "packetflow_handle_response"} <= set(entry["hooks"])


def test_the_shipped_model_loads_with_its_notice() -> None:
    encoder = load_default()
    assert encoder is not None, "the embeddings extra is installed in the test envs"
    vectors = encoder.encode(["refund my order", "give me my money back", "weather in Oslo"])
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > other
    assert "Apache License" in (model_dir() / "NOTICE").read_text()
    assert read_config()["dims"] == encoder.dims


def test_plan_with_app_prints_the_plan_and_runs_it(tmp_path: Path) -> None:
    (tmp_path / "cliapp.py").write_text(APP)
    done = cli("plan", "refund order #7345901", "--app", "cliapp:node", "--run", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '1. refund_order {"order_id": "7345901"}' in done.stdout
    assert "why:" in done.stdout
    assert '"refund_id": "r-7345901"' in done.stdout
    refused = cli("plan", "unfollow @ada", "--app", "cliapp:node", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.startswith("E404 not_found")
    assert "Traceback" not in refused.stderr


async def test_plan_with_url_talks_to_a_running_node(tmp_path: Path) -> None:
    node = pf.Node("served", data_dir=tmp_path / "data")
    node.modules.autoload = False
    node.modules.configure({})
    node.register(refund_order)
    node.modules.register(NlPlanningModule)
    async with node.started(), trio.open_nursery() as nursery:
        server: pf.WireServer = await nursery.start(partial(node.serve, "127.0.0.1", 0))
        args = ("plan", "refund order 7345901", "--url", server.url, "--json", "--run")
        done = await trio.to_thread.run_sync(partial(cli, *args, cwd=tmp_path))
        nursery.cancel_scope.cancel()
    assert done.returncode == 0, done.stderr
    first, _, rest = done.stdout.partition("\n}\n")
    plan = json.loads(first + "\n}")
    assert plan["steps"] == [{"capability": "refund_order", "params": {"order_id": "7345901"}}]
    assert json.loads(rest) == {"result": {"refund_id": "r-7345901"}}
